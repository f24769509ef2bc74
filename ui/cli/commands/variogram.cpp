// `georeserve variogram CONFIG.json`: experimental variograms, model fit, variogram map and figures
// (engine/geostat/variography_config.h and variography_run.h). Parsing and printing only.
#include <iostream>

#include "command.h"
#include "core/text.h"
#include "geostat/variography_config.h"
#include "geostat/variography_plot.h"
#include "geostat/variography_run.h"
#include "io/json_config.h"
#include "progress_bar.h"

namespace georeserve::cli {
namespace {

struct Options {
  std::string config;
  int threads = 0;
};

void print_summary(const VariographyConfig& c, const VariographyResult& r) {
  std::cout << c.samples.size() << " samples of '" << c.value_column << "' from " << c.samples_file << " ("
            << c.samples.dimension << "D";
  if (c.missing_values) std::cout << "; " << c.missing_values << " rows without a value skipped";
  std::cout << "), variance " << format_double(r.variance) << '\n';
  for (const auto& v : r.variograms) {
    std::size_t lags = 0;
    for (const auto& l : v.lags) lags += l.pairs ? 1 : 0;
    std::cout << "  " << v.direction.name << ": " << v.total_pairs() << " pairs in " << lags << " lags\n";
  }
  if (r.fit) {
    std::cout << "fitted " << short_model_description(r.fit->model) << "\n  method " << c.fit.method << ", weighted SSE "
              << format_double(r.fit->weighted_sse) << ", " << r.fit->free_parameters << " free parameters, "
              << r.fit->lags_used << " lags\n";
    for (const auto& note : r.fit->notes) std::cerr << c.file << ": note: " << note << '\n';
  }
  for (const auto& p : r.written) std::cout << "wrote " << p.string() << '\n';
}

const RegisterCommand reg{{"variogram", "Experimental variograms, model fitting and variogram maps",
  [](CLI::App& sub) -> CommandRun {
    auto o = std::make_shared<Options>();
    sub.add_option("CONFIG", o->config, "Variography configuration (JSON)")->required();
    add_threads_option(sub, o->threads);
    sub.footer(std::string(variography_config_help()) +
               "\n\nResults are identical for any --threads.\nExample: georeserve variogram variogram.json --threads 2");
    return [o] {
      ThreadLimit limit(o->threads);
      const JsonDocument doc = load_json_file(o->config);
      const VariographyConfig config = read_variography_config(doc);
      const VariographyResult result = run_variography(config, progress());
      print_summary(config, result);
      return 0;
    };
  }, /*order=*/25}};

}  // namespace
}  // namespace georeserve::cli
