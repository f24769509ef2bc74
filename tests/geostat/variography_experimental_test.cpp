// Experimental variograms against a brute-force oracle (every pair, the rules written out plainly)
// and properties: pure nugget is flat, a sampled AR(1) series gives its exponential variogram,
// tolerance limits are inclusive and symmetric, hole selections partition the pairs, and the
// result does not depend on the number of threads.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include <tbb/global_control.h>

#include "core/error.h"
#include "geostat/experimental_variogram.h"

using namespace georeserve;

namespace {

VariogramDirection dir(std::string name, double az, double tol, double dip = 0, double dip_tol = 90,
                       double band = INFINITY, double vband = INFINITY) {
  VariogramDirection d;
  d.name = std::move(name);
  d.azimuth = az;
  d.tolerance = tol;
  d.dip = dip;
  d.dip_tolerance = dip_tol;
  d.bandwidth = band;
  d.vertical_bandwidth = vband;
  return d;
}

// Clustered 3D points on a 0.5 m lattice (many exact lag and angle limits), some duplicated, in holes.
VariogramSamples clustered_samples(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  VariogramSamples s;
  s.dimension = 3;
  for (int i = 0; i < n; ++i) {
    const int hole = i / 20;
    const double cx = 40 * (hole % 7), cy = 35 * (hole / 7);
    s.x.push_back(std::round(2 * (cx + 30 * u(rng))) / 2);
    s.y.push_back(std::round(2 * (cy + 30 * u(rng))) / 2);
    s.z.push_back(std::round(2 * (-60 * u(rng))) / 2);
    s.value.push_back(std::sin(s.x.back() / 30) + 0.02 * s.z.back() + u(rng));
    s.hole.push_back(hole);
    if (i % 37 == 5) {  // a duplicate sample at the same place
      s.x.push_back(s.x.back());
      s.y.push_back(s.y.back());
      s.z.push_back(s.z.back());
      s.value.push_back(s.value.back() + 0.3);
      s.hole.push_back(hole);
    }
  }
  return s;
}

// The oracle: every pair, GSLIB's direction rules in the plainest form.
bool oracle_accepts(const VariogramDirection& d, double dx, double dy, double dz) {
  const double h = std::sqrt(dx * dx + dy * dy + dz * dz);
  if (h == 0) return true;
  auto rad = [](double deg) { return deg * std::numbers::pi / 180.0; };
  const double hxy = std::hypot(dx, dy);
  const double along = dx * std::sin(rad(d.azimuth)) + dy * std::cos(rad(d.azimuth));
  const double across = dx * std::cos(rad(d.azimuth)) - dy * std::sin(rad(d.azimuth));
  if (hxy > 0) {
    if (d.tolerance < 90 && std::abs(along) / hxy < std::cos(rad(d.tolerance)) - 1e-12) return false;
    if (std::abs(across) > d.bandwidth) return false;
  }
  const double s = along < 0 ? -hxy : hxy;
  const double cd = std::cos(rad(d.dip)), sd = std::sin(rad(d.dip));
  if (d.dip_tolerance < 90 && std::abs(s * cd + dz * sd) / h < std::cos(rad(d.dip_tolerance)) - 1e-12) return false;
  if (std::abs(cd * dz - sd * s) > d.vertical_bandwidth) return false;
  return true;
}

std::vector<ExperimentalVariogram> oracle(const VariogramSamples& s, const ExperimentalVariogramOptions& o) {
  std::vector<ExperimentalVariogram> out;
  for (const auto& d : o.directions) {
    ExperimentalVariogram ev;
    ev.direction = d;
    ev.lags.resize(static_cast<std::size_t>(o.lags.count()));
    std::vector<double> hs(ev.lags.size(), 0.0), gs(ev.lags.size(), 0.0);
    for (std::size_t i = 0; i < s.size(); ++i)
      for (std::size_t j = i + 1; j < s.size(); ++j) {
        if (o.pairs == PairSelection::same_hole && s.hole[i] != s.hole[j]) continue;
        if (o.pairs == PairSelection::different_holes && s.hole[i] == s.hole[j]) continue;
        const double dx = s.x[i] - s.x[j], dy = s.y[i] - s.y[j], dz = s.z[i] - s.z[j];
        const double h = std::sqrt(dx * dx + dy * dy + dz * dz);
        if (!oracle_accepts(d, dx, dy, dz)) continue;
        for (int k = 0; k < o.lags.count(); ++k) {
          bool in;
          if (o.lags.centred()) in = std::abs(h - k * o.lags.width()) <= o.lags.tolerance();
          else in = k == 0 ? (h <= o.lags.width()) : (h > k * o.lags.width() && h <= (k + 1) * o.lags.width());
          if (!o.lags.centred() && h > o.lags.max_distance()) in = false;
          if (!in) continue;
          auto& l = ev.lags[static_cast<std::size_t>(k)];
          ++l.pairs;
          hs[static_cast<std::size_t>(k)] += h;
          gs[static_cast<std::size_t>(k)] += (s.value[i] - s.value[j]) * (s.value[i] - s.value[j]);
        }
      }
    for (std::size_t k = 0; k < ev.lags.size(); ++k) {
      ev.lags[k].distance = hs[k] / static_cast<double>(ev.lags[k].pairs);
      ev.lags[k].gamma = gs[k] / (2.0 * static_cast<double>(ev.lags[k].pairs));
    }
    out.push_back(ev);
  }
  return out;
}

void expect_same(const std::vector<ExperimentalVariogram>& a, const std::vector<ExperimentalVariogram>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t d = 0; d < a.size(); ++d) {
    ASSERT_EQ(a[d].lags.size(), b[d].lags.size());
    for (std::size_t k = 0; k < a[d].lags.size(); ++k) {
      const auto &x = a[d].lags[k], &y = b[d].lags[k];
      EXPECT_EQ(x.pairs, y.pairs) << a[d].direction.name << " lag " << k;
      if (x.pairs == 0 || y.pairs == 0) continue;
      EXPECT_NEAR(x.distance, y.distance, 1e-12 * y.distance) << a[d].direction.name << " lag " << k;
      EXPECT_NEAR(x.gamma, y.gamma, 1e-12 * y.gamma) << a[d].direction.name << " lag " << k;
    }
  }
}

