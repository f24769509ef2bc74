// Seam grids against closed forms: a planar seam of constant thickness gives area x thickness x
// density exactly; the search never crosses a fault (each side keeps its own constant); zero-thickness
// holes pull the thickness to zero; seams never cross after the repair; results are bit-identical
// for any thread count.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include <tbb/global_control.h>

#include "seam/mineability.h"
#include "seam/seam_grid.h"

using namespace georeserve;
using namespace georeserve::seam;

namespace {

constexpr double X0 = 41500000, Y0 = 4600000, L = 2000;

VariogramModel exponential(double sill, double range) {
  VariogramModel m;
  VariogramStructure s;
  s.type = StructureType::exponential;
  s.sill = sill;
  s.anisotropy.ranges = {range, range, range};
  m.structures.push_back(s);
  return m;
}

SeamGridSettings settings() {
  SeamGridSettings st;
  SearchPass p;
  p.max_samples = 16;
  p.min_samples = 1;
  st.search.passes.push_back(p);
  st.thickness = st.roof = st.isochore = st.ash = st.sulfur = st.cv = st.density = exponential(1, 500);
  st.trend_degree = 1;
  st.min_block_samples = 3;
  return st;
}

// Holes every 250 m over a 2 km square; `thickness(x, y)` per hole (0 = no coal); roof planar.
SeamInputs inputs(const std::function<double(double, double)>& thickness) {
  SeamInputs in;
  in.grid.x0 = X0 + 12.5, in.grid.y0 = Y0 + 12.5, in.grid.dx = in.grid.dy = 25, in.grid.nx = in.grid.ny = 80;
  in.inside.assign(in.grid.size(), 1);
  in.outline = {{X0, Y0}, {X0 + L, Y0}, {X0 + L, Y0 + L}, {X0, Y0 + L}};
  in.seams.names = {"A"};
  in.seams.names_cn = {"A号煤"};
  int h = 0;
  for (double y = Y0 + 125; y < Y0 + L; y += 250)
    for (double x = X0 + 125; x < X0 + L; x += 250, ++h) {
      in.hole_xy.push_back({x, y});
      std::string id = "H";
      id += std::to_string(h);
      in.hole_ids.push_back(id);
      in.hole_collar_z.push_back(65);
      in.hole_bottom_z.push_back(-1000);
      in.marker_xy.push_back({x, y});
      in.marker_z.push_back(std::nan(""));
      in.picks.by_hole.push_back({-1});
      const double t = thickness(x, y);
      if (t > 0) {
        SeamPick p;
        p.hole = h, p.seam = 0, p.x = x, p.y = y;
        p.roof_z = -300 + 0.01 * (x - X0);
        p.thickness = t;
        p.floor_z = p.roof_z - t;
        p.ash = 20, p.sulfur = 0.5, p.cv = 20, p.density = 1.3;
        in.picks.by_hole.back()[0] = static_cast<int>(in.picks.picks.size());
        in.picks.picks.push_back(p);
      }
    }
  in.burnt_seam = {0};
  in.burnt_mask.assign(in.grid.size(), 0);
  return in;
}

}  // namespace

TEST(SeamGrid, PlanarSeamOfConstantThicknessGivesAreaTimesThicknessTimesDensity) {
  const auto in = inputs([](double, double) { return 2.0; });
  const auto m = build_seam_model(in, settings());
  ASSERT_EQ(m.seams.size(), 1u);
  const auto& s = m.seams[0];
  for (std::size_t k = 0; k < in.grid.size(); ++k) {
    ASSERT_NEAR(s.thickness[k], 2.0, 1e-9);
    const auto p = in.grid.node(k);
    ASSERT_NEAR(s.roof[k], -300 + 0.01 * (p.x - X0), 1e-6);  // the plane is its own trend
    ASSERT_NEAR(s.floor[k], s.roof[k] - 2, 1e-6);
    ASSERT_NEAR(s.quality[3][k], 1.3, 1e-9);
  }
  StatusInputs si;
  si.grid = &in.grid;
  std::vector<double> surface(in.grid.size(), 65.0);
  si.surface = &surface;
  si.burnt = &in.burnt_mask;
  si.rules = ClassificationRules::defaults_for_spacing(250);
  const auto st = seam_status(s, si);
  EXPECT_NEAR(st.insitu, L * L * 2.0 * 1.3, 1e-3);
  EXPECT_NEAR(st.mineable, st.insitu, 1e-6);
  EXPECT_NEAR(st.remaining, st.insitu, 1e-6);
  EXPECT_EQ(m.crossing_repairs, 0u);
}

