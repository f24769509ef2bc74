// Kriging against R gstat: the committed fixtures (tests/fixtures/gstat, made by make_fixtures.R) hold
// georeserve configurations and gstat's predictions and variances for the same data, model and
// neighbourhood. Ordinary and simple, point and block, 2D and 3D, isotropic, anisotropic and nested,
// power model, nmax and global searches; plus leave-one-out against krige.cv. Must agree to better than
// 1e-6 relative (in practice to round-off, about 1e-12).
#include <gtest/gtest.h>

#include <cmath>

#include "geostat/estimation.h"
#include "geostat/kriging_config.h"
#include "kriging_test_util.h"

using namespace georeserve;
using namespace georeserve::test;

namespace {

constexpr double tolerance = 1e-6;

// |a - b| relative to |b|, with a floor for values near zero (variances at data points): the floor is
// 1e-6 of the scale of the quantity (the sill for variances, 1 for estimates of order 1 and larger).
double relative_error(double a, double b, double floor) { return std::abs(a - b) / std::max(std::abs(b), floor); }

struct Agreement {
  double estimate = 0, variance = 0;
  std::size_t rows = 0;
};

Agreement compare_krige_case(const std::string& name) {
  const KrigingJob job = load_kriging_job(fixture(name + ".json"), KrigingJobKind::krige);
  const Estimator estimator(job.samples, &*job.model, job.options);
  const auto records = estimator.estimate(job.targets);
  const auto expected = fixture(name + "_expected.csv");
  const auto x = csv_column(expected, read_csv_file(expected).header()[0]), est = csv_column(expected, "estimate"), var = csv_column(expected, "variance");
  EXPECT_EQ(records.size(), est.size()) << name;
  const double sill = job.model->bounded() ? job.model->total_sill() : 1.0;
  Agreement a;
  for (std::size_t i = 0; i < std::min(records.size(), est.size()); ++i) {
    EXPECT_EQ(job.targets.x[i], x[i]) << name << " row " << i;
    EXPECT_EQ(records[i].status, EstimateStatus::ok) << name << " row " << i;
    a.estimate = std::max(a.estimate, relative_error(records[i].estimate, est[i], 1.0));
    a.variance = std::max(a.variance, relative_error(records[i].variance, var[i], 1e-3 * sill));
    ++a.rows;
  }
  return a;
}

class GstatKrige : public ::testing::TestWithParam<const char*> {};

TEST_P(GstatKrige, AgreesToBetterThan1e6Relative) {
  const Agreement a = compare_krige_case(GetParam());
  EXPECT_GT(a.rows, 100u);
  EXPECT_LT(a.estimate, tolerance) << GetParam();
  EXPECT_LT(a.variance, tolerance) << GetParam();
  std::printf("  %-28s %zu targets, max relative difference: estimate %.1e, variance %.1e\n", GetParam(), a.rows,
              a.estimate, a.variance);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GstatKrige,
                         ::testing::Values("meuse_ok_nmax20", "meuse_ok_global_aniso", "meuse_sk_nmax20_aniso",
                                           "meuse_ok_block40_nmax20", "meuse_sk_block40_global",
                                           "meuse_ok_nested_nmax30", "meuse_ok_power_nmax20",
                                           "jura_ok_nmax16_aniso", "synth3d_ok_nmax30_aniso",
                                           "synth3d_sk_global_aniso", "synth3d_ok_block_nmax30",
                                           "synth3d_ok_nested_nmax25"));

class GstatCrossValidation : public ::testing::TestWithParam<const char*> {};

TEST_P(GstatCrossValidation, LeaveOneOutAgreesWithKrigeCv) {
  const std::string name = GetParam();
  const KrigingJob job = load_kriging_job(fixture(name + ".json"), KrigingJobKind::crossval);
  const Estimator estimator(job.samples, &*job.model, job.options);
  const auto records = estimator.cross_validate(job.crossval);
  const auto expected = fixture(name + "_expected.csv");
  const auto value = csv_column(expected, "value"), est = csv_column(expected, "estimate"),
             var = csv_column(expected, "variance"), residual = csv_column(expected, "residual"),
             untied = csv_column(expected, "untied");
  ASSERT_EQ(records.size(), est.size());
  std::size_t compared = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(job.samples.value[i], value[i]);
    if (untied[i] != 1) continue;
    ++compared;
    EXPECT_LT(relative_error(records[i].estimate, est[i], 1.0), tolerance) << name << " sample " << i;
    EXPECT_LT(relative_error(records[i].variance, var[i], 1e-3), tolerance) << name << " sample " << i;
    // gstat's residual is value - estimate; our error is estimate - value.
    EXPECT_NEAR(records[i].estimate - job.samples.value[i], -residual[i], 1e-9) << name << " sample " << i;
  }
  EXPECT_GT(compared, 100u);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GstatCrossValidation,
                         ::testing::Values("meuse_cv_ok_nmax20", "synth3d_cv_ok_global"));

}  // namespace
