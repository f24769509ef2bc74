// See panels.h. Panel titles carry Chinese and English; every number shows its unit.
#include "viewer/app/panels.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "core/text.h"
#include "viewer/app/panel_parts.h"
#include "viewer/scene/palette.h"

namespace georeserve::viewer {
namespace {

const ImVec4 kRed{1.0f, 0.45f, 0.4f, 1.0f};
const ImVec4 kDim{0.7f, 0.7f, 0.7f, 1.0f};

ImVec4 to_imgui(Rgb c) { return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f}; }

Layer* active_layer(SceneView& view, UiState& ui) {
  if (Layer* l = view.layer(ui.active_layer)) return l;
  for (Layer* l : view.layers())
    if (l->ok()) {
      ui.active_layer = l->id();
      return l;
    }
  return nullptr;
}

void coloring(SceneView& view, Layer& layer) {
  const scene::Attribute* current = layer.color_attribute();
  if (ImGui::BeginCombo("colour by", current ? current->title.c_str() : "(solid colour)")) {
    if (ImGui::Selectable("(solid colour)", current == nullptr)) layer.set_color_by("");
    for (const auto& a : layer.attributes())
      if (ImGui::Selectable(a.title.c_str(), current && current->name == a.name)) layer.set_color_by(a.name);
    ImGui::EndCombo();
  }
  current = layer.color_attribute();
  if (current && current->kind == scene::AttributeKind::continuous) {
    auto range = layer.color_range();
    float v[2] = {static_cast<float>(range[0]), static_cast<float>(range[1])};
    const float speed = std::max(1e-6f, (v[1] - v[0]) / 200.0f);
    if (ImGui::DragFloatRange2("colour range", &v[0], &v[1], speed, 0, 0, "%.4g", "%.4g")) layer.set_color_range(v[0], v[1]);
    ImGui::SameLine();
    if (ImGui::SmallButton("data")) {
      if (auto r = layer.data_range(current->name)) layer.set_color_range((*r)[0], (*r)[1]);
    }
    if (!current->unit.empty()) ImGui::TextColored(kDim, "unit: %s", current->unit.c_str());
  } else if (current) {
    for (const auto& c : current->categories) {
      ImGui::ColorButton(("##" + c.label).c_str(), to_imgui(c.color), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
      ImGui::SameLine();
      ImGui::TextUnformatted(category_text(*current, static_cast<double>(c.code)).c_str());
    }
  }
  if (view.legend_layer() != layer.id() && ImGui::SmallButton("show in legend")) view.set_legend_layer(layer.id());
}

void layers_panel(SceneView& view, UiState& ui) {
  ImGui::SetNextWindowPos(ImVec2(8, 8), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(340, 360), ImGuiCond_FirstUseEver);
  ImGui::Begin("图层 Layers");
  Layer* active = active_layer(view, ui);
  for (Layer* l : view.layers()) {
    ImGui::PushID(l->id().c_str());
    bool visible = l->visible();
    if (ImGui::Checkbox("##visible", &visible)) l->set_visible(visible);
    ImGui::SameLine();
    if (ImGui::Selectable(l->title().c_str(), l == active)) ui.active_layer = l->id();
    if (!l->ok()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(kRed, "%s", l->problem().c_str());
      ImGui::PopTextWrapPos();
    } else if (l == active) {
      ImGui::Indent();
      float opacity = static_cast<float>(l->opacity());
      if (ImGui::SliderFloat("opacity", &opacity, 0.0f, 1.0f, "%.2f")) l->set_opacity(opacity);
      coloring(view, *l);
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  ImGui::End();
}

void mask_checkboxes(const char* label, const scene::Attribute* a, std::array<std::uint32_t, 8>& mask) {
  if (!a || !ImGui::TreeNodeEx(label, ImGuiTreeNodeFlags_DefaultOpen)) return;
  for (std::size_t i = 0; i < a->categories.size(); ++i) {
    bool on = BlockFilter::has(mask, static_cast<int>(i));
    ImGui::ColorButton(("##c" + std::to_string(i)).c_str(), to_imgui(a->categories[i].color), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    if (ImGui::Checkbox(category_text(*a, static_cast<double>(a->categories[i].code)).c_str(), &on))
      BlockFilter::set(mask, static_cast<int>(i), on);
  }
  bool none = BlockFilter::has(mask, kNoCategory);
  if (ImGui::Checkbox("(none)", &none)) BlockFilter::set(mask, kNoCategory, none);
  ImGui::TreePop();
}

void index_range(const char* label, BlockFilter& f, int axis, int cells, const BlockLayer& layer) {
  int v[2] = {f.index_min[static_cast<std::size_t>(axis)], f.index_max[static_cast<std::size_t>(axis)]};
  if (ImGui::SliderInt2(label, v, 0, cells - 1)) {
    f.index_min[static_cast<std::size_t>(axis)] = std::min(v[0], v[1]);
    f.index_max[static_cast<std::size_t>(axis)] = std::max(v[0], v[1]);
  }
  if (axis == 2) {  // benches and levels: the elevations the k range spans
    const double z0 = layer.block_centre(0, 0, f.index_min[2])[2], z1 = layer.block_centre(0, 0, f.index_max[2])[2];
    ImGui::TextColored(kDim, "levels: block centres %s to %s", format_value(z0, "m").c_str(), format_value(z1, "m").c_str());
  }
}

void block_panel(SceneView& view, UiState& ui, int width) {
  BlockLayer* layer = panel_block_layer(view, ui);
  if (!layer) return;
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(width) - 360, 8), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(352, 440), ImGuiCond_FirstUseEver);
  ImGui::Begin("块体模型 Block model filter");
  ImGui::TextUnformatted(layer->title().c_str());
  BlockFilter f = layer->filter();
  const auto cells = layer->cells();
  const std::size_t total = static_cast<std::size_t>(cells[0]) * cells[1] * cells[2];
  ImGui::Text("blocks shown: %zu of %zu", layer->blocks_shown(), total);
  ImGui::TextColored(kDim, "faces: %zu (%s), geometry built %zu times, last %.0f ms", layer->face_count(),
                     layer->face_set() == FaceSet::all ? "all: filters are GPU uniforms" : "exposed: rebuilt per filter",
                     layer->geometry_builds(), layer->last_build_ms());
  const std::string& fa = layer->filter_attribute();
  const scene::Attribute* fattr = layer->attribute(fa);
  if (ImGui::BeginCombo("filter on", fattr ? fattr->title.c_str() : "(none)")) {
    if (ImGui::Selectable("(none)", fa.empty())) layer->set_filter_attribute("");
    for (const auto& a : layer->attributes())
      if (a.kind == scene::AttributeKind::continuous && ImGui::Selectable(a.title.c_str(), a.name == fa)) layer->set_filter_attribute(a.name);
    ImGui::EndCombo();
  }
  f = layer->filter();
  if (fattr) {
    ImGui::Checkbox("cut-off / value range", &f.value_enabled);
    if (auto r = layer->data_range(fa)) {
      float v[2] = {f.value_lo, f.value_hi};
      const std::string format = "%.3g" + (fattr->unit.empty() ? std::string() : " " + fattr->unit);
      if (ImGui::SliderFloat2("range", v, static_cast<float>((*r)[0]), static_cast<float>((*r)[1]), format.c_str())) {
        f.value_lo = std::min(v[0], v[1]);
        f.value_hi = std::max(v[0], v[1]);
        f.value_enabled = true;
      }
    }
  }
  mask_checkboxes("资源类别 class", layer->class_attribute(), f.class_mask);
  mask_checkboxes("矿体/区域 domain", layer->domain_attribute(), f.domain_mask);
  const bool slices_open = ImGui::TreeNodeEx("剖切 slices, sections and benches", ImGuiTreeNodeFlags_DefaultOpen);
  if (slices_open) {
    index_range("i (columns)", f, 0, cells[0], *layer);
    index_range("j (rows)", f, 1, cells[1], *layer);
    index_range("k (levels)", f, 2, cells[2], *layer);
    if (ImGui::SmallButton("whole model")) {
      f.index_min = {0, 0, 0};
      f.index_max = {cells[0] - 1, cells[1] - 1, cells[2] - 1};
    }
  }
  ImGui::Checkbox("show blocks without a value", &f.show_missing);
  layer->set_filter(f);
  if (slices_open) {
    section_controls(view, ui, *layer);  // after set_filter: the cuts live in the filter too
    ImGui::TreePop();
  }
  bool edges = layer->show_edges();
  if (ImGui::Checkbox("block outlines", &edges)) layer->set_show_edges(edges);
  int set = layer->face_set() == FaceSet::all ? 0 : 1;
  ImGui::TextColored(kDim, "geometry:");
  ImGui::SameLine();
  if (ImGui::RadioButton("all faces", &set, 0)) layer->set_face_set(FaceSet::all);
  ImGui::SameLine();
  if (ImGui::RadioButton("exposed only", &set, 1)) layer->set_face_set(FaceSet::exposed);
  ImGui::End();
}

void view_panel(SceneView& view, UiState& ui, int height) {
  ImGui::SetNextWindowPos(ImVec2(8, static_cast<float>(height) - 330), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(340, 320), ImGuiCond_FirstUseEver);
  ImGui::Begin("视图 View");
  float ve = static_cast<float>(view.vertical_exaggeration());
  if (ImGui::SliderFloat("vertical exaggeration", &ve, 0.5f, 20.0f, "%.1fx", ImGuiSliderFlags_Logarithmic))
    view.set_vertical_exaggeration(ve);
  if (ImGui::Button("Fit (F)")) view.fit();
  ImGui::SameLine();
  if (ImGui::Button("平面图 Plan (P)")) view.view_plan();
  ImGui::SameLine();
  if (ImGui::Button("剖面 Section")) view.view_section(ui.section_azimuth);
  float azimuth = static_cast<float>(ui.section_azimuth);
  if (ImGui::SliderFloat("section looks towards", &azimuth, 0.0f, 359.0f, "%.0f deg")) ui.section_azimuth = azimuth;
  bool ortho = view.orthographic();
  if (ImGui::Checkbox("orthographic (O)", &ortho)) view.set_orthographic(ortho);
  Overlays& o = view.overlays();
  ImGui::Checkbox("axes", &o.axes);
  ImGui::SameLine();
  ImGui::Checkbox("scale bar", &o.scale_bar);
  ImGui::SameLine();
  ImGui::Checkbox("north", &o.north_arrow);
  ImGui::Checkbox("legend", &o.legend);
  ImGui::SameLine();
  ImGui::Checkbox("title", &o.title);
  ImGui::SameLine();
  ImGui::Checkbox("hole labels", &o.hole_labels);
  ImGui::Checkbox("polygon labels", &o.polygon_labels);
  ImGui::Separator();
  ImGui::TextUnformatted("书签 Bookmarks");
  for (std::size_t i = 0; i < ui.bookmarks.size(); ++i) {
    if (i % 3) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button(ui.bookmarks[i].title.c_str())) view.apply_bookmark(ui.bookmarks[i]);
    ImGui::PopID();
  }
  ImGui::InputText("##name", ui.new_bookmark, sizeof ui.new_bookmark);
  ImGui::SameLine();
  if (ImGui::Button("add")) {
    std::string name = ui.new_bookmark;
    std::replace_if(name.begin(), name.end(), [](char c) { return !(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'); }, '-');
    if (name.empty()) name = "view";
    std::erase_if(ui.bookmarks, [&](const scene::Bookmark& b) { return b.name == name; });
    ui.bookmarks.push_back(view.bookmark_here(name, ui.new_bookmark));
  }
  ImGui::SameLine();
  if (ImGui::Button("save")) ui.want_save_bookmarks = true;
  ImGui::TextColored(kDim, "renderer: %s", view.renderer_name().c_str());
  ImGui::End();
}

void pick_panel(UiState& ui, int width, int height) {
  if (!ui.picked) return;
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(width) - 360, static_cast<float>(height) - 300), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(352, 290), ImGuiCond_FirstUseEver);
  bool open = true;
  ImGui::Begin("拾取 Picked", &open);
  const PickResult& p = *ui.picked;
  ImGui::TextUnformatted(p.layer_title.c_str());
  ImGui::TextUnformatted(p.item.c_str());
  ImGui::TextColored(kDim, "x %s  y %s  z %s", format_fixed(p.position[0], 1).c_str(), format_fixed(p.position[1], 1).c_str(),
                     format_fixed(p.position[2], 1).c_str());
  if (ImGui::BeginTable("values", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
    for (const auto& [name, value] : p.values) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(value.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::End();
  if (!open) ui.picked.reset();
}

void export_panel(UiState& ui, int width) {
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(width) / 2 - 170, 8), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(340, 0), ImGuiCond_FirstUseEver);
  ImGui::Begin("图片 Pictures", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  if (ImGui::Button("screenshot (Ctrl+S)")) ui.want_screenshot = true;
  ImGui::SliderInt("poster scale", &ui.poster_scale, 2, 8, "%dx");
  ImGui::SameLine();
  if (ImGui::Button("poster")) ui.want_poster = true;
  ImGui::SliderInt("frames", &ui.turntable_frames, 12, 360);
  ImGui::SameLine();
  if (ImGui::Button("turntable")) ui.want_turntable = true;
  ImGui::SliderInt("per leg", &ui.flythrough_frames, 6, 240);
  ImGui::SameLine();
  if (ImGui::Button("fly through bookmarks")) ui.want_flythrough = true;
  ImGui::TextColored(kDim, "into %s (F11: presentation)", ui.export_folder.string().c_str());
  if (!ui.status.empty()) {
    ImGui::PushTextWrapPos(320);
    ImGui::TextUnformatted(ui.status.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

}  // namespace

void draw_panels(SceneView& view, UiState& ui, int width, int height) {
  layers_panel(view, ui);
  block_panel(view, ui, width);
  view_panel(view, ui, height);
  pick_panel(ui, width, height);
  export_panel(ui, width);
  statement_panel(view, ui, width, height);
  problems_panel(view, ui, width);
}

}  // namespace georeserve::viewer
