// Faults: reading (and a fault polygon that does not close), fault lines at depth, fault blocks of a
// grid (the flood fill never crosses a line; internal traces extended to the boundary), fault gaps.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "seam/faults.h"

using namespace georeserve;
using namespace georeserve::seam;
namespace fs = std::filesystem;

namespace {

fs::path write_temp(const std::string& name, const std::string& text) {
  const auto p = fs::temp_directory_path() / ("georeserve_seam_" + name);
  std::ofstream(p) << text;
  return p;
}

const char* kFault = R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4529"}},
 "features": [{"type": "Feature", "properties": {"id": "F1", "dip_deg": 60, "dip_azimuth_deg": 90, "max_throw_m": 100, "trace_z_m": -300},
   "geometry": {"type": "LineString", "coordinates": [[41500500, 4600200], [41500500, 4600800]]}}]})";

NodeGrid unit_grid() {
  NodeGrid g;
  g.x0 = 41500005, g.y0 = 4600005, g.dx = g.dy = 10, g.nx = g.ny = 100;  // 1 km square
  return g;
}

geometry::Ring square() { return {{41500000, 4600000}, {41501000, 4600000}, {41501000, 4601000}, {41500000, 4601000}}; }

}  // namespace

TEST(Faults, ReadsTracesAndMovesThemDownDip) {
  const auto faults = read_faults(write_temp("f.geojson", kFault), 4529);
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].id, "F1");
  // At -500 m the plane lies 200 / tan(60) m east of the trace at -300 m.
  const auto l = faults[0].line_at(-500);
  EXPECT_NEAR(l[0].x - 41500500, 200 / std::tan(M_PI / 3), 1e-6);
  EXPECT_NEAR(faults[0].throw_at(0), 100, 1e-12);
  EXPECT_NEAR(faults[0].throw_at(1), 0, 1e-12);
}

TEST(Faults, UnclosedFaultPolygonNamesFileAndFeature) {
  const auto p = write_temp("open.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "FZ"},
    "geometry": {"type": "Polygon", "coordinates": [[[41500000, 4600000], [41500100, 4600000], [41500100, 4600100]]]}}]})");
  try {
    read_faults(p, 4529);
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(p.string()), std::string::npos) << m;
    EXPECT_NE(m.find("features[0]"), std::string::npos) << m;
  }
}

TEST(Faults, MissingThrowIsAnError) {
  const auto p = write_temp("nothrow.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "F9", "dip_deg": 60, "dip_azimuth_deg": 90},
    "geometry": {"type": "LineString", "coordinates": [[41500000, 4600000], [41500100, 4600000]]}}]})");
  EXPECT_THROW(read_faults(p, 4529), InputError);
}

TEST(FaultBlocks, ThroughGoingLineMakesTwoBlocksAndBlocksTheSearch) {
  const auto g = unit_grid();
  std::vector<std::uint8_t> inside(g.size(), 1);
  const std::vector<geometry::Polyline> lines = {{{41500502, 4599000}, {41500502, 4602000}}};
  const FaultBlocks b(g, inside, lines);
  EXPECT_EQ(b.count(), 2);
  EXPECT_EQ(b.nodes_in(0) + b.nodes_in(1), g.size());
  EXPECT_EQ(b.nodes_in(0), 50u * 100u);
  const int west = b.block_of({41500200, 4600500}), east = b.block_of({41500800, 4600500});
  EXPECT_NE(west, east);
  // A point right next to the line takes the block on its own side.
  EXPECT_EQ(b.block_of({41500501, 4600500}), west);
  EXPECT_EQ(b.block_of({41500503, 4600500}), east);
  EXPECT_TRUE(b.crosses({41500400, 4600500}, {41500600, 4600500}));
  EXPECT_FALSE(b.crosses({41500400, 4600500}, {41500450, 4600900}));
}

TEST(FaultBlocks, InternalTraceIsExtendedToTheBoundary) {
  const auto g = unit_grid();
  std::vector<std::uint8_t> inside(g.size(), 1);
  const std::vector<geometry::Polyline> traces = {{{41500502, 4600300}, {41500502, 4600700}}};
  EXPECT_EQ(FaultBlocks(g, inside, traces).count(), 1);  // the search could go round the tips
  const auto extended = extend_to_barriers(traces, square(), 1e5);
  ASSERT_EQ(extended[0].size(), 4u);
  EXPECT_NEAR(extended[0].front().y, 4600000 - 1, 1e-6);
  EXPECT_NEAR(extended[0].back().y, 4601000 + 1, 1e-6);
  EXPECT_EQ(FaultBlocks(g, inside, extended).count(), 2);
}

TEST(FaultBlocks, GapIsAsWideAsTheHeaveOnTheHangingWall) {
  const auto g = unit_grid();
  Fault f;
  f.id = "F";
  f.trace = {{41500500, 4599000}, {41500500, 4602000}};  // middle (u = 0) at y = 4600500
  f.dip_deg = 45, f.dip_azimuth_deg = 90, f.max_throw = 100, f.trace_z = -300;
  const auto gap = fault_gap_mask(g, {f}, -300);
  // Throw at u: 100 (1 - u^2); at y = 4600505 u = 0.00333; heave = throw / tan(45) = throw: nodes at
  // x = 41500505 .. 41500595 are in the gap (offsets 5 .. 95 m < 99.9 m), x = 41500495 (west) is not.
  const std::size_t j = 50;
  std::size_t in_gap = 0;
  for (std::size_t i = 0; i < g.nx; ++i) in_gap += gap[g.index(i, j)];
  EXPECT_EQ(in_gap, 10u);
  EXPECT_EQ(gap[g.index(49, j)], 0);
  EXPECT_EQ(gap[g.index(50, j)], 1);
  EXPECT_EQ(gap[g.index(59, j)], 1);
  EXPECT_EQ(gap[g.index(60, j)], 0);
}
