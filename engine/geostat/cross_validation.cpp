#include "geostat/cross_validation.h"

#include <cmath>
#include <limits>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/text.h"
#include "io/csv.h"

namespace georeserve {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double zscore(const EstimateRecord& r, double value) {
  if (!estimated(r.status) || !(r.variance > 0)) return nan;
  return (r.estimate - value) / std::sqrt(r.variance);
}

double json_number(double v) { return std::isfinite(v) ? v : nan; }
}  // namespace

CrossValidationSummary summarise_cross_validation(const KrigingSamples& samples,
                                                  const std::vector<EstimateRecord>& records) {
  CrossValidationSummary s;
  s.samples = records.size();
  double sv = 0, se = 0, serr = 0, serr2 = 0, sabs = 0, sz = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (!estimated(r.status)) continue;
    const double v = samples.value[i], e = r.estimate, err = e - v;
    ++s.estimated;
    sv += v, se += e;
    serr += err, serr2 += err * err, sabs += std::abs(err);
    const double z = zscore(r, v);
    if (std::isfinite(z)) {
      ++s.zscores;
      sz += z;
    }
  }
  if (s.estimated == 0) return s;
  const double n = static_cast<double>(s.estimated);
  s.mean_value = sv / n;
  s.mean_estimate = se / n;
  s.mean_error = serr / n;
  s.mean_squared_error = serr2 / n;
  s.rmse = std::sqrt(s.mean_squared_error);
  s.mean_absolute_error = sabs / n;
  double cov = 0, var_v = 0, var_e = 0;  // second pass about the means: no cancellation
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!estimated(records[i].status)) continue;
    const double dv = samples.value[i] - s.mean_value, de = records[i].estimate - s.mean_estimate;
    cov += dv * de, var_v += dv * dv, var_e += de * de;
  }
  s.correlation = var_v > 0 && var_e > 0 ? cov / std::sqrt(var_v * var_e) : nan;
  if (s.zscores > 0) {
    s.mean_zscore = sz / static_cast<double>(s.zscores);
    double ss = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
      const double z = zscore(records[i], samples.value[i]);
      if (std::isfinite(z)) ss += (z - s.mean_zscore) * (z - s.mean_zscore);
    }
    s.variance_zscore = s.zscores > 1 ? ss / static_cast<double>(s.zscores - 1) : nan;
  } else {
    s.mean_zscore = s.variance_zscore = nan;
  }
  return s;
}

void write_cross_validation_csv(std::ostream& out, const KrigingSamples& samples,
                                const std::vector<EstimateRecord>& records) {
  CsvWriter w(out);
  w.field("x").field("y");
  if (samples.dimension == 3) w.field("z");
  w.field("value").field("estimate").field("error").field("variance").field("zscore").field("n_samples");
  if (samples.has_holes()) w.field("hole");
  w.field("status");
  w.end_row();
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    const double v = samples.value[i];
    w.field(format_double(samples.x[i])).field(format_double(samples.y[i]));
    if (samples.dimension == 3) w.field(format_double(samples.z[i]));
    w.field(format_double(v)).field(format_double(r.estimate)).field(format_double(r.estimate - v));
    w.field(format_double(r.variance)).field(format_double(zscore(r, v))).integer(r.n_samples);
    if (samples.has_holes()) {
      const auto h = samples.hole[i];
      w.field(h >= 0 ? samples.hole_names[static_cast<std::size_t>(h)] : std::string());
    }
    w.field(status_name(r.status));
    w.end_row();
  }
}

void write_cross_validation_csv(const std::filesystem::path& path, const KrigingSamples& samples,
                                const std::vector<EstimateRecord>& records) {
  write_file_atomically(path, [&](std::ostream& out) { write_cross_validation_csv(out, samples, records); });
}

void write_cross_validation_summary(const std::filesystem::path& path, const CrossValidationSummary& s,
                                    const std::string& method) {
  nlohmann::json j;
  j["method"] = method;
  j["samples"] = s.samples;
  j["estimated"] = s.estimated;
  j["mean_value"] = json_number(s.mean_value);
  j["mean_estimate"] = json_number(s.mean_estimate);
  j["mean_error"] = json_number(s.mean_error);
  j["mean_squared_error"] = json_number(s.mean_squared_error);
  j["rmse"] = json_number(s.rmse);
  j["mean_absolute_error"] = json_number(s.mean_absolute_error);
  j["zscores"] = s.zscores;
  j["mean_zscore"] = json_number(s.mean_zscore);
  j["variance_zscore"] = json_number(s.variance_zscore);
  j["correlation"] = json_number(s.correlation);
  j["error_definition"] = "estimate - value";
  write_file_atomically(path, [&](std::ostream& out) { out << j.dump(2) << '\n'; });
}

std::string describe_cross_validation(const CrossValidationSummary& s) {
  std::ostringstream out;
  auto num = [](double v) { return std::isfinite(v) ? format_fixed(v, 4) : std::string("-"); };
  out << "samples " << s.samples << ", estimated " << s.estimated << "\n";
  out << "mean error " << num(s.mean_error) << " (estimate - value), MSE " << num(s.mean_squared_error) << ", RMSE "
      << num(s.rmse) << ", mean |error| " << num(s.mean_absolute_error) << "\n";
  out << "z-score mean " << num(s.mean_zscore) << " (ideal 0), variance " << num(s.variance_zscore)
      << " (ideal 1); correlation value/estimate " << num(s.correlation) << "\n";
  return out.str();
}

}  // namespace georeserve
