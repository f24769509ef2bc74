// Classification of estimated blocks into measured / indicated / inferred (探明/控制/推断) by configurable
// rules (DZ/T 0338 leaves the criteria to the project), and a clean-up so that classes form coherent
// zones instead of isolated blocks ("spotted dog" patterns).
#pragma once

#include <limits>
#include <vector>

#include "blockmodel/grid.h"
#include "resources/resource_class.h"

namespace georeserve {

class ConfigView;

// The evidence about one estimate. NaN (or 0 for counts) = not available; a rule needing a missing
// quantity is not met.
struct EstimateEvidence {
  bool estimated = false;
  double nearest_distance = std::numeric_limits<double>::quiet_NaN();  // m, to the nearest sample
  double mean_distance = std::numeric_limits<double>::quiet_NaN();     // m, mean over samples used
  int samples = 0;
  int holes = 0;
  int pass = 0;  // search pass that estimated it (1 = first)
  double slope_of_regression = std::numeric_limits<double>::quiet_NaN();
  double kriging_variance_ratio = std::numeric_limits<double>::quiet_NaN();  // kriging variance / sill
};

// All criteria of a rule must hold. Unset criteria (NaN / 0) are ignored.
struct ClassRule {
  ResourceClass resource_class = ResourceClass::inferred;
  double max_nearest_distance = std::numeric_limits<double>::quiet_NaN();
  double max_mean_distance = std::numeric_limits<double>::quiet_NaN();
  int min_samples = 0;
  int min_holes = 0;
  int max_pass = 0;
  double min_slope_of_regression = std::numeric_limits<double>::quiet_NaN();
  double max_kriging_variance_ratio = std::numeric_limits<double>::quiet_NaN();

  bool accepts(const EstimateEvidence& e) const;
};

struct ClassificationRules {
  std::vector<ClassRule> rules;  // tried in order of rising class (measured first); first match wins
  int cleanup_passes = 2;        // 0 = no clean-up
  double cleanup_majority = 0.6; // fraction of classified neighbours that must share another class

  // Sensible defaults for a 详查/勘探 stage project with drill spacing `spacing` metres:
  // measured within ~1 spacing from >= 3 holes with slope >= 0.8, indicated within ~2 spacings from
  // >= 2 holes with slope >= 0.5, inferred anything estimated within ~4 spacings.
  static ClassificationRules defaults_for_spacing(double spacing);
  // {"spacing": 50} for the defaults, or {"rules": [{"class": "measured", "max_nearest_distance": 50,
  //  "min_holes": 3, "min_slope_of_regression": 0.8, ...}], "cleanup": {"passes": 2, "majority": 0.6}}
  static ClassificationRules from_config(const ConfigView& v);
};

// Class code per block (NaN = not classified). evidence.size() == grid.block_count().
std::vector<double> classify_blocks(const BlockGrid& grid, const std::vector<EstimateEvidence>& evidence,
                                    const ClassificationRules& rules);

// Majority clean-up on the 26-neighbourhood of the block grid: a classified block whose classified
// neighbours mostly (>= majority) share one other class takes that class; repeated `passes` times.
// Deterministic (each pass reads the previous pass only). Unclassified blocks stay unclassified.
void clean_up_classes(const BlockGrid& grid, std::vector<double>& classes, int passes, double majority);

}  // namespace georeserve
