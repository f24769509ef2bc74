// The whole `georeserve variogram` job: experimental variograms, optional fit and variogram map, and
// the files (points CSV, fitted model JSON in the kriging config's "variogram" form, SVG figures).
// Everything is computed before anything is written, and every file is written atomically. When the
// fit fails the experimental points and their plot are still written (so the variogram can be
// looked at), no model file is, and the VariogramFitError is rethrown naming those files.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <vector>

#include "geostat/variography_config.h"

namespace georeserve {

class ProgressSink;

struct VariographyResult {
  std::vector<ExperimentalVariogram> variograms;
  std::optional<VariogramFitResult> fit;
  std::optional<VariogramMap> map;
  double variance = 0;  // sample variance of the values
  std::vector<std::filesystem::path> written;
};

VariographyResult run_variography(const VariographyConfig& config, ProgressSink* progress = nullptr);

// CSV of the experimental points: direction,azimuth,dip,lag,lag_from,lag_to,distance,gamma,pairs
// [,model] (lags with pairs only; model = the fitted model at that lag when given).
void write_experimental_csv(std::ostream& out, const std::vector<ExperimentalVariogram>& variograms,
                            const VariogramModel* model);

}  // namespace georeserve