TEST(SeamGrid, SearchNeverCrossesAFault) {
  // 1 m west of the fault, 3 m east: each side is estimated from its own holes only, so each keeps
  // its constant exactly, up to the fault line (without the fault the values would blend).
  auto in = inputs([](double x, double) { return x < X0 + 1000 ? 1.0 : 3.0; });
  Fault f;
  f.id = "F";
  f.trace = {{X0 + 1001, Y0 - 10}, {X0 + 1001, Y0 + L + 10}};
  f.dip_deg = 90;  // vertical, no throw: a pure barrier
  in.faults.push_back(f);
  const auto m = build_seam_model(in, settings());
  const auto& s = m.seams[0];
  EXPECT_EQ(s.blocks.count(), 2);
  for (std::size_t k = 0; k < in.grid.size(); ++k) {
    const auto p = in.grid.node(k);
    ASSERT_NEAR(s.thickness[k], p.x < X0 + 1001 ? 1.0 : 3.0, 1e-9) << p.x;
  }
  // Without the fault the nodes next to the line mix both sides.
  in.faults.clear();
  const auto blended = build_seam_model(in, settings());
  const auto k = in.grid.index(39, 40);  // x = X0 + 987.5, west of the line
  EXPECT_GT(blended.seams[0].thickness[k], 1.05);
}

TEST(SeamGrid, HolesWithoutCoalPullThicknessToZero) {
  // Coal only in the western half: eastern holes reached the horizon without coal.
  const auto in = inputs([](double x, double) { return x < X0 + 1000 ? 2.0 : 0.0; });
  const auto m = build_seam_model(in, settings());
  const auto& s = m.seams[0];
  EXPECT_EQ(s.zero_samples, 32u);
  const auto at_zero_hole = in.grid.locate({X0 + 1875, Y0 + 1125});
  EXPECT_NEAR(s.thickness[at_zero_hole], 0.0, 1e-9);  // exact interpolator at a hole (nearest node is 12.5 m off)
  EXPECT_TRUE(std::isnan(s.roof[at_zero_hole]));    // no coal: no roof
  const auto at_coal_hole = in.grid.locate({X0 + 125, Y0 + 125});
  EXPECT_NEAR(s.thickness[at_coal_hole], 2.0, 0.05);
}

TEST(SeamGrid, HoleEndingAboveTheSeamIsNotAZero) {
  auto in = inputs([](double x, double) { return x < X0 + 1000 ? 2.0 : 0.0; });
  in.hole_bottom_z[7] = 0;  // H7 (x = X0 + 1875) stops far above the seam
  const auto m = build_seam_model(in, settings());
  EXPECT_EQ(m.seams[0].zero_samples, 31u);
  EXPECT_EQ(m.seams[0].unreached_holes, 1u);
}

