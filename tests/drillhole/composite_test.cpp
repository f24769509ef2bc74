// Compositing: hand-computed means, both residual rules and the minimum fraction, domain breaks,
// missing values and coverage, density weighting, gaps, bad fields, interval geometry, and results
// that do not depend on the number of threads.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <tbb/global_control.h>

#include "core/error.h"
#include "drillhole/composite.h"
#include "drillhole/geometry.h"

using namespace georeserve;
using namespace georeserve::drillhole;

namespace {

const double NA = kMissing;

// Hole A (vertical, collar z 100): 0-1 au 1 rho 2 sand | 1-3 au 2 rho 3 sand | 3-4 au NA rho 3 clay
// | 4-5 au 4 rho NA clay. Hole B: 0-2 au 1, 10-12 au 3 (a gap of 8 m).
DrillholeDatabase make_db() {
  DrillholeDatabase db;
  for (const char* id : {"A", "B"}) {
    Collar c;
    c.hole_id = id;
    c.x = 500;
    c.y = 600;
    c.z = 100;
    c.max_depth = 20;
    db.add_collar(c);
  }
  IntervalTable t("assay", "assay.csv");
  t.add(0, 0, 1);
  t.add(0, 1, 3);
  t.add(0, 3, 4);
  t.add(0, 4, 5);
  t.add(1, 0, 2);
  t.add(1, 10, 12);
  t.add_numeric_field("au", {1, 2, NA, 4, 1, 3});
  t.add_numeric_field("rho", {2, 3, 3, NA, 2, 2});
  t.add_text_field("lith", {"sand", "sand", "clay", "clay", "sand", "sand"});
  t.add_numeric_field("seam", {12, 12, 13, 13, NA, NA});
  db.add_table(std::move(t));
  db.finalize();
  return db;
}

struct Compositor {
  DrillholeDatabase db = make_db();
  std::vector<HoleTrace> traces = desurvey_all(db, DesurveyMethod::minimum_curvature);
  Composites operator()(CompositeOptions o) const { return composite(db.tables()[0], traces, o); }
};

CompositeOptions opts(double length, ResidualRule rule = ResidualRule::keep, double min_fraction = 0.5) {
  CompositeOptions o;
  o.length = length;
  o.residual = rule;
  o.min_fraction = min_fraction;
  o.fields = {"au"};
  return o;
}

// Composites of hole A as (from, to, value, coverage) of the first field.
std::vector<std::array<double, 4>> hole_a(const Composites& c) {
  std::vector<std::array<double, 4>> out;
  for (std::size_t i = 0; i < c.size(); ++i)
    if (c.hole[i] == 0) out.push_back({c.from[i], c.to[i], c.value[0][i], c.coverage[0][i]});
  return out;
}

void expect_rows(const std::vector<std::array<double, 4>>& got, const std::vector<std::array<double, 4>>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i)
    for (std::size_t k = 0; k < 4; ++k) {
      if (std::isnan(want[i][k])) EXPECT_TRUE(std::isnan(got[i][k])) << "row " << i;
      else EXPECT_NEAR(got[i][k], want[i][k], 1e-12) << "row " << i << " column " << k;
    }
}

}  // namespace

TEST(Composite, KeepResidualAtHalfLength) {
  const Compositor run;
  // 0-2: (1*1 + 1*2)/2; 2-4: only 2-3 sampled (3-4 missing); 4-5 residual of 1 m >= 0.5 * 2 kept.
  expect_rows(hole_a(run(opts(2))), {{0, 2, 1.5, 1}, {2, 4, 2, 0.5}, {4, 5, 4, 1}});
}

TEST(Composite, ResidualBelowMinFractionIsDropped) {
  const Compositor run;
  expect_rows(hole_a(run(opts(2, ResidualRule::keep, 0.6))), {{0, 2, 1.5, 1}, {2, 4, 2, 0.5}});
}

TEST(Composite, MergeResidualIntoThePreviousComposite) {
  const Compositor run;
  // 2-5: 2-3 au 2, 3-4 missing, 4-5 au 4 -> (2 + 4) / 2 over 2 sampled metres of 3.
  expect_rows(hole_a(run(opts(2, ResidualRule::merge))), {{0, 2, 1.5, 1}, {2, 5, 3, 2.0 / 3}});
}

