// Tests of the influence integrals: Owen's T against quadrature, the closed form of a rectangular
// panel (DESIGN.md section 5), and the exact polygon integration against rectangles, unions and
// brute-force quadrature.
#include <gtest/gtest.h>

#include <cmath>

#include "subsidence/influence.h"
#include "subsidence/owens_t.h"

namespace georeserve::subsidence {
namespace {

// Composite Simpson rule with n (even) intervals.
template <class F>
double simpson(F f, double a, double b, int n) {
  const double h = (b - a) / n;
  double s = f(a) + f(b);
  for (int k = 1; k < n; ++k) s += (k % 2 ? 4.0 : 2.0) * f(a + k * h);
  return s * h / 3.0;
}

double owens_t_reference(double h, double a) {
  // Substituting x = tan(psi) makes the integrand smooth and bounded on any a.
  return simpson([h](double psi) { return std::exp(-0.5 * h * h / (std::cos(psi) * std::cos(psi))); }, 0.0,
                 std::atan(a), 20000) /
         (2.0 * M_PI);
}

TEST(OwensT, MatchesQuadratureAndIdentities) {
  for (double h : {0.0, 0.05, 0.3, 1.0, 2.2, 4.0, 7.0, 11.0})
    for (double a : {0.001, 0.2, 0.7, 1.0, 1.3, 5.0, 80.0, 1e6}) {
      EXPECT_NEAR(owens_t(h, a), owens_t_reference(h, a), 3e-14) << "h " << h << " a " << a;
      EXPECT_DOUBLE_EQ(owens_t(h, -a), -owens_t(h, a));
      EXPECT_DOUBLE_EQ(owens_t(-h, a), owens_t(h, a));
    }
  for (double h : {0.1, 1.0, 3.0}) {
    const double phi = 1.0 - normal_upper_tail(h);
    EXPECT_NEAR(owens_t(h, 1.0), 0.5 * phi * (1.0 - phi), 1e-16);
    EXPECT_NEAR(owens_t(h, INFINITY), 0.5 * normal_upper_tail(h), 1e-16);
  }
  EXPECT_NEAR(owens_t(0.0, 1.0), 0.125, 1e-16);
  EXPECT_EQ(owens_t(2.0, 0.0), 0.0);
}

// Independent statement of DESIGN.md section 5: C(x) = 1/2 [erf(sqrt(pi) x / r) - erf(sqrt(pi) (x - l) / r)].
double design_c(double x, double l, double r) {
  return 0.5 * (std::erf(std::sqrt(M_PI) * x / r) - std::erf(std::sqrt(M_PI) * (x - l) / r));
}

TEST(Strip, IsTheErfProfileWithAnalyticDerivatives) {
  const double r = 250.0, l = 600.0;
  for (double x = -800; x <= 1400; x += 37.5) {
    const Strip s = strip(x, 0.0, l, r);
    EXPECT_NEAR(s.c, design_c(x, l, r), 1e-15);
    const double h = 1e-3;
    EXPECT_NEAR(s.dc, (design_c(x + h, l, r) - design_c(x - h, l, r)) / (2 * h), 1e-10);
    EXPECT_NEAR(s.ddc, (strip(x + h, 0, l, r).dc - strip(x - h, 0, l, r).dc) / (2 * h), 1e-11);
  }
  // Half of the full value at the edges of a wide strip, full value in the middle.
  EXPECT_NEAR(strip(0.0, 0.0, 1e5, r).c, 0.5, 1e-15);
  EXPECT_NEAR(strip(5e4, 0.0, 1e5, r).c, 1.0, 1e-15);
}

UnitResponse rect(Point2 p, double x0, double y0, double x1, double y1, double r) {
  return InfluenceShape(Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, r).at(p);
}

void expect_same(const UnitResponse& a, const UnitResponse& b, double tol, double r, const std::string& where) {
  EXPECT_NEAR(a.w, b.w, tol) << where;
  EXPECT_NEAR(a.gx * r, b.gx * r, tol) << where;
  EXPECT_NEAR(a.gy * r, b.gy * r, tol) << where;
  EXPECT_NEAR(a.gxx * r * r, b.gxx * r * r, tol) << where;
  EXPECT_NEAR(a.gxy * r * r, b.gxy * r * r, tol) << where;
  EXPECT_NEAR(a.gyy * r * r, b.gyy * r * r, tol) << where;
}

TEST(Influence, PolygonFormulaEqualsRectangleProduct) {
  // An extra vertex on the bottom edge turns off the rectangle fast path: same outline, other formula.
  const double r = 180.0;
  const InfluenceShape as_polygon(Ring{{0, 0}, {150, 0}, {400, 0}, {400, 300}, {0, 300}}, r);
  ASSERT_FALSE(as_polygon.is_rectangle());
  for (double x = -500; x <= 900; x += 61.3)
    for (double y = -500; y <= 800; y += 47.9) {
      const Point2 p{x, y};
      expect_same(as_polygon.at(p), rect(p, 0, 0, 400, 300, r), 1e-13, r, "at " + std::to_string(x) + "," + std::to_string(y));
    }
  // On edges, at vertices and on an edge's extension (h = 0 cases).
  for (Point2 p : {Point2{0, 0}, Point2{150, 0}, Point2{200, 0}, Point2{400, 150}, Point2{-100, 0}, Point2{0, 300}})
    expect_same(as_polygon.at(p), rect(p, 0, 0, 400, 300, r), 1e-13, r, "on the boundary");
  EXPECT_NEAR(as_polygon.at({200, 0}).w, 0.5 * strip(200, 0, 400, r).c * 2 * strip(0, 0, 300, r).c, 1e-15);
}

TEST(Influence, RotatedRectangleEqualsAxisAlignedInItsFrame) {
  const double r = 200.0, c = std::cos(0.6), s = std::sin(0.6);
  auto rot = [&](Point2 p) { return Point2{41500000.0 + c * p.x - s * p.y, 4600000.0 + s * p.x + c * p.y}; };
  const Ring local{{0, 0}, {500, 0}, {500, 200}, {0, 200}};
  Ring world;
  for (Point2 p : local) world.push_back(rot(p));
  const InfluenceShape rotated(world, r);
  ASSERT_TRUE(rotated.is_rectangle());
  ASSERT_FALSE(rotated.is_axis_aligned_rectangle());
  // The same rectangle as a polygon (extra vertex), in world coordinates.
  Ring world5 = world;
  world5.insert(world5.begin() + 1, rot({250, 0}));
  const InfluenceShape rotated_polygon(world5, r);
  for (double x = -400; x <= 900; x += 97)
    for (double y = -400; y <= 600; y += 83) {
      const UnitResponse a = rotated.at(rot({x, y}));
      const UnitResponse b = rect({x, y}, 0, 0, 500, 200, r);
      // Tolerances allow for rounding of coordinates near 41,500,000 m (7e-9 m).
      EXPECT_NEAR(a.w, b.w, 1e-10);
      // The gradient turns with the frame.
      EXPECT_NEAR(a.gx, c * b.gx - s * b.gy, 1e-10 / r);
      EXPECT_NEAR(a.gy, s * b.gx + c * b.gy, 1e-10 / r);
      EXPECT_NEAR(a.gxx + a.gyy, b.gxx + b.gyy, 1e-9 / (r * r));  // the Laplacian is invariant
      expect_same(rotated_polygon.at(rot({x, y})), a, 1e-10, r, "rotated polygon");
    }
}

TEST(Influence, LShapeIsTheSumOfItsRectangles) {
  const double r = 150.0;
  const InfluenceShape l(Ring{{0, 0}, {600, 0}, {600, 200}, {200, 200}, {200, 700}, {0, 700}}, r);
  for (double x = -300; x <= 900; x += 71)
    for (double y = -300; y <= 1000; y += 89) {
      const Point2 p{x, y};
      const UnitResponse a = rect(p, 0, 0, 600, 200, r), b = rect(p, 0, 200, 200, 700, r);
      UnitResponse sum{a.w + b.w, a.gx + b.gx, a.gy + b.gy, a.gxx + b.gxx, a.gxy + b.gxy, a.gyy + b.gyy};
      expect_same(l.at(p), sum, 1e-13, r, "L shape");
    }
}

TEST(Influence, TriangleAgainstBruteForceQuadrature) {
  const double r = 120.0;
  const Point2 A{0, 0}, B{300, 40}, C{90, 260};
  const InfluenceShape tri(Ring{A, B, C}, r);
  // Integrate G over the triangle by Simpson in barycentric-free form: x from the triangle's left to
  // right edge for each y (the triangle is split at C.y and B.y).
  auto brute = [&](Point2 p) {
    auto g = [&](double x, double y) { return std::exp(-M_PI * ((x - p.x) * (x - p.x) + (y - p.y) * (y - p.y)) / (r * r)) / (r * r); };
    auto x_on = [](Point2 u, Point2 v, double y) { return u.x + (y - u.y) * (v.x - u.x) / (v.y - u.y); };
    auto row = [&](double y) {
      // Left boundary: A-C; right boundary: A-B below B.y, B-C above.
      const double xl = x_on(A, C, y), xr = y <= B.y ? x_on(A, B, y) : x_on(B, C, y);
      return simpson([&](double x) { return g(x, y); }, xl, xr, 800);
    };
    return simpson(row, 0.0, B.y, 200) + simpson(row, B.y, C.y, 800);
  };
  for (Point2 p : {Point2{120, 90}, Point2{0, 0}, Point2{-80, 150}, Point2{350, 300}, Point2{200, 20}}) {
    const double exact = tri.at(p).w;
    EXPECT_NEAR(exact, brute(p), 1e-9) << p.x << "," << p.y;
    // Derivatives against differences of the exact w (the formula's own consistency).
    const double h = 1e-2;
    const UnitResponse u = tri.at(p);
    EXPECT_NEAR(u.gx, (tri.at({p.x + h, p.y}).w - tri.at({p.x - h, p.y}).w) / (2 * h), 1e-9);
    EXPECT_NEAR(u.gy, (tri.at({p.x, p.y + h}).w - tri.at({p.x, p.y - h}).w) / (2 * h), 1e-9);
    EXPECT_NEAR(u.gxx, (tri.at({p.x + h, p.y}).gx - tri.at({p.x - h, p.y}).gx) / (2 * h), 1e-10);
    EXPECT_NEAR(u.gxy, (tri.at({p.x, p.y + h}).gx - tri.at({p.x, p.y - h}).gx) / (2 * h), 1e-10);
    EXPECT_NEAR(u.gyy, (tri.at({p.x, p.y + h}).gy - tri.at({p.x, p.y - h}).gy) / (2 * h), 1e-10);
  }
}

TEST(Influence, FineCircleConvergesToDiskFormula) {
  // At the centre of a disk of radius R: w = 1 - exp(-pi R^2 / r^2).
  const double r = 100.0, R = 130.0;
  double previous = 1.0;
  for (int n : {16, 64, 256, 1024}) {
    Ring ring;
    // Equal-area polygon: vertices on a slightly larger circle so the polygon's area is pi R^2.
    const double Rv = R * std::sqrt(2 * M_PI / (n * std::sin(2 * M_PI / n)));
    for (int k = 0; k < n; ++k) ring.push_back({Rv * std::cos(2 * M_PI * k / n), Rv * std::sin(2 * M_PI * k / n)});
    const double err = std::abs(InfluenceShape(ring, r).at({0, 0}).w - (1 - std::exp(-M_PI * R * R / (r * r))));
    EXPECT_LT(err, previous);
    previous = err;
  }
  EXPECT_LT(previous, 1e-6);
}

}  // namespace
}  // namespace georeserve::subsidence
