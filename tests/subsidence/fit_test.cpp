// Tests of parameter fitting: known parameters are recovered from synthetic noisy measurements,
// with standard errors that cover the truth; b needs horizontal movements; too few points fail.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.h"
#include "subsidence/fit.h"
#include "subsidence/model.h"

namespace georeserve::subsidence {
namespace {

std::vector<Panel> two_panels() {
  Panel a;
  a.id = "W1";
  a.polygon = {{0, 0}, {220, 0}, {220, 1500}, {0, 1500}};
  a.thickness = 3.2;
  a.depth = 480;
  Panel b = a;
  b.id = "W2";
  b.polygon = {{260, 100}, {480, 100}, {480, 1400}, {260, 1400}};
  b.thickness = 2.8;
  b.depth = 510;
  return {a, b};
}

// Deterministic Gaussian noise (Box-Muller on mt19937, the same on every platform).
struct Noise {
  std::mt19937 rng{12345};
  double operator()(double sigma) {
    const double u1 = (rng() + 1.0) / 4294967297.0, u2 = (rng() + 1.0) / 4294967297.0;
    return sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }
};

Observation at(double x, double y) {
  Observation o;
  o.x = x;
  o.y = y;
  return o;
}

std::vector<Observation> synthetic(const Parameters& truth, bool with_u, double sigma) {
  const SubsidenceModel model(two_panels(), truth);
  Noise noise;
  std::vector<Observation> obs;
  // Two levelling lines across and along the panels, and scattered InSAR-like points.
  for (double x = -600; x <= 1100; x += 25) obs.push_back(at(x, 750));
  for (double y = -600; y <= 2100; y += 30) obs.push_back(at(240, y));
  for (int k = 0; k < 150; ++k) obs.push_back(at(-500.0 + (k * 37) % 1500, -500.0 + (k * 71) % 2500));
  for (Observation& o : obs) {
    const Deformation d = model.at({o.x, o.y});
    o.w = d.w + noise(sigma);
    if (with_u) {
      o.u_x = d.u_x + noise(sigma);
      o.u_y = d.u_y + noise(sigma);
    }
  }
  return obs;
}

TEST(Fit, RecoversKnownParametersFromNoisyPoints) {
  Parameters truth;
  truth.q = 0.72;
  truth.tan_beta = 2.3;
  truth.b = 0.31;
  truth.s_ratio = 0.06;
  const auto obs = synthetic(truth, true, 8.0);
  Parameters start;
  start.q = 0.5;
  start.tan_beta = 1.7;
  start.b = 0.2;
  start.s_ratio = 0.0;
  const FitResult r = fit_parameters(two_panels(), obs, {FitParameter::q, FitParameter::tan_beta, FitParameter::b, FitParameter::s_ratio}, start);
  EXPECT_TRUE(r.converged) << r.stop_reason;
  const double truth_values[] = {0.72, 2.3, 0.31, 0.06};
  for (std::size_t k = 0; k < 4; ++k) {
    const FitEstimate& e = r.estimates[k];
    EXPECT_TRUE(std::isfinite(e.std_error));
    EXPECT_GT(e.std_error, 0.0);
    EXPECT_NEAR(e.value, truth_values[k], 4.0 * e.std_error) << fit_parameter_name(e.parameter);
    EXPECT_NEAR(e.value, truth_values[k], 0.05 * truth_values[k] + 0.01) << fit_parameter_name(e.parameter);
  }
  EXPECT_NEAR(r.rms_w, 8.0, 1.5);  // the residuals are the noise
  EXPECT_NEAR(r.rms_u, 8.0, 1.5);
  EXPECT_EQ(r.n_u, 2 * r.n_w);
  EXPECT_NEAR(r.correlation[0][0], 1.0, 1e-12);
  EXPECT_NEAR(r.fitted.q, r.estimates[0].value, 0.0);
}

TEST(Fit, SubsidenceOnlyFitsWithoutB) {
  Parameters truth;
  truth.q = 0.65;
  truth.tan_beta = 1.9;
  const auto obs = synthetic(truth, false, 3.0);
  Parameters start;  // q 0.75, tan_beta 2.0
  const FitResult r = fit_parameters(two_panels(), obs, {FitParameter::q, FitParameter::tan_beta}, start);
  EXPECT_NEAR(r.fitted.q, 0.65, 0.01);
  EXPECT_NEAR(r.fitted.tan_beta, 1.9, 0.03);
  EXPECT_EQ(r.n_u, 0u);
  EXPECT_THROW(fit_parameters(two_panels(), obs, {FitParameter::b}, start), Error);
  const std::vector<Observation> two(obs.begin(), obs.begin() + 2);
  EXPECT_THROW(fit_parameters(two_panels(), two, {FitParameter::q, FitParameter::tan_beta}, start), Error);
}

}  // namespace
}  // namespace georeserve::subsidence
