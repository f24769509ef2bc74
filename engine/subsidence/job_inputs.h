// The inputs a subsidence configuration names besides its own values: panels (inline or from a
// GeoJSON/Shapefile of mined panels), planning blocks, and the measured points of a parameter fit.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/json_config.h"
#include "subsidence/job.h"

namespace georeserve::subsidence {

// Panels and where each came from, so that a bad value is reported at its source: a key path of
// the configuration ("panels[2].depth") or a feature of the panels file.
struct PanelSource {
  std::vector<Panel> panels;
  std::string config_file;
  std::string file;                 // panels file; empty for inline panels
  std::vector<long> feature_index;  // per panel, its feature in the file
  [[noreturn]] void fail(std::size_t panel, const std::string& key, const std::string& message) const;
};

// "panels": an array of {"id", "polygon", "thickness", "depth", "dip", "dip_azimuth", "theta"}, or
// {"file": "panels.geojson", "id": "id", "thickness": "m" | 3.0, "depth": ..., "dip": ..., ...}
// where each value names a property of the features or gives one number for all of them.
PanelSource read_panels(const ConfigView& root);

// "planning_blocks": "blocks.geojson" or {"file": "blocks.geojson", "name": "name"}.
std::filesystem::path planning_blocks_path(const ConfigView& root);
std::vector<PlanningBlock> read_planning_blocks(const ConfigView& root, int epsg);

// "fit": {"points": "levelling.csv", "columns": {...}, "parameters": [...], "output": "fit.json",
//         "residuals": "fit_residuals.csv", "use_fitted": true}.
FitJob read_fit(const ConfigView& root);

}  // namespace georeserve::subsidence
