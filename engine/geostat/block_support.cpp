#include "geostat/block_support.h"

namespace georeserve {

namespace {
int points_along(const BlockSupport& b, int axis) {
  const auto a = static_cast<std::size_t>(axis);
  return b.size[a] > 0 ? std::max(1, b.discretization[a]) : 1;
}
double offset_along(const BlockSupport& b, int axis, int k) {
  const auto a = static_cast<std::size_t>(axis);
  const int n = points_along(b, axis);
  return b.size[a] * (-0.5 + (1.0 / n) * (0.5 + k));
}
}  // namespace

std::size_t BlockSupport::point_count() const {
  return static_cast<std::size_t>(points_along(*this, 0) * points_along(*this, 1) * points_along(*this, 2));
}

std::vector<Eigen::Vector3d> BlockSupport::offsets() const {
  std::vector<Eigen::Vector3d> out;
  out.reserve(point_count());
  for (int i = 0; i < points_along(*this, 0); ++i)
    for (int j = 0; j < points_along(*this, 1); ++j)
      for (int k = 0; k < points_along(*this, 2); ++k)
        out.emplace_back(offset_along(*this, 0, i), offset_along(*this, 1, j), offset_along(*this, 2, k));
  return out;
}

}  // namespace georeserve
