// A subsidence run as read from its configuration file (DESIGN.md section 4, `georeserve subsidence
// CONFIG.json`): panels, parameters, grid, outputs, damage thresholds and an optional parameter fit.
// Reading checks everything before any work starts, so a bad value never leaves half the outputs.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/json_config.h"
#include "subsidence/damage.h"
#include "subsidence/fit.h"
#include "subsidence/grid.h"
#include "subsidence/panel.h"

namespace georeserve::subsidence {

struct FitJob {
  std::filesystem::path points;            // CSV of measured points
  std::vector<Observation> observations;
  std::vector<FitParameter> free;
  std::optional<std::filesystem::path> output;     // fit report (JSON)
  std::optional<std::filesystem::path> residuals;  // per-point residuals (CSV)
  bool use_fitted = true;                  // predict with the fitted parameters
};

struct PlanningBlock {
  std::string name;
  geometry::MultiPolygon shape;
};

struct SubsidenceJob {
  std::string config_file;
  std::string title;
  int epsg = 4529;
  std::vector<Panel> panels;
  Parameters parameters;
  GridSpec grid;
  DamageThresholds thresholds;

  std::filesystem::path output_csv;                   // the contract grid CSV
  std::vector<double> directions;                     // extra CSV columns along these azimuths
  bool principal_columns = false;                     // extra CSV columns: maxima and damage grade
  std::map<std::string, std::filesystem::path> geotiffs;  // field name -> GeoTIFF file
  std::optional<std::filesystem::path> contours, contour_lines, zones, dxf, overlay, map;
  std::vector<double> contour_levels;                 // empty: 10, 100, 500 and every 500 mm after
  std::optional<std::filesystem::path> planning_blocks_file;
  std::vector<PlanningBlock> planning_blocks;
  std::optional<FitJob> fit;
};

// The fields a GeoTIFF or the CSV can hold.
const std::vector<std::string>& raster_field_names();

// Reads and checks a configuration; ConfigError/InputError name the file and key or line.
SubsidenceJob load_subsidence_job(const std::filesystem::path& config);
// The same from a section of a larger document (a deposit model's "subsidence" section); relative
// paths resolve from the document's folder. Callers may redirect the output paths afterwards.
SubsidenceJob read_subsidence_job(const ConfigView& section);

}  // namespace georeserve::subsidence