ExperimentalVariogramOptions many_directions(LagDefinition lags) {
  ExperimentalVariogramOptions o;
  o.lags = lags;
  o.directions = {dir("omni", 0, 90),
                  dir("N", 0, 22.5, 0, 10),
                  dir("NE", 45, 45, 0, 90),
                  dir("E-band", 90, 30, 0, 20, 6.0, 4.0),
                  dir("plunge", 135, 20, -30, 15),
                  dir("down", 0, 90, -90, 20),
                  dir("flat-band", 60, 90, 0, 90, 5.0)};
  return o;
}

}  // namespace

TEST(VariographyLags, GstatBinsAreClosedOnTheRight) {
  const auto l = LagDefinition::cutoff_width(10, 35);
  EXPECT_EQ(l.count(), 4);  // (0,10], (10,20], (20,30], (30,35]
  EXPECT_EQ(l.lags_of(0).first, 0);  // coincident samples join lag 0
  EXPECT_EQ(l.lags_of(10).first, 0);
  EXPECT_EQ(l.lags_of(10.000001).first, 1);
  EXPECT_EQ(l.lags_of(35).first, 3);
  EXPECT_GT(l.lags_of(35.0001).first, l.lags_of(35.0001).second);
  EXPECT_EQ(l.upper(3), 35);
  EXPECT_EQ(LagDefinition::cutoff_width(100, 1500).count(), 15);
}

TEST(VariographyLags, GslibLagsMayOverlap) {
  const auto l = LagDefinition::spacing_tolerance(10, 7, 5);  // centres 0..50, half-width 7
  EXPECT_EQ(l.count(), 6);
  EXPECT_EQ(l.lags_of(5), (std::pair<int, int>{0, 1}));
  EXPECT_EQ(l.lags_of(17), (std::pair<int, int>{1, 2}));  // |17-10| = 7 and |17-20| = 3: both, ends included
  EXPECT_EQ(l.lags_of(57), (std::pair<int, int>{5, 5}));
  EXPECT_GT(l.lags_of(57.5).first, l.lags_of(57.5).second);
  EXPECT_DOUBLE_EQ(l.max_distance(), 57);
}

