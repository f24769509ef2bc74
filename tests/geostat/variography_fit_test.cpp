// Variogram fitting: recovering known nested anisotropic models from several directions at once,
// fixed parameters, fitted angles, bounds, and the failures that must be clear errors.
#include <gtest/gtest.h>

#include <cmath>

#include "geostat/variogram_fit.h"

using namespace georeserve;

namespace {

VariogramStructure structure(StructureType t, double sill, std::array<double, 3> ranges,
                             std::array<double, 3> angles = {0, 0, 0}) {
  VariogramStructure s;
  s.type = t;
  s.sill = sill;
  s.anisotropy.ranges = ranges;
  s.anisotropy.angles = angles;
  return s;
}

VariogramDirection direction(double az, double dip = 0) {
  VariogramDirection d;
  d.name = "az" + std::to_string(static_cast<int>(az)) + " dip" + std::to_string(static_cast<int>(dip));
  d.azimuth = az;
  d.dip = dip;
  d.tolerance = 22.5;
  d.dip_tolerance = 22.5;
  return d;
}

// "Experimental" variograms that are the model itself at lags 10, 20, ... (pairs vary by lag).
std::vector<ExperimentalVariogram> sampled(const VariogramModel& m, const std::vector<VariogramDirection>& dirs,
                                           int lags = 20, double width = 10) {
  std::vector<ExperimentalVariogram> out;
  for (const auto& d : dirs) {
    ExperimentalVariogram ev;
    ev.direction = d;
    for (int k = 0; k < lags; ++k) {
      VariogramLag l;
      l.from = k * width;
      l.to = (k + 1) * width;
      l.distance = (k + 0.6) * width;
      l.pairs = static_cast<std::uint64_t>(100 + 37 * k);
      l.gamma = m.variogram(d.unit_vector() * l.distance);
      ev.lags.push_back(l);
    }
    out.push_back(ev);
  }
  return out;
}

VariogramModel truth() {
  VariogramModel m;
  m.nugget = 0.8;
  m.structures = {structure(StructureType::spherical, 3.0, {60, 30, 60}, {30, 0, 0}),
                  structure(StructureType::exponential, 2.0, {50, 50, 12}, {30, 0, 0})};
  return m;
}

}  // namespace

TEST(VariographyFit, RecoversNestedAnisotropicModelFromThreeDirections) {
  const VariogramModel t = truth();
  const auto ev = sampled(t, {direction(30), direction(120), direction(0, -90)});
  VariogramModel start = t;
  start.nugget = 0.3;
  start.structures[0].sill = 1.5;
  start.structures[0].anisotropy.ranges = {100, 50, 60};
  start.structures[1].sill = 4;
  start.structures[1].anisotropy.ranges = {30, 30, 30};
  VariogramFitOptions o;
  o.method = 7;
  o.data_variance = t.total_sill();
  o.structures = {StructureFitFlags{}, StructureFitFlags{}};
  o.structures[0].ranges[2] = false;  // one vertical direction for two vertical ranges: hold one
  const auto r = fit_variogram(ev, start, o);
  EXPECT_LT(r.weighted_sse, 1e-16);
  EXPECT_NEAR(r.model.nugget, 0.8, 1e-6);
  EXPECT_NEAR(r.model.structures[0].sill, 3.0, 1e-6);
  EXPECT_NEAR(r.model.structures[0].anisotropy.ranges[0], 60, 1e-4);
  EXPECT_NEAR(r.model.structures[0].anisotropy.ranges[1], 30, 1e-4);
  EXPECT_EQ(r.model.structures[0].anisotropy.ranges[2], 60);  // fixed: untouched
  EXPECT_NEAR(r.model.structures[1].sill, 2.0, 1e-6);
  EXPECT_NEAR(r.model.structures[1].anisotropy.ranges[0], 50, 1e-4);
  EXPECT_NEAR(r.model.structures[1].anisotropy.ranges[2], 12, 1e-4);
  EXPECT_EQ(r.model.structures[1].anisotropy.angles[0], 30);  // angles fixed by default
}

TEST(VariographyFit, FitsTheAzimuthWhenFreed) {
  VariogramModel t;
  t.nugget = 0.2;
  t.structures = {structure(StructureType::spherical, 1.0, {200, 80, 200}, {35, 0, 0})};
  const auto ev = sampled(t, {direction(0), direction(45), direction(90), direction(135)}, 25);
  VariogramModel start = t;
  start.structures[0].anisotropy.angles[0] = 50;
  start.structures[0].anisotropy.ranges = {150, 100, 150};
  VariogramFitOptions o;
  o.structures = {StructureFitFlags{}};
  o.structures[0].angles[0] = true;
  const auto r = fit_variogram(ev, start, o);
  EXPECT_NEAR(r.model.structures[0].anisotropy.angles[0], 35, 1e-4);
  EXPECT_NEAR(r.model.structures[0].anisotropy.ranges[0], 200, 1e-3);
  EXPECT_NEAR(r.model.structures[0].anisotropy.ranges[1], 80, 1e-3);
  // Vertical range: no direction sees it; held, with a note saying so.
  EXPECT_EQ(r.model.structures[0].anisotropy.ranges[2], 150);
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes.front().find("structures[0].ranges[2]"), std::string::npos);
}

