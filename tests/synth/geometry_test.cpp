// Coordinates and geometry of the generator: PROJ's EPSG:4490 -> EPSG:4529 against the Gauss-Kruger
// series (Karney's Krueger n-series, an independent oracle), polygon area and scaling, and the
// minimum-curvature path against a closed-form circle.
#include <gtest/gtest.h>

#include <cmath>

#include "synth/geodesy.h"
#include "synth/trace.h"

using namespace georeserve::synth;

namespace {
// Transverse Mercator by the Krueger series to n^3 (sub-millimetre within a few degrees of the meridian).
Point2 gauss_kruger(double lon, double lat, double lon0, double false_easting) {
  const double a = 6378137.0, f = 1.0 / 298.257222101, n = f / (2 - f);
  const double A = a / (1 + n) * (1 + n * n / 4 + n * n * n * n / 64);
  const double al[3] = {n / 2 - 2 * n * n / 3 + 5 * n * n * n / 16, 13 * n * n / 48 - 3 * n * n * n / 5, 61 * n * n * n / 240};
  const double phi = lat * M_PI / 180, dl = (lon - lon0) * M_PI / 180;
  const double e = std::sqrt(f * (2 - f));
  const double t = std::sinh(std::atanh(std::sin(phi)) - e * std::atanh(e * std::sin(phi)));
  const double xi = std::atan2(t, std::cos(dl)), eta = std::atanh(std::sin(dl) / std::sqrt(1 + t * t));
  double x = eta, y = xi;
  for (int j = 1; j <= 3; ++j) {
    x += al[j - 1] * std::cos(2 * j * xi) * std::sinh(2 * j * eta);
    y += al[j - 1] * std::sin(2 * j * xi) * std::cosh(2 * j * eta);
  }
  return {false_easting + A * x, A * y};
}
}  // namespace

TEST(SynthGeodesy, ProjMatchesGaussKrugerSeries) {
  const LonLatToGrid proj;
  for (const auto& [lon, lat] : std::vector<std::pair<double, double>>{{123.55, 42.47}, {123.0, 42.0}, {124.72, 42.74}, {121.6, 43.2}}) {
    const Point2 p = proj(lon, lat);
    const Point2 q = gauss_kruger(lon, lat, 123.0, 41500000.0);
    EXPECT_NEAR(p[0], q[0], 0.002) << lon << " " << lat;
    EXPECT_NEAR(p[1], q[1], 0.002) << lon << " " << lat;
    const Point2 back = proj.inverse(p[0], p[1]);
    EXPECT_NEAR(back[0], lon, 1e-9);
    EXPECT_NEAR(back[1], lat, 1e-9);
  }
  // Diaobingshan: easting with the zone prefix 41, about 45 km east of the central meridian.
  const Point2 d = proj(123.55, 42.47);
  EXPECT_NEAR(d[0], 41545231.12, 0.01);
  EXPECT_NEAR(d[1], 4703990.05, 0.01);
}

TEST(SynthGeodesy, PolygonAreaScaleAndInside) {
  const Ring square{{41500000, 4700000}, {41501000, 4700000}, {41501000, 4701000}, {41500000, 4701000}};
  EXPECT_DOUBLE_EQ(planar_area(square), 1e6);
  const Ring big = scale_to_area(square, 4e6);
  EXPECT_NEAR(planar_area(big), 4e6, 1e-3);
  EXPECT_NEAR(big[0][0], 41499500, 1e-6);
  const Point2 c = centroid(square);
  EXPECT_NEAR(c[0], 41500500, 1e-6);
  EXPECT_NEAR(c[1], 4700500, 1e-6);
  EXPECT_TRUE(point_in_ring(square, 41500500, 4700500));
  EXPECT_FALSE(point_in_ring(square, 41501500, 4700500));
  const LonLatToGrid proj;
  // 45 km east of the central meridian the grid scale is 1 + x^2 / 2R^2 = 1.000025, so a square
  // kilometre on the grid is about 50 m2 less on the ellipsoid.
  Ring east = square;
  for (Point2& p : east) p[0] += 45000.0;
  const double ell = ellipsoidal_area(east, proj);
  EXPECT_NEAR(ell, 1e6 * (1 - 2 * 45000.0 * 45000.0 / (2 * 6378000.0 * 6378000.0)), 3.0);
}

TEST(SynthTrace, MinimumCurvatureFollowsACircle) {
  // From straight down to horizontal east over 157.08 m: a quarter circle of radius 100 m.
  const double len = M_PI / 2 * 100.0;
  const DrillTrace t({0, 0, 0}, {{0, 90, -90}, {len, 90, 0}});
  for (double s : {0.0, 0.25, 0.5, 1.0}) {
    const auto p = t.at(s * len);
    const double ang = s * M_PI / 2;
    EXPECT_NEAR(p[0], 100.0 * (1 - std::cos(ang)), 1e-9);
    EXPECT_NEAR(p[1], 0.0, 1e-9);
    EXPECT_NEAR(p[2], -100.0 * std::sin(ang), 1e-9);
  }
  // Past the last station the hole goes straight on; before the first, in its direction.
  const auto end = t.at(len + 10);
  EXPECT_NEAR(end[0], 110.0, 1e-9);
  const DrillTrace v({5, 5, 100}, {{20, 0, -60}, {50, 0, -60}});
  const auto p10 = v.at(10);
  EXPECT_NEAR(p10[1], 5 + 10 * std::cos(60 * M_PI / 180), 1e-9);
  EXPECT_NEAR(p10[2], 100 - 10 * std::sin(60 * M_PI / 180), 1e-9);
}
