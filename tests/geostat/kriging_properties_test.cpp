// Properties of the kriging system that hold whatever the data: exactness at data points, ordinary
// weights summing to one, variances never negative, invariance under rotating the frame together with
// the angles, identical results for any thread count and with or without factorisation reuse; and an
// independent oracle (the augmented system solved densely with Eigen) for estimate, variance, Lagrange
// multiplier, slope of regression and kriging efficiency, point and block.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numbers>

#include <Eigen/Dense>
#include <tbb/global_control.h>

#include "core/error.h"
#include "geostat/covariance.h"
#include "geostat/estimation.h"
#include "kriging_test_util.h"

using namespace georeserve;
using namespace georeserve::test;

namespace {

VariogramModel model_of(double nugget, StructureType type, double sill, std::array<double, 3> ranges,
                        std::array<double, 3> angles = {0, 0, 0}) {
  VariogramModel m;
  m.nugget = nugget;
  VariogramStructure s;
  s.type = type;
  s.sill = sill;
  s.anisotropy.ranges = ranges;
  s.anisotropy.angles = angles;
  m.structures.push_back(s);
  return m;
}

EstimationOptions options_of(EstimatorType type, SearchPlan search, double mean = 0) {
  EstimationOptions o;
  o.type = type;
  o.mean = mean;
  o.search = std::move(search);
  return o;
}

SearchPlan nearest_search(std::size_t n) {
  SearchPlan p;
  SearchPass pass;
  pass.max_samples = n;
  p.passes.push_back(pass);
  return p;
}

SearchPlan global_search() {
  SearchPlan p;
  p.global = true;
  return p;
}

SearchPlan ellipsoid_search(std::size_t n, std::array<double, 3> ranges, std::array<double, 3> angles) {
  SearchPlan p;
  SearchPass pass;
  pass.max_samples = n;
  pass.ellipsoid = true;
  pass.shape.ranges = ranges;
  pass.shape.angles = angles;
  p.passes.push_back(pass);
  return p;
}

KrigingTargets at_samples(const KrigingSamples& s) { return KrigingTargets{s.x, s.y, s.z}; }

bool bitwise_equal(const EstimateRecord& a, const EstimateRecord& b) {
  const double fa[] = {a.estimate, a.variance, a.nearest_distance, a.slope, a.efficiency, a.sum_weights, a.lagrange};
  const double fb[] = {b.estimate, b.variance, b.nearest_distance, b.slope, b.efficiency, b.sum_weights, b.lagrange};
  return std::memcmp(fa, fb, sizeof fa) == 0 && a.n_samples == b.n_samples && a.pass == b.pass && a.status == b.status;
}

TEST(KrigingProperties, ExactAtDataPoints) {
  for (int dim : {2, 3})
    for (double nugget : {0.0, 0.4})
      for (EstimatorType type : {EstimatorType::ordinary, EstimatorType::simple}) {
        const auto s = random_samples(300, dim, 11u + static_cast<unsigned>(dim));
        const auto m = model_of(nugget, StructureType::spherical, 1.0, {300, 150, 60}, {30, -10, 0});
        const Estimator e(s, &m, options_of(type, nearest_search(16), 5.0));
        const auto r = e.estimate(at_samples(s));
        for (std::size_t i = 0; i < s.size(); ++i) {
          ASSERT_EQ(r[i].status, EstimateStatus::ok);
          EXPECT_NEAR(r[i].estimate, s.value[i], 1e-9 * std::abs(s.value[i])) << dim << "D nugget " << nugget;
          EXPECT_GE(r[i].variance, 0.0);
          EXPECT_LT(r[i].variance, 1e-9);
          EXPECT_EQ(r[i].nearest_distance, 0.0);
        }
      }
}

TEST(KrigingProperties, OrdinaryWeightsSumToOneAndVarianceIsNeverNegative) {
  const auto s = random_samples(500, 3, 5, 10);
  const auto t = random_targets(2000, 3, 6);
  for (bool block : {false, true})
    for (StructureType type : {StructureType::spherical, StructureType::exponential, StructureType::gaussian,
                               StructureType::cubic, StructureType::power}) {
      auto m = model_of(type == StructureType::gaussian ? 0.05 : 0.2, type, 1.0, {250, 120, 40}, {60, -30, 20});
      if (type == StructureType::power) m.structures[0].exponent = 1.3;
      auto o = options_of(EstimatorType::ordinary, ellipsoid_search(24, {500, 300, 100}, {60, -30, 20}));
      if (block) o.block = BlockSupport{{10, 10, 5}, {3, 3, 2}};
      const Estimator e(s, &m, o);
      const auto r = e.estimate(t);
      for (const auto& x : r) {
        if (x.status == EstimateStatus::too_few_samples) continue;
        ASSERT_EQ(x.status, EstimateStatus::ok) << structure_type_name(type);
        EXPECT_NEAR(x.sum_weights, 1.0, 1e-9) << structure_type_name(type);
        EXPECT_GE(x.variance, 0.0) << structure_type_name(type);
        EXPECT_TRUE(std::isfinite(x.estimate) && std::isfinite(x.variance));
        if (type != StructureType::power) {
          EXPECT_TRUE(std::isfinite(x.slope) && x.efficiency <= 1.0);
        }
      }
    }
}

// Rotating every coordinate about the vertical by theta (clockwise, like azimuths) and adding theta to
// every azimuth (variogram and search) must give the same estimates.
TEST(KrigingProperties, InvariantUnderRotationOfFrameAndAngles) {
  for (int dim : {2, 3}) {
    const auto s = random_samples(400, dim, 21);
    const auto t = random_targets(300, dim, 22);
    const double theta = 37.0, c = std::cos(theta * std::numbers::pi / 180), sn = std::sin(theta * std::numbers::pi / 180);
    auto rotate = [&](std::vector<double>& x, std::vector<double>& y) {
      for (std::size_t i = 0; i < x.size(); ++i) {
        const double xr = x[i] * c + y[i] * sn, yr = -x[i] * sn + y[i] * c;
        x[i] = xr, y[i] = yr;
      }
    };
    auto s2 = s;
    auto t2 = t;
    rotate(s2.x, s2.y);
    rotate(t2.x, t2.y);
    const auto m = model_of(0.1, StructureType::spherical, 1.0, {400, 150, 50}, {20, -25, 15});
    const auto m2 = model_of(0.1, StructureType::spherical, 1.0, {400, 150, 50}, {20 + theta, -25, 15});
    const auto o = options_of(EstimatorType::ordinary, ellipsoid_search(20, {600, 300, 120}, {20, -25, 15}));
    const auto o2 = options_of(EstimatorType::ordinary, ellipsoid_search(20, {600, 300, 120}, {20 + theta, -25, 15}));
    const auto r = Estimator(s, &m, o).estimate(t);
    const auto r2 = Estimator(s2, &m2, o2).estimate(t2);
    std::size_t estimated = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
      ASSERT_EQ(r[i].n_samples, r2[i].n_samples) << dim << "D target " << i;
      if (r[i].status != EstimateStatus::ok) continue;
      ++estimated;
      EXPECT_NEAR(r[i].estimate, r2[i].estimate, 1e-9 * std::abs(r[i].estimate));
      EXPECT_NEAR(r[i].variance, r2[i].variance, 1e-9);
    }
    EXPECT_GT(estimated, 200u);
  }
}

