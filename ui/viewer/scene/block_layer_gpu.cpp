// The block model layer's GPU side: the candidate face geometry, the 3D texture of texels and the
// palette texture, our shader sections installed in VTK's polydata shaders, and the uniforms set before
// every draw (filter, colour range, camera in index coordinates). A filter change in "all" mode only
// changes what set_uniforms() sends.
#include <chrono>
#include <cmath>

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkMatrix3x3.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkOpenGLPolyDataMapper.h>
#include <vtkOpenGLRenderWindow.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkShaderProgram.h>
#include <vtkShaderProperty.h>
#include <vtkTextureObject.h>
#include <vtkTypeInt32Array.h>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "core/error.h"
#include "viewer/scene/internal/block_layer_impl.h"
#include "viewer/scene/palette.h"
#include "viewer/scene/shader_source.h"

namespace georeserve::viewer {
namespace {

constexpr const char* kShaderFile = "block_faces.glsl";

void install_shader(vtkActor* actor) {
  const std::string_view text = embedded_shader(kShaderFile);
  auto section = [&](const char* name) { return shader_section(text, name, kShaderFile); };
  vtkShaderProperty* sp = actor->GetShaderProperty();
  sp->AddVertexShaderReplacement("//VTK::CustomUniforms::Dec", true,
                                 "//VTK::CustomUniforms::Dec\n" + section("vertex-declarations"), false);
  sp->AddVertexShaderReplacement("//VTK::CustomEnd::Impl", true, "//VTK::CustomEnd::Impl\n" + section("vertex-main"), false);
  sp->AddFragmentShaderReplacement("//VTK::CustomUniforms::Dec", true,
                                   "//VTK::CustomUniforms::Dec\n" + section("fragment-declarations"), false);
  sp->AddFragmentShaderReplacement("//VTK::UniformFlow::Impl", true,
                                   "//VTK::UniformFlow::Impl\n" + section("fragment-uniform-flow"), false);
  sp->AddFragmentShaderReplacement("//VTK::Color::Impl", true, section("fragment-color"), false);
  sp->AddFragmentShaderReplacement("//VTK::Light::Impl", true, section("fragment-light"), false);
}

void on_update_shader(vtkObject*, unsigned long, void* client, void* program) {
  static_cast<BlockLayer::Impl*>(client)->set_uniforms(static_cast<vtkShaderProgram*>(program));
}

float f(double v) { return static_cast<float>(v); }

}  // namespace

void BlockLayer::attach(RenderContext& context) {
  auto& d = *impl_;
  d.context = &context;
  if (!ok()) return;
  if (!d.face_set_chosen) d.face_set = context.block_faces;
  d.poly = vtkSmartPointer<vtkPolyData>::New();
  d.mapper = vtkSmartPointer<vtkOpenGLPolyDataMapper>::New();
  d.mapper->SetInputData(d.poly);
  d.mapper->ScalarVisibilityOff();
  d.mapper->MapDataArrayToVertexAttribute("faceCentre", "faceCentre", vtkDataObject::FIELD_ASSOCIATION_POINTS, -1);
  d.uniforms = vtkSmartPointer<vtkCallbackCommand>::New();
  d.uniforms->SetCallback(on_update_shader);
  d.uniforms->SetClientData(&d);
  d.mapper->AddObserver(vtkCommand::UpdateShaderEvent, d.uniforms);
  d.actor = vtkSmartPointer<vtkActor>::New();
  d.actor->SetMapper(d.mapper);
  d.actor->GetProperty()->LightingOff();
  install_shader(d.actor);
  context.renderer->AddActor(d.actor);
}

void BlockLayer::sync(RenderContext& context) {
  auto& d = *impl_;
  if (!ok() || !d.actor) return;
  d.context = &context;
  d.actor->SetVisibility(visible());
  d.actor->GetProperty()->SetOpacity(opacity());
  vtkNew<vtkMatrix4x4> local;
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) local->SetElement(r, c, d.axes[static_cast<std::size_t>(c)][static_cast<std::size_t>(r)]);
    local->SetElement(r, 3, d.axes[3][static_cast<std::size_t>(r)]);
  }
  context.place(d.actor, local);
  d.pack_color_and_filter(*this);
  const scene::Attribute* a = color_attribute();
  const bool categorical = a && a->kind == scene::AttributeKind::categorical;
  if (a != d.palette_attribute) d.palette_dirty = true;
  d.palette_attribute = a;
  d.categorical = categorical || !a;  // a solid colour is palette entry 0
  d.color_range = color_range();
  const Rgb solid = default_layer_color(desc(), 0);
  if (!(solid == d.solid)) d.palette_dirty = true;
  d.solid = solid;
  if (d.faces_dirty) d.build_faces();
}

