// The coal seam model file (models/<name>.json with "kind": "coal-seams"): everything a coal run
// needs, read once into typed settings. Like model_file.h this is the one schema: keys, defaults,
// ranges and messages live here, and models/README-coal.md documents the same keys. Errors name the
// key path ("models/tiefa-coal.json: error: limits.min_thickness: must be between 0 and 20, got -1").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "drillhole/column_map.h"
#include "drillhole/desurvey.h"
#include "io/json_config.h"
#include "resources/classification.h"
#include "seam/mineability.h"
#include "seam/picks.h"
#include "seam/seam_grid.h"

namespace georeserve {

// A polygon taken from a GeoJSON file: the features whose property `key` equals `value` (all
// polygon features when no selector is given).
struct PolygonSource {
  std::filesystem::path file;
  std::string key, value;
};

struct CoalModel {
  std::filesystem::path file;
  std::string name, title, crs = "EPSG:4529";
  int epsg = 4529;
  // Drillholes and picks.
  std::filesystem::path collar, seams_table;
  std::optional<std::filesystem::path> survey;
  // Structural marker bed logged in an interval table (its base or top is the reference horizon).
  std::optional<std::filesystem::path> marker_table;
  std::string marker_field = "lith", marker_code, marker_contact = "base";
  drillhole::ColumnMap columns;
  drillhole::DesurveyMethod desurvey = drillhole::DesurveyMethod::minimum_curvature;
  seam::SeamList seams;
  seam::SeamFields fields;
  // Geometry of the field.
  PolygonSource field;
  std::optional<std::filesystem::path> faults;
  std::optional<PolygonSource> burnt;
  std::vector<std::string> burnt_seams;
  std::optional<std::filesystem::path> panels;
  std::string panel_seam_property = "seam";
  std::optional<std::filesystem::path> dem;
  double surface_elevation = std::numeric_limits<double>::quiet_NaN();  // without a DEM: constant, else collars
  // Seam models.
  double cell = 25;
  seam::SeamGridSettings grid;
  // Mineability, classification, reserves.
  seam::MineabilityLimits limits;
  ClassificationRules classification;
  std::vector<seam::ThicknessClass> thickness_classes = seam::default_thickness_classes();
  double dilution = 0;
  double production_rate = 0;  // t/a
  // Report.
  std::vector<double> depth_edges{0, 600, 800, 1000, 1200, 1500};
  std::optional<std::filesystem::path> planning_blocks;
  std::optional<std::filesystem::path> truth;
  // The generator's exhaustive truth (`georeserve synth --truth DIR`): per seam GeoTIFFs of thickness
  // and density, named by the pattern ({seam}, {field}); compared with the estimate class by class.
  std::optional<std::filesystem::path> truth_grids;
  std::string truth_grid_pattern = "tiefa_seam_{seam}_{field}.tif";
  double contour_interval = 20;    // m, floor contours
  std::size_t map_step = 4;        // nodes per map cell (25 m x 4 = 100 m)
  std::size_t export_step = 4;     // nodes per exported column
  double label_min_area_km2 = 0.5; // blocks smaller than this are not labelled on maps
  double min_block_area_km2 = 0.1; // slivers smaller than this join a neighbouring block (block_method.h)

  static bool is_coal_model(const std::filesystem::path& path);  // "kind": "coal-seams"
  static CoalModel load(const std::filesystem::path& path);
  static CoalModel parse(const JsonDocument& doc);
};

}  // namespace georeserve