TEST(KrigingProperties, IdenticalForAnyThreadCount) {
  const auto s = random_samples(3000, 3, 31, 30);
  const auto t = random_targets(20000, 3, 32);
  const auto m = model_of(0.2, StructureType::spherical, 1.0, {300, 200, 50}, {45, 0, 0});
  auto o = options_of(EstimatorType::ordinary, ellipsoid_search(20, {400, 300, 80}, {45, 0, 0}));
  o.search.passes[0].max_per_hole = 6;
  const Estimator e(s, &m, o);
  std::vector<EstimateRecord> one, two;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = e.estimate(t);
  }
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
    two = e.estimate(t);
  }
  for (std::size_t i = 0; i < t.size(); ++i) ASSERT_TRUE(bitwise_equal(one[i], two[i])) << "target " << i;
}

// Targets in grid order (grid_targets): most steps change a few neighbours, and the kriging system
// is updated rather than factorised afresh. Every estimate must match kriging that target alone (a
// fresh workspace and factorisation), and the bits must not depend on the thread count.

void check_updates_against_fresh(const Estimator& e, const KrigingTargets& t, double tolerance) {
  std::vector<EstimateRecord> one, two;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = e.estimate(t);
  }
  EXPECT_GT(e.last_updates(), t.size() / 10);  // enough updated systems for the comparison to mean something
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
    two = e.estimate(t);
  }
  for (std::size_t i = 0; i < t.size(); ++i) ASSERT_TRUE(bitwise_equal(one[i], two[i])) << "target " << i;
  for (std::size_t i = 0; i < t.size(); i += 3) {
    const KrigingTargets single{{t.x[i]}, {t.y[i]}, {t.z[i]}};
    const EstimateRecord fresh = e.estimate(single)[0];
    ASSERT_EQ(e.last_updates(), 0u);
    ASSERT_EQ(one[i].status, fresh.status) << "target " << i;
    EXPECT_NEAR(one[i].estimate, fresh.estimate, tolerance * std::abs(fresh.estimate)) << "target " << i;
    EXPECT_NEAR(one[i].variance, fresh.variance, tolerance) << "target " << i;
    EXPECT_NEAR(one[i].sum_weights, fresh.sum_weights, tolerance) << "target " << i;
    EXPECT_NEAR(one[i].lagrange, fresh.lagrange, tolerance) << "target " << i;
    if (std::isfinite(fresh.slope)) {
      EXPECT_NEAR(one[i].slope, fresh.slope, 100 * tolerance) << "target " << i;
    }
  }
}

