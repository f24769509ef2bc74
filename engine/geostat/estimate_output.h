// The estimates CSV of `georeserve krige` (DESIGN.md section 4), written atomically:
//   x,y[,z],estimate,variance,n_samples[,n_holes],nearest_distance,pass,slope_of_regression,
//   kriging_efficiency,sum_weights,lagrange,status
// A target not estimated has empty estimate and variance, n_samples 0 and status too_few_samples or
// singular. Columns that do not apply (variance for the baselines, slope and efficiency for unbounded
// models) are empty. n_holes appears when the samples name a hole column. Numbers are written with
// the shortest text that reads back to the same double.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <span>
#include <vector>

#include "geostat/estimation.h"
#include "geostat/kriging_data.h"

namespace georeserve {

void write_estimates_csv(std::ostream& out, const KrigingTargets& targets, int dimension, bool holes,
                         std::span<const EstimateRecord> records);
void write_estimates_csv(const std::filesystem::path& path, const KrigingTargets& targets, int dimension, bool holes,
                         std::span<const EstimateRecord> records);

// Counts of estimated targets by status and the mean of the estimates, for the command's summary line.
struct EstimateTally {
  std::size_t total = 0, estimated = 0, pseudo_inverse = 0, too_few = 0, singular = 0;
  double mean_estimate = 0;
};
EstimateTally tally_estimates(std::span<const EstimateRecord> records);

}  // namespace georeserve
