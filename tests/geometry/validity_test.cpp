// Tests of geometry/validity.h: every kind of invalid ring is named, valid shapes pass.
#include <gtest/gtest.h>

#include "geometry/validity.h"

namespace georeserve::geometry {
namespace {

TEST(Validity, ValidShapesPass) {
  EXPECT_FALSE(ring_problem({{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 4}, {0, 4}}));
  EXPECT_FALSE(polygon_problem(Polygon{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{{2, 2}, {2, 3}, {3, 3}, {3, 2}}}}));
  EXPECT_FALSE(find_self_intersection(Polygon{{{0, 0}, {1, 0}, {0, 1}}, {}}));
}

TEST(Validity, BowTieIsSelfIntersecting) {
  const auto p = ring_problem({{0, 0}, {10, 10}, {10, 0}, {0, 10}});
  ASSERT_TRUE(p);
  EXPECT_NE(p->find("edges 1 and 3 cross or touch at (5.00, 5.00)"), std::string::npos) << *p;
}

TEST(Validity, TouchingVertexAndSpikeAreFound) {
  // Vertex 5 touches edge 1 (a ring that pinches itself).
  EXPECT_TRUE(ring_problem({{0, 0}, {10, 0}, {10, 10}, {5, 10}, {5, 0.0}, {0, 10}}));
  // A spike: the ring runs out and straight back.
  EXPECT_TRUE(ring_problem({{0, 0}, {10, 0}, {10, 10}, {10, 5}, {0, 10}}));
}

TEST(Validity, DegenerateRings) {
  EXPECT_NE(ring_problem({{0, 0}, {1, 1}})->find("at least 3"), std::string::npos);
  EXPECT_NE(ring_problem({{0, 0}, {1, 1}, {2, 2}})->find("zero area"), std::string::npos);
  EXPECT_NE(ring_problem({{0, 0}, {1, 0}, {1, 0}, {0, 1}})->find("repeats"), std::string::npos);
  EXPECT_NE(ring_problem({{0, 0}, {1, 0}, {0, std::nan("")}})->find("finite"), std::string::npos);
}

TEST(Validity, HolesMustLieInsideAndApart) {
  const Ring outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  EXPECT_NE(polygon_problem(Polygon{outer, {{{20, 20}, {21, 20}, {21, 21}}}})->find("outside"), std::string::npos);
  EXPECT_NE(polygon_problem(Polygon{outer, {{{5, 5}, {15, 5}, {15, 6}, {5, 6}}}})->find("cross"), std::string::npos);
  EXPECT_NE(polygon_problem(Polygon{outer, {{{2, 2}, {8, 2}, {8, 8}, {2, 8}}, {{{3, 3}, {4, 3}, {4, 4}}}}})
                ->find("inside hole"),
            std::string::npos);
}

TEST(Validity, SegmentsTouch) {
  Point2 at;
  EXPECT_TRUE(segments_touch({0, 0}, {2, 2}, {0, 2}, {2, 0}, &at));
  EXPECT_DOUBLE_EQ(at.x, 1.0);
  EXPECT_TRUE(segments_touch({0, 0}, {2, 0}, {1, 0}, {3, 0}));   // collinear overlap
  EXPECT_TRUE(segments_touch({0, 0}, {2, 0}, {2, 0}, {3, 5}));   // shared end point
  EXPECT_FALSE(segments_touch({0, 0}, {2, 0}, {3, 0}, {4, 0}));  // collinear apart
  EXPECT_FALSE(segments_touch({0, 0}, {2, 0}, {0, 1}, {2, 1}));
}

}  // namespace
}  // namespace georeserve::geometry
