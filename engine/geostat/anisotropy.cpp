#include "geostat/anisotropy.h"

#include <cmath>
#include <numbers>

namespace georeserve {
namespace {
constexpr double deg = std::numbers::pi / 180.0;
}

// GSLIB setrot: alpha = 90 - azimuth (from east, counter-clockwise), beta = -dip, theta = rake.
Eigen::Matrix3d Anisotropy::rotation() const {
  const double alpha = (90.0 - angles[0]) * deg;
  const double beta = -angles[1] * deg;
  const double theta = angles[2] * deg;
  const double sa = std::sin(alpha), ca = std::cos(alpha);
  const double sb = std::sin(beta), cb = std::cos(beta);
  const double st = std::sin(theta), ct = std::cos(theta);
  Eigen::Matrix3d r;
  r << cb * ca, cb * sa, -sb,
      -ct * sa + st * sb * ca, ct * ca + st * sb * sa, st * cb,
      st * sa + ct * sb * ca, -st * ca + ct * sb * sa, ct * cb;
  return r;
}

Eigen::Matrix3d Anisotropy::transform() const {
  Eigen::Matrix3d t = rotation();
  for (int i = 0; i < 3; ++i) t.row(i) /= ranges[static_cast<std::size_t>(i)];
  return t;
}

Eigen::Vector3d Anisotropy::major_axis() const { return rotation().row(0).transpose(); }

bool Anisotropy::isotropic() const { return ranges[0] == ranges[1] && ranges[1] == ranges[2]; }

}  // namespace georeserve
