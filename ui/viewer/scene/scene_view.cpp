// The scene view: a vtkGenericOpenGLRenderWindow on the caller's current OpenGL context, the layers,
// the camera rig, the overlays, picking and off-screen pictures. See scene_view.h.
#include "viewer/scene/scene_view.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numbers>

#include <GL/gl.h>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include "core/error.h"
#include "viewer/scene/camera_rig.h"
#include "viewer/scene/cjk_font.h"
#include "viewer/scene/internal/layers.h"
#include "viewer/scene/internal/overlays.h"
#include "viewer/scene/internal/render_context.h"

namespace georeserve::viewer {

struct SceneView::Impl {
  ViewOptions options;
  scene::Scene scene;
  vtkSmartPointer<vtkGenericOpenGLRenderWindow> window;
  vtkSmartPointer<vtkRenderer> renderer;
  RenderContext context;
  std::vector<std::unique_ptr<Layer>> layers;
  std::map<const Layer*, std::uint64_t> synced;  // revision last applied
  std::uint64_t context_revision = 1, synced_context = 0;
  OverlayActors overlay_actors;
  Overlays overlays, drawn_overlays;
  std::string legend_layer;
  CameraRig rig, drawn_rig;
  bool camera_placed = false;
  bool dirty = true;
  int drawn_width = 0, drawn_height = 0;
  std::string renderer_name;
  bool software = false;
  std::optional<SectionCut> trace;
  vtkSmartPointer<vtkActor> trace_actor;

