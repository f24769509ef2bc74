// The configuration of `georeserve variogram CONFIG.json`: samples (the kriging config's form), lags,
// directions, pair selection, the model to fit and what to fix, the variogram map and the outputs.
// Every problem is a ConfigError naming the key path; data problems are InputErrors naming the file
// line. The schema, with defaults, is in variography_config_help() (printed by --help).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geostat/experimental_variogram.h"
#include "geostat/variogram_fit.h"
#include "geostat/variogram_map.h"
#include "geostat/variogram_model.h"

namespace georeserve {

struct JsonDocument;

struct VariographyOutputs {
  std::filesystem::path experimental, model, plot, map, map_plot;
};

struct VariographyConfig {
  std::string file;  // the configuration file, for messages

  VariogramSamples samples;
  std::vector<std::string> hole_names;
  std::string samples_file, value_column;
  std::size_t rows = 0, missing_values = 0;  // data rows read; rows skipped for a missing value

  ExperimentalVariogramOptions experimental;
  std::optional<VariogramModel> initial_model;  // absent: no fit
  VariogramFitOptions fit;
  std::optional<VariogramMapOptions> map;
  VariographyOutputs outputs;
  std::string title, unit;  // variable name for figures (default: the value column) and its unit
};

// Parses the document and reads the samples it names.
VariographyConfig read_variography_config(const JsonDocument& doc);

// The configuration reference with an example, for `georeserve variogram --help`.
const char* variography_config_help();

}  // namespace georeserve
