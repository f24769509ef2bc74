// Fitting a nested, anisotropic variogram model to one or several experimental variograms at once by
// weighted least squares, as R gstat's fit.variogram does for one:
//   minimise  sum over directions d, lags k with pairs:  w_dk * (gamma_dk - model(u_d * h_dk))^2
// where u_d is the direction's unit vector and h_dk the lag's mean distance. Weights (gstat's
// fit.method numbers): 1 = N, 2 = N / model(h)^2 with the initial model (Cressie; fixed during the
// fit, as in gstat), 6 = 1 (ordinary least squares), 7 = N / h^2 (gstat's default).
//
// Projected Levenberg-Marquardt with bounds (nugget and sills >= 0, ranges > 0; a parameter at a
// bound with the gradient pointing outwards is held there), from the given model and, unless told
// otherwise, from a few starts rescaled to the data; the lowest weighted SSE wins. Any parameter can
// be fixed. A fit that does not converge, or whose sill lies far above the sample variance, is an
// error (VariogramFitError) with a message saying what to change.
#pragma once

#include <array>
#include <limits>
#include <string>
#include <vector>

#include "core/error.h"
#include "geostat/experimental_variogram.h"
#include "geostat/variogram_model.h"

namespace georeserve {

class VariogramFitError : public Error {
 public:
  using Error::Error;
};

struct StructureFitFlags {
  bool sill = true;
  std::array<bool, 3> ranges{true, true, true};    // major, minor, vertical
  std::array<bool, 3> angles{false, false, false};  // azimuth, dip, rake: fixed unless freed
};

enum class RangeFitMode {
  automatic,     // proportional when all variograms share one direction, else independent
  proportional,  // one range per structure, minor and vertical keep their ratio to it (gstat)
  independent,   // major, minor and vertical ranges each fitted (those no direction sees stay fixed)
};

struct VariogramFitOptions {
  int method = 7;  // 1, 2, 6 or 7 (gstat's fit.method)
  bool fit_nugget = true;
  std::vector<StructureFitFlags> structures;  // per structure of the initial model; missing ones: defaults
  RangeFitMode ranges = RangeFitMode::automatic;
  // The fit is rejected when nugget + sills exceeds this many times the sample variance.
  double max_sill_ratio = 3.0;
  double data_variance = std::numeric_limits<double>::quiet_NaN();  // NaN: no sill check
  bool multistart = true;
  int max_iterations = 2000;
};

struct VariogramFitResult {
  VariogramModel model;
  double weighted_sse = 0;
  int iterations = 0;       // of the winning start
  int free_parameters = 0;
  int lags_used = 0;
  std::vector<std::string> notes;  // parameters held because no direction sees them, warnings
};

VariogramFitResult fit_variogram(const std::vector<ExperimentalVariogram>& variograms, const VariogramModel& initial,
                                 const VariogramFitOptions& options);

// The weighted SSE of `model` (method 2 takes its weights from `weight_model`).
double variogram_fit_sse(const std::vector<ExperimentalVariogram>& variograms, const VariogramModel& model, int method,
                         const VariogramModel& weight_model);

}  // namespace georeserve
