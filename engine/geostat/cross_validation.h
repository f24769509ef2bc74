// Leave-one-out cross-validation results (Estimator::cross_validate): per-sample table and summary
// statistics for `georeserve crossval`.
//   error  = estimate - value          (positive: over-estimation)
//   zscore = error / sqrt(variance)    (kriging only; empty where the variance is 0 or absent)
// Summary over the estimated samples: mean error, mean squared error, RMSE, mean absolute error,
// mean and variance (n - 1) of the z-scores (ideally 0 and 1), and the correlation of values and
// estimates. R gstat's krige.cv reports residual = value - estimate, the opposite sign.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "geostat/estimation.h"
#include "geostat/kriging_data.h"

namespace georeserve {

struct CrossValidationSummary {
  std::size_t samples = 0, estimated = 0;
  double mean_value = 0, mean_estimate = 0;
  double mean_error = 0, mean_squared_error = 0, rmse = 0, mean_absolute_error = 0;
  std::size_t zscores = 0;  // samples with a z-score
  double mean_zscore = 0, variance_zscore = 0;
  double correlation = 0;   // Pearson, values vs estimates
};

CrossValidationSummary summarise_cross_validation(const KrigingSamples& samples,
                                                  const std::vector<EstimateRecord>& records);

// x,y[,z],value,estimate,error,variance,zscore,n_samples[,hole],status
void write_cross_validation_csv(std::ostream& out, const KrigingSamples& samples,
                                const std::vector<EstimateRecord>& records);
void write_cross_validation_csv(const std::filesystem::path& path, const KrigingSamples& samples,
                                const std::vector<EstimateRecord>& records);
// {"method", "samples", "estimated", "mean_error", ...}
void write_cross_validation_summary(const std::filesystem::path& path, const CrossValidationSummary& s,
                                    const std::string& method);
// A few lines for the terminal.
std::string describe_cross_validation(const CrossValidationSummary& s);

}  // namespace georeserve
