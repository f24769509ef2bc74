// Geometric anisotropy in one place (GSLIB convention, DESIGN.md section 2): angles [azimuth, dip, rake]
// of the major axis, azimuth clockwise from north, dip negative below horizontal (GSLIB's ang2: positive
// up), rake about the major axis; ranges [major, minor, vertical]. Equal to R gstat's
// anis = c(p, q, r, s, t) with ranges = range * [1, s, t] and angles = [p, q, r].
#pragma once

#include <array>

#include <Eigen/Core>

#include "core/direction.h"

namespace georeserve {

struct Anisotropy {
  std::array<double, 3> ranges{1, 1, 1};  // major, minor, vertical (metres)
  std::array<double, 3> angles{0, 0, 0};  // azimuth, dip, rake (degrees)

  // Rotation whose rows are the major, minor and vertical axes in (east, north, up) coordinates.
  Eigen::Matrix3d rotation() const;
  // rotation() scaled row by row by 1 / range: |transform() * d| is 1 at the range in every direction.
  Eigen::Matrix3d transform() const;
  // Unit vector of the major axis in (east, north, up).
  Eigen::Vector3d major_axis() const;
  bool isotropic() const;
};

}  // namespace georeserve
