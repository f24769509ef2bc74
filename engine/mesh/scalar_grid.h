// A scalar field sampled at the nodes of a regular, axis-aligned 3D grid (implicit models,
// signed-distance fields), with trilinear interpolation.
#pragma once

#include <array>
#include <vector>

#include <Eigen/Core>

namespace georeserve {

struct ScalarGrid {
  Eigen::Vector3d origin = Eigen::Vector3d::Zero();  // position of node (0,0,0)
  Eigen::Vector3d spacing = Eigen::Vector3d::Ones();
  std::array<int, 3> nodes{0, 0, 0};                 // node counts along x, y, z
  std::vector<double> values;                        // i fastest; NaN = unknown

  std::size_t index(int i, int j, int k) const {
    return static_cast<std::size_t>(i) +
           static_cast<std::size_t>(nodes[0]) *
               (static_cast<std::size_t>(j) + static_cast<std::size_t>(nodes[1]) * static_cast<std::size_t>(k));
  }
  Eigen::Vector3d position(int i, int j, int k) const {
    return origin + Eigen::Vector3d(i * spacing.x(), j * spacing.y(), k * spacing.z());
  }
  std::size_t node_count() const {
    return static_cast<std::size_t>(nodes[0]) * static_cast<std::size_t>(nodes[1]) * static_cast<std::size_t>(nodes[2]);
  }
  // Trilinear interpolation; outside the grid, the nearest node's value along each axis (clamped).
  double sample(const Eigen::Vector3d& p) const;
};

}  // namespace georeserve
