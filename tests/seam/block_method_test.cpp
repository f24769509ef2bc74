// The geological block method and mineability against closed forms: the dip correction of area and
// thickness, block tonnage = area x thickness x density, status precedence, recovery classes.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "seam/block_method.h"

using namespace georeserve;
using namespace georeserve::seam;

namespace {

NodeGrid grid() {
  NodeGrid g;
  g.x0 = 41500012.5, g.y0 = 4600012.5, g.dx = g.dy = 25, g.nx = 40, g.ny = 20;  // 1 km x 500 m
  return g;
}

// A seam dipping `dip_deg` east with constant vertical thickness t, every node a measured resource.
struct Dipping {
  NodeGrid g = grid();
  SeamSurface s;
  SeamStatus st;
  SeamPicks picks;
  std::vector<std::string> ids = {"H1"};
  Dipping(double dip_deg, double t) {
    s.seam = 0;
    std::vector<std::uint8_t> inside(g.size(), 1);
    s.blocks = FaultBlocks(g, inside, {});
    s.thickness.assign(g.size(), t);
    s.roof.resize(g.size());
    s.floor.resize(g.size());
    for (std::size_t k = 0; k < g.size(); ++k) {
      s.roof[k] = -300 - std::tan(dip_deg * std::numbers::pi / 180) * (g.node(k).x - g.x0);
      s.floor[k] = s.roof[k] - t;
    }
    const double q[4] = {20, 0.5, 20, 1.3};  // Ad %, St,d %, Qnet,ar MJ/kg, density t/m3
    for (int i = 0; i < 4; ++i) s.quality[i].assign(g.size(), q[i]);
    st.status.assign(g.size(), NodeStatus::remaining);
    st.class_code.assign(g.size(), 1.0);
    SeamPick p;
    p.hole = 0, p.seam = 0, p.x = g.x0 + 500, p.y = g.y0 + 250, p.thickness = t, p.density = 1.3;
    picks.picks.push_back(p);
    picks.by_hole = {{0}};
  }
};

}  // namespace

TEST(BlockMethod, DipCorrectionCancelsForVerticalThickness) {
  const double dip = 20, t = 2.4;
  Dipping d(dip, t);
  const auto dips = floor_dip(d.g, d.s.floor);
  EXPECT_NEAR(dips[d.g.index(10, 10)], dip, 1e-9);
  EXPECT_NEAR(dips[d.g.index(0, 0)], dip, 1e-9);  // one-sided at the edge
  const auto r = geological_blocks(d.g, d.s, d.st, d.picks, d.ids, "A");
  ASSERT_EQ(r.blocks.size(), 1u);
  const auto& b = r.blocks[0];
  const double area = 1000.0 * 500.0, c = std::cos(dip * std::numbers::pi / 180);
  EXPECT_NEAR(b.area, area, 1e-6);
  EXPECT_NEAR(b.dip_deg, dip, 1e-9);
  EXPECT_NEAR(b.thickness, t, 1e-12);
  EXPECT_NEAR(b.true_thickness, t * c, 1e-12);     // true thickness = vertical x cos(dip)
  EXPECT_NEAR(b.slope_area, area / c, 1e-6);       // area on the seam = plan area / cos(dip)
  EXPECT_NEAR(b.volume, area * t, 1e-6);           // the two corrections cancel
  EXPECT_NEAR(b.tonnes, area * t * 1.3, 1e-3);
  EXPECT_NEAR(b.kriged_tonnes, area * t * 1.3, 1e-3);
  EXPECT_EQ(b.label, "A-1");
  EXPECT_EQ(b.holes, std::vector<std::string>{"H1"});
  EXPECT_FALSE(b.nearest_holes);
}