TEST(Composite, RunShorterThanTheLength) {
  const Compositor run;
  expect_rows(hole_a(run(opts(10, ResidualRule::merge, 0.5))), {{0, 5, (1 * 1 + 2 * 2 + 4 * 1) / 4.0, 4.0 / 5}});
  expect_rows(hole_a(run(opts(10, ResidualRule::merge, 0.6))), {});
}

TEST(Composite, BreaksOnATextField) {
  const Compositor run;
  auto o = opts(2);
  o.break_field = "lith";
  const auto c = run(o);
  // sand 0-3 -> 0-2, 2-3 (1 m residual kept); clay 3-5 -> 3-5 (only 4-5 sampled).
  expect_rows(hole_a(c), {{0, 2, 1.5, 1}, {2, 3, 2, 1}, {3, 5, 4, 0.5}});
  EXPECT_EQ(c.break_name, "lith");
  EXPECT_EQ(c.break_value(0), "sand");
  EXPECT_EQ(c.break_value(2), "clay");
  // No composite straddles a boundary.
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c.hole[i] == 0) {
      EXPECT_TRUE(c.to[i] <= 3 || c.from[i] >= 3);
    }
  }
}

TEST(Composite, BreaksOnANumericFieldWithMissingValuesAsTheirOwnDomain) {
  const Compositor run;
  auto o = opts(2);
  o.break_field = "seam";
  const auto c = run(o);
  expect_rows(hole_a(c), {{0, 2, 1.5, 1}, {2, 3, 2, 1}, {3, 5, 4, 0.5}});
  EXPECT_EQ(c.break_value(0), "12");
  EXPECT_EQ(c.break_value(2), "13");
  const auto b = std::find(c.hole.begin(), c.hole.end(), 1) - c.hole.begin();
  EXPECT_EQ(c.break_value(static_cast<std::size_t>(b)), "");
}

TEST(Composite, DensityWeighting) {
  const Compositor run;
  auto o = opts(2);
  o.fields = {"au", "rho"};
  o.density_field = "rho";
  const auto c = run(o);
  // 0-2: au weighted by length*rho: (1*2*1 + 1*3*2) / (2 + 3) = 1.6; rho itself length-weighted: 2.5.
  EXPECT_NEAR(c.value[0][0], 1.6, 1e-12);
  EXPECT_NEAR(c.value[1][0], 2.5, 1e-12);
  // 4-5: au 4 but no density there, so au is unsampled for density weighting.
  EXPECT_TRUE(std::isnan(c.value[0][2]));
  EXPECT_EQ(c.coverage[0][2], 0);
  EXPECT_TRUE(std::isnan(c.value[1][2]));
}

TEST(Composite, GapsMakeNoEmptyComposites) {
  const Compositor run;
  const auto c = run(opts(2));
  std::vector<std::pair<double, double>> b;
  for (std::size_t i = 0; i < c.size(); ++i)
    if (c.hole[i] == 1) b.emplace_back(c.from[i], c.to[i]);
  EXPECT_EQ(b, (std::vector<std::pair<double, double>>{{0, 2}, {10, 12}}));
}

TEST(Composite, MidPointsLieOnTheTrace) {
  const Compositor run;
  const auto c = run(opts(2));
  for (std::size_t i = 0; i < c.size(); ++i) {
    EXPECT_DOUBLE_EQ(c.mid[i].x(), 500);
    EXPECT_DOUBLE_EQ(c.mid[i].z(), 100 - 0.5 * (c.from[i] + c.to[i]));
  }
}

TEST(Composite, BadFieldsAndOptions) {
  const Compositor run;
  auto o = opts(2);
  o.fields = {"lith"};
  EXPECT_THROW(run(o), InputError);  // text
  o.fields = {"cu"};
  EXPECT_THROW(run(o), InputError);  // absent
  o.fields = {"au"};
  o.density_field = "lith";
  EXPECT_THROW(run(o), InputError);
  EXPECT_THROW(run(opts(0)), Error);
  EXPECT_THROW(run(opts(1e-7)), ResourceError);  // 50 million composites in 5 m: refused, not attempted
  EXPECT_THROW(run(opts(2, ResidualRule::keep, 1.5)), Error);
  EXPECT_EQ(parse_residual_rule("merge"), ResidualRule::merge);
  EXPECT_THROW(parse_residual_rule("drop"), Error);
}

