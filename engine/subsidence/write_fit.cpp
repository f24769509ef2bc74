// The parameter fit's report (JSON: estimates with standard errors, correlations, residual RMS) and
// its per-point residual table (CSV).
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "io/csv.h"
#include "subsidence/outputs.h"

namespace georeserve::subsidence {
namespace {

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace

void write_fit_report(const std::filesystem::path& path, const FitResult& fit, const FitJob& job, const Parameters& start) {
  nlohmann::json j;
  j["points_file"] = job.points.string();
  j["points"] = fit.n_w;
  j["horizontal_components"] = fit.n_u;
  j["rms_mm"] = fit.rms;
  j["rms_W_mm"] = fit.rms_w;
  j["rms_u_mm"] = number_or_null(fit.n_u ? fit.rms_u : std::nan(""));
  j["iterations"] = fit.iterations;
  j["converged"] = fit.converged;
  j["stop_reason"] = fit.stop_reason;
  nlohmann::json estimates = nlohmann::json::array();
  std::vector<std::string> names;
  for (const FitEstimate& e : fit.estimates) {
    names.push_back(fit_parameter_name(e.parameter));
    estimates.push_back({{"name", names.back()},
                         {"start", e.start},
                         {"value", e.value},
                         {"std_error", number_or_null(e.std_error)},
                         {"at_bound", e.at_bound}});
  }
  j["estimates"] = estimates;
  j["correlation"] = {{"parameters", names}, {"matrix", nlohmann::json::array()}};
  for (const auto& row : fit.correlation) {
    nlohmann::json r = nlohmann::json::array();
    for (double v : row) r.push_back(number_or_null(v));
    j["correlation"]["matrix"].push_back(r);
  }
  j["parameters_used"] = {{"q", fit.fitted.q}, {"tan_beta", fit.fitted.tan_beta}, {"b", fit.fitted.b},
                          {"theta", fit.fitted.theta}, {"s_ratio", fit.fitted.s_ratio}};
  j["parameters_start"] = {{"q", start.q}, {"tan_beta", start.tan_beta}, {"b", start.b}, {"theta", start.theta}, {"s_ratio", start.s_ratio}};
  write_file_atomically(path, [&](std::ostream& out) { out << j.dump(2) << '\n'; });
}

void write_fit_residuals(const std::filesystem::path& path, const FitResult& fit, const FitJob& job) {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvWriter w(out);
    w.row({"x", "y", "W_measured", "W_fitted", "residual_mm"});
    for (std::size_t i = 0; i < job.observations.size(); ++i) {
      const Observation& o = job.observations[i];
      w.number(o.x, 3).number(o.y, 3).number(o.w, 3).number(fit.predicted_w[i], 3).number(fit.predicted_w[i] - o.w, 3);
      w.end_row();
    }
  });
}

}  // namespace georeserve::subsidence
