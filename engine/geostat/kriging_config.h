// The kriging configuration file (DESIGN.md section 4) read into an estimation job, for
// `georeserve krige` and `georeserve crossval`. Every error names the file and the key path
// (e.g. "k.json: error: search[1].max_samples: must be between 1 and 100000, got 0"); all checks run
// before any estimation, so a bad configuration never leaves an output file.
//
// Beyond DESIGN.md:
//  - `kriging`: {"type": "ordinary"} (default), {"type": "simple", "mean": m},
//    {"type": "inverse-distance", "power": p (default 2)}, {"type": "nearest"}.
//  - `search`: "global", one pass {max_samples, min_samples, ranges, angles, max_per_octant,
//    max_per_hole}, or an array of such passes tried in order. Without `ranges`, max_samples is
//    required; with `ranges` and no max_samples, every sample inside the ellipsoid is used.
//  - `block`: {"size": [dx, dy(, dz)], "discretization": [nx, ny(, nz)]}, default 4 per axis of
//    positive size (gstat's nblockdiscr = 4 with its regular discretisation).
//  - `grid.origin` is the centre of the first node.
//  - cross-validation: no `targets`/`grid`; `crossval`: {"exclude_hole": false}; `output` (CSV) and
//    optionally `summary` (JSON, default: the output's name with "_summary.json"). A `block` is
//    ignored there (leave-one-out compares point estimates with point values); a note says so.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geostat/estimation.h"
#include "geostat/kriging_data.h"
#include "geostat/variogram_model.h"

namespace georeserve {

enum class KrigingJobKind { krige, crossval };

struct KrigingJob {
  std::string config_file;
  KrigingSamples samples;
  KrigingTargets targets;  // empty for cross-validation
  std::optional<VariogramModel> model;
  EstimationOptions options;
  CrossValidationOptions crossval;
  std::filesystem::path output;
  std::filesystem::path summary;   // cross-validation only
  std::vector<std::string> notes;  // for the user: skipped rows, merged samples, ignored keys
};

KrigingJob load_kriging_job(const std::filesystem::path& config, KrigingJobKind kind);

// The parts, for tests and other tools (the pipeline) that build jobs from their own files.
EstimationOptions parse_estimation_options(const ConfigView& root, const KrigingSamples& samples,
                                           const VariogramModel* model);
SearchPlan parse_search(const ConfigView& search, const KrigingSamples& samples);

}  // namespace georeserve
