#include "geostat/declustering.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace georeserve {

std::vector<double> cell_declustering_weights(const std::vector<double>& x, const std::vector<double>& y,
                                              const std::vector<double>& z, std::array<double, 3> cell, int offsets) {
  const std::size_t n = x.size();
  std::vector<double> w(n, 0.0);
  if (n == 0) return w;
  double lo[3] = {INFINITY, INFINITY, INFINITY};
  for (std::size_t i = 0; i < n; ++i) {
    lo[0] = std::min(lo[0], x[i]);
    lo[1] = std::min(lo[1], y[i]);
    lo[2] = std::min(lo[2], z[i]);
  }
  offsets = std::max(1, offsets);
  const int oz = cell[2] > 0 ? offsets : 1;
  int grids = 0;
  std::vector<std::tuple<long long, long long, long long>> key(n);
  for (int a = 0; a < offsets; ++a)
    for (int b = 0; b < offsets; ++b)
      for (int c = 0; c < oz; ++c) {
        const double shift[3] = {cell[0] * a / offsets, cell[1] * b / offsets, cell[2] * c / oz};
        auto index = [&](double v, int axis) -> long long {
          if (!(cell[static_cast<std::size_t>(axis)] > 0)) return 0;
          return static_cast<long long>(std::floor((v - lo[axis] + shift[axis]) / cell[static_cast<std::size_t>(axis)]));
        };
        std::map<std::tuple<long long, long long, long long>, int> count;
        for (std::size_t i = 0; i < n; ++i) {
          key[i] = {index(x[i], 0), index(y[i], 1), index(z[i], 2)};
          ++count[key[i]];
        }
        const double occupied = static_cast<double>(count.size());
        for (std::size_t i = 0; i < n; ++i) w[i] += static_cast<double>(n) / (occupied * count[key[i]]);
        ++grids;
      }
  for (double& v : w) v /= grids;
  return w;
}

double weighted_mean(const std::vector<double>& values, const std::vector<double>& weights) {
  double s = 0, t = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) continue;
    s += values[i] * weights[i];
    t += weights[i];
  }
  return t > 0 ? s / t : std::nan("");
}

}  // namespace georeserve
