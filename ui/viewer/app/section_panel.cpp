// The section (剖面) and bench (台阶) controls of the block filter panel: a line drawn with two clicks on
// the map or typed in CRS coordinates, its width, looking straight at it; a bench floor and thickness.
// Both become clip slabs of the block layer (GPU uniforms; see block_cuts.cpp).
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "core/text.h"
#include "viewer/app/panel_parts.h"

namespace georeserve::viewer {
namespace {

const ImVec4 kDim{0.7f, 0.7f, 0.7f, 1.0f};
const ImVec4 kYellow{1.0f, 0.92f, 0.2f, 1.0f};

void apply_section(SceneView& view, BlockLayer& layer, const std::optional<SectionCut>& cut) {
  layer.set_section(cut);
  view.set_section_trace(layer.section());
}

}  // namespace

void section_controls(SceneView& view, UiState& ui, BlockLayer& layer) {
  ImGui::Separator();
  ImGui::TextUnformatted("剖面 vertical section");
  const auto& section = layer.section();
  if (section) {
    ImGui::TextColored(kYellow, "azimuth %.1f deg, length %s, width %s", section->azimuth(), format_fixed(section->length(), 1).c_str(),
                       format_fixed(section->width, 1).c_str());
  }
  if (ui.section_clicks > 0) {
    ImGui::TextColored(kYellow, "click the %s point on the map (Esc cancels)", ui.section_clicks == 1 ? "first" : "second");
  } else if (ImGui::Button("draw on map")) {
    ui.section_clicks = 1;
    view.view_plan();
  }
  ImGui::SameLine();
  if (section && ImGui::Button("look at it")) view.view_section_line(*section);
  ImGui::SameLine();
  if (section && ImGui::Button("clear##section")) apply_section(view, layer, std::nullopt);
  ImGui::InputScalarN("start x, y", ImGuiDataType_Double, &ui.section_coords[0], 2, nullptr, nullptr, "%.1f");
  ImGui::InputScalarN("end x, y", ImGuiDataType_Double, &ui.section_coords[2], 2, nullptr, nullptr, "%.1f");
  if (ImGui::SmallButton("apply typed line")) {
    SectionCut cut;
    cut.start = {ui.section_coords[0], ui.section_coords[1]};
    cut.end = {ui.section_coords[2], ui.section_coords[3]};
    cut.width = ui.section_width;
    if (cut.length() > 0) apply_section(view, layer, cut);
  }
  if (ImGui::SliderFloat("width (m)", &ui.section_width, 1.0f, 500.0f, "%.0f m", ImGuiSliderFlags_Logarithmic) && section) {
    SectionCut cut = *section;
    cut.width = ui.section_width;
    apply_section(view, layer, cut);
  }

  ImGui::Separator();
  bool bench = layer.bench().has_value();
  const auto b = layer.bounds();
  const auto& origin = view.scene().origin;
  const float z0 = b ? static_cast<float>((*b)[4] + origin[2]) : 0.0f, z1 = b ? static_cast<float>((*b)[5] + origin[2]) : 100.0f;
  if (!bench && (ui.bench_floor < z0 || ui.bench_floor > z1)) ui.bench_floor = (z0 + z1) / 2;
  bool changed = ImGui::Checkbox("台阶 bench / level", &bench);
  changed |= ImGui::SliderFloat("floor (m)", &ui.bench_floor, z0, z1, "%.1f m");
  changed |= ImGui::SliderFloat("thickness (m)", &ui.bench_thickness, 1.0f, std::max(2.0f, z1 - z0), "%.1f m");
  if (changed) layer.set_bench(bench ? std::optional<BenchCut>(BenchCut{ui.bench_floor, ui.bench_thickness}) : std::nullopt);
  ImGui::TextColored(kDim, layer.face_set() == FaceSet::all ? "sections and benches are GPU clip planes: no geometry rebuilt"
                                                             : "exposed faces: rebuilt when a cut moves");
}

}  // namespace georeserve::viewer
