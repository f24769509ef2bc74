#include "mesh/scalar_grid.h"

#include <algorithm>
#include <cmath>

namespace georeserve {

double ScalarGrid::sample(const Eigen::Vector3d& p) const {
  int i0[3];
  double f[3];
  for (int a = 0; a < 3; ++a) {
    const int n = nodes[static_cast<std::size_t>(a)];
    double u = (p[a] - origin[a]) / spacing[a];
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
