#include "core/direction.h"

#include <cmath>
#include <numbers>

#include <Eigen/Geometry>

namespace georeserve {

Eigen::Vector3d direction_vector(double azimuth_deg, double dip_deg) {
  constexpr double deg = std::numbers::pi / 180.0;
  const double az = std::isnan(azimuth_deg) ? 0.0 : azimuth_deg * deg, dip = dip_deg * deg;
  // Exact vertical for |dip| = 90 (cos(pi/2) is 6e-17, not 0).
  const double c = std::abs(dip_deg) == 90 ? 0.0 : std::cos(dip);
  return {c * std::sin(az), c * std::cos(az), std::sin(dip)};
}

double angle_between(const Eigen::Vector3d& a, const Eigen::Vector3d& b) {
  return std::atan2(a.cross(b).norm(), a.dot(b));
}

}  // namespace georeserve