void BlockLayer::Impl::build_faces() {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Face> list = volume.faces(face_set, filter);
  const vtkIdType n = static_cast<vtkIdType>(list.size());
  vtkNew<vtkFloatArray> positions;
  positions->SetNumberOfComponents(3);
  positions->SetNumberOfTuples(4 * n);
  vtkNew<vtkFloatArray> centres;
  centres->SetName("faceCentre");
  centres->SetNumberOfComponents(3);
  centres->SetNumberOfTuples(4 * n);
  vtkNew<vtkTypeInt32Array> offsets, connectivity;
  offsets->SetNumberOfTuples(n + 1);
  connectivity->SetNumberOfTuples(4 * n);
  float* p = positions->GetPointer(0);
  float* c = centres->GetPointer(0);
  std::int32_t* conn = connectivity->GetPointer(0);
  std::int32_t* off = offsets->GetPointer(0);
  tbb::parallel_for(tbb::blocked_range<vtkIdType>(0, n, 4096), [&](const tbb::blocked_range<vtkIdType>& range) {
    for (vtkIdType q = range.begin(); q < range.end(); ++q) {
      const Face& face = list[static_cast<std::size_t>(q)];
      const int axis = face.axis, a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
      float centre[3] = {f(face.i), f(face.j), f(face.k)};
      centre[a1] += 0.5f;
      centre[a2] += 0.5f;
      for (int corner = 0; corner < 4; ++corner) {
        float v[3] = {f(face.i), f(face.j), f(face.k)};
        v[a1] += (corner == 1 || corner == 2) ? 1.0f : 0.0f;
        v[a2] += corner >= 2 ? 1.0f : 0.0f;
        const vtkIdType at = 4 * q + corner;
        for (int k = 0; k < 3; ++k) {
          p[3 * at + k] = v[k];
          c[3 * at + k] = centre[k];
        }
        conn[at] = static_cast<std::int32_t>(at);
      }
      off[q] = static_cast<std::int32_t>(4 * q);
    }
  });
  off[n] = static_cast<std::int32_t>(4 * n);
  vtkNew<vtkPoints> points;
  points->SetData(positions);
  vtkNew<vtkCellArray> polys;
  polys->SetData(offsets, connectivity);
  poly->Initialize();
  poly->SetPoints(points);
  poly->SetPolys(polys);
  poly->GetPointData()->AddArray(centres);
  poly->Modified();
  face_count = list.size();
  ++builds;
  build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  faces_dirty = false;
}

void BlockLayer::Impl::upload_textures() {
  vtkOpenGLRenderWindow* window = context->window;
  if (texels_dirty || !texture) {
    const int max = vtkTextureObject::GetMaximumTextureSize3D(window);
    if (max > 0 && (cells[0] > max || cells[1] > max || cells[2] > max))
      throw ResourceError("block model of " + std::to_string(cells[0]) + " x " + std::to_string(cells[1]) + " x " +
                          std::to_string(cells[2]) + " blocks exceeds this renderer's 3D texture size (" +
                          std::to_string(max) + " per axis)");
    if (!texture) {
      texture = vtkSmartPointer<vtkTextureObject>::New();
      texture->SetContext(window);
    }
    texture->SetMinificationFilter(vtkTextureObject::Nearest);
    texture->SetMagnificationFilter(vtkTextureObject::Nearest);
    texture->Create3DFromRaw(static_cast<unsigned>(cells[0]), static_cast<unsigned>(cells[1]), static_cast<unsigned>(cells[2]), 4,
                             VTK_FLOAT, const_cast<float*>(volume.texels().data()));
    texels_dirty = false;
  }
  if (palette_dirty || !palette) {
    if (!palette) {
      palette = vtkSmartPointer<vtkTextureObject>::New();
      palette->SetContext(window);
    }
    palette->SetMinificationFilter(categorical ? vtkTextureObject::Nearest : vtkTextureObject::Linear);
    palette->SetMagnificationFilter(categorical ? vtkTextureObject::Nearest : vtkTextureObject::Linear);
    palette->SetWrapS(vtkTextureObject::ClampToEdge);
    palette->SetWrapT(vtkTextureObject::ClampToEdge);
    // The attribute's palette, or the solid colour everywhere.
    const PaletteBytes bytes = palette_bytes(palette_attribute, solid);
    palette->Create2DFromRaw(256, 1, 4, VTK_UNSIGNED_CHAR, const_cast<std::uint8_t*>(bytes.data()));
    palette_dirty = false;
  }
}