TEST(KrigingProperties, UpdatedSystemsMatchFreshOnes2D) {
  const auto s = random_samples(3000, 2, 61);
  const auto m = model_of(0.2, StructureType::spherical, 1.0, {400, 200, 1}, {30, 0, 0});
  check_updates_against_fresh(Estimator(s, &m, options_of(EstimatorType::ordinary, nearest_search(24))),
                              grid_targets(90, 60, 1), 1e-10);
  // Simple kriging and a smooth model with a tiny nugget (an ill-conditioned matrix).
  const auto g = model_of(0.001, StructureType::gaussian, 1.0, {150, 150, 1});
  check_updates_against_fresh(Estimator(s, &g, options_of(EstimatorType::simple, nearest_search(16), 5.0)),
                              grid_targets(90, 60, 1), 1e-7);
}

TEST(KrigingProperties, UpdatedSystemsMatchFreshOnes3D) {
  const auto s = random_samples(6000, 3, 62, 40);
  const auto m = model_of(0.1, StructureType::exponential, 1.0, {300, 200, 60}, {40, -10, 5});
  auto o = options_of(EstimatorType::ordinary, ellipsoid_search(30, {500, 400, 120}, {40, -10, 5}));
  o.search.passes[0].max_per_hole = 8;
  check_updates_against_fresh(Estimator(s, &m, o), grid_targets(40, 30, 4), 1e-10);
}

// estimate_into, into fresh untouched memory, gives estimate()'s records; a buffer of the wrong size
// is refused. 15,600 records: over 1 MB, so the buffer is a mapping of its own (see FreshMemory).
TEST(KrigingProperties, EstimateIntoABufferMatchesEstimate) {
  const auto s = random_samples(2000, 2, 71);
  const auto t = grid_targets(130, 120, 1);
  ASSERT_GT(t.size() * sizeof(EstimateRecord), std::size_t{1} << 20);
  const auto m = model_of(0.2, StructureType::spherical, 1.0, {400, 200, 1}, {30, 0, 0});
  const Estimator e(s, &m, options_of(EstimatorType::ordinary, nearest_search(16)));
  const auto want = e.estimate(t);
  EstimateBuffer got(t.size());
  e.estimate_into(t, got.span());
  for (std::size_t i = 0; i < t.size(); ++i) ASSERT_TRUE(bitwise_equal(got.span()[i], want[i])) << "target " << i;
  EstimateBuffer small(t.size() - 1);
  EXPECT_THROW(e.estimate_into(t, small.span()), Error);
}

