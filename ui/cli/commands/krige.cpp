// `georeserve krige CONFIG.json`: ordinary/simple kriging (point or block), inverse distance or
// nearest neighbour at points or grid nodes (DESIGN.md section 4; engine/geostat/kriging_config.h).
#include <cstdio>
#include <iostream>

#include "command.h"
#include "core/progress.h"
#include "core/text.h"
#include "geostat/estimate_output.h"
#include "geostat/kriging_config.h"
#include "progress_bar.h"

namespace georeserve::cli {
namespace {

struct Options {
  std::string config;
  int threads = 0;
};

const RegisterCommand reg{{"krige", "Kriging (ordinary, simple; point or block), inverse distance, nearest",
  [](CLI::App& sub) -> CommandRun {
    auto o = std::make_shared<Options>();
    sub.add_option("CONFIG", o->config, "Kriging configuration (JSON)")->required();
    add_threads_option(sub, o->threads);
    sub.footer(
        "CONFIG (JSON, relative paths from its folder; // comments allowed):\n"
        "  samples   {\"file\", \"x\", \"y\", [\"z\"], \"value\", [\"hole\"]}      z given: 3D\n"
        "  targets   {\"file\", \"x\", \"y\", [\"z\"]}  or  grid {\"origin\", \"spacing\", \"count\"} (node centres)\n"
        "  variogram {\"nugget\", \"structures\": [{\"type\": spherical|exponential|gaussian|cubic|power,\n"
        "             \"sill\", \"ranges\": [major, minor, vertical], \"angles\": [azimuth, dip, rake]}]}\n"
        "             (R gstat's parameterisation; GSLIB rotation, azimuth clockwise from north)\n"
        "  kriging   {\"type\": ordinary | simple (with \"mean\") | inverse-distance (with \"power\") | nearest}\n"
        "  block     {\"size\": [dx, dy, dz], \"discretization\": [nx, ny, nz]}   omit for point kriging\n"
        "  search    \"global\" | {\"max_samples\", \"min_samples\", \"ranges\", \"angles\", \"max_per_octant\",\n"
        "             \"max_per_hole\"} | [pass1, pass2, ...] (later passes used where earlier ones find too few)\n"
        "  output    the estimates CSV\n"
        "Output columns: x,y[,z],estimate,variance,n_samples[,n_holes],nearest_distance,pass,\n"
        "  slope_of_regression,kriging_efficiency,sum_weights,lagrange,status. A target that cannot be\n"
        "  estimated has empty estimate and variance, n_samples 0 and status too_few_samples or singular.\n"
        "Results are identical for any --threads. Coincident samples are merged (values averaged).\n\n"
        "Example: georeserve krige kriging.json --threads 2");
    return [o] {
      ThreadLimit limit(o->threads);
      const KrigingJob job = load_kriging_job(o->config, KrigingJobKind::krige);
      for (const auto& note : job.notes) std::cerr << job.config_file << ": note: " << note << '\n';
      const double start = monotonic_seconds();
      const Estimator estimator(job.samples, job.model ? &*job.model : nullptr, job.options);
      EstimateBuffer records(job.targets.size());
      estimator.estimate_into(job.targets, records.span(), progress());
      const double seconds = monotonic_seconds() - start;
      write_estimates_csv(job.output, job.targets, job.samples.dimension, job.samples.has_holes(), records.span());
      const EstimateTally t = tally_estimates(records.span());
      std::cout << "estimated " << t.estimated << " of " << t.total << " targets from " << job.samples.size()
                << " samples in " << format_fixed(seconds, 2) << " s";
      if (seconds > 0) std::cout << " (" << format_fixed(static_cast<double>(t.total) / seconds, 0) << " targets/s)";
      std::cout << "; mean estimate " << format_double(t.mean_estimate) << '\n';
      if (t.too_few) std::cout << t.too_few << " targets not estimated: too few samples in the search\n";
      if (t.singular) std::cout << t.singular << " targets not estimated: singular kriging system\n";
      if (t.pseudo_inverse)
        std::cout << t.pseudo_inverse << " targets solved with a pseudo-inverse (near-singular system; status pseudo_inverse)\n";
      if (estimator.last_factorisations() > 0)
        std::cout << "kriging systems: " << estimator.last_factorisations() << " factorised, "
                  << estimator.last_updates() << " updated (a few neighbours changed), " << estimator.last_reuses()
                  << " reused (same neighbours as the previous target)\n";
      std::cout << "wrote " << job.output.string() << '\n';
      return 0;
    };
  }, /*order=*/30}};

}  // namespace
}  // namespace georeserve::cli
