// Pieces of the ImGui panels kept in their own files: the section and bench controls of the block
// filter, the live statement, and the problems met while loading. Internal to the app.
#pragma once

#include "viewer/app/session.h"

namespace georeserve::viewer {

// 剖面 and 台阶: draw or type a section line, its width, a bench floor and thickness; view the section.
void section_controls(SceneView& view, UiState& ui, BlockLayer& layer);
// 储量 live statement: tonnes and grades per class of what the filter shows, optionally inside a planning block.
void statement_panel(SceneView& view, UiState& ui, int width, int height);
// 问题 the layers that failed to load, in red, until closed.
void problems_panel(SceneView& view, UiState& ui, int width);

// The block layer the panels work on: the active layer when it is one, else the first that loaded.
BlockLayer* panel_block_layer(SceneView& view, const UiState& ui);
// Planning blocks (areas) of every loaded polygon layer, in a stable order.
std::vector<NamedArea> scene_areas(const SceneView& view);

}  // namespace georeserve::viewer
