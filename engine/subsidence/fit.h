// Fitting the method's parameters to measured ground movements (levelling lines, InSAR points) by
// Levenberg-Marquardt least squares: residuals are predicted minus measured subsidence (mm), plus
// predicted minus measured horizontal movement (mm) where points carry it (b is only identifiable
// from those). Standard errors come from the Jacobian at the solution, sigma^2 (J^T J)^-1 with
// sigma^2 = RSS / (n - p).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "subsidence/panel.h"

namespace georeserve::subsidence {

struct Observation {
  double x = 0.0, y = 0.0;
  double w = 0.0;                         // measured subsidence, mm, positive down
  std::optional<double> u_x, u_y;         // measured horizontal movement, mm
};

enum class FitParameter { q, tan_beta, b, s_ratio, theta };
// "q", "tan_beta", "b", "s_ratio", "theta".
std::string fit_parameter_name(FitParameter p);
std::optional<FitParameter> parse_fit_parameter(const std::string& name);

struct FitEstimate {
  FitParameter parameter;
  double start = 0.0;
  double value = 0.0;
  double std_error = 0.0;  // NaN when the data cannot determine it
  bool at_bound = false;   // stopped on the edge of its allowed range
};

struct FitResult {
  Parameters fitted;                     // the start parameters with the free ones replaced
  std::vector<FitEstimate> estimates;    // one per free parameter, in the order asked
  std::vector<std::vector<double>> correlation;
  std::size_t n_w = 0, n_u = 0;          // residuals of subsidence and of horizontal movement
  double rms_w = 0.0, rms_u = 0.0;       // mm
  double rms = 0.0;                      // all residuals, mm
  int iterations = 0;
  bool converged = false;
  std::string stop_reason;
  std::vector<double> predicted_w;       // per observation, at the fitted parameters
};

// Fits the free parameters, starting from `start`. Throws Error when there are no more residuals
// than free parameters, or b is free without horizontal movements.
FitResult fit_parameters(const std::vector<Panel>& panels, const std::vector<Observation>& points,
                         const std::vector<FitParameter>& free, const Parameters& start, ProgressSink* progress = nullptr);

}  // namespace georeserve::subsidence
