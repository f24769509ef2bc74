#include "mesh/scalar_grid.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace georeserve {

Eigen::Vector3d ScalarGrid::to_world(const Eigen::Vector3d& l) const {
  if (rotation_deg == 0) return origin + l;
  const double a = rotation_deg * std::numbers::pi / 180, c = std::cos(a), s = std::sin(a);
  return origin + Eigen::Vector3d(c * l.x() - s * l.y(), s * l.x() + c * l.y(), l.z());
}

Eigen::Vector3d ScalarGrid::to_lattice(const Eigen::Vector3d& w) const {
  const Eigen::Vector3d d = w - origin;
  if (rotation_deg == 0) return d;
  const double a = rotation_deg * std::numbers::pi / 180, c = std::cos(a), s = std::sin(a);
  return {c * d.x() + s * d.y(), -s * d.x() + c * d.y(), d.z()};
}

double ScalarGrid::sample(const Eigen::Vector3d& world) const {
  const Eigen::Vector3d p = to_lattice(world);
  int i0[3];
  double f[3];
  for (int a = 0; a < 3; ++a) {
    const int n = nodes[static_cast<std::size_t>(a)];
    double u = p[a] / spacing[a];
    u = std::clamp(u, 0.0, static_cast<double>(n - 1));
    int i = std::min(static_cast<int>(std::floor(u)), std::max(n - 2, 0));
    i0[a] = i;
    f[a] = n > 1 ? u - i : 0.0;
  }
  auto v = [&](int di, int dj, int dk) {
    const int i = std::min(i0[0] + di, nodes[0] - 1), j = std::min(i0[1] + dj, nodes[1] - 1),
              k = std::min(i0[2] + dk, nodes[2] - 1);
    return values[index(i, j, k)];
  };
  const double c00 = v(0, 0, 0) * (1 - f[0]) + v(1, 0, 0) * f[0];
  const double c10 = v(0, 1, 0) * (1 - f[0]) + v(1, 1, 0) * f[0];
  const double c01 = v(0, 0, 1) * (1 - f[0]) + v(1, 0, 1) * f[0];
  const double c11 = v(0, 1, 1) * (1 - f[0]) + v(1, 1, 1) * f[0];
  const double c0 = c00 * (1 - f[1]) + c10 * f[1];
  const double c1 = c01 * (1 - f[1]) + c11 * f[1];
  return c0 * (1 - f[2]) + c1 * f[2];
}

}  // namespace georeserve
