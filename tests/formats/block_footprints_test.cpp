// Tests of formats/block_footprints.h against brute force: for random cell sets on plain and rotated
// grids, a cell centre lies inside the dissolved polygons exactly when its cell is in the set, the
// areas add up, rings are simple and normally oriented; holes, corner-touching cells and per-level
// footprints by class with their tonnes. Our own strict polygon check (holes may not touch) passes.
#include <gtest/gtest.h>

#include <random>

#include "core/error.h"
#include "formats/block_footprints.h"
#include "geometry/polygon.h"
#include "geometry/validity.h"

namespace georeserve {
namespace {

void expect_matches_mask(const BlockGrid& g, const std::vector<bool>& mask) {
  const geometry::MultiPolygon mp = dissolve_plan_cells(g, mask);
  const int nx = g.count()[0], ny = g.count()[1];
  std::size_t cells = 0;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const Eigen::Vector3d c = g.centre(i, j, 0);
      const bool in = mask[static_cast<std::size_t>(j * nx + i)];
      cells += in;
      EXPECT_EQ(geometry::contains(mp, {c.x(), c.y()}), in) << "cell " << i << "," << j;
    }
  // Exact but for hole corners chamfered by 1e-4 of a block where a hole touches another ring.
  const double cell = g.block_size().x() * g.block_size().y();
  EXPECT_NEAR(geometry::area(mp), static_cast<double>(cells) * cell, 1e-6 * cell);
  for (const auto& p : mp) {
    EXPECT_GT(geometry::signed_area(p.outer), 0.0);
    for (const auto& h : p.holes) EXPECT_LT(geometry::signed_area(h), 0.0);
    EXPECT_FALSE(geometry::polygon_problem(p)) << *geometry::polygon_problem(p);
  }
}

TEST(Footprints, RandomMasksMatchBruteForce) {
  std::mt19937 rng(11);
  for (double rotation : {0.0, 35.0, -120.0}) {
    const BlockGrid g({41512345.678, 4690123.456, 0}, {12.5, 10, 5}, {17, 13, 1}, rotation);
    for (int trial = 0; trial < 15; ++trial) {
      std::vector<bool> mask(17 * 13);
      const unsigned density = 2 + trial % 3;  // sparse to dense
      for (std::size_t k = 0; k < mask.size(); ++k) mask[k] = rng() % density != 0;
      expect_matches_mask(g, mask);
    }
  }
}

TEST(Footprints, HoleAndCornerTouchingCells) {
  const BlockGrid g({0, 0, 0}, {10, 10, 10}, {5, 5, 1});
  // A 3 x 3 ring of cells around an empty centre, and one cell touching its corner diagonally.
  std::vector<bool> mask(25, false);
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i) mask[static_cast<std::size_t>(j * 5 + i)] = !(i == 1 && j == 1);
  mask[3 * 5 + 3] = true;
  const auto mp = dissolve_plan_cells(g, mask);
  ASSERT_EQ(mp.size(), 2u);
  std::size_t holes = 0;
  for (const auto& p : mp) holes += p.holes.size();
  EXPECT_EQ(holes, 1u);
  expect_matches_mask(g, mask);
  // Straight runs keep only their corners: the 3 x 3 square has 4 outer vertices.
  for (const auto& p : mp)
    if (!p.holes.empty()) {
      EXPECT_EQ(p.outer.size(), 4u);
      EXPECT_EQ(p.holes[0].size(), 4u);
    }
}

TEST(Footprints, ByClassPerLevelAndTotal) {
  BlockModel bm(BlockGrid({1000, 2000, 100}, {10, 10, 5}, {3, 2, 2}));
  auto& cls = bm.add_categorical("class", {{1, "measured", "探明"}, {2, "indicated", "控制"}});
  auto& t = bm.add("tonnes", "t", "", 0.0);
  // Level 0: measured at (0,0) and (1,0); level 1: measured at (0,0), indicated at (2,1).
  cls.values[bm.grid().index(0, 0, 0)] = 1;
  cls.values[bm.grid().index(1, 0, 0)] = 1;
  cls.values[bm.grid().index(0, 0, 1)] = 1;
  cls.values[bm.grid().index(2, 1, 1)] = 2;
  for (std::size_t b = 0; b < bm.size(); ++b) t.values[b] = 100.0 + static_cast<double>(b);
  const auto total = block_footprints(bm, "class", false);
  ASSERT_EQ(total.size(), 2u);
  EXPECT_EQ(total[0].name_cn, "探明");
  EXPECT_EQ(total[0].blocks, 3u);
  EXPECT_EQ(total[0].cells, 2u);  // (0,0) counted once in plan
  EXPECT_DOUBLE_EQ(total[0].area, 200.0);
  EXPECT_DOUBLE_EQ(total[0].tonnes, 100.0 + 0 + 100.0 + 1 + 100.0 + 6);
  EXPECT_DOUBLE_EQ(total[0].z_lo, 100.0);
  EXPECT_DOUBLE_EQ(total[0].z_hi, 110.0);
  EXPECT_EQ(total[0].level, -1);
  EXPECT_NEAR(geometry::area(total[0].shape), 200.0, 1e-9);
  const auto levels = block_footprints(bm, "class", true);
  ASSERT_EQ(levels.size(), 3u);  // measured k=0, measured k=1, indicated k=1
  EXPECT_EQ(levels[1].level, 1);
  EXPECT_DOUBLE_EQ(levels[1].z_lo, 105.0);
  EXPECT_EQ(levels[2].name, "indicated");
  // keep() restricts the blocks.
  const auto kept = block_footprints(bm, "class", false, [&](std::size_t b) { return b != bm.grid().index(1, 0, 0); });
  EXPECT_EQ(kept[0].cells, 1u);
  EXPECT_THROW(block_footprints(bm, "tonnes", false), InputError);
  EXPECT_THROW(block_footprints(bm, "nothing", false), InputError);
}

}  // namespace
}  // namespace georeserve