// A global neighbourhood reuses one factorisation for every target; estimating each target on its own
// (a fresh workspace, a fresh factorisation) must give the same bits.
TEST(KrigingProperties, FactorisationReuseIsExact) {
  const auto s = random_samples(200, 2, 41);
  const auto t = random_targets(40, 2, 42);
  const auto m = model_of(0.1, StructureType::exponential, 1.0, {200, 100, 100}, {70, 0, 0});
  const Estimator e(s, &m, options_of(EstimatorType::ordinary, global_search()));
  const auto all = e.estimate(t);
  EXPECT_EQ(e.last_factorisations() + e.last_reuses(), t.size());
  EXPECT_LE(e.last_factorisations(), 2u);  // one per thread
  for (std::size_t i = 0; i < t.size(); ++i) {
    const KrigingTargets one{{t.x[i]}, {t.y[i]}, {t.z[i]}};
    ASSERT_TRUE(bitwise_equal(e.estimate(one)[0], all[i])) << "target " << i;
  }
}

// The oracle: the (augmented) kriging system assembled from CovarianceFunction point by point and
// solved with a full-pivot LU, compared with the engine's factorised form.
void check_against_dense_oracle(EstimatorType type, bool block) {
  const auto s = random_samples(60, 3, 51);
  const auto t = random_targets(25, 3, 52);
  const double mean = 5.2;
  const auto m = model_of(0.15, StructureType::spherical, 1.3, {350, 200, 80}, {40, -20, 10});
  auto o = options_of(type, global_search(), mean);
  if (block) o.block = BlockSupport{{20, 16, 6}, {4, 3, 2}};
  const auto r = Estimator(s, &m, o).estimate(t);
  const CovarianceFunction cov(m);
  const std::size_t n = s.size();
  const bool ok = type == EstimatorType::ordinary;
  const auto offsets = block ? o.block->offsets() : std::vector<Eigen::Vector3d>{Eigen::Vector3d::Zero()};
  const double w = 1.0 / static_cast<double>(offsets.size());
  auto p = [&](std::size_t i) { return Eigen::Vector3d(s.x[i], s.y[i], s.z[i]); };
  double cbb = 0;
  for (const auto& a : offsets)
    for (const auto& b : offsets) cbb += w * w * (block ? cov.continuous(a - b) : cov(a - b));
  const Eigen::Index dim = static_cast<Eigen::Index>(n + (ok ? 1 : 0));
  Eigen::MatrixXd A = Eigen::MatrixXd::Zero(dim, dim);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = cov(p(i) - p(j));
  if (ok)
    for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(n); ++i) A(i, dim - 1) = A(dim - 1, i) = 1.0;
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(A);
  for (std::size_t k = 0; k < t.size(); ++k) {
    const Eigen::Vector3d target(t.x[k], t.y[k], t.z[k]);
    Eigen::VectorXd c0 = Eigen::VectorXd::Zero(dim);
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& off : offsets)
        c0[static_cast<Eigen::Index>(i)] += w * (block ? cov.continuous(p(i) - target - off) : cov(p(i) - target - off));
    if (ok) c0[dim - 1] = 1.0;
    const Eigen::VectorXd x = lu.solve(c0);
    const Eigen::VectorXd wts = x.head(static_cast<Eigen::Index>(n));
    const double mu = ok ? x[dim - 1] : 0.0;
    double est = ok ? 0.0 : mean;
    for (std::size_t i = 0; i < n; ++i) est += wts[static_cast<Eigen::Index>(i)] * (s.value[i] - (ok ? 0.0 : mean));
    const Eigen::VectorXd c0s = c0.head(static_cast<Eigen::Index>(n));
    const double var = cbb - wts.dot(c0s) - mu;
    const Eigen::MatrixXd cnn = A.topLeftCorner(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    const double slope = wts.dot(c0s) / wts.dot(cnn * wts);
    ASSERT_EQ(r[k].status, EstimateStatus::ok);
    EXPECT_NEAR(r[k].estimate, est, 1e-9 * std::abs(est));
    EXPECT_NEAR(r[k].variance, var, 1e-9);
    EXPECT_NEAR(r[k].lagrange, mu, 1e-9);
    EXPECT_NEAR(r[k].sum_weights, wts.sum(), 1e-9);
    if (std::isfinite(slope)) {  // 0/0 where no sample is in range (SK)
      EXPECT_NEAR(r[k].slope, slope, 1e-8);
    }
    EXPECT_NEAR(r[k].efficiency, (cbb - var) / cbb, 1e-9);
  }
}