void BlockLayer::Impl::set_uniforms(vtkShaderProgram* program) {
  upload_textures();
  texture->Activate();
  palette->Activate();
  program->SetUniformi("blockValues", texture->GetTextureUnit());
  program->SetUniformi("palette", palette->GetTextureUnit());
  const float grid[3] = {f(cells[0]), f(cells[1]), f(cells[2])};
  program->SetUniform3f("gridCells", grid);
  const float lo[3] = {f(filter.index_min[0]), f(filter.index_min[1]), f(filter.index_min[2])};
  const float hi[3] = {f(filter.index_max[0]), f(filter.index_max[1]), f(filter.index_max[2])};
  program->SetUniform3f("indexMin", lo);
  program->SetUniform3f("indexMax", hi);
  program->SetUniformi("showMissing", filter.show_missing ? 1 : 0);
  program->SetUniformi("valueFilter", filter.value_enabled ? 1 : 0);
  const float range[2] = {filter.value_lo, filter.value_hi};
  program->SetUniform2f("valueRange", range);
  int masks[8];
  for (int w = 0; w < 8; ++w) masks[w] = static_cast<int>(filter.class_mask[static_cast<std::size_t>(w)]);
  program->SetUniform1iv("classMask", 8, masks);
  for (int w = 0; w < 8; ++w) masks[w] = static_cast<int>(filter.domain_mask[static_cast<std::size_t>(w)]);
  program->SetUniform1iv("domainMask", 8, masks);
  program->SetUniformi("clipCount", filter.clip_count);
  float planes[4 * kMaxClips], ranges[2 * kMaxClips];
  for (std::size_t n = 0; n < static_cast<std::size_t>(kMaxClips); ++n) {
    for (std::size_t c = 0; c < 4; ++c) planes[4 * n + c] = filter.clips[n].plane[c];
    ranges[2 * n] = filter.clips[n].lo;
    ranges[2 * n + 1] = filter.clips[n].hi;
  }
  program->SetUniform4fv("clipPlane", kMaxClips, static_cast<const float*>(planes));
  program->SetUniform2fv("clipRange", kMaxClips, static_cast<const float*>(ranges));
  program->SetUniformi("categorical", categorical ? 1 : 0);
  const float colors[2] = {f(color_range[0]), f(color_range[1])};
  program->SetUniform2f("colorRange", colors);
  const float missing[3] = {0.62f, 0.62f, 0.62f};
  program->SetUniform3f("missingColor", missing);
  program->SetUniformf("edgeStrength", show_edges ? 1.0f : 0.0f);
  const float light[3] = {-0.3f, 0.45f, 0.84f};
  program->SetUniform3f("lightDirection", light);

  // The camera in index coordinates, for the "camera on the shown side" test.
  vtkCamera* camera = context->renderer->GetActiveCamera();
  vtkMatrix4x4* model = actor->GetMatrix();
  vtkNew<vtkMatrix4x4> inverse;
  vtkMatrix4x4::Invert(model, inverse);
  double position[4] = {0, 0, 0, 1};
  camera->GetPosition(position);
  double in_index[4];
  inverse->MultiplyPoint(position, in_index);
  const float camera_index[3] = {f(in_index[0]), f(in_index[1]), f(in_index[2])};
  program->SetUniform3f("cameraIndex", camera_index);
  double dop[3];
  camera->GetDirectionOfProjection(dop);
  float dir[3] = {0, 0, 0};
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) dir[r] += f(inverse->GetElement(r, c) * dop[c]);
  program->SetUniform3f("viewDirIndex", dir);
  program->SetUniformi("parallelView", camera->GetParallelProjection() ? 1 : 0);
  // Normals from index to view coordinates: inverse transpose of (view * model).
  vtkNew<vtkMatrix4x4> model_view;
  vtkMatrix4x4::Multiply4x4(camera->GetModelViewTransformMatrix(), model, model_view);
  vtkNew<vtkMatrix3x3> normal;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) normal->SetElement(r, c, model_view->GetElement(r, c));
  normal->Invert();
  normal->Transpose();
  program->SetUniformMatrix("indexToViewNormal", normal);
}

void BlockLayer::Impl::display_to_index(const Ray& ray, const RenderContext& context, std::array<double, 3>& origin,
                                        std::array<double, 3>& direction) const {
  vtkNew<vtkMatrix4x4> local, display, model, inverse;
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 3; ++c) local->SetElement(r, c, axes[static_cast<std::size_t>(c)][static_cast<std::size_t>(r)]);
    local->SetElement(r, 3, axes[3][static_cast<std::size_t>(r)]);
  }
  context.display_matrix(display);
  vtkMatrix4x4::Multiply4x4(display, local, model);
  vtkMatrix4x4::Invert(model, inverse);
  const double o[4] = {ray.origin[0], ray.origin[1], ray.origin[2], 1.0};
  double oi[4];
  inverse->MultiplyPoint(o, oi);
  for (int r = 0; r < 3; ++r) {
    origin[static_cast<std::size_t>(r)] = oi[r];
    direction[static_cast<std::size_t>(r)] = 0.0;
    for (int c = 0; c < 3; ++c) direction[static_cast<std::size_t>(r)] += inverse->GetElement(r, c) * ray.direction[static_cast<std::size_t>(c)];
  }
}

}  // namespace georeserve::viewer