TEST(VariographyExperimental, MatchesBruteForceOracle) {
  const auto s = clustered_samples(700, 7);
  for (const auto& lags : {LagDefinition::cutoff_width(7.5, 120), LagDefinition::spacing_tolerance(10, 7, 12)}) {
    for (auto pairs : {PairSelection::all, PairSelection::same_hole, PairSelection::different_holes}) {
      auto o = many_directions(lags);
      o.pairs = pairs;
      expect_same(compute_experimental_variograms(s, o), oracle(s, o));
    }
  }
}

TEST(VariographyExperimental, HoleSelectionsPartitionThePairs) {
  const auto s = clustered_samples(500, 3);
  auto o = many_directions(LagDefinition::cutoff_width(10, 150));
  const auto all = compute_experimental_variograms(s, o);
  o.pairs = PairSelection::same_hole;
  const auto same = compute_experimental_variograms(s, o);
  o.pairs = PairSelection::different_holes;
  const auto diff = compute_experimental_variograms(s, o);
  for (std::size_t d = 0; d < all.size(); ++d)
    for (std::size_t k = 0; k < all[d].lags.size(); ++k)
      EXPECT_EQ(all[d].lags[k].pairs, same[d].lags[k].pairs + diff[d].lags[k].pairs);
  o.pairs = PairSelection::same_hole;
  VariogramSamples no_holes = s;
  no_holes.hole.clear();
  EXPECT_THROW(compute_experimental_variograms(no_holes, o), Error);
}

TEST(VariographyExperimental, IdenticalForOneAndTwoThreads) {
  const auto s = clustered_samples(2000, 11);
  const auto o = many_directions(LagDefinition::cutoff_width(5, 200));
  std::vector<ExperimentalVariogram> one, two;
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
    one = compute_experimental_variograms(s, o);
  }
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 2);
    two = compute_experimental_variograms(s, o);
  }
  for (std::size_t d = 0; d < one.size(); ++d)
    for (std::size_t k = 0; k < one[d].lags.size(); ++k) {
      EXPECT_EQ(one[d].lags[k].pairs, two[d].lags[k].pairs);
      if (one[d].lags[k].pairs == 0) continue;
      EXPECT_EQ(one[d].lags[k].gamma, two[d].lags[k].gamma);  // bitwise, not approximately
      EXPECT_EQ(one[d].lags[k].distance, two[d].lags[k].distance);
    }
}

TEST(VariographyExperimental, PureNuggetIsFlat) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1000);
  std::normal_distribution<double> z(10, 2);
  VariogramSamples s;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    s.x.push_back(u(rng));
    s.y.push_back(u(rng));
    s.z.push_back(0);
    s.value.push_back(z(rng));
  }
  ExperimentalVariogramOptions o;
  o.lags = LagDefinition::cutoff_width(25, 200);
  o.directions = {dir("omni", 0, 90), dir("N", 0, 22.5)};
  const double var = s.variance();
  for (const auto& ev : compute_experimental_variograms(s, o))
    for (const auto& l : ev.lags) {
      ASSERT_GT(l.pairs, 5000u);
      // The pairs of a lag share their samples: the error of gamma scales with the samples, about
      // var * sqrt(8 / n) (2 % here); allow four of those.
      EXPECT_NEAR(l.gamma, var, 4 * var * std::sqrt(8.0 / n)) << ev.direction.name << " " << l.from;
    }
}

TEST(VariographyExperimental, Ar1SeriesGivesItsExponentialVariogram) {
  // x_t = phi x_{t-1} + e_t has C(h) = s2 phi^h, so gamma(h) = s2 (1 - phi^h): exponential with
  // range -1 / ln(phi) in gstat's parameterisation.
  const double phi = 0.9, sigma_e = 1.0, s2 = sigma_e * sigma_e / (1 - phi * phi);
  std::mt19937 rng(17);
  std::normal_distribution<double> e(0, sigma_e);
  VariogramSamples s;
  s.dimension = 1;
  double x = e(rng) * std::sqrt(s2);
  for (int t = 0; t < 200000; ++t) {
    x = phi * x + e(rng);
    s.x.push_back(t * 2.0);  // 2 m spacing
    s.y.push_back(0);
    s.z.push_back(0);
    s.value.push_back(x);
  }
  ExperimentalVariogramOptions o;
  o.lags = LagDefinition::cutoff_width(2, 60);  // lag k holds distance 2(k+1) exactly
  o.directions = {dir("along", 90, 10)};
  const auto ev = compute_experimental_variograms(s, o).front();
  for (std::size_t k = 0; k < ev.lags.size(); ++k) {
    const double h = 2.0 * static_cast<double>(k + 1);
    EXPECT_EQ(ev.lags[k].distance, h);
    EXPECT_NEAR(ev.lags[k].gamma, s2 * (1 - std::pow(phi, h / 2)), 0.04 * s2) << "h = " << h;
  }
}

