// See session.h.
#include "viewer/app/session.h"

#include <cmath>
#include <iostream>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "core/error.h"
#include "viewer/app/exports.h"
#include "viewer/app/panel_parts.h"
#include "viewer/app/panels.h"
#include "viewer/scene/cjk_font.h"

namespace georeserve::viewer {
namespace {

// Every text the scene may show, so that ImGui's font atlas holds its characters.
std::string scene_text(const scene::Scene& scene, const SceneView& view) {
  std::string text = scene.title;
  for (const Layer* l : view.layers()) {
    text += l->title();
    for (const auto& a : l->attributes()) {
      text += a.title;
      for (const auto& c : a.categories) text += c.label + c.label_en;
    }
  }
  for (const auto& b : scene.bookmarks) text += b.title;
  return text;
}

}  // namespace

void apply_start_options(SceneView& view, const Options& options, const std::vector<scene::Bookmark>& bookmarks) {
  if (options.exaggeration > 0) view.set_vertical_exaggeration(options.exaggeration);
  auto layer_named = [&](const std::string& id, const char* option) {
    Layer* l = view.layer(id);
    if (!l) throw InputError(options.input, 0, "", std::string(option) + ": the scene has no layer '" + id + "'");
    return l;
  };
  for (const auto& id : options.hide) layer_named(id, "--hide")->set_visible(false);
  for (const auto& c : options.color_by) {
    const auto eq = c.find('=');
    Layer* l = layer_named(c.substr(0, eq), "--color-by");
    const std::string name = c.substr(eq + 1);
    if (!name.empty() && !l->attribute(name)) {
      std::string list;
      for (const auto& a : l->attributes()) list += (list.empty() ? "" : ", ") + a.name;
      throw InputError(options.input, 0, "", "--color-by: layer '" + l->id() + "' has no attribute '" + name + "' (it has: " + list + ")");
    }
    l->set_color_by(name);
    view.set_legend_layer(l->id());
  }
  if (options.section_cut || options.bench_cut) {
    BlockLayer* blocks = nullptr;
    for (Layer* l : view.layers())
      if (auto* b = dynamic_cast<BlockLayer*>(l); b && b->ok() && !blocks) blocks = b;
    if (!blocks) throw InputError(options.input, 0, "", "--section/--bench: the scene has no block model that loaded");
    blocks->set_section(options.section_cut);
    blocks->set_bench(options.bench_cut);
    view.set_section_trace(blocks->section());
  }
  if (!options.bookmark.empty()) {
    const scene::Bookmark* found = nullptr;
    std::string names;
    for (const auto& b : bookmarks) {
      if (b.name == options.bookmark) found = &b;
      names += (names.empty() ? "" : ", ") + b.name;
    }
    if (!found)
      throw InputError(options.input, 0, "", "no bookmark '" + options.bookmark + "' in the scene (" +
                                                 (names.empty() ? std::string("it has none") : "it has: " + names) + ")");
    view.apply_bookmark(*found);
  }
  if (options.plan) view.view_plan();
  if (options.section_view) view.view_section_line(*options.section_cut);
}

Session::Session(const Options& options, bool visible) : options_(options) {
  const auto manifest = resolve_scene(options.input, std::filesystem::current_path());
  folder_ = manifest.parent_path();
  const scene::Scene scene = scene::read_scene(manifest);
  window_ = std::make_unique<Window>(options.width, options.height, "georeserve-view: " + scene.title, visible);
  ViewOptions view_options;
  view_options.block_faces = face_set_option(options);
  view_ = std::make_unique<SceneView>(view_options);
  view_->load(scene);
  problems_ = view_->problems();
  for (const auto& p : problems_) std::cerr << "georeserve-view: " << p << "\n";
  ui_.bookmarks = scene.bookmarks;
  scene::merge_bookmarks(ui_.bookmarks, read_saved_bookmarks(folder_));  // bookmarks.json beside scene.json
  ui_.export_folder = std::filesystem::current_path();
  ui_.panels = !options.presentation;
  apply_start_options(*view_, options, ui_.bookmarks);
  if (options.section_cut) {
    ui_.section_coords[0] = options.section_cut->start[0];
    ui_.section_coords[1] = options.section_cut->start[1];
    ui_.section_coords[2] = options.section_cut->end[0];
    ui_.section_coords[3] = options.section_cut->end[1];
    ui_.section_width = static_cast<float>(options.section_cut->width);
  }
  window_->start_imgui(find_cjk_font(), scene_text(scene, *view_));
  if (options.presentation && visible) window_->toggle_fullscreen();
}

Session::~Session() {
  view_.reset();  // VTK's OpenGL objects go while the context still exists
}

void Session::handle_input(int width, int height) {
  ImGuiIO& io = ImGui::GetIO();
  int window_w = 0, window_h = 0;
  glfwGetWindowSize(window_->handle(), &window_w, &window_h);
  const double sx = window_w > 0 ? static_cast<double>(width) / window_w : 1.0;  // HiDPI
  const double sy = window_h > 0 ? static_cast<double>(height) / window_h : 1.0;
  if (!io.WantCaptureMouse) {
    const ImVec2 d = io.MouseDelta;
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && (d.x != 0 || d.y != 0)) view_->orbit(-0.35 * d.x, 0.35 * d.y);
    if ((ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Middle)) && (d.x != 0 || d.y != 0))
      view_->pan(d.x * sx, -d.y * sy, height);
    if (io.MouseWheel != 0) view_->zoom(std::pow(1.15, io.MouseWheel));
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      press_x_ = io.MousePos.x;
      press_y_ = io.MousePos.y;
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && std::abs(io.MousePos.x - press_x_) < 3 && std::abs(io.MousePos.y - press_y_) < 3) {
      const int px = static_cast<int>(io.MousePos.x * sx), py = static_cast<int>(io.MousePos.y * sy);
      if (ui_.section_clicks > 0) section_click(px, py, width, height);
      else ui_.picked = view_->pick(px, py, width, height);
    }
  }
  if (!io.WantCaptureKeyboard) {
    if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) view_->fit();
    if (ImGui::IsKeyPressed(GLFW_KEY_P, false)) view_->view_plan();
    if (ImGui::IsKeyPressed(GLFW_KEY_O, false)) view_->set_orthographic(!view_->orthographic());
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false) && io.KeyCtrl) ui_.want_screenshot = true;
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_F11, false)) {
    ui_.panels = !ui_.panels;
    window_->toggle_fullscreen();
  }
  if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && ui_.section_clicks > 0) ui_.section_clicks = 0;
  else if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && !ui_.panels) {
    ui_.panels = true;
    if (window_->fullscreen()) window_->toggle_fullscreen();
  }
}

