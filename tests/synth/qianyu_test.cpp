// The synthetic Qianyu deposit: the calibrated truth tonnage is the plan's 10,365.9 kt (test: within
// 1 %), the fast slab search finds exactly the cells a brute-force scan finds, and the rock types and
// grades are where and what they should be.
#include <gtest/gtest.h>

#include <cmath>

#include "synth/generate.h"
#include "synth/qianyu_drilling.h"
#include "synth/qianyu_truth.h"

using namespace georeserve::synth;

namespace {
struct World {
  LonLatToGrid proj;
  Region region{kDefaultSeed, proj};
};
World& world() {
  static World w;
  return w;
}
}  // namespace

TEST(Qianyu, TruthTonnageIsThePlansFigure) {
  QianyuDeposit dep(world().region, kDefaultSeed, 1.0);
  const QianyuTruth cal = calibrate_qianyu(dep, false, nullptr);
  EXPECT_NEAR(cal.total.tonnes / 1000.0, QianyuFacts::target_ore_kt, 0.01 * QianyuFacts::target_ore_kt);
  // Computed again from scratch at the calibrated scale: the same cells, the same tonnes.
  const QianyuTruth again = qianyu_truth(dep, false);
  EXPECT_EQ(again.total.cells, cal.total.cells);
  EXPECT_NEAR(again.total.tonnes, cal.total.tonnes, 1e-6 * cal.total.tonnes);
  // Realistic: ore density 2.8-2.9 t/m3, mean wollastonite within 50-95 %, down to about 400 m.
  const double density = again.total.tonnes / again.total.volume_m3;
  EXPECT_GT(density, 2.8);
  EXPECT_LT(density, 2.9);
  EXPECT_GT(again.total.casio3, 60.0);
  EXPECT_LT(again.total.casio3, 80.0);
  EXPECT_LT(again.total.bottom_z, QianyuFacts::reference_z - 300.0);
  EXPECT_GT(again.total.bottom_z, QianyuFacts::reference_z - 420.0);
  double lens_sum = 0;
  for (const auto& l : again.lenses) lens_sum += l.tonnes;
  EXPECT_NEAR(lens_sum, again.total.tonnes, 1e-6 * again.total.tonnes);
}

// The slab search against a plain scan of every 4 m cell in a box around the deposit.
TEST(Qianyu, SlabSearchEqualsBruteForce) {
  const QianyuDeposit dep(world().region, kDefaultSeed, 1.1);
  const double h = 4.0;
  const double fast = qianyu_ore_volume(dep, h);
  const Point2 c = dep.centre();
  const double x0 = std::floor(c[0]) - 2000.0, y0 = std::floor(c[1]) - 2000.0;
  long long n = 0;
  for (long i = 0; i < 1000; ++i) {
    const double x = x0 + (i + 0.5) * h;
    if (std::abs(x - c[0]) > 1300) continue;
    for (long j = 0; j < 1000; ++j) {
      const double y = y0 + (j + 0.5) * h;
      if (std::abs(y - c[1]) > 1300) continue;
      const double top = dep.bedrock(x, y);
      for (long k = -120; k < 20; ++k) {
        const double z = (k + 0.5) * h;
        if (z > top) break;
        n += dep.lens_at(dep.local(x, y, z)) >= 0;
      }
    }
  }
  EXPECT_GT(n, 10000);
  EXPECT_DOUBLE_EQ(fast, static_cast<double>(n) * h * h * h);
}

TEST(Qianyu, RockTypesAndGrades) {
  const QianyuDeposit dep(world().region, kDefaultSeed, 1.1);
  const Point2 c = dep.centre();
  const auto& u = dep.strike();
  const auto& d = dep.down_dip();
  const auto& nr = dep.normal();
  auto at = [&](double a, double b, double n) {
    return std::array<double, 3>{c[0] + a * u[0] + b * d[0] + n * nr[0], c[1] + a * u[1] + b * d[1] + n * nr[1],
                                 QianyuFacts::reference_z + a * u[2] + b * d[2] + n * nr[2]};
  };
  int ore = 0, checked = 0;
  for (const QianyuLens& l : dep.lenses()) {
    const auto p = at(l.a0, l.b0, 0);
    // Far on the intrusive side, and far out in the marble.
    auto q = at(l.a0, l.b0, -60);
    EXPECT_EQ(dep.lithology(q[0], q[1], q[2]), QianyuLith::intrusive);
    q = at(l.a0, l.b0, 160);
    EXPECT_EQ(dep.lithology(q[0], q[1], q[2]), QianyuLith::marble);
    // Near the lens centre (the contact undulates: scan n) there is ore, with ore grades.
    for (double n = 0; n < 100; n += 1.0) {
      const auto r = at(l.a0, l.b0, n);
      const QianyuProperties pr = dep.properties(r[0], r[1], r[2]);
      ++checked;
      if (pr.lith != QianyuLith::ore) continue;
      ++ore;
      EXPECT_GE(pr.casio3, 50.0);
      EXPECT_LE(pr.casio3, 95.0);
      EXPECT_GT(pr.fe2o3, 0.0);
      EXPECT_GT(pr.density, 2.75);
      EXPECT_LT(pr.density, 3.0);
    }
    (void)p;
  }
  EXPECT_GT(ore, 20);
  // Ground surface lies under cover everywhere: the top metre is Quaternary.
  EXPECT_EQ(dep.lithology(c[0], c[1], dep.ground(c[0], c[1]) - 0.5), QianyuLith::cover);
}

TEST(Qianyu, DrillingIsDeterministicAndPlausible) {
  QianyuDeposit dep(world().region, kDefaultSeed, 1.0);
  calibrate_qianyu(dep, false, nullptr);
  const QianyuDrilling a = drill_qianyu(dep, kDefaultSeed), b = drill_qianyu(dep, kDefaultSeed);
  EXPECT_EQ(a.assay.rows, b.assay.rows);
  EXPECT_EQ(a.survey.rows, b.survey.rows);
  EXPECT_GT(a.holes, 50);
  EXPECT_EQ(a.flaws.size(), 3u);
  // Ore samples are 1-2 m (a few shorter where the ore is thinner); inclined holes dip -55 to -75.
  int ore_samples = 0, in_range = 0;
  for (const auto& row : a.assay.rows) {
    const double len = std::stod(row[2]) - std::stod(row[1]);
    if (std::stod(row[4]) >= 50.0) {
      ++ore_samples;
      in_range += len <= 2.01 + 1e-9;  // cm rounding of the split points
    }
  }
  EXPECT_GT(ore_samples, 200);
  EXPECT_EQ(in_range, ore_samples);
  for (const auto& row : a.collar.rows) {
    const double dip = std::stod(row[6]);
    EXPECT_LE(dip, -55.0);
    EXPECT_GE(dip, -76.0);
  }
}
