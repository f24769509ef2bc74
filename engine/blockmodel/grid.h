// Geometry of a regular block model: origin, block size, counts and an optional rotation about the
// vertical axis. Index order: i (along the model's x axis) fastest, then j, then k (up).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include <Eigen/Core>

namespace georeserve {

class ConfigView;

struct BlockIndex {
  int i = 0, j = 0, k = 0;
};

class BlockGrid {
 public:
  BlockGrid() = default;
  // origin: the outer corner of block (0,0,0) (minimum x, y, z in the model frame), world metres.
  // rotation_deg: the model's x axis turned counter-clockwise from east about the origin (0 = aligned).
  BlockGrid(const Eigen::Vector3d& origin, const Eigen::Vector3d& block_size, const std::array<int, 3>& count,
            double rotation_deg = 0.0);

  // From {"origin": [x,y,z], "block_size": [dx,dy,dz], "count": [nx,ny,nz], "rotation": deg}.
  static BlockGrid from_config(const ConfigView& v);

  const Eigen::Vector3d& origin() const { return origin_; }
  const Eigen::Vector3d& block_size() const { return size_; }
  const std::array<int, 3>& count() const { return count_; }
  double rotation_deg() const { return rotation_deg_; }
  bool rotated() const { return rotation_deg_ != 0.0; }
  std::size_t block_count() const {
    return static_cast<std::size_t>(count_[0]) * static_cast<std::size_t>(count_[1]) * static_cast<std::size_t>(count_[2]);
  }
  double block_volume() const { return size_.prod(); }

  std::size_t index(int i, int j, int k) const {
    return static_cast<std::size_t>(i) + static_cast<std::size_t>(count_[0]) *
               (static_cast<std::size_t>(j) + static_cast<std::size_t>(count_[1]) * static_cast<std::size_t>(k));
  }
  std::size_t index(const BlockIndex& b) const { return index(b.i, b.j, b.k); }
  BlockIndex ijk(std::size_t index) const;

  // World <-> model frame (model frame: metres from the origin along the model axes).
  Eigen::Vector3d to_model(const Eigen::Vector3d& world) const;
  Eigen::Vector3d to_world(const Eigen::Vector3d& model) const;
  Eigen::Vector3d centre(int i, int j, int k) const;
  Eigen::Vector3d centre(std::size_t index) const { const auto b = ijk(index); return centre(b.i, b.j, b.k); }
  // The block containing a world point, if inside the model.
  std::optional<BlockIndex> locate(const Eigen::Vector3d& world) const;
  // World-space axis-aligned bounding box of the whole model (min, max).
  std::array<Eigen::Vector3d, 2> bounds() const;
  // Unit vectors of the model axes in world coordinates.
  Eigen::Vector3d axis(int a) const;

 private:
  Eigen::Vector3d origin_ = Eigen::Vector3d::Zero();
  Eigen::Vector3d size_ = Eigen::Vector3d::Ones();
  std::array<int, 3> count_{0, 0, 0};
  double rotation_deg_ = 0.0;
  double cos_ = 1.0, sin_ = 0.0;
};

}  // namespace georeserve