void Session::section_click(int x, int y, int width, int height) {
  const auto p = view_->ground_point(x, y, width, height);
  BlockLayer* layer = panel_block_layer(*view_, ui_);
  if (!p || !layer) return;
  if (ui_.section_clicks == 1) {
    ui_.section_start = {(*p)[0], (*p)[1]};
    ui_.section_clicks = 2;
    return;
  }
  SectionCut cut;
  cut.start = ui_.section_start;
  cut.end = {(*p)[0], (*p)[1]};
  cut.width = ui_.section_width;
  ui_.section_clicks = 0;
  if (!(cut.length() > 0)) return;
  ui_.section_coords[0] = cut.start[0];
  ui_.section_coords[1] = cut.start[1];
  ui_.section_coords[2] = cut.end[0];
  ui_.section_coords[3] = cut.end[1];
  layer->set_section(cut);
  view_->set_section_trace(layer->section());
}

void Session::carry_out_requests(int width, int height) {
  try {
    if (ui_.want_screenshot || ui_.want_poster) {
      const int scale = ui_.want_poster ? ui_.poster_scale : 1;
      const auto file = ui_.export_folder / ("georeserve-" + timestamp() + (scale > 1 ? "-x" + std::to_string(scale) : "") + ".png");
      write_screenshot(*view_, file, width, height, scale);
      ui_.status = "wrote " + file.string() + " (" + std::to_string(width * scale) + " x " + std::to_string(height * scale) + ")";
    }
    if (ui_.want_turntable) {
      const auto result = write_turntable(*view_, ui_.export_folder / ("turntable-" + timestamp()), width, height, ui_.turntable_frames, 1);
      ui_.status = "wrote " + std::to_string(result.frames) + " frames into " + result.folder.string() +
                   (result.video ? "; video " + result.video->filename().string() : "; " + result.note);
    }
    if (ui_.want_flythrough) {
      const auto result = write_flythrough(*view_, ui_.bookmarks, ui_.export_folder / ("flythrough-" + timestamp()), width, height,
                                           ui_.flythrough_frames, 1);
      ui_.status = "wrote " + std::to_string(result.frames) + " frames into " + result.folder.string() +
                   (result.video ? "; video " + result.video->filename().string() : "; " + result.note);
    }
    if (ui_.want_save_bookmarks) {
      write_saved_bookmarks(folder_, ui_.bookmarks);
      ui_.status = "wrote " + (folder_ / "bookmarks.json").string() + " (copy into the model file's viewer.bookmarks to keep them)";
    }
  } catch (const Error& e) {
    ui_.status = e.what();
  }
  ui_.want_screenshot = ui_.want_poster = ui_.want_turntable = ui_.want_save_bookmarks = ui_.want_flythrough = false;
}

bool Session::frame() {
  glfwPollEvents();
  int width = 0, height = 0;
  window_->framebuffer_size(width, height);
  if (width <= 0 || height <= 0) {  // minimised
    glfwWaitEventsTimeout(0.1);
    return !window_->should_close();
  }
  window_->begin_frame();
  handle_input(width, height);
  if (ui_.panels) {
    int window_w = 0, window_h = 0;
    glfwGetWindowSize(window_->handle(), &window_w, &window_h);
    draw_panels(*view_, ui_, window_w, window_h);
  }
  carry_out_requests(width, height);
  update_statement(glfwGetTime());
  if (view_->needs_render()) view_->render(width, height);
  else view_->redraw_last(width, height);
  window_->end_frame();
  return !window_->should_close();
}

void Session::run() {
  while (frame()) {
    // Nothing moving: sleep until an event instead of drawing frames nobody needs.
    if (!view_->needs_render() && !ImGui::IsAnyMouseDown()) glfwWaitEventsTimeout(0.5);
  }
}

}  // namespace georeserve::viewer
