// Marching tetrahedra: watertight, outward-facing surfaces with the right volume.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "mesh/isosurface.h"

using namespace georeserve;

namespace {
ScalarGrid sphere_field(double radius, double spacing, Eigen::Vector3d centre) {
  ScalarGrid g;
  const int n = static_cast<int>(std::ceil(2.6 * radius / spacing)) + 1;
  g.nodes = {n, n, n};
  g.spacing = Eigen::Vector3d::Constant(spacing);
  g.origin = centre - Eigen::Vector3d::Constant(1.3 * radius);
  g.values.resize(g.node_count());
  for (int k = 0; k < n; ++k)
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i) g.values[g.index(i, j, k)] = radius - (g.position(i, j, k) - centre).norm();
  return g;
}
}  // namespace

TEST(Isosurface, SphereIsClosedOrientedAndHasItsVolume) {
  const double r = 50;
  const auto mesh = extract_isosurface(sphere_field(r, 2.5, {41500000, 4700000, 100}));
  const auto check = check_mesh(mesh);
  EXPECT_TRUE(check.closed) << check.describe();
  EXPECT_TRUE(check.consistently_oriented) << check.describe();
  // Volume in local coordinates would be better conditioned; the divergence theorem is translation
  // invariant for closed meshes, so big Gauss-Kruger coordinates must still give the right answer.
  const double exact = 4.0 / 3.0 * std::numbers::pi * r * r * r;
  EXPECT_NEAR(mesh.volume() / exact, 1.0, 0.01);
  EXPECT_NEAR(mesh.area() / (4 * std::numbers::pi * r * r), 1.0, 0.02);
}

TEST(Isosurface, TouchingTheGridBoundaryLeavesItOpen) {
  ScalarGrid g;
  g.nodes = {4, 4, 4};
  g.values.assign(g.node_count(), 1.0);  // inside everywhere: no crossing at all
  EXPECT_TRUE(extract_isosurface(g).triangles.empty());
  g.values[g.index(0, 0, 0)] = -1;  // one corner outside: a small open cap
  const auto m = extract_isosurface(g);
  EXPECT_FALSE(m.triangles.empty());
  EXPECT_FALSE(check_mesh(m).closed);
}

TEST(Isosurface, TwoSeparateBodies) {
  auto a = sphere_field(10, 1.0, {0, 0, 0});
  // Add a second sphere in the same grid: max of two signed distances.
  for (int k = 0; k < a.nodes[2]; ++k)
    for (int j = 0; j < a.nodes[1]; ++j)
      for (int i = 0; i < a.nodes[0]; ++i) {
        const double d2 = 4 - (a.position(i, j, k) - Eigen::Vector3d(9, 9, 9)).norm();
        a.values[a.index(i, j, k)] = std::max(a.values[a.index(i, j, k)], d2);
      }
  const auto m = extract_isosurface(a);
  EXPECT_TRUE(check_mesh(m).closed);
  EXPECT_GT(m.volume(), 4.0 / 3.0 * std::numbers::pi * 1000 * 0.98);
}

TEST(Isosurface, NanNodesAreOutside) {
  auto g = sphere_field(10, 1.0, {0, 0, 0});
  for (auto& v : g.values)
    if (v < -2) v = std::nan("");
  EXPECT_TRUE(check_mesh(extract_isosurface(g)).closed);
}

TEST(ScalarGrid, TrilinearIsExactForLinearFields) {
  ScalarGrid g;
  g.nodes = {3, 4, 5};
  g.origin = {10, 20, 30};
  g.spacing = {2, 3, 4};
  g.values.resize(g.node_count());
  for (int k = 0; k < 5; ++k)
    for (int j = 0; j < 4; ++j)
      for (int i = 0; i < 3; ++i) {
        const auto p = g.position(i, j, k);
        g.values[g.index(i, j, k)] = 2 * p.x() - p.y() + 0.5 * p.z();
      }
  const Eigen::Vector3d p(11.3, 25.2, 41.7);
  EXPECT_NEAR(g.sample(p), 2 * p.x() - p.y() + 0.5 * p.z(), 1e-9);
}
