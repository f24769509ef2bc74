// Running a variography configuration and writing its files (see variography_run.h).
#include "geostat/variography_run.h"

#include <cstdio>
#include <filesystem>
#include <ostream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/text.h"
#include "geostat/variography_plot.h"
#include "io/csv.h"

namespace georeserve {
namespace {

std::string fit_subtitle(const VariogramFitResult& f, int method) {
  char sse[32];
  std::snprintf(sse, sizeof sse, "%.4g", f.weighted_sse);
  return "拟合模型 fitted model: " + short_model_description(f.model) + " · fit.method " + std::to_string(method) +
         ", weighted SSE " + sse;
}

}  // namespace

void write_experimental_csv(std::ostream& out, const std::vector<ExperimentalVariogram>& variograms,
                            const VariogramModel* model) {
  CsvWriter w(out);
  std::vector<std::string> header{"direction", "azimuth", "dip", "lag", "lag_from", "lag_to", "distance", "gamma", "pairs"};
  if (model) header.push_back("model");
  w.row(header);
  for (const auto& v : variograms) {
    const auto u = v.direction.unit_vector();
    for (std::size_t k = 0; k < v.lags.size(); ++k) {
      const auto& l = v.lags[k];
      if (l.pairs == 0) continue;
      w.field(v.direction.name).field(format_double(v.direction.azimuth)).field(format_double(v.direction.dip));
      w.integer(static_cast<long long>(k)).field(format_double(l.from)).field(format_double(l.to));
      w.field(format_double(l.distance)).field(format_double(l.gamma)).integer(static_cast<long long>(l.pairs));
      if (model) w.field(format_double(model->variogram(u * l.distance)));
      w.end_row();
    }
  }
}

VariographyResult run_variography(const VariographyConfig& c, ProgressSink* progress) {
  VariographyResult r;
  r.variance = c.samples.variance();
  r.variograms = compute_experimental_variograms(c.samples, c.experimental, progress);
  if (c.map) r.map = compute_variogram_map(c.samples, *c.map, progress);

  std::optional<VariogramFitError> fit_error;
  if (c.initial_model) {
    try {
      r.fit = fit_variogram(r.variograms, *c.initial_model, c.fit);
    } catch (const VariogramFitError& e) {
      fit_error = e;
    }
  }
  const VariogramModel* model = r.fit ? &r.fit->model : nullptr;

  VariographyPlotText text;
  text.variable = c.title;
  text.unit = c.unit;
  text.variance = r.variance;
  if (c.map) text.map_min_pairs = c.map->min_pairs;
  text.subtitle = r.fit ? fit_subtitle(*r.fit, c.fit.method)
                        : std::to_string(c.samples.size()) + " samples 样品, variance 方差 " + format_double(r.variance);
  const SvgCanvas plot = plot_experimental_variograms(r.variograms, model, text);
  std::optional<SvgCanvas> map_plot;
  if (r.map) map_plot.emplace(plot_variogram_map(*r.map, c.experimental.directions, model, text));

  write_file_atomically(c.outputs.experimental, [&](std::ostream& o) { write_experimental_csv(o, r.variograms, model); });
  r.written.push_back(c.outputs.experimental);
  plot.write(c.outputs.plot);
  r.written.push_back(c.outputs.plot);
  if (r.map) {
    write_file_atomically(c.outputs.map, [&](std::ostream& o) { write_variogram_map_csv(o, *r.map); });
    map_plot->write(c.outputs.map_plot);
    r.written.push_back(c.outputs.map);
    r.written.push_back(c.outputs.map_plot);
  }
  if (fit_error) {
    // A model file left from an earlier run must not pass for this fit.
    std::error_code ec;
    const bool removed = std::filesystem::remove(c.outputs.model, ec);
    throw VariogramFitError(std::string(fit_error->what()) + " (experimental variogram written to " +
                            c.outputs.experimental.string() + ", plotted in " + c.outputs.plot.string() +
                            (removed ? "; the older " + c.outputs.model.string() + " was removed" : std::string()) +
                            ")");
  }
  if (r.fit) {
    write_file_atomically(c.outputs.model, [&](std::ostream& o) { o << r.fit->model.to_json().dump(2) << '\n'; });
    r.written.push_back(c.outputs.model);
  }
  return r;
}

}  // namespace georeserve
