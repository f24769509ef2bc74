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
  // The lattice may be turned about the vertical through `origin` (degrees counter-clockwise from
  // east), so that a grid along an orebody's strike need not be axis-aligned: far fewer nodes.
  double rotation_deg = 0;
  std::array<int, 3> nodes{0, 0, 0};                 // node counts along x, y, z
  std::vector<double> values;                        // i fastest; NaN = unknown

  std::size_t index(int i, int j, int k) const {
    return static_cast<std::size_t>(i) +
           static_cast<std::size_t>(nodes[0]) *
               (static_cast<std::size_t>(j) + static_cast<std::size_t>(nodes[1]) * static_cast<std::size_t>(k));
  }
  // World position of a node.
  Eigen::Vector3d position(int i, int j, int k) const {
    return to_world(Eigen::Vector3d(i * spacing.x(), j * spacing.y(), k * spacing.z()));
  }
  // Between world coordinates and the lattice frame (metres from origin along the lattice axes).
  Eigen::Vector3d to_world(const Eigen::Vector3d& lattice) const;
  Eigen::Vector3d to_lattice(const Eigen::Vector3d& world) const;
  std::size_t node_count() const {
    return static_cast<std::size_t>(nodes[0]) * static_cast<std::size_t>(nodes[1]) * static_cast<std::size_t>(nodes[2]);
  }
  // Trilinear interpolation; outside the grid, the nearest node's value along each axis (clamped).
  double sample(const Eigen::Vector3d& p) const;
};

}  // namespace georeserve