TEST(KrigingProperties, MatchesDenseOracleOrdinaryPoint) { check_against_dense_oracle(EstimatorType::ordinary, false); }
TEST(KrigingProperties, MatchesDenseOracleOrdinaryBlock) { check_against_dense_oracle(EstimatorType::ordinary, true); }
TEST(KrigingProperties, MatchesDenseOracleSimplePoint) { check_against_dense_oracle(EstimatorType::simple, false); }
TEST(KrigingProperties, MatchesDenseOracleSimpleBlock) { check_against_dense_oracle(EstimatorType::simple, true); }

TEST(KrigingProperties, SimpleKrigingFarFromDataGivesMeanAndSill) {
  const auto s = random_samples(50, 2, 61);
  const auto m = model_of(0.3, StructureType::spherical, 2.0, {100, 100, 100});
  const auto r = Estimator(s, &m, options_of(EstimatorType::simple, global_search(), 4.5))
                     .estimate(KrigingTargets{{5000}, {5000}, {0}});
  EXPECT_DOUBLE_EQ(r[0].estimate, 4.5);
  EXPECT_DOUBLE_EQ(r[0].variance, 2.3);
  EXPECT_DOUBLE_EQ(r[0].efficiency, 0.0);
}

TEST(KrigingProperties, TinyBlockTendsToThePoint) {
  const auto s = random_samples(100, 2, 71);
  const auto t = random_targets(30, 2, 72);
  const auto m = model_of(0.0, StructureType::spherical, 1.0, {300, 300, 300});
  auto o = options_of(EstimatorType::ordinary, nearest_search(20));
  const auto point = Estimator(s, &m, o).estimate(t);
  o.block = BlockSupport{{1e-3, 1e-3, 0}, {4, 4, 1}};
  const auto block = Estimator(s, &m, o).estimate(t);
  for (std::size_t i = 0; i < t.size(); ++i) {
    EXPECT_NEAR(point[i].estimate, block[i].estimate, 1e-5);
    EXPECT_NEAR(point[i].variance, block[i].variance, 1e-5);
  }
}

// Coincident samples without a nugget make C singular: solved through the pseudo-inverse and flagged,
// never NaN. (Reading a sample file merges them instead, see kriging_data.h.)
TEST(KrigingProperties, CoincidentSamplesAreFlaggedNotNaN) {
  KrigingSamples s = random_samples(30, 2, 81);
  s.x.push_back(s.x[3]);
  s.y.push_back(s.y[3]);
  s.z.push_back(s.z[3]);
  s.value.push_back(s.value[3] + 1.0);
  for (double nugget : {0.0, 0.2}) {  // with a nugget the coincident pair's covariance holds it too: singular
    const auto m = model_of(nugget, StructureType::spherical, 1.0, {400, 400, 400});
    const auto r = Estimator(s, &m, options_of(EstimatorType::ordinary, global_search()))
                       .estimate(KrigingTargets{{s.x[3], s.x[3] + 10}, {s.y[3], s.y[3]}, {0, 0}});
    for (const auto& x : r) {
      EXPECT_EQ(x.status, EstimateStatus::pseudo_inverse) << nugget;
      EXPECT_TRUE(std::isfinite(x.estimate) && std::isfinite(x.variance));
    }
    EXPECT_NEAR(r[0].estimate, s.value[3] + 0.5, 1e-6);  // the two coincident values share the weight
  }

  KrigingSamples merged = s;
  std::size_t places = 0;
  EXPECT_EQ(merge_coincident_samples(merged, &places), 1u);
  EXPECT_EQ(places, 1u);
  EXPECT_EQ(merged.size(), 30u);
  EXPECT_DOUBLE_EQ(merged.value[3], s.value[3] + 0.5);
}

// Coincidence is equality of coordinates, so -0 and +0 are one place (the check compares hashes of
// the coordinates' bits first).
TEST(KrigingProperties, MinusZeroCoincidesWithZero) {
  KrigingSamples s;  // x from -100 to 100: the local origin is 0, and -0 stays -0
  s.dimension = 2;
  s.x = {-100, 100, 0.0, -0.0, 30, -40};
  s.y = {0, 10, 50, 50, 80, 20};
  s.z.assign(6, 0.0);
  s.value = {1, 2, 3, 4, 5, 6};
  const auto m = model_of(0.2, StructureType::spherical, 1.0, {400, 400, 400});
  const auto r = Estimator(s, &m, options_of(EstimatorType::ordinary, global_search()))
                     .estimate(KrigingTargets{{10}, {50}, {0}});
  EXPECT_EQ(r[0].status, EstimateStatus::pseudo_inverse);  // the pair's covariance holds the nugget: singular
}

