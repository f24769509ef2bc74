// Block support for block kriging: a block of `size` (metres) centred on the target, discretised by
// a regular grid of `discretization` points per axis (gstat's regular discretisation, block.c: point k
// of n along an axis sits at -size/2 + (k + 1/2) size / n from the centre; each point weighs 1/N).
// An axis of size 0 has one point. 2D blocks have size[2] = 0.
#pragma once

#include <array>
#include <vector>

#include <Eigen/Core>

namespace georeserve {

struct BlockSupport {
  std::array<double, 3> size{0, 0, 0};
  std::array<int, 3> discretization{4, 4, 4};

  // Discretisation points as offsets from the block centre; x varies slowest, z fastest (gstat's order).
  std::vector<Eigen::Vector3d> offsets() const;
  std::size_t point_count() const;
};

}  // namespace georeserve
