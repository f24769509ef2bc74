// `georeserve crossval CONFIG.json`: leave-one-out cross-validation of a kriging configuration
// (the krige configuration without targets/grid): per-sample CSV and summary statistics (JSON + terminal).
#include <iostream>

#include "command.h"
#include "geostat/cross_validation.h"
#include "geostat/kriging_config.h"
#include "progress_bar.h"

namespace georeserve::cli {
namespace {

struct Options {
  std::string config;
  int threads = 0;
};

std::string method_name(const KrigingJob& job) {
  switch (job.options.type) {
    case EstimatorType::ordinary: return "ordinary kriging";
    case EstimatorType::simple: return "simple kriging";
    case EstimatorType::inverse_distance: return "inverse distance";
    case EstimatorType::nearest: return "nearest neighbour";
  }
  return "?";
}

const RegisterCommand reg{{"crossval", "Leave-one-out cross-validation of a kriging configuration",
  [](CLI::App& sub) -> CommandRun {
    auto o = std::make_shared<Options>();
    sub.add_option("CONFIG", o->config, "Kriging configuration without targets/grid (JSON)")->required();
    add_threads_option(sub, o->threads);
    sub.footer(
        "CONFIG is the `georeserve krige` configuration without `targets` and `grid` (see krige --help), plus\n"
        "  crossval  {\"exclude_hole\": false}   true: leave out the sample's whole drillhole (needs samples.hole)\n"
        "  output    per-sample CSV: x,y[,z],value,estimate,error,variance,zscore,n_samples[,hole],status\n"
        "  summary   JSON statistics (default: OUTPUT's name with _summary.json)\n"
        "error = estimate - value; zscore = error / kriging standard deviation. The summary (mean error, MSE,\n"
        "RMSE, mean and variance of z-scores, correlation) is also printed. `block` is ignored here.\n\n"
        "Example: georeserve crossval kriging-cv.json");
    return [o] {
      ThreadLimit limit(o->threads);
      const KrigingJob job = load_kriging_job(o->config, KrigingJobKind::crossval);
      for (const auto& note : job.notes) std::cerr << job.config_file << ": note: " << note << '\n';
      const Estimator estimator(job.samples, job.model ? &*job.model : nullptr, job.options);
      const auto records = estimator.cross_validate(job.crossval, progress());
      const auto summary = summarise_cross_validation(job.samples, records);
      write_cross_validation_csv(job.output, job.samples, records);
      write_cross_validation_summary(job.summary, summary, method_name(job));
      std::cout << "leave-one-out " << (job.crossval.exclude_hole ? "(whole drillhole left out) " : "")
                << method_name(job) << '\n'
                << describe_cross_validation(summary) << "wrote " << job.output.string() << " and "
                << job.summary.string() << '\n';
      return 0;
    };
  }, /*order=*/31}};

}  // namespace
}  // namespace georeserve::cli