TEST(VariographyExperimental, ToleranceLimitsAreInclusiveAndSymmetric) {
  // A 12 x 12 grid of 1 m: the diagonals lie exactly on a 45 degree limit.
  VariogramSamples s;
  std::mt19937 rng(2);
  std::normal_distribution<double> z(0, 1);
  for (int i = 0; i < 12; ++i)
    for (int j = 0; j < 12; ++j) {
      s.x.push_back(i);
      s.y.push_back(j);
      s.z.push_back(0);
      s.value.push_back(z(rng));
    }
  ExperimentalVariogramOptions o;
  o.lags = LagDefinition::cutoff_width(1, 1.5);  // lag 1 holds only the diagonals (sqrt 2)
  o.directions = {dir("N", 0, 45), dir("E", 90, 45), dir("NE", 45, 0.5), dir("NW", 135, 0.5), dir("narrow", 0, 44.9)};
  const auto ev = compute_experimental_variograms(s, o);
  const std::uint64_t diagonals = 2 * 11 * 11;
  EXPECT_EQ(ev[0].lags[1].pairs, diagonals);  // both diagonals, whatever the rounding of cos(45)
  EXPECT_EQ(ev[1].lags[1].pairs, diagonals);
  EXPECT_EQ(ev[2].lags[1].pairs, diagonals / 2);
  EXPECT_EQ(ev[3].lags[1].pairs, diagonals / 2);
  EXPECT_EQ(ev[4].lags[1].pairs, 0u);
  EXPECT_EQ(ev[0].lags[0].pairs, 12u * 11u);  // north-south neighbours only
}

TEST(VariographyExperimental, VerticalPairsAndCoincidentSamples) {
  VariogramSamples s;
  auto add = [&](double x, double y, double z, double v) {
    s.x.push_back(x);
    s.y.push_back(y);
    s.z.push_back(z);
    s.value.push_back(v);
  };
  add(0, 0, 0, 1);
  add(0, 0, -5, 2);   // straight below: no horizontal extent
  add(5, 0, 0, 4);    // east
  add(0, 0, 0, 3);    // coincident with the first
  ExperimentalVariogramOptions o;
  o.lags = LagDefinition::cutoff_width(10, 10);
  o.directions = {dir("N no dip limit", 0, 22.5), dir("N flat", 0, 22.5, 0, 22.5), dir("down", 0, 90, -90, 10)};
  const auto ev = compute_experimental_variograms(s, o);
  // Pairs: the coincident one (in every direction); two vertical ones (no horizontal extent: they pass
  // a horizontal test but fail a dip test); three with the eastern sample (north-south and vertical
  // directions reject them all).
  EXPECT_EQ(ev[0].lags[0].pairs, 3u);  // coincident + 2 vertical
  EXPECT_EQ(ev[1].lags[0].pairs, 1u);  // coincident only
  EXPECT_EQ(ev[2].lags[0].pairs, 3u);  // coincident + 2 vertical
  EXPECT_DOUBLE_EQ(ev[1].lags[0].gamma, (1 - 3) * (1 - 3) / 2.0);
  EXPECT_DOUBLE_EQ(ev[1].lags[0].distance, 0.0);
}

TEST(VariographyExperimental, BadInput) {
  VariogramSamples s;
  s.x = {0};
  s.y = {0};
  s.z = {0};
  s.value = {1};
  ExperimentalVariogramOptions o;
  o.directions = {dir("omni", 0, 90)};
  EXPECT_THROW(compute_experimental_variograms(s, o), Error);  // one sample
  s.x.push_back(1);
  EXPECT_THROW(compute_experimental_variograms(s, o), Error);  // ragged arrays
  EXPECT_THROW(LagDefinition::cutoff_width(0, 10), Error);
  EXPECT_THROW(LagDefinition::cutoff_width(1, -1), Error);
  EXPECT_THROW(LagDefinition::spacing_tolerance(1, 0, 3), Error);
}