TEST(VariographyFit, FixedParametersStayExactly) {
  const VariogramModel t = truth();
  const auto ev = sampled(t, {direction(30), direction(120), direction(0, -90)});
  VariogramModel start = t;
  start.nugget = 1.1;
  start.structures[0].sill = 2.0;
  VariogramFitOptions o;
  o.fit_nugget = false;
  o.structures = {StructureFitFlags{}, StructureFitFlags{}};
  o.structures[1].sill = false;
  o.structures[1].ranges = {false, false, false};
  const auto r = fit_variogram(ev, start, o);
  EXPECT_EQ(r.model.nugget, 1.1);
  EXPECT_EQ(r.model.structures[1].sill, 2.0);
  EXPECT_EQ(r.model.structures[1].anisotropy.ranges, (std::array<double, 3>{50, 50, 12}));
  EXPECT_NE(r.model.structures[0].sill, 2.0);
}

TEST(VariographyFit, OneDirectionKeepsAnisotropyRatios) {
  VariogramModel t;
  t.structures = {structure(StructureType::gaussian, 5.0, {100, 100, 100})};
  const auto ev = sampled(t, {direction(0)});
  VariogramModel start;
  start.structures = {structure(StructureType::gaussian, 3.0, {50, 25, 10})};
  const auto r = fit_variogram(ev, start, VariogramFitOptions{});
  const auto& rg = r.model.structures[0].anisotropy.ranges;
  EXPECT_NEAR(rg[0], 100, 1e-4);
  EXPECT_NEAR(rg[1] / rg[0], 0.5, 1e-12);
  EXPECT_NEAR(rg[2] / rg[0], 0.2, 1e-12);
  // Fixing one of them alone cannot be honoured with one direction: a clear error.
  VariogramFitOptions o;
  o.structures = {StructureFitFlags{}};
  o.structures[0].ranges[1] = false;
  EXPECT_THROW(fit_variogram(ev, start, o), VariogramFitError);
}

TEST(VariographyFit, BoundsHoldTheNuggetAtZero) {
  VariogramModel t;
  t.structures = {structure(StructureType::exponential, 2.0, {40, 40, 40})};
  const auto ev = sampled(t, {direction(0)});
  VariogramModel start = t;
  start.nugget = 0.5;
  start.structures[0].anisotropy.ranges = {80, 80, 80};
  for (int method : {1, 2, 6, 7}) {
    VariogramFitOptions o;
    o.method = method;
    const auto r = fit_variogram(ev, start, o);
    EXPECT_GE(r.model.nugget, 0.0);
    EXPECT_NEAR(r.model.nugget, 0.0, 1e-7) << method;
    EXPECT_NEAR(r.model.structures[0].anisotropy.ranges[0], 40, 1e-4) << method;
  }
}

TEST(VariographyFit, WeightsFollowGstatMethods) {
  VariogramModel m;
  m.nugget = 1;
  const auto ev = sampled(m, {direction(0)}, 3);
  VariogramModel other;
  other.nugget = 2;  // residual 1 at every lag
  double n_sum = 0, nh2 = 0, cressie = 0;
  for (const auto& l : ev[0].lags) {
    n_sum += static_cast<double>(l.pairs);
    nh2 += static_cast<double>(l.pairs) / (l.distance * l.distance);
    cressie += static_cast<double>(l.pairs) / 4.0;  // weight model gamma = 2
  }
  EXPECT_DOUBLE_EQ(variogram_fit_sse(ev, other, 1, other), n_sum);
  EXPECT_DOUBLE_EQ(variogram_fit_sse(ev, other, 7, other), nh2);
  EXPECT_DOUBLE_EQ(variogram_fit_sse(ev, other, 6, other), 3.0);
  EXPECT_DOUBLE_EQ(variogram_fit_sse(ev, other, 2, other), cressie);
  EXPECT_THROW(variogram_fit_sse(ev, other, 3, other), Error);
}

TEST(VariographyFit, RejectsASillFarAboveTheVariance) {
  // A variogram still rising linearly at the last lag: a spherical fit runs away to a huge range and sill.
  VariogramModel linear;
  linear.structures = {structure(StructureType::power, 0.05, {1, 1, 1})};
  const auto ev = sampled(linear, {direction(0)});
  VariogramModel start;
  start.structures = {structure(StructureType::spherical, 5.0, {150, 150, 150})};
  VariogramFitOptions o;
  o.data_variance = 2.0;  // the sample variance is far below what the fit needs
  try {
    fit_variogram(ev, start, o);
    FAIL() << "expected a VariogramFitError";
  } catch (const VariogramFitError& e) {
    EXPECT_NE(std::string(e.what()).find("times the sample variance"), std::string::npos) << e.what();
  }
}

TEST(VariographyFit, FailuresAreClearErrors) {
  const VariogramModel t = truth();
  auto ev = sampled(t, {direction(30)}, 3);
  VariogramModel start = t;
  VariogramFitOptions o;
  // 3 lags cannot determine nugget + 2 sills + 2 ranges.
  EXPECT_THROW(fit_variogram(ev, start, o), VariogramFitError);
  // No convergence within the allowed iterations.
  ev = sampled(t, {direction(30), direction(120)});
  start.structures[0].anisotropy.ranges = {400, 400, 400};
  o.max_iterations = 1;
  o.multistart = false;
  try {
    fit_variogram(ev, start, o);
    FAIL() << "expected a VariogramFitError";
  } catch (const VariogramFitError& e) {
    EXPECT_NE(std::string(e.what()).find("did not converge"), std::string::npos) << e.what();
  }
  // Method 7 cannot weigh a lag at distance 0; no lags with pairs.
  ev[0].lags[0].distance = 0;
  EXPECT_THROW(fit_variogram(ev, start, VariogramFitOptions{}), VariogramFitError);
  for (auto& v : ev)
    for (auto& l : v.lags) l.pairs = 0;
  EXPECT_THROW(fit_variogram(ev, start, VariogramFitOptions{}), VariogramFitError);
}
