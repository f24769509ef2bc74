// The ImGui panels: layers (visibility, opacity, colouring, legend), the block model's filter (value
// range, classes, domains, slices, benches), the view (exaggeration, plan and section, overlays,
// bookmarks), what was picked, pictures for review panels, and the problems met while loading.
#pragma once

#include "viewer/app/session.h"

namespace georeserve::viewer {

void draw_panels(SceneView& view, UiState& ui, int width, int height);

}  // namespace georeserve::viewer
