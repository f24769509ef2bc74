#include "blockmodel/grid.h"

#include <cmath>
#include <numbers>

#include "core/error.h"
#include "io/json_config.h"

namespace georeserve {

BlockGrid::BlockGrid(const Eigen::Vector3d& origin, const Eigen::Vector3d& block_size, const std::array<int, 3>& count,
                     double rotation_deg)
    : origin_(origin), size_(block_size), count_(count), rotation_deg_(rotation_deg) {
  const double a = rotation_deg * std::numbers::pi / 180.0;
  cos_ = std::cos(a);
  sin_ = std::sin(a);
}

BlockGrid BlockGrid::from_config(const ConfigView& v) {
  v.allow_only({"origin", "block_size", "count", "rotation"});
  const auto o = v.numbers("origin", 3), s = v.numbers("block_size", 3), n = v.numbers("count", 3);
  for (int a = 0; a < 3; ++a) {
    if (!(s[static_cast<std::size_t>(a)] > 0)) v.fail_at("block_size", "every block size must be positive");
    const double c = n[static_cast<std::size_t>(a)];
    if (!(c >= 1) || c != std::floor(c) || c > 1e6) v.fail_at("count", "counts must be whole numbers from 1 to 1e6");
  }
  const double rotation = v.number_in("rotation", 0.0, -360.0, 360.0);
  return BlockGrid({o[0], o[1], o[2]}, {s[0], s[1], s[2]},
                   {static_cast<int>(n[0]), static_cast<int>(n[1]), static_cast<int>(n[2])}, rotation);
}

BlockIndex BlockGrid::ijk(std::size_t index) const {
  const auto nx = static_cast<std::size_t>(count_[0]), ny = static_cast<std::size_t>(count_[1]);
  return {static_cast<int>(index % nx), static_cast<int>((index / nx) % ny), static_cast<int>(index / (nx * ny))};
}

Eigen::Vector3d BlockGrid::to_model(const Eigen::Vector3d& world) const {
  const Eigen::Vector3d d = world - origin_;
  return {cos_ * d.x() + sin_ * d.y(), -sin_ * d.x() + cos_ * d.y(), d.z()};
}

Eigen::Vector3d BlockGrid::to_world(const Eigen::Vector3d& m) const {
  return origin_ + Eigen::Vector3d(cos_ * m.x() - sin_ * m.y(), sin_ * m.x() + cos_ * m.y(), m.z());
}

Eigen::Vector3d BlockGrid::centre(int i, int j, int k) const {
  return to_world({(i + 0.5) * size_.x(), (j + 0.5) * size_.y(), (k + 0.5) * size_.z()});
}

std::optional<BlockIndex> BlockGrid::locate(const Eigen::Vector3d& world) const {
  const Eigen::Vector3d m = to_model(world);
  BlockIndex b;
  int* out[3] = {&b.i, &b.j, &b.k};
  for (int a = 0; a < 3; ++a) {
    const double f = std::floor(m[a] / size_[a]);
    if (f < 0 || f >= count_[static_cast<std::size_t>(a)]) return std::nullopt;
    *out[a] = static_cast<int>(f);
  }
  return b;
}

std::array<Eigen::Vector3d, 2> BlockGrid::bounds() const {
  Eigen::Vector3d lo = Eigen::Vector3d::Constant(INFINITY), hi = Eigen::Vector3d::Constant(-INFINITY);
  for (int c = 0; c < 8; ++c) {
    const Eigen::Vector3d m((c & 1) ? count_[0] * size_.x() : 0, (c & 2) ? count_[1] * size_.y() : 0,
                            (c & 4) ? count_[2] * size_.z() : 0);
    const Eigen::Vector3d w = to_world(m);
    lo = lo.cwiseMin(w);
    hi = hi.cwiseMax(w);
  }
  return {lo, hi};
}

Eigen::Vector3d BlockGrid::axis(int a) const {
  if (a == 0) return {cos_, sin_, 0};
  if (a == 1) return {-sin_, cos_, 0};
  return {0, 0, 1};
}

}  // namespace georeserve