TEST(SeamGrid, CrossingSeamsAreMovedDownToTouch) {
  std::vector<SeamSurface> s(3);
  for (auto& x : s) x.thickness = {1.0, 1.0};
  s[0].roof = {-100, -100}, s[0].floor = {-101, -101};
  s[1].roof = {-100.5, -110}, s[1].floor = {-101.5, -111};  // node 0 crosses seam 0's floor by 0.5 m
  s[2].roof = {-101.2, -120}, s[2].floor = {-102.2, -121};  // node 0: after the first repair, crosses too
  EXPECT_EQ(repair_crossings(s), 2u);
  EXPECT_DOUBLE_EQ(s[1].roof[0], -101);
  EXPECT_DOUBLE_EQ(s[1].floor[0], -102);
  EXPECT_DOUBLE_EQ(s[2].roof[0], -102);
  EXPECT_DOUBLE_EQ(s[2].floor[0], -103);
  EXPECT_DOUBLE_EQ(s[1].roof[1], -110);  // untouched
}

TEST(SeamGrid, TrendFitsAQuadraticExactly) {
  std::vector<double> x, y, z;
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) {
      x.push_back(X0 + 400 * i), y.push_back(Y0 + 300 * j);
      const double u = (x.back() - X0) / 1000, v = (y.back() - Y0) / 1000;
      z.push_back(-500 + 10 * u - 4 * v + 3 * u * u - 2 * u * v + 1.5 * v * v);
    }
  const auto c = fit_trend(x, y, z, X0, Y0, 2);
  const double expected[6] = {-500, 10, -4, 3, -2, 1.5};
  for (int t = 0; t < 6; ++t) EXPECT_NEAR(c[static_cast<std::size_t>(t)], expected[t], 1e-8);
}

TEST(SeamGrid, IdenticalForAnyThreadCount) {
  auto in = inputs([](double x, double y) { return 1.0 + std::sin(x / 300.0) * std::cos(y / 400.0) * 0.8; });
  Fault f;
  f.id = "F";
  f.trace = {{X0 + 700, Y0 - 10}, {X0 + 1300, Y0 + L + 10}};
  f.dip_deg = 60, f.dip_azimuth_deg = 100, f.max_throw = 40, f.trace_z = -300;
  in.faults.push_back(f);
  auto run = [&](std::size_t threads) {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    return build_seam_model(in, settings());
  };
  const auto one = run(1), two = run(2), four = run(4);
  for (const auto* other : {&two, &four}) {
    const auto& a = one.seams[0];
    const auto& b = other->seams[0];
    for (std::size_t k = 0; k < in.grid.size(); ++k) {
      ASSERT_EQ(std::memcmp(&a.thickness[k], &b.thickness[k], sizeof(double)), 0) << k;
      ASSERT_EQ(std::memcmp(&a.roof[k], &b.roof[k], sizeof(double)), 0) << k;
      for (int q = 0; q < 4; ++q) ASSERT_EQ(std::memcmp(&a.quality[q][k], &b.quality[q][k], sizeof(double)), 0) << k;
    }
  }
}

TEST(SeamGrid, IndicatorMethodKeepsThicknessUpToTheCoalLimit) {
  // Coal 2 m thick in the western half only. Kriging the zeros in ramps the thickness down towards
  // the limit; the indicator method keeps 2 m wherever coal is more likely than not.
  const auto in = inputs([](double x, double) { return x < X0 + 1000 ? 2.0 : 0.0; });
  auto st = settings();
  st.thickness_method = ThicknessMethod::indicator;
  const auto m = build_seam_model(in, st);
  const auto& s = m.seams[0];
  for (std::size_t k = 0; k < in.grid.size(); ++k) {
    const double t = s.thickness[k];
    ASSERT_TRUE(t == 0.0 || std::abs(t - 2.0) < 1e-9) << t;  // constant where present
  }
  EXPECT_NEAR(s.thickness[in.grid.locate({X0 + 880, Y0 + 1000})], 2.0, 1e-9);  // next to the limit
  EXPECT_EQ(s.thickness[in.grid.locate({X0 + 1120, Y0 + 1000})], 0.0);
  const auto zeros = build_seam_model(in, settings());
  EXPECT_LT(zeros.seams[0].thickness[in.grid.locate({X0 + 880, Y0 + 1000})], 1.9);
}