  void update_trace();
  // The ray through pixel (x, y), display coordinates; false when degenerate.
  bool ray_at(int x, int y, int height, Ray& ray);
  void start(int width, int height);
  std::optional<std::array<double, 6>> local_bounds() const;
  void sync_layers();
  void place_camera();
  void draw(int width, int height, int scale);
  const Layer* legend() const;
  std::array<double, 3> to_display(const std::array<double, 3>& crs) const;
};

SceneView::SceneView(ViewOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->renderer = vtkSmartPointer<vtkRenderer>::New();
  impl_->renderer->GradientBackgroundOn();
  impl_->renderer->SetBackground(0.11, 0.12, 0.15);
  impl_->renderer->SetBackground2(0.30, 0.34, 0.40);
  impl_->renderer->SetUseDepthPeeling(true);
  impl_->renderer->SetMaximumNumberOfPeels(6);
  impl_->context.renderer = impl_->renderer;
  impl_->context.scene = &impl_->scene;
  impl_->context.font_file = impl_->options.font_file.empty() ? find_cjk_font() : impl_->options.font_file;
}

SceneView::~SceneView() {
  // Layers and props go before the window that owns their OpenGL resources.
  if (impl_->window) impl_->window->Finalize();
}

// The render window lives on the context current at the first draw (GLFW's, visible or hidden).
void SceneView::Impl::start(int width, int height) {
  if (window) return;
  window = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
  window->SetOwnContext(false);
  window->SetMultiSamples(0);  // multisampling costs 2-4x per frame on Mesa llvmpipe
  window->SetSize(width, height);
  window->SetIsCurrent(true);
  window->SetReadyForRendering(true);
  window->AddRenderer(renderer);
  window->SetDPI(72);
  context.window = window;
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  renderer_name = name ? name : "unknown";
  software = renderer_name.find("llvmpipe") != std::string::npos || renderer_name.find("softpipe") != std::string::npos ||
                        renderer_name.find("SwiftShader") != std::string::npos || renderer_name.find("Software") != std::string::npos;
  context.block_faces = options.block_faces.value_or(software ? FaceSet::exposed : FaceSet::all);
  for (auto& layer : layers) layer->attach(context);
  overlay_actors.attach(context);
  update_trace();
}

void SceneView::load(const scene::Scene& scene) {
  impl_->scene = scene;
  impl_->context.vertical_exaggeration = scene.vertical_exaggeration;
  // Terrain first, so that grids and polygons can be draped on it.
  std::vector<std::size_t> order(scene.layers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_partition(order.begin(), order.end(), [&](std::size_t i) {
    const auto ext = scene.layers[i].file.extension().string();
    return scene.layers[i].kind == scene::LayerKind::surface && (ext == ".tif" || ext == ".tiff");
  });
  std::vector<std::unique_ptr<Layer>> loaded(scene.layers.size());
  for (std::size_t i : order) {
    loaded[i] = load_layer(scene.layers[i], impl_->scene, impl_->context.terrain);
    if (!impl_->context.terrain) impl_->context.terrain = terrain_of(*loaded[i]);
  }
  for (auto& layer : loaded) add_layer(std::move(layer));
  if (auto b = impl_->local_bounds()) impl_->context.exaggeration_base = ((*b)[4] + (*b)[5]) / 2;
}

Layer& SceneView::add_layer(std::unique_ptr<Layer> layer) {
  Layer& ref = *layer;
  impl_->layers.push_back(std::move(layer));
  if (impl_->window) ref.attach(impl_->context);
  impl_->dirty = true;
  return ref;
}

const scene::Scene& SceneView::scene() const { return impl_->scene; }

std::vector<Layer*> SceneView::layers() const {
  std::vector<Layer*> out;
  for (const auto& l : impl_->layers) out.push_back(l.get());
  return out;
}

Layer* SceneView::layer(const std::string& id) const {
  for (const auto& l : impl_->layers)
    if (l->id() == id) return l.get();
  return nullptr;
}

std::vector<std::string> SceneView::problems() const {
  std::vector<std::string> out;
  for (const auto& l : impl_->layers)
    if (!l->ok()) out.push_back(l->title() + ": " + l->problem());
  return out;
}

void SceneView::set_legend_layer(const std::string& id) {
  impl_->legend_layer = id;
  impl_->dirty = true;
}

std::string SceneView::legend_layer() const {
  const Layer* l = impl_->legend();
  return l ? l->id() : std::string();
}

const Layer* SceneView::Impl::legend() const {
  for (const auto& l : layers)
    if (l->id() == legend_layer && l->ok()) return l.get();
  for (const auto& l : layers)
    if (l->ok() && l->visible() && l->color_attribute()) return l.get();
  return nullptr;
}

Overlays& SceneView::overlays() { return impl_->overlays; }  // changes are noticed by needs_render()

double SceneView::vertical_exaggeration() const { return impl_->context.vertical_exaggeration; }

void SceneView::set_vertical_exaggeration(double factor) {
  factor = std::clamp(factor, 0.1, 100.0);
  auto& c = impl_->context;
  if (factor == c.vertical_exaggeration) return;
  // Keep looking at the same real point.
  const double local_z = c.exaggeration_base + (impl_->rig.focal[2] - c.exaggeration_base) / c.vertical_exaggeration;
  c.vertical_exaggeration = factor;
  impl_->rig.focal[2] = c.exaggeration_base + (local_z - c.exaggeration_base) * factor;
  ++impl_->context_revision;
  impl_->dirty = true;
}

std::array<double, 3> SceneView::background() const { return {0.11, 0.12, 0.15}; }
std::string SceneView::renderer_name() const { return impl_->renderer_name; }
bool SceneView::software_renderer() const { return impl_->software; }

std::optional<std::array<double, 6>> SceneView::Impl::local_bounds() const {
  std::optional<std::array<double, 6>> all;
  for (const auto& l : layers) {
    if (!l->ok() || !l->visible()) continue;
    auto b = l->bounds();
    if (!b) continue;
    if (!all) {
      all = b;
      continue;
    }
    for (int a = 0; a < 3; ++a) {
      (*all)[2 * a] = std::min((*all)[2 * a], (*b)[2 * a]);
      (*all)[2 * a + 1] = std::max((*all)[2 * a + 1], (*b)[2 * a + 1]);
    }
  }
  return all;
}

void SceneView::Impl::sync_layers() {
  const bool context_changed = synced_context != context_revision;
  for (auto& l : layers) {
    const bool holes = l->kind() == scene::LayerKind::drillholes || l->kind() == scene::LayerKind::composites;
    l->set_labels_visible(holes ? overlays.hole_labels : overlays.polygon_labels);
    auto it = synced.find(l.get());
    if (context_changed || it == synced.end() || it->second != l->revision()) {
      l->sync(context);
      synced[l.get()] = l->revision();
    }
  }
  synced_context = context_revision;
}

void SceneView::Impl::place_camera() {
  vtkCamera* camera = renderer->GetActiveCamera();
  const Vec3 p = rig.position(), up = rig.view_up();
  camera->SetFocalPoint(rig.focal.data());
  camera->SetPosition(p.data());
  camera->SetViewUp(up.data());
  camera->SetViewAngle(rig.view_angle);
  camera->SetParallelProjection(rig.parallel);
  camera->SetParallelScale(rig.parallel_scale);
  if (auto b = local_bounds()) {
    const double ve = context.vertical_exaggeration, base = context.exaggeration_base;
    double display[6] = {(*b)[0], (*b)[1], (*b)[2], (*b)[3], base + ((*b)[4] - base) * ve, base + ((*b)[5] - base) * ve};
    renderer->ResetCameraClippingRange(display);
  } else {
    renderer->ResetCameraClippingRange();
  }
}

void SceneView::fit() {
  auto b = impl_->local_bounds();
  if (!b) return;
  const auto& c = impl_->context;
  const double z0 = c.exaggeration_base + ((*b)[4] - c.exaggeration_base) * c.vertical_exaggeration;
  const double z1 = c.exaggeration_base + ((*b)[5] - c.exaggeration_base) * c.vertical_exaggeration;
  const Vec3 centre{((*b)[0] + (*b)[1]) / 2, ((*b)[2] + (*b)[3]) / 2, (z0 + z1) / 2};
  const double radius = 0.5 * std::sqrt(((*b)[1] - (*b)[0]) * ((*b)[1] - (*b)[0]) + ((*b)[3] - (*b)[2]) * ((*b)[3] - (*b)[2]) + (z1 - z0) * (z1 - z0));
  impl_->rig.frame(centre, radius);
  impl_->camera_placed = true;
  impl_->dirty = true;
}

void SceneView::Impl::draw(int width, int height, int scale) {
  start(width, height);
  window->SetSize(width, height);
  window->SetDPI(72 * scale);
  if (synced_context != context_revision && trace) update_trace();  // follows the exaggeration
  sync_layers();
  if (!camera_placed) {
    // The manifest's "default" or "overview" bookmark, else the whole scene from the south-west.
    camera_placed = true;
    const scene::Bookmark* first = nullptr;
    for (const auto& b : scene.bookmarks)
      if (b.name == "default" || b.name == "overview") first = first ? first : &b;
    if (first) {
      const auto pos = to_display(first->position), focal = to_display(first->focal_point);
      rig = CameraRig::from_vectors(pos, focal, first->view_up, first->parallel, first->parallel_scale);
    } else if (auto b = local_bounds()) {
      const double ve = context.vertical_exaggeration, base = context.exaggeration_base;
      const double z0 = base + ((*b)[4] - base) * ve, z1 = base + ((*b)[5] - base) * ve;
      const Vec3 centre{((*b)[0] + (*b)[1]) / 2, ((*b)[2] + (*b)[3]) / 2, (z0 + z1) / 2};
      rig.frame(centre, 0.5 * std::sqrt(((*b)[1] - (*b)[0]) * ((*b)[1] - (*b)[0]) + ((*b)[3] - (*b)[2]) * ((*b)[3] - (*b)[2]) + (z1 - z0) * (z1 - z0)));
    }
  }
  place_camera();
  overlay_actors.update(context, overlays, legend(), local_bounds(), width, height, scale);
  window->Render();
  drawn_overlays = overlays;
  drawn_rig = rig;
  drawn_width = width;
  drawn_height = height;
  dirty = false;
}

std::array<double, 3> SceneView::Impl::to_display(const std::array<double, 3>& crs) const {
  const auto& o = scene.origin;
  const double z = crs[2] - o[2];
  return {crs[0] - o[0], crs[1] - o[1], context.exaggeration_base + (z - context.exaggeration_base) * context.vertical_exaggeration};
}

void SceneView::render(int width, int height) { impl_->draw(width, height, 1); }

bool SceneView::needs_render() const {
  const auto& d = *impl_;
  if (d.dirty || !d.window || !(d.overlays == d.drawn_overlays) || d.synced_context != d.context_revision) return true;
  const CameraRig &a = d.rig, &b = d.drawn_rig;
  if (a.focal != b.focal || a.distance != b.distance || a.azimuth != b.azimuth || a.elevation != b.elevation ||
      a.parallel != b.parallel || a.parallel_scale != b.parallel_scale)
    return true;
  for (const auto& l : d.layers) {
    auto it = d.synced.find(l.get());
    if (it == d.synced.end() || it->second != l->revision()) return true;
  }
  return false;
}

void SceneView::redraw_last(int width, int height) {
  if (!impl_->window || width != impl_->drawn_width || height != impl_->drawn_height) {
    render(width, height);
    return;
  }
  impl_->window->BlitDisplayFramebuffer();
}

void SceneView::orbit(double azimuth_deg, double elevation_deg) { impl_->rig.orbit(azimuth_deg, elevation_deg); }
void SceneView::pan(double dx, double dy, int viewport_height) { impl_->rig.pan(dx, dy, viewport_height); }
void SceneView::zoom(double factor) { impl_->rig.zoom(factor); }

void SceneView::view_plan() {
  impl_->rig.azimuth = 180.0;
  impl_->rig.elevation = 90.0;
  impl_->rig.parallel = true;
  fit();
}

void SceneView::view_section(double azimuth_deg) {
  impl_->rig.azimuth = std::fmod(azimuth_deg + 180.0 + 360.0, 360.0);  // stand behind, look towards azimuth
  impl_->rig.elevation = 0.0;
  impl_->rig.parallel = true;
  fit();
}

void SceneView::set_orthographic(bool on) {
  auto& r = impl_->rig;
  if (on == r.parallel) return;
  // Keep the picture's size at the focal point.
  if (on) r.parallel_scale = r.distance * std::tan(r.view_angle * std::numbers::pi / 360.0);
  else r.distance = r.parallel_scale / std::tan(r.view_angle * std::numbers::pi / 360.0);
  r.parallel = on;
}

bool SceneView::orthographic() const { return impl_->rig.parallel; }

void SceneView::apply_bookmark(const scene::Bookmark& b) {
  const auto pos = impl_->to_display(b.position), focal = impl_->to_display(b.focal_point);
  impl_->rig = CameraRig::from_vectors(pos, focal, b.view_up, b.parallel, b.parallel_scale);
  impl_->camera_placed = true;
}

scene::Bookmark SceneView::bookmark_here(const std::string& name, const std::string& title) const {
  const auto& c = impl_->context;
  auto crs = [&](const Vec3& d) { return c.to_crs(d); };
  scene::Bookmark b;
  b.name = name;
  b.title = title.empty() ? name : title;
  b.position = crs(impl_->rig.position());
  b.focal_point = crs(impl_->rig.focal);
  b.view_up = impl_->rig.view_up();
  b.parallel = impl_->rig.parallel;
  b.parallel_scale = impl_->rig.parallel ? impl_->rig.parallel_scale : 0.0;
  return b;
}

std::optional<PickResult> SceneView::pick(int x, int y, int width, int height) {
  auto& d = *impl_;
  if (!d.window) return std::nullopt;
  if (d.drawn_width != width || d.drawn_height != height || needs_render()) render(width, height);
  Ray ray;
  if (!d.ray_at(x, y, height, ray)) return std::nullopt;
  // The nearest hit, but an opaque layer wins over translucent ones in front of it (a block seen
  // through a translucent planning prism or terrain is what the user points at).
  std::optional<PickResult> best, best_translucent;
  for (auto& l : d.layers) {
    auto hit = l->pick(ray, d.context);
    if (!hit) continue;
    auto& slot = l->opacity() < 0.99 ? best_translucent : best;
    if (!slot || hit->distance < slot->distance) slot = hit;
  }
  return best ? best : best_translucent;
}

bool SceneView::Impl::ray_at(int x, int y, int height, Ray& ray) {
  const double dx = x + 0.5, dy = height - 1 - y + 0.5;
  auto world = [&](double z) {
    renderer->SetDisplayPoint(dx, dy, z);
    renderer->DisplayToWorld();
    double w[4];
    renderer->GetWorldPoint(w);
    return std::array<double, 3>{w[0] / w[3], w[1] / w[3], w[2] / w[3]};
  };
  const auto near = world(0.0), far = world(1.0);
  ray.origin = near;
  double length = 0;
  for (std::size_t a = 0; a < 3; ++a) {
    ray.direction[a] = far[a] - near[a];
    length += ray.direction[a] * ray.direction[a];
  }
  length = std::sqrt(length);
  if (!(length > 0)) return false;
  for (double& c : ray.direction) c /= length;
  ray.display = {dx, dy};
  return true;
}

std::optional<std::array<double, 3>> SceneView::ground_point(int x, int y, int width, int height) {
  auto& d = *impl_;
  if (!d.window) return std::nullopt;
  if (d.drawn_width != width || d.drawn_height != height || needs_render()) render(width, height);
  Ray ray;
  if (!d.ray_at(x, y, height, ray) || std::abs(ray.direction[2]) < 1e-9) return std::nullopt;
  const double t = (d.rig.focal[2] - ray.origin[2]) / ray.direction[2];
  return d.context.to_crs({ray.origin[0] + t * ray.direction[0], ray.origin[1] + t * ray.direction[1], d.rig.focal[2]});
}

void SceneView::view_section_line(const SectionCut& s) {
  auto& d = *impl_;
  const auto& o = d.scene.origin;
  const auto b = d.local_bounds();
  const auto& c = d.context;
  const double z0 = b ? c.exaggeration_base + ((*b)[4] - c.exaggeration_base) * c.vertical_exaggeration : 0.0;
  const double z1 = b ? c.exaggeration_base + ((*b)[5] - c.exaggeration_base) * c.vertical_exaggeration : 0.0;
  d.rig.focal = {(s.start[0] + s.end[0]) / 2 - o[0], (s.start[1] + s.end[1]) / 2 - o[1], (z0 + z1) / 2};
  // Stand on the line's right-hand side looking left of it: the camera's azimuth is the line's + 90.
  d.rig.azimuth = std::fmod(s.azimuth() + 90.0, 360.0);
  d.rig.elevation = 0.0;
  d.rig.parallel = true;
  d.rig.parallel_scale = 0.75 * std::max(s.length() / 1.6, z1 - z0);  // 1.6:1 window: two thirds of it across
  d.rig.distance = std::max(2.0 * s.length(), 1000.0);
  d.camera_placed = true;
  d.dirty = true;
}

void SceneView::set_section_trace(const std::optional<SectionCut>& section) {
  if (section == impl_->trace) return;
  impl_->trace = section;
  impl_->update_trace();
  impl_->dirty = true;
}

void SceneView::Impl::update_trace() {
  if (!window) return;  // attached at the first draw
  if (!trace_actor) {
    trace_actor = vtkSmartPointer<vtkActor>::New();
    vtkNew<vtkPolyDataMapper> mapper;
    trace_actor->SetMapper(mapper);
    trace_actor->GetProperty()->SetColor(1.0, 0.92, 0.2);
    trace_actor->GetProperty()->SetLineWidth(3.0f);
    trace_actor->GetProperty()->LightingOff();
    renderer->AddActor(trace_actor);
  }
  trace_actor->SetVisibility(trace.has_value());
  if (!trace) return;
  // The line at the top of the scene, with ticks down to its bottom at both ends.
  const auto b = local_bounds();
  const double top = b ? (*b)[5] : 0.0, bottom = b ? (*b)[4] : 0.0;
  const auto& o = scene.origin;
  vtkNew<vtkPoints> points;
  const double xs[2] = {trace->start[0] - o[0], trace->end[0] - o[0]}, ys[2] = {trace->start[1] - o[1], trace->end[1] - o[1]};
  for (int e = 0; e < 2; ++e) {
    points->InsertNextPoint(xs[e], ys[e], top);
    points->InsertNextPoint(xs[e], ys[e], bottom);
  }
  vtkNew<vtkCellArray> lines;
  const vtkIdType top_line[2] = {0, 2}, tick0[2] = {0, 1}, tick1[2] = {2, 3};
  lines->InsertNextCell(2, top_line);
  lines->InsertNextCell(2, tick0);
  lines->InsertNextCell(2, tick1);
  vtkNew<vtkPolyData> poly;
  poly->SetPoints(points);
  poly->SetLines(lines);
  static_cast<vtkPolyDataMapper*>(trace_actor->GetMapper())->SetInputData(poly);
  context.place(trace_actor);
}

Image SceneView::capture(int width, int height, int scale) {
  scale = std::max(scale, 1);
  const int w = width * scale, h = height * scale;
  auto& d = *impl_;
  d.draw(w, h, scale);
  vtkNew<vtkUnsignedCharArray> pixels;
  d.window->GetPixelData(0, 0, w - 1, h - 1, /*front=*/0, pixels, /*right=*/0);
  Image image;
  image.width = w;
  image.height = h;
  image.rgb.resize(static_cast<std::size_t>(w) * h * 3);
  const int components = pixels->GetNumberOfComponents();
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < 3; ++c)
        image.rgb[(static_cast<std::size_t>(h - 1 - y) * w + x) * 3 + c] =
            pixels->GetValue((static_cast<vtkIdType>(y) * w + x) * components + c);
  if (scale != 1) d.dirty = true;  // the window's own size and text sizes come back at the next draw
  return image;
}

void SceneView::turntable(int width, int height, int frames, int scale, const std::function<void(int, const Image&)>& write) {
  frames = std::max(frames, 1);
  const CameraRig start = impl_->rig;
  for (int f = 0; f < frames; ++f) {
    impl_->rig = start;
    impl_->rig.orbit(360.0 * f / frames, 0.0);
    write(f, capture(width, height, scale));
  }
  impl_->rig = start;
  impl_->dirty = true;
}

void SceneView::flythrough(const std::vector<scene::Bookmark>& bookmarks, int frames_per_leg, int width, int height, int scale,
                           const std::function<void(int, const Image&)>& write) {
  if (bookmarks.empty()) return;
  frames_per_leg = std::max(frames_per_leg, 1);
  const CameraRig start = impl_->rig;
  std::vector<CameraRig> stops;
  for (const auto& b : bookmarks) {
    apply_bookmark(b);
    stops.push_back(impl_->rig);
  }
  int frame = 0;
  for (std::size_t leg = 0; leg + 1 < stops.size(); ++leg)
    for (int f = 0; f < frames_per_leg; ++f) {
      impl_->rig = interpolate(stops[leg], stops[leg + 1], static_cast<double>(f) / frames_per_leg);
      write(frame++, capture(width, height, scale));
    }
  impl_->rig = stops.back();
  write(frame, capture(width, height, scale));
  impl_->rig = start;
  impl_->dirty = true;
}

}  // namespace georeserve::viewer
