// Tests of geometry/offset.h: exact results for rectangles, orientation kept, collapse detected.
#include <gtest/gtest.h>

#include "geometry/offset.h"
#include "geometry/polygon.h"

namespace georeserve::geometry {
namespace {

TEST(Offset, RectangleShrinksAndGrowsExactly) {
  const Ring r{{0, 0}, {100, 0}, {100, 50}, {0, 50}};
  const auto in = offset_ring(r, -10);
  ASSERT_TRUE(in);
  EXPECT_NEAR(signed_area(*in), 80.0 * 30.0, 1e-9);
  const BoundingBox b = bounding_box(*in);
  EXPECT_NEAR(b.min_x, 10, 1e-12);
  EXPECT_NEAR(b.max_y, 40, 1e-12);
  const auto out = offset_ring(r, 5);
  ASSERT_TRUE(out);
  EXPECT_NEAR(signed_area(*out), 110.0 * 60.0, 1e-9);
}

TEST(Offset, ClockwiseRingKeepsOrientation) {
  const Ring cw{{0, 0}, {0, 50}, {100, 50}, {100, 0}};
  const auto in = offset_ring(cw, -10);
  ASSERT_TRUE(in);
  EXPECT_NEAR(signed_area(*in), -80.0 * 30.0, 1e-9);
}

TEST(Offset, ConcaveLShape) {
  // L shape of two 20 x 60 legs; inward by 2 keeps an L of legs 16 wide.
  const Ring l{{0, 0}, {60, 0}, {60, 20}, {20, 20}, {20, 60}, {0, 60}};
  const auto in = offset_ring(l, -2);
  ASSERT_TRUE(in);
  // Area of the shrunk L: outer 56 x 56 minus the notch 40 x 40 = 3136 - 1600.
  EXPECT_NEAR(signed_area(*in), 56.0 * 56.0 - 40.0 * 40.0, 1e-9);
}

TEST(Offset, TooLargeInwardOffsetCollapses) {
  const Ring r{{0, 0}, {100, 0}, {100, 50}, {0, 50}};
  EXPECT_FALSE(offset_ring(r, -25));
  EXPECT_FALSE(offset_ring(r, -30));
  EXPECT_FALSE(offset_ring(Ring{{0, 0}, {1, 1}, {2, 2}}, -0.1));
}

}  // namespace
}  // namespace georeserve::geometry