TEST(Composite, NonPositiveDensityIsAnInputError) {
  DrillholeDatabase db = make_db();
  IntervalTable t("d", "d.csv");
  t.add(0, 0, 1, 2);
  t.add_numeric_field("au", {1});
  t.add_numeric_field("rho", {0});
  db.add_table(std::move(t));
  db.finalize();
  const auto traces = desurvey_all(db, DesurveyMethod::minimum_curvature);
  auto o = opts(1);
  o.density_field = "rho";
  try {
    composite(db.tables()[1], traces, o);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "d.csv:2: error: field 'rho': density must be greater than 0, not 0");
  }
}

TEST(Composite, SameResultForAnyThreadCount) {
  // 300 inclined holes with irregular intervals and some missing values.
  DrillholeDatabase db;
  for (int h = 0; h < 300; ++h) {
    Collar c;
    c.hole_id = std::string("H").append(std::to_string(h));  // not "H" + ...: GCC 12 -Wrestrict false alarm
    c.max_depth = 200;
    c.azimuth = h % 360;
    c.dip = -60;
    db.add_collar(c);
  }
  IntervalTable t("assay", "assay.csv");
  std::vector<double> au;
  std::vector<std::string> lith;
  for (int h = 0; h < 300; ++h) {
    double d = (h % 7) * 0.5;
    for (int k = 0; d < 190; ++k) {
      const double len = 0.3 + ((h * 31 + k * 17) % 23) * 0.1;
      t.add(h, d, d + len);
      au.push_back((h + k) % 11 == 0 ? NA : std::sin(h + k) + 2);
      lith.push_back((k / 9) % 2 ? "ore" : "waste");
      d += len;
    }
  }
  t.add_numeric_field("au", au);
  t.add_text_field("lith", lith);
  db.add_table(std::move(t));
  db.finalize();
  auto o = opts(2.5, ResidualRule::merge, 0.0);  // min fraction 0: runs shorter than 2.5 m are kept too
  o.break_field = "lith";
  Composites one, many;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = composite(db.tables()[0], desurvey_all(db, DesurveyMethod::minimum_curvature), o);
  }
  many = composite(db.tables()[0], desurvey_all(db, DesurveyMethod::minimum_curvature), o);
  ASSERT_EQ(one.size(), many.size());
  ASSERT_GT(one.size(), 3000u);
  for (std::size_t i = 0; i < one.size(); ++i) {
    ASSERT_EQ(one.hole[i], many.hole[i]);
    ASSERT_EQ(one.from[i], many.from[i]);
    ASSERT_EQ(one.mid[i], many.mid[i]);
    ASSERT_TRUE(one.value[0][i] == many.value[0][i] || (std::isnan(one.value[0][i]) && std::isnan(many.value[0][i])));
  }
  // Every sampled metre is accounted for: total composited length equals total interval length,
  // since merge keeps every residual and the runs have no gaps.
  double total = 0, intervals = 0;
  for (std::size_t i = 0; i < one.size(); ++i) total += one.to[i] - one.from[i];
  for (std::size_t r = 0; r < db.tables()[0].row_count(); ++r) intervals += db.tables()[0].to(r) - db.tables()[0].from(r);
  EXPECT_NEAR(total, intervals, 1e-6);
}

TEST(IntervalGeometry, FromToAndMidPointsAlongTheHole) {
  DrillholeDatabase db;
  Collar c;
  c.hole_id = "Q";
  c.max_depth = 200;
  db.add_collar(c);
  const double r = 100, quarter = std::numbers::pi / 2 * r;
  db.add_station(0, {0, 90, -90, 0});
  db.add_station(0, {quarter, 90, 0, 0});
  IntervalTable t("x", "");
  t.add(0, 10, 20);
  t.add(0, 100, quarter + 10);
  db.add_table(std::move(t));
  db.finalize();
  const auto traces = desurvey_all(db, DesurveyMethod::minimum_curvature);
  const auto g = interval_geometry(db.tables()[0], traces);
  auto on_arc = [&](double s) {
    if (s > quarter) return Eigen::Vector3d(r + s - quarter, 0, -r);
    return Eigen::Vector3d(r * (1 - std::cos(s / r)), 0, -r * std::sin(s / r));
  };
  const double from[] = {10, 100}, to[] = {20, quarter + 10};
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_LT((g.from[i] - on_arc(from[i])).norm(), 1e-9);
    EXPECT_LT((g.to[i] - on_arc(to[i])).norm(), 1e-9);
    EXPECT_LT((g.mid[i] - on_arc(0.5 * (from[i] + to[i]))).norm(), 1e-9);  // along the hole, not the chord
  }
}
