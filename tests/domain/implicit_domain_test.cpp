// Implicit domain modelling: contacts honoured, a closed solid of the right size, volume fractions.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "mesh/isosurface.h"

#include "domain/implicit_domain.h"
#include "drillhole/desurvey.h"

using namespace georeserve;
namespace dh = georeserve::drillhole;

namespace {

// A tabular ore body: a vertical slab 20 m thick (x in [-10, 10]) drilled by horizontal holes
// along x on a 20 m grid in y and z. Holes log waste / ore / waste.
struct Slab {
  dh::DrillholeDatabase db;
  std::vector<dh::HoleTrace> traces;
};

Slab make_slab() {
  Slab s;
  std::vector<std::string> lith;
  dh::IntervalTable t("lithology", "lith.csv");
  int h = 0;
  for (int iy = -2; iy <= 2; ++iy)
    for (int iz = -2; iz <= 2; ++iz) {
      dh::Collar c;
      c.hole_id = "H" + std::to_string(h);
      c.x = -60;
      c.y = iy * 20.0;
      c.z = iz * 20.0;
      c.max_depth = 120;
      c.azimuth = 90;
      c.dip = 0;
      s.db.add_collar(c);
      t.add(h, 0, 50, 0);
      lith.push_back("MB");
      t.add(h, 50, 70, 0);
      lith.push_back("ORE");
      t.add(h, 70, 120, 0);
      lith.push_back("MB");
      ++h;
    }
  t.add_text_field("lith", lith);
  s.db.add_table(std::move(t));
  s.db.finalize();
  s.traces = dh::desurvey_all(s.db, dh::DesurveyMethod::minimum_curvature);
  return s;
}

}  // namespace

TEST(ContactSamples, SignedDistanceAlongTheHole) {
  const auto s = make_slab();
  const auto cs = contact_samples(s.db.table("lithology"), "lith", {"ore"}, s.traces, {2.0, 30.0});
  EXPECT_EQ(cs.contacts, 50u);  // two per hole
  EXPECT_EQ(cs.holes_inside, 25u);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    const double x = cs.position[i].x();
    const double expected = std::clamp(10.0 - std::abs(x), -30.0, 30.0);  // exact for this geometry
    ASSERT_NEAR(cs.signed_distance[i], expected, 1e-6) << "at x = " << x;
  }
}

TEST(ImplicitDomain, SlabIsClosedAndHonoursContacts) {
  const auto s = make_slab();
  const auto cs = contact_samples(s.db.table("lithology"), "lith", {"ORE"}, s.traces, {2.0, 30.0});
  ImplicitOptions o;
  o.resolution = 2.5;
  o.max_extrapolation = 15;
  o.padding = 5;
  o.interpolant.structures[0].anisotropy.ranges = {120, 120, 120};
  const auto d = build_implicit_domain(cs, o);
  const auto check = check_mesh(d.solid);
  EXPECT_TRUE(check.closed) << check.describe();
  EXPECT_TRUE(check.consistently_oriented);
  // The field is zero at the logged contacts (to interpolation accuracy on the grid).
  EXPECT_NEAR(d.field.sample({-10, 0, 0}), 0.0, 0.6);
  EXPECT_NEAR(d.field.sample({10, 10, 10}), 0.0, 0.6);
  EXPECT_GT(d.field.sample({0, 0, 0}), 5);
  EXPECT_LT(d.field.sample({-30, 0, 0}), -5);
  // Slab 20 m thick over the drilled 80 x 80 m plus up to max_extrapolation around: between.
  EXPECT_GT(d.volume, 20 * 80 * 80 * 0.95);
  EXPECT_LT(d.volume, 20 * 110 * 110 * 1.05);

  // Blocks 10 m wide straddling the contact at x = 10 are half inside.
  const BlockGrid grid({-20, -10, -10}, {10, 10, 10}, {4, 2, 2});
  const auto f = volume_fractions(grid, d.field, {8, 8, 8});
  EXPECT_NEAR(f[grid.index(1, 0, 0)], 1.0, 1e-9);  // x in [-10, 0]
  // x in [-20, -10]: between the holes (20 m apart) the interpolated contact may bulge by about a
  // metre, as any smooth implicit surface does; at the holes it is exact.
  EXPECT_LT(f[grid.index(0, 0, 0)], 0.15);
  const auto g = volume_fractions(grid, d.solid, {8, 8, 8});
  for (std::size_t b = 0; b < grid.block_count(); ++b) EXPECT_NEAR(g[b], f[b], 0.05);
}

TEST(VolumeFractions, MeshParityMatchesAnalyticSphere) {
  ScalarGrid sph;
  sph.nodes = {41, 41, 41};
  sph.spacing = Eigen::Vector3d::Constant(1.0);
  sph.origin = Eigen::Vector3d::Constant(-20);
  sph.values.resize(sph.node_count());
  for (int k = 0; k < 41; ++k)
    for (int j = 0; j < 41; ++j)
      for (int i = 0; i < 41; ++i) sph.values[sph.index(i, j, k)] = 15 - sph.position(i, j, k).norm();
  const auto mesh = extract_isosurface(sph);
  const BlockGrid grid({-20, -20, -20}, {5, 5, 5}, {8, 8, 8});
  const auto f = volume_fractions(grid, mesh, {4, 4, 4});
  double v = 0;
  for (double x : f) v += x * 125;
  EXPECT_NEAR(v / (4.0 / 3.0 * std::numbers::pi * 15 * 15 * 15), 1.0, 0.03);
}
