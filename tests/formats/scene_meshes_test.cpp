// Tests of the 3D layer geometry (formats/scene_meshes.h, polygon_triangulation.h): exposed block faces
// of solid piles are closed surfaces enclosing exactly the shown blocks (checked by the divergence
// theorem), tubes and prisms are closed and outward with the closed-form volumes, and triangulations
// of polygons with holes cover exactly their area.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numbers>
#include <random>

#include "formats/polygon_triangulation.h"
#include "formats/scene_meshes.h"
#include "geometry/polygon.h"

namespace georeserve {
namespace {

using geometry::Point2;
using geometry::Polygon;

// The layer's triangles as a TriangleMesh with vertices at equal positions joined, for check_mesh.
TriangleMesh welded(const Layer3D& l) {
  TriangleMesh m;
  std::map<std::array<double, 3>, int> index;
  std::vector<int> id(l.positions.size());
  for (std::size_t v = 0; v < l.positions.size(); ++v) {
    const auto& p = l.positions[v];
    const std::array<double, 3> key{std::round(p.x() * 1e6) / 1e6, std::round(p.y() * 1e6) / 1e6, std::round(p.z() * 1e6) / 1e6};
    auto [it, added] = index.emplace(key, static_cast<int>(m.vertices.size()));
    if (added) m.vertices.push_back(p);
    id[v] = it->second;
  }
  for (const auto& t : l.triangles) m.triangles.push_back({id[t[0]], id[t[1]], id[t[2]]});
  return m;
}

TEST(SceneMeshes, ExposedFacesEncloseTheShownBlocks) {
  // A rotated 4 x 3 x 2 grid at Gauss-Kruger coordinates; random blocks shown.
  const BlockGrid grid({41512345.678, 4690123.456, -300.0}, {10, 8, 5}, {4, 3, 2}, 30.0);
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<bool> shown(grid.block_count());
    std::size_t count = 0;
    for (std::size_t b = 0; b < shown.size(); ++b) count += (shown[b] = rng() % 2 == 0);
    const Layer3D l = exposed_block_faces(grid, shown, std::vector<Rgb>(grid.block_count(), Rgb{1, 2, 3}), "blocks");
    const TriangleMesh m = welded(l);
    if (count == 0) {
      EXPECT_TRUE(l.triangles.empty());
      continue;
    }
    // Face pairs between shown blocks vanish; the rest bound the shown volume, outward.
    const auto c = check_mesh(m);
    EXPECT_EQ(c.boundary_edges, 0u);
    // Shift to the first vertex so the divergence theorem does not lose digits at 4e7 m.
    TriangleMesh local = m;
    for (auto& v : local.vertices) v -= m.vertices.front();
    EXPECT_NEAR(local.volume(), static_cast<double>(count) * grid.block_volume(), 1e-6 * grid.block_volume());
  }
}

TEST(SceneMeshes, OneBlockHasSixFacesWithItsColour) {
  const BlockGrid grid({0, 0, 0}, {2, 3, 4}, {2, 1, 1});
  const Layer3D l = exposed_block_faces(grid, {true, false}, {Rgb{9, 8, 7}, Rgb{0, 0, 0}}, "b");
  EXPECT_EQ(l.triangles.size(), 12u);
  EXPECT_EQ(l.vertex_colors.size(), l.positions.size());
  for (const Rgb& c : l.vertex_colors) EXPECT_EQ(c, (Rgb{9, 8, 7}));
  EXPECT_NEAR(welded(l).volume(), 24.0, 1e-9);
}

TEST(SceneMeshes, TubeIsClosedWithThePrismVolume) {
  const double r = 0.5, length = 100.0;
  const int sides = 8;
  const std::vector<std::vector<Eigen::Vector3d>> lines{{{0, 0, 0}, {0, 0, -50}, {0, 0, -50}, {0, 0, -100}}};
  const Layer3D l = tube_layer(lines, {Rgb{1, 1, 1}}, r, sides, "holes");
  const TriangleMesh m = welded(l);
  const auto c = check_mesh(m);
  EXPECT_TRUE(c.closed && c.consistently_oriented) << c.describe();
  const double polygon_area = 0.5 * sides * r * r * std::sin(2 * std::numbers::pi / sides);
  EXPECT_NEAR(m.volume(), polygon_area * length, 1e-6);  // positive: outward
}

TEST(SceneMeshes, PrismOfAPolygonWithAHole) {
  Polygon p{{{0, 0}, {100, 0}, {100, 60}, {0, 60}}, {{{20, 20}, {40, 20}, {40, 40}, {20, 40}}}};
  const Layer3D l = prism_layer({{p}}, {Rgb{5, 5, 5}}, 10.0, 30.0, "planning", 0.4);
  const TriangleMesh m = welded(l);
  const auto c = check_mesh(m);
  EXPECT_TRUE(c.closed && c.consistently_oriented) << c.describe();
  EXPECT_NEAR(m.volume(), (6000.0 - 400.0) * 20.0, 1e-6);
}

double triangles_area(const PolygonTriangles& t) {
  double a = 0;
  for (const auto& tri : t.triangles) {
    const double s = geometry::cross(t.points[static_cast<std::size_t>(tri[1])] - t.points[static_cast<std::size_t>(tri[0])],
                                     t.points[static_cast<std::size_t>(tri[2])] - t.points[static_cast<std::size_t>(tri[0])]) / 2;
    EXPECT_GT(s, 0.0);  // counter-clockwise
    a += s;
  }
  return a;
}

TEST(Triangulation, StarPolygonsWithHolesCoverTheirArea) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> radius(60.0, 100.0);
  for (int trial = 0; trial < 50; ++trial) {
    Polygon p;
    const int n = 5 + trial % 40;
    for (int k = 0; k < n; ++k) {
      const double a = 2 * std::numbers::pi * k / n;
      const double r = radius(rng);
      p.outer.push_back({41500000.0 + r * std::cos(a), 4600000.0 + r * std::sin(a)});
    }
    // Two small square holes well inside the star's inner radius (60 m), on either side of the centre.
    for (double cx : {-25.0, 15.0})
      p.holes.push_back({{41500000.0 + cx, 4600000.0 - 5}, {41500000.0 + cx, 4600000.0 + 5}, {41500000.0 + cx + 8, 4600000.0 + 5},
                         {41500000.0 + cx + 8, 4600000.0 - 5}});
    if (trial % 2) std::reverse(p.outer.begin(), p.outer.end());  // any orientation on input
    const PolygonTriangles t = triangulate(p);
    EXPECT_EQ(t.triangles.size(), static_cast<std::size_t>(n + 4 + 4 + 2 * 2 - 2)) << "n = " << n;
    EXPECT_NEAR(triangles_area(t), geometry::area(p), 1e-6 * geometry::area(p)) << "n = " << n;
  }
}

TEST(Triangulation, ConcaveComb) {
  // A comb: many reflex vertices.
  Polygon p;
  p.outer.push_back({0, 0});
  p.outer.push_back({100, 0});
  for (int k = 9; k >= 0; --k) {
    p.outer.push_back({k * 10.0 + 10, 50});
    p.outer.push_back({k * 10.0 + 5, 50});
    p.outer.push_back({k * 10.0 + 5, 10});
    p.outer.push_back({k * 10.0, 10});
  }
  const PolygonTriangles t = triangulate(p);
  EXPECT_NEAR(triangles_area(t), geometry::area(p), 1e-9);
  EXPECT_EQ(t.triangles.size(), p.outer.size() - 2);
}

}  // namespace
}  // namespace georeserve
