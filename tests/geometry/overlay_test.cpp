// Tests of geometry/overlay.h against exact areas and against brute-force sampling.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "geometry/overlay.h"
#include "geometry/polygon.h"

namespace georeserve::geometry {
namespace {

Polygon rect(double x0, double y0, double x1, double y1) { return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}}; }

TEST(Overlay, RectanglesExact) {
  EXPECT_NEAR(intersection_area(rect(0, 0, 10, 10), rect(5, 5, 20, 20)), 25.0, 1e-12);
  EXPECT_NEAR(intersection_area(rect(0, 0, 10, 10), rect(2, 3, 4, 5)), 4.0, 1e-12);  // inside
  EXPECT_NEAR(intersection_area(rect(2, 3, 4, 5), rect(0, 0, 10, 10)), 4.0, 1e-12);
  EXPECT_NEAR(intersection_area(rect(0, 0, 10, 10), rect(20, 0, 30, 10)), 0.0, 1e-12);
}

TEST(Overlay, SharedEdgesCountOnce) {
  EXPECT_NEAR(intersection_area(rect(0, 0, 10, 10), rect(0, 0, 10, 10)), 100.0, 1e-12);  // identical
  EXPECT_NEAR(intersection_area(rect(0, 0, 10, 10), rect(10, 0, 20, 10)), 0.0, 1e-12);   // neighbours
  EXPECT_NEAR(intersection_area(rect(0, 0, 10, 10), rect(0, 0, 5, 10)), 50.0, 1e-12);    // three shared sides
  Polygon cw = rect(0, 0, 10, 10);
  std::reverse(cw.outer.begin(), cw.outer.end());
  EXPECT_NEAR(intersection_area(cw, rect(5, 0, 15, 10)), 50.0, 1e-12);  // any orientation
}

TEST(Overlay, HolesAreExcluded) {
  Polygon donut = rect(0, 0, 10, 10);
  donut.holes.push_back(rect(2, 2, 8, 8).outer);
  EXPECT_NEAR(intersection_area(donut, rect(0, 0, 10, 10)), 64.0, 1e-12);
  EXPECT_NEAR(intersection_area(donut, rect(5, 5, 15, 15)), 25.0 - 9.0, 1e-12);
  EXPECT_NEAR(intersection_area(donut, rect(3, 3, 7, 7)), 0.0, 1e-12);
  EXPECT_NEAR(intersection_area(MultiPolygon{donut, rect(20, 0, 30, 10)}, rect(5, 5, 25, 15)), 16.0 + 25.0, 1e-12);
}

TEST(Overlay, RandomStarsAgainstSampling) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.3, 1.0);
  auto star = [&](double cx, double cy, int n) {
    Polygon p;
    for (int k = 0; k < n; ++k) {
      const double a = 2 * M_PI * k / n;
      const double r = 40.0 * u(rng);
      p.outer.push_back({41500000.0 + cx + r * std::cos(a), 4600000.0 + cy + r * std::sin(a)});
    }
    return p;
  };
  for (int trial = 0; trial < 5; ++trial) {
    const Polygon a = star(0, 0, 13), b = star(25, 10, 9);
    // Midpoint-rule sampling on a 0.1 m lattice.
    const BoundingBox box = bounding_box(a);
    double sampled = 0.0;
    const double h = 0.1;
    for (double x = box.min_x + h / 2; x < box.max_x; x += h)
      for (double y = box.min_y + h / 2; y < box.max_y; y += h)
        if (contains(a, Point2{x, y}) && contains(b, Point2{x, y})) sampled += h * h;
    const double exact = intersection_area(a, b);
    EXPECT_NEAR(exact, sampled, 0.002 * area(a) + 1.0) << "trial " << trial;
    EXPECT_NEAR(intersection_area(b, a), exact, 1e-6 * area(a));
    EXPECT_LE(exact, std::min(area(a), area(b)) + 1e-9);
  }
}

}  // namespace
}  // namespace georeserve::geometry