TEST(BlockMethod, ClassesAndFaultsBoundBlocksAndSliversJoinANeighbour) {
  Dipping d(0, 1.5);
  // West half measured, east half indicated, and a 2 x 2 node sliver of inferred inside the west half.
  for (std::size_t k = 0; k < d.g.size(); ++k) d.st.class_code[k] = d.g.node(k).x - d.g.x0 < 500 ? 1.0 : 2.0;
  for (std::size_t j = 5; j < 7; ++j)
    for (std::size_t i = 5; i < 7; ++i) d.st.class_code[d.g.index(i, j)] = 3.0;
  auto keep = d.st;
  const auto r0 = geological_blocks(d.g, d.s, keep, d.picks, d.ids, "A", 0);
  EXPECT_EQ(r0.blocks.size(), 3u);
  const auto r = geological_blocks(d.g, d.s, d.st, d.picks, d.ids, "A", 0.01e6);  // 0.01 km2 = 16 nodes
  ASSERT_EQ(r.blocks.size(), 2u);
  EXPECT_EQ(r.merged_slivers, 1u);
  EXPECT_EQ(d.st.class_code[d.g.index(5, 5)], 1.0);  // the sliver took the measured class
  // The eastern block has no hole inside: it takes the nearest holes.
  EXPECT_TRUE(r.blocks[0].nearest_holes != r.blocks[1].nearest_holes);
  EXPECT_NEAR(r.tonnes, 1000.0 * 500.0 * 1.5 * 1.3, 1e-3);
}

TEST(Mineability, StatusPrecedenceAndTonnages) {
  Dipping d(0, 1.0);
  d.s.thickness[d.g.index(0, 0)] = 0.5;  // thin
  d.s.thickness[d.g.index(1, 0)] = 0.0;  // no coal
  StatusInputs in;
  in.grid = &d.g;
  std::vector<double> surface(d.g.size(), 65.0);
  std::vector<std::uint8_t> burnt(d.g.size(), 0);
  burnt[d.g.index(2, 0)] = 1;
  in.surface = &surface;
  in.burnt = &burnt;
  in.seam_burnt = true;
  in.panels = {geometry::Polygon{{{41500080, 4600000}, {41500095, 4600000}, {41500095, 4600020}, {41500080, 4600020}}, {}}};
  in.rules = ClassificationRules::defaults_for_spacing(100);
  d.s.nearest_hole.assign(d.g.size(), 10.0f);
  d.s.mean_hole_distance.assign(d.g.size(), 20.0f);
  const auto st = seam_status(d.s, in);
  EXPECT_EQ(st.status[d.g.index(0, 0)], NodeStatus::below_limits);
  EXPECT_EQ(st.status[d.g.index(1, 0)], NodeStatus::no_coal);
  EXPECT_EQ(st.status[d.g.index(2, 0)], NodeStatus::burnt);
  EXPECT_EQ(st.status[d.g.index(3, 0)], NodeStatus::mined);  // node (3, 0) at (87.5, 12.5) m lies in the panel
  EXPECT_EQ(st.status[d.g.index(4, 0)], NodeStatus::remaining);
  const double cell = 625 * 1.3;
  EXPECT_NEAR(st.burnt, cell, 1e-9);
  EXPECT_NEAR(st.insitu, (static_cast<double>(d.g.size()) - 3) * cell + 0.5 * cell, 1e-6);
  EXPECT_NEAR(st.mineable, (static_cast<double>(d.g.size()) - 3) * cell, 1e-6);
  EXPECT_NEAR(st.mined, cell, 1e-9);
  EXPECT_NEAR(st.remaining, st.mineable - cell, 1e-6);
}

TEST(Mineability, RecoveryByThicknessClass) {
  const auto c = default_thickness_classes();
  EXPECT_EQ(thickness_class_of(c, 0.9), 0u);
  EXPECT_EQ(thickness_class_of(c, 1.3), 1u);
  EXPECT_EQ(thickness_class_of(c, 3.49), 1u);
  EXPECT_EQ(thickness_class_of(c, 3.5), 2u);
  EXPECT_DOUBLE_EQ(c[0].recovery, 0.85);
  EXPECT_DOUBLE_EQ(c[1].recovery, 0.80);
  EXPECT_DOUBLE_EQ(c[2].recovery, 0.75);
}
