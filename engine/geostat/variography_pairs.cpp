// Cell index and hole grouping behind PairScanner (variography_pairs.h).
#include "geostat/variography_pairs.h"

#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.h"

namespace georeserve::variography_detail {

PairScanner::PairScanner(const VariogramSamples& samples, double radius, PairSelection scope)
    : radius_(radius), radius2_(radius * radius * (1 + 1e-12)), scope_(scope) {
  samples.check_consistent();
  if (!(radius > 0) || !std::isfinite(radius)) throw Error("variogram: the largest lag distance must be positive");
  if (scope != PairSelection::all && samples.hole.empty())
    throw Error("variogram: down-hole or across-hole pairs need a hole column in the samples");
  if (scope == PairSelection::same_hole) build_holes(samples);
  else build_cells(samples);
}

void PairScanner::build_holes(const VariogramSamples& s) {
  by_hole_ = true;
  order_.resize(s.size());
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return s.hole[a] < s.hole[b]; });
  groups_.push_back(0);
  for (std::size_t i = 1; i < order_.size(); ++i)
    if (s.hole[order_[i]] != s.hole[order_[i - 1]]) groups_.push_back(i);
  groups_.push_back(order_.size());
  for (std::size_t i : order_) {
    x_.push_back(s.x[i]);
    y_.push_back(s.y[i]);
    z_.push_back(s.z[i]);
    v_.push_back(s.value[i]);
    hole_.push_back(s.hole[i]);
  }
}

void PairScanner::build_cells(const VariogramSamples& s) {
  const std::size_t n = s.size();
  double lo[3], hi[3];
  const std::vector<double>* axis[3] = {&s.x, &s.y, &s.z};
  for (int a = 0; a < 3; ++a) {
    lo[a] = std::numeric_limits<double>::infinity();
    hi[a] = -lo[a];
    for (double v : *axis[a]) {
      lo[a] = std::min(lo[a], v);
      hi[a] = std::max(hi[a], v);
    }
    if (n == 0) lo[a] = hi[a] = 0;
  }
  // Cells of radius / 2; coarser when the box would need more keys than 64 bits hold.
  double cell = radius_ / 2;
  std::int64_t count[3];
  for (;;) {
    long double total = 1;
    for (int a = 0; a < 3; ++a) {
      count[a] = static_cast<std::int64_t>(std::floor((hi[a] - lo[a]) / cell)) + 1;
      total *= static_cast<long double>(count[a]);
    }
    if (total < 1e18L) break;
    cell *= 2;
  }
  nx_ = count[0];
  ny_ = count[1];
  nz_ = count[2];
  const int m = static_cast<int>(std::ceil(radius_ / cell - 1e-12));

  std::vector<std::uint64_t> key(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto idx = [&](int a, double v) {
      return std::min<std::int64_t>(count[a] - 1, static_cast<std::int64_t>(std::floor((v - lo[a]) / cell)));
    };
    const std::int64_t ix = idx(0, s.x[i]), iy = idx(1, s.y[i]), iz = idx(2, s.z[i]);
    key[i] = static_cast<std::uint64_t>((iz * ny_ + iy) * nx_ + ix);
  }
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
  x_.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = order_[k];
    x_.push_back(s.x[i]);
    y_.push_back(s.y[i]);
    z_.push_back(s.z[i]);
    v_.push_back(s.value[i]);
    if (!s.hole.empty()) hole_.push_back(s.hole[i]);
    if (k == 0 || key[i] != keys_.back()) {
      keys_.push_back(key[i]);
      groups_.push_back(k);
    }
  }
  groups_.push_back(n);

  // Half stencil: rows (oy, oz) after the cell's own in key order; mx = reach along x in that row.
  const double r2 = radius_ * radius_;
  auto gap = [&](int o) {
    const double g = std::max(std::abs(o) - 1, 0) * cell;
    return g * g;
  };
  for (int oz = 0; oz <= m; ++oz)
    for (int oy = (oz == 0 ? 0 : -m); oy <= m; ++oy) {
      const double dyz = gap(oy) + gap(oz);
      if (dyz > r2) continue;
      const int mx = std::min(m, static_cast<int>(std::floor(1 + std::sqrt(r2 - dyz) / cell)));
      rows_.push_back({oy, oz, mx});
    }
}

void PairScanner::neighbour_ranges(std::size_t g, std::vector<Range>* out) const {
  out->clear();
  if (by_hole_) {
    out->push_back({groups_[g], groups_[g + 1], true});
    return;
  }
  const auto key = static_cast<std::int64_t>(keys_[g]);
  const std::int64_t ix = key % nx_, iy = (key / nx_) % ny_, iz = key / (nx_ * ny_);
  for (const Row& r : rows_) {
    const std::int64_t jy = iy + r.oy, jz = iz + r.oz;
    if (jy < 0 || jy >= ny_ || jz >= nz_) continue;
    const bool self = r.oy == 0 && r.oz == 0;
    const std::int64_t x0 = self ? ix : std::max<std::int64_t>(0, ix - r.mx);
    const std::int64_t x1 = std::min<std::int64_t>(nx_ - 1, ix + r.mx);
    const auto k0 = static_cast<std::uint64_t>((jz * ny_ + jy) * nx_ + x0);
    const auto k1 = static_cast<std::uint64_t>((jz * ny_ + jy) * nx_ + x1);
    const auto b = std::lower_bound(keys_.begin(), keys_.end(), k0);
    const auto e = std::upper_bound(b, keys_.end(), k1);
    if (b == e) continue;
    out->push_back({groups_[static_cast<std::size_t>(b - keys_.begin())],
                    groups_[static_cast<std::size_t>(e - keys_.begin())], self});
  }
}

}  // namespace georeserve::variography_detail
