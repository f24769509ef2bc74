// Tests of geometry/polygon.h: areas, orientation, point-in-polygon, boxes, centroids, clean-up.
#include <gtest/gtest.h>

#include "geometry/polygon.h"

namespace georeserve::geometry {
namespace {

Ring square(double x0, double y0, double size) { return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}}; }

TEST(Polygon, SignedAreaFollowsOrientation) {
  Ring r = square(0, 0, 10);
  EXPECT_DOUBLE_EQ(signed_area(r), 100.0);
  std::reverse(r.begin(), r.end());
  EXPECT_DOUBLE_EQ(signed_area(r), -100.0);
  EXPECT_FALSE(is_counter_clockwise(r));
}

TEST(Polygon, AreaKeepsPrecisionAtLargeFalseEasting) {
  // A 1 m x 1 m square at Gauss-Kruger coordinates with zone prefix.
  const Ring r = square(41500000.25, 4600000.5, 1.0);
  EXPECT_NEAR(signed_area(r), 1.0, 1e-9);
}

TEST(Polygon, AreaSubtractsHolesAndOrientNormalises) {
  Polygon p{square(0, 0, 10), {square(2, 2, 3)}};
  EXPECT_DOUBLE_EQ(area(p), 91.0);
  std::reverse(p.outer.begin(), p.outer.end());
  orient(p);
  EXPECT_GT(signed_area(p.outer), 0.0);
  EXPECT_LT(signed_area(p.holes[0]), 0.0);
  EXPECT_DOUBLE_EQ(area(MultiPolygon{p, Polygon{square(20, 0, 1), {}}}), 92.0);
}

TEST(Polygon, ContainsRespectsHoles) {
  const Polygon p{square(0, 0, 10), {square(2, 2, 3)}};
  EXPECT_TRUE(contains(p, {1, 1}));
  EXPECT_FALSE(contains(p, {3, 3}));
  EXPECT_FALSE(contains(p, {11, 1}));
  EXPECT_TRUE(contains(MultiPolygon{Polygon{square(20, 0, 1), {}}, p}, {9, 9}));
  // Concave: an L shape.
  const Ring l{{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 4}, {0, 4}};
  EXPECT_TRUE(contains(l, {0.5, 3}));
  EXPECT_FALSE(contains(l, {2, 2}));
  EXPECT_TRUE(on_boundary(l, {2, 1}, 1e-9));
  EXPECT_FALSE(on_boundary(l, {2, 1.1}, 1e-3));
}

TEST(Polygon, BoxesAndCentroid) {
  const Ring r = square(5, 6, 2);
  const BoundingBox b = bounding_box(r);
  EXPECT_EQ(b.min_x, 5);
  EXPECT_EQ(b.max_y, 8);
  EXPECT_DOUBLE_EQ(b.distance({10, 8}), 3.0);
  EXPECT_DOUBLE_EQ(b.distance({6, 7}), 0.0);
  const Point2 c = centroid(r);
  EXPECT_DOUBLE_EQ(c.x, 6.0);
  EXPECT_DOUBLE_EQ(c.y, 7.0);
  // Triangle centroid = vertex mean.
  const Point2 t = centroid(Ring{{0, 0}, {3, 0}, {0, 3}});
  EXPECT_DOUBLE_EQ(t.x, 1.0);
  EXPECT_DOUBLE_EQ(t.y, 1.0);
}

TEST(Polygon, ClosedCoordinatesLoseTheirRepeat) {
  const std::vector<Point2> closed{{0, 0}, {1, 0}, {1, 1}, {0, 0}};
  EXPECT_TRUE(is_closed(closed));
  EXPECT_EQ(ring_from_closed_coordinates(closed).size(), 3u);
  const std::vector<Point2> open{{0, 0}, {1, 0}, {1, 1}};
  EXPECT_FALSE(is_closed(open));
  EXPECT_EQ(ring_from_coordinates(open).size(), 3u);
}

TEST(Polygon, RedundantVerticesGoAreaStays) {
  const Ring r{{0, 0}, {5, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 5}};
  const Ring clean = without_redundant_vertices(r, 1e-9);
  EXPECT_EQ(clean.size(), 4u);
  EXPECT_DOUBLE_EQ(signed_area(clean), 100.0);
  // A triangle is never reduced below three vertices.
  EXPECT_EQ(without_redundant_vertices(Ring{{0, 0}, {1, 0}, {0, 1}}, 1e-9).size(), 3u);
}

}  // namespace
}  // namespace georeserve::geometry
