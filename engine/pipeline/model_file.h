// The deposit model file (models/<name>.json, JSON with comments): everything a run needs, read once
// into typed settings. This file is the one schema: every key, its default, its range and its error
// message are here, and models/README.md documents the same keys. Errors name the key path, e.g.
// "models/q.json: error: estimation.search[1].max_samples: must be between 1 and 1000, got 0".
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "blockmodel/grid.h"
#include "domain/implicit_domain.h"
#include "drillhole/column_map.h"
#include "drillhole/desurvey.h"
#include "geostat/neighbour_search.h"
#include "geostat/variogram_model.h"
#include "io/json_config.h"
#include "resources/classification.h"
#include "resources/statement.h"

namespace georeserve {

struct DomainSettings {
  std::string name;      // e.g. "ore"
  std::string name_cn;   // e.g. "矿体"
  std::string table;     // interval table holding the logging (file stem), e.g. "lithology"
  std::string field;     // its text field, e.g. "lith"
  std::vector<std::string> codes;            // values inside the domain
  std::optional<std::filesystem::path> wireframe;  // a closed mesh made elsewhere instead of implicit modelling
  ImplicitOptions implicit;
  double step = 2.0;     // m between signed-distance samples along holes
  double default_density = 2.8;  // t/m3 when no measurement falls in the domain
};

struct GradeSettings {
  std::string field;     // assay field, e.g. "CaSiO3"
  std::string unit = "%";
  std::string name_cn;   // e.g. "硅灰石"
  double top_cut = std::numeric_limits<double>::quiet_NaN();  // composites above are capped
  std::optional<VariogramModel> variogram;  // given model (normalised or absolute sill)
  bool fit = false;      // fit the model's parameters to the composites' experimental variograms
  int decimals = 2;
};

struct EstimationSettings {
  std::string type = "ordinary";  // ordinary | simple | inverse-distance | nearest
  double power = 2.0;
  std::array<int, 3> discretization{3, 3, 2};
  SearchPlan search;
};

struct ReportSettings {
  double level_interval = 50;  // m: elevation levels for the statement (underground levels)
  std::vector<double> cutoffs;  // grade-tonnage curve
  std::optional<std::filesystem::path> planning_blocks;  // GeoJSON of planning blocks
  std::optional<std::filesystem::path> truth;            // truth summary JSON (synthetic data)
  double swath_width = 0;      // m; 0 = automatic
};

struct DepositModel {
  std::filesystem::path file;
  std::string name, title, crs = "EPSG:4529";
  // Drillholes.
  std::filesystem::path collar;
  std::optional<std::filesystem::path> survey;
  std::vector<std::filesystem::path> intervals;
  drillhole::ColumnMap columns;
  drillhole::DesurveyMethod desurvey = drillhole::DesurveyMethod::minimum_curvature;
  // Domains and compositing.
  std::vector<DomainSettings> domains;
  std::string assay_table;  // table with the grades
  double composite_length = 2.0;
  std::string residual = "merge";
  double min_fraction = 0.5;
  std::vector<GradeSettings> grades;
  // Density measurements (optional).
  std::string density_table, density_field;
  // Block model: given, or automatic around the domains with this block size.
  std::optional<BlockGrid> block_grid;
  std::array<double, 3> block_size{10, 10, 5};
  double block_rotation = 0;  // degrees counter-clockwise from east, for the automatic extent
  std::array<int, 3> subcells{4, 4, 4};
  EstimationSettings estimation;
  ClassificationRules classification;
  std::string cutoff_field;
  double cutoff = 0;
  ModifyingFactors reserves;
  ReportSettings report;

  static DepositModel load(const std::filesystem::path& path);
  static DepositModel parse(const JsonDocument& doc);
};

}  // namespace georeserve
