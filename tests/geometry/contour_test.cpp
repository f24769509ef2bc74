// Tests of geometry/contour.h: exact bands of linear fields, convergence to circles for a cone,
// holes, missing data, pinches, line orientation, and bands that tile the grid.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "geometry/contour.h"
#include "geometry/polygon.h"
#include "geometry/validity.h"

namespace georeserve::geometry {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Field {
  std::vector<double> values;
  NodeGridView view;
};

template <class F>
Field make(std::size_t nx, std::size_t ny, double dx, F f) {
  Field out;
  out.values.resize(nx * ny);
  for (std::size_t j = 0; j < ny; ++j)
    for (std::size_t i = 0; i < nx; ++i) out.values[j * nx + i] = f(i * dx, j * dx);
  out.view = {0.0, 0.0, dx, dx, nx, ny, nullptr};
  return out;
}
NodeGridView view(const Field& f) {
  NodeGridView v = f.view;
  v.values = f.values.data();
  return v;
}

void expect_valid(const MultiPolygon& mp) {
  for (const Polygon& p : mp) {
    auto problem = polygon_problem(p);
    EXPECT_FALSE(problem) << *problem;
    EXPECT_GT(signed_area(p.outer), 0.0);
    for (const Ring& h : p.holes) EXPECT_LT(signed_area(h), 0.0);
  }
}

TEST(Contour, LinearFieldGivesExactStrip) {
  const Field f = make(11, 6, 1.0, [](double x, double) { return x; });
  const MultiPolygon band = contour_band(view(f), 2.5, 7.25);
  ASSERT_EQ(band.size(), 1u);
  EXPECT_NEAR(area(band), 4.75 * 5.0, 1e-9);
  EXPECT_EQ(band[0].outer.size(), 4u);  // collinear points merged: a rectangle
  expect_valid(band);
}

TEST(Contour, BandsTileTheGrid) {
  const Field f = make(31, 21, 2.0, [](double x, double y) { return std::sin(x / 9.0) * std::cos(y / 7.0) * 10; });
  const double total = 60.0 * 40.0;
  const double a = area(contour_band(view(f), -kInf, -3)) + area(contour_band(view(f), -3, 0.5)) +
                   area(contour_band(view(f), 0.5, 4)) + area(contour_band(view(f), 4, kInf));
  EXPECT_NEAR(a, total, 1e-7);
  expect_valid(contour_band(view(f), -3, 0.5));
}

TEST(Contour, ConeConvergesToDiskAndAnnulusHasHole) {
  double previous_error = 1.0;
  for (double dx : {4.0, 2.0, 1.0, 0.5}) {
    const std::size_t n = static_cast<std::size_t>(100 / dx) + 1;
    const Field f = make(n, n, dx, [](double x, double y) { return 45.0 - std::hypot(x - 50.0, y - 50.0); });
    const MultiPolygon disk = contour_band(view(f), 5.0, kInf);  // radius 40
    ASSERT_EQ(disk.size(), 1u);
    EXPECT_TRUE(disk[0].holes.empty());
    const double error = std::abs(area(disk) - M_PI * 1600.0) / (M_PI * 1600.0);
    EXPECT_LT(error, previous_error);
    previous_error = error;
    const MultiPolygon ring = contour_band(view(f), 5.0, 25.0);  // radii 40 and 20
    ASSERT_EQ(ring.size(), 1u);
    ASSERT_EQ(ring[0].holes.size(), 1u);
    EXPECT_NEAR(area(ring), M_PI * (1600.0 - 400.0), 0.02 * M_PI * 1200.0);
    expect_valid(ring);
  }
  EXPECT_LT(previous_error, 1e-3);
}

TEST(Contour, SeparatePeaksGiveSeparatePolygons) {
  const Field f = make(41, 21, 1.0, [](double x, double y) {
    return std::max(5.0 - std::hypot(x - 10, y - 10), 5.0 - std::hypot(x - 30, y - 10));
  });
  EXPECT_EQ(contour_band(view(f), 1.0, kInf).size(), 2u);
}

TEST(Contour, MissingDataCutsAHole) {
  Field f = make(10, 10, 1.0, [](double, double) { return 1.0; });
  f.values[5 * 10 + 5] = std::nan("");
  const MultiPolygon band = contour_band(view(f), 0.0, 2.0);
  ASSERT_EQ(band.size(), 1u);
  ASSERT_EQ(band[0].holes.size(), 1u);
  EXPECT_NEAR(area(band), 81.0 - 4.0, 1e-12);
  expect_valid(band);
}

TEST(Contour, PinchedCellsBecomeTwoValidPolygons) {
  // 2 x 2 cells; missing corners remove cells (1,0) and (0,1), so (0,0) and (1,1) touch at a point.
  Field f = make(3, 3, 1.0, [](double, double) { return 1.0; });
  f.values[0 * 3 + 2] = std::nan("");
  f.values[2 * 3 + 0] = std::nan("");
  const MultiPolygon band = contour_band(view(f), 0.0, 2.0);
  ASSERT_EQ(band.size(), 2u);
  EXPECT_NEAR(area(band[0]), 1.0, 1e-12);
  EXPECT_NEAR(area(band[1]), 1.0, 1e-12);
  expect_valid(band);
}

TEST(Contour, LinesKeepHigherValuesOnTheLeft) {
  const Field ramp = make(11, 6, 1.0, [](double x, double) { return x; });
  const auto open = contour_lines(view(ramp), 2.5);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_GT(open[0].front().y, open[0].back().y);  // runs south: east (higher) is on its left
  for (Point2 p : open[0]) EXPECT_NEAR(p.x, 2.5, 1e-12);

  const Field cone = make(21, 21, 1.0, [](double x, double y) { return 8.0 - std::hypot(x - 10, y - 10); });
  const auto loops = contour_lines(view(cone), 3.0);
  ASSERT_EQ(loops.size(), 1u);
  ASSERT_TRUE(loops[0].front() == loops[0].back());
  const Ring r(loops[0].begin(), loops[0].end() - 1);
  EXPECT_GT(signed_area(r), 0.0);  // counter-clockwise around the peak
  EXPECT_NEAR(signed_area(r), M_PI * 25.0, 0.02 * M_PI * 25.0);
}

TEST(Contour, EmptyInputs) {
  const Field f = make(1, 5, 1.0, [](double, double) { return 1.0; });
  EXPECT_TRUE(contour_band(view(f), 0.0, 2.0).empty());
  const Field g = make(5, 5, 1.0, [](double, double) { return 1.0; });
  EXPECT_TRUE(contour_band(view(g), 2.0, 3.0).empty());
  EXPECT_TRUE(contour_lines(view(g), 5.0).empty());
  EXPECT_NEAR(area(contour_band(view(g), 1.0, kInf)), 16.0, 1e-12);  // values equal to lo are inside
}

}  // namespace
}  // namespace georeserve::geometry