TEST(KrigingProperties, TooFewSamplesIsNotEstimated) {
  const auto s = random_samples(100, 2, 91);
  const auto m = model_of(0.1, StructureType::spherical, 1.0, {200, 200, 200});
  auto search = ellipsoid_search(10, {200, 200, 200}, {0, 0, 0});
  search.passes[0].min_samples = 3;
  const auto r = Estimator(s, &m, options_of(EstimatorType::ordinary, search))
                     .estimate(KrigingTargets{{-500, 500}, {-500, 500}, {0, 0}});
  EXPECT_EQ(r[0].status, EstimateStatus::too_few_samples);
  EXPECT_EQ(r[0].n_samples, 0u);
  EXPECT_EQ(r[0].pass, 0);
  EXPECT_TRUE(std::isnan(r[0].estimate) && std::isnan(r[0].variance));
  EXPECT_EQ(r[1].status, EstimateStatus::ok);
}

TEST(KrigingProperties, SecondPassEstimatesWhereTheFirstFindsTooFew) {
  const auto s = random_samples(200, 2, 95);
  const auto m = model_of(0.1, StructureType::spherical, 1.0, {300, 300, 300});
  auto search = ellipsoid_search(12, {40, 40, 40}, {0, 0, 0});
  search.passes[0].min_samples = 4;
  SearchPass wide = search.passes[0];
  wide.shape.ranges = {2000, 2000, 2000};
  search.passes.push_back(wide);
  const auto r = Estimator(s, &m, options_of(EstimatorType::ordinary, search))
                     .estimate(KrigingTargets{{-300}, {-300}, {0}});
  EXPECT_EQ(r[0].status, EstimateStatus::ok);
  EXPECT_EQ(r[0].pass, 2);
  EXPECT_EQ(r[0].n_samples, 12u);
}

TEST(KrigingProperties, InverseDistanceAndNearestBaselines) {
  KrigingSamples s;
  s.dimension = 2;
  s.x = {0, 10, 100};
  s.y = {0, 0, 100};
  s.z = {0, 0, 0};
  s.value = {1, 3, 50};
  const KrigingTargets t{{4, 10, 90}, {0, 0, 90}, {0, 0, 0}};
  auto o = options_of(EstimatorType::inverse_distance, nearest_search(2));
  o.power = 2;
  const auto idw = Estimator(s, nullptr, o).estimate(t);
  // weights 1/16 and 1/36 at distances 4 and 6
  EXPECT_NEAR(idw[0].estimate, (1.0 / 16 + 3.0 / 36) / (1.0 / 16 + 1.0 / 36), 1e-12);
  EXPECT_DOUBLE_EQ(idw[1].estimate, 3.0);  // exact at a sample
  EXPECT_TRUE(std::isnan(idw[0].variance));
  o.type = EstimatorType::nearest;
  const auto nn = Estimator(s, nullptr, o).estimate(t);
  EXPECT_EQ(nn[0].estimate, 1.0);
  EXPECT_EQ(nn[2].estimate, 50.0);
  EXPECT_NEAR(nn[2].nearest_distance, std::sqrt(200.0), 1e-12);
}

TEST(KrigingProperties, RejectsWhatCannotWork) {
  const auto s = random_samples(20, 2, 99);
  auto pw = model_of(0.0, StructureType::power, 1.0, {1, 1, 1});
  EXPECT_THROW(Estimator(s, &pw, options_of(EstimatorType::simple, global_search())), Error);
  EXPECT_THROW(Estimator(s, nullptr, options_of(EstimatorType::ordinary, global_search())), Error);
  auto idw = options_of(EstimatorType::inverse_distance, global_search());
  idw.block = BlockSupport{};
  EXPECT_THROW(Estimator(s, nullptr, idw), Error);
}

}  // namespace
