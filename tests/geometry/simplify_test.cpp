// Tests of geometry/simplify.h: collinear and near-collinear vertices go, corners stay, and every
// dropped vertex is within the tolerance of the result.
#include <gtest/gtest.h>

#include <cmath>

#include "geometry/polygon.h"
#include "geometry/simplify.h"

namespace georeserve::geometry {
namespace {

TEST(Simplify, DropsNearlyStraightVerticesKeepsCorners) {
  Polyline line;
  for (int k = 0; k <= 100; ++k) line.push_back({static_cast<double>(k), 0.001 * std::sin(k)});
  line.push_back({100, 50});
  const Polyline s = simplify_polyline(line, 0.01);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s[1] == (Point2{100, 0.001 * std::sin(100.0)}));
  for (Point2 p : line) {
    double d = 1e9;
    for (std::size_t k = 0; k + 1 < s.size(); ++k) d = std::min(d, distance_to_segment(p, s[k], s[k + 1]));
    EXPECT_LE(d, 0.01);
  }
  EXPECT_EQ(simplify_polyline(line, 0.0).size(), line.size());
}

TEST(Simplify, CircleRingKeepsItsShape) {
  Ring circle;
  for (int k = 0; k < 720; ++k) circle.push_back({100 * std::cos(k * M_PI / 360), 100 * std::sin(k * M_PI / 360)});
  const Ring s = simplify_ring(circle, 0.5);
  EXPECT_LT(s.size(), 60u);
  EXPECT_GT(s.size(), 10u);
  EXPECT_NEAR(signed_area(s), signed_area(circle), 0.01 * signed_area(circle));
  EXPECT_EQ(simplify_ring(Ring{{0, 0}, {1, 0}, {0, 1}}, 10).size(), 3u);
}

}  // namespace
}  // namespace georeserve::geometry
