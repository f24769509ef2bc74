// The live statement panel (储量): tonnes and tonnage-weighted grades per resource class of the blocks
// the current filter shows, optionally inside a planning block, computed by the engine
// (filtered_statement) and throttled while the filter keeps moving. Also the problems panel.
#include <chrono>
#include <cmath>

#include <imgui.h>

#include "core/text.h"
#include "viewer/app/panel_parts.h"

namespace georeserve::viewer {
namespace {

const ImVec4 kRed{1.0f, 0.45f, 0.4f, 1.0f};
const ImVec4 kDim{0.7f, 0.7f, 0.7f, 1.0f};

std::string tonnes_text(double t) {
  if (t >= 1e6) return format_fixed(t / 1e6, 3) + " Mt";
  if (t >= 1e3) return format_fixed(t / 1e3, 1) + " kt";
  return format_fixed(t, 0) + " t";
}

}  // namespace

BlockLayer* panel_block_layer(SceneView& view, const UiState& ui) {
  if (auto* b = dynamic_cast<BlockLayer*>(view.layer(ui.active_layer)); b && b->ok()) return b;
  for (Layer* l : view.layers())
    if (auto* b = dynamic_cast<BlockLayer*>(l); b && b->ok()) return b;
  return nullptr;
}

std::vector<NamedArea> scene_areas(const SceneView& view) {
  std::vector<NamedArea> out;
  for (const Layer* l : view.layers())
    if (l->ok())
      for (auto& a : l->areas()) out.push_back(std::move(a));
  return out;
}

void Session::update_statement(double now, double min_interval) {
  BlockLayer* layer = panel_block_layer(*view_, ui_);
  if (!layer) {
    ui_.statement.reset();
    return;
  }
  const bool changed = layer->id() != ui_.statement_layer || layer->revision() != ui_.statement_revision ||
                       ui_.statement_area != ui_.statement_area_done;
  if (!changed || now - ui_.statement_time < min_interval) return;
  const auto areas = scene_areas(*view_);
  const geometry::MultiPolygon* area = nullptr;
  if (ui_.statement_area >= 0 && static_cast<std::size_t>(ui_.statement_area) < areas.size())
    area = &areas[static_cast<std::size_t>(ui_.statement_area)].polygons;
  const auto start = std::chrono::steady_clock::now();
  ui_.statement = layer->statement(area);
  ui_.statement_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ui_.statement_layer = layer->id();
  ui_.statement_revision = layer->revision();
  ui_.statement_area_done = ui_.statement_area;
  ui_.statement_time = now;
}

void statement_panel(SceneView& view, UiState& ui, int width, int height) {
  BlockLayer* layer = panel_block_layer(view, ui);
  if (!layer) return;
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(width) / 2 - 200, static_cast<float>(height) - 230), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(420, 220), ImGuiCond_FirstUseEver);
  ImGui::Begin("储量 Live statement");
  const auto areas = scene_areas(view);
  const char* current = ui.statement_area >= 0 && static_cast<std::size_t>(ui.statement_area) < areas.size()
                            ? areas[static_cast<std::size_t>(ui.statement_area)].name.c_str()
                            : "(everything the filter shows)";
  if (ImGui::BeginCombo("inside", current)) {
    if (ImGui::Selectable("(everything the filter shows)", ui.statement_area < 0)) ui.statement_area = -1;
    for (std::size_t i = 0; i < areas.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(areas[i].name.empty() ? "(unnamed)" : areas[i].name.c_str(), ui.statement_area == static_cast<int>(i)))
        ui.statement_area = static_cast<int>(i);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  if (!ui.statement) {
    ImGui::TextColored(kDim, "this block model has no tonnage attribute ('tonnes'): no statement");
    ImGui::End();
    return;
  }
  const FilteredStatement& s = *ui.statement;
  const int columns = 3 + static_cast<int>(s.grade_names.size());
  if (ImGui::BeginTable("statement", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("类别 class");
    ImGui::TableSetupColumn("矿石量 tonnes");
    ImGui::TableSetupColumn("blocks");
    for (std::size_t g = 0; g < s.grade_names.size(); ++g)
      ImGui::TableSetupColumn((s.grade_names[g] + (s.grade_units[g].empty() ? "" : " (" + s.grade_units[g] + ")")).c_str());
    ImGui::TableHeadersRow();
    for (const auto& row : s.rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s %s", row.class_name_cn.c_str(), row.class_name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tonnes_text(row.tonnes).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu", row.blocks);
      for (double g : row.grades) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::isnan(g) ? "-" : format_fixed(g, 2).c_str());
      }
    }
    ImGui::EndTable();
  }
  ImGui::TextColored(kDim, "%zu blocks selected; computed by the engine in %.1f ms", s.blocks_selected, ui.statement_ms);
  ImGui::End();
}

void problems_panel(SceneView& view, UiState& ui, int width) {
  const auto problems = view.problems();
  if (problems.empty() || !ui.problems_open) return;
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(width) / 2 - 260, 150), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_FirstUseEver);
  ImGui::Begin("问题 Problems loading the scene", &ui.problems_open);
  ImGui::TextUnformatted("These layers could not be loaded; the rest of the scene is shown.");
  ImGui::PushTextWrapPos(500);
  for (const auto& p : problems) ImGui::TextColored(kRed, "%s", p.c_str());
  ImGui::PopTextWrapPos();
  ImGui::End();
}

}  // namespace georeserve::viewer
