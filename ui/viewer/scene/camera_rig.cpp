// See camera_rig.h.
#include "viewer/scene/camera_rig.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace georeserve::viewer {
namespace {
constexpr double kDeg = std::numbers::pi / 180.0;

Vec3 cross(const Vec3& a, const Vec3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
}  // namespace

Vec3 CameraRig::position() const {
  const double az = azimuth * kDeg, el = elevation * kDeg;
  return {focal[0] + distance * std::cos(el) * std::sin(az), focal[1] + distance * std::cos(el) * std::cos(az),
          focal[2] + distance * std::sin(el)};
}

Vec3 CameraRig::view_up() const {
  // The derivative of the position by elevation: always perpendicular to the view, continuous through
  // the plan view.
  const double az = azimuth * kDeg, el = elevation * kDeg;
  return {-std::sin(el) * std::sin(az), -std::sin(el) * std::cos(az), std::cos(el)};
}

void CameraRig::orbit(double d_azimuth, double d_elevation) {
  azimuth = std::fmod(azimuth + d_azimuth + 360.0, 360.0);
  elevation = std::clamp(elevation + d_elevation, -90.0, 90.0);
}

void CameraRig::pan(double dx, double dy, int height) {
  const double per_pixel = parallel ? 2.0 * parallel_scale / std::max(height, 1)
                                    : 2.0 * distance * std::tan(view_angle * kDeg / 2) / std::max(height, 1);
  const Vec3 p = position();
  Vec3 view{focal[0] - p[0], focal[1] - p[1], focal[2] - p[2]};
  const Vec3 up = view_up();
  Vec3 right = cross(view, up);
  const double n = std::sqrt(right[0] * right[0] + right[1] * right[1] + right[2] * right[2]);
  for (double& c : right) c /= n > 0 ? n : 1.0;
  for (int a = 0; a < 3; ++a) focal[static_cast<std::size_t>(a)] += (-dx * right[static_cast<std::size_t>(a)] - dy * up[static_cast<std::size_t>(a)]) * per_pixel;
}

void CameraRig::zoom(double factor) {
  if (!(factor > 0)) return;
  if (parallel) parallel_scale /= factor;
  else distance /= factor;
}

void CameraRig::frame(const Vec3& centre, double radius) {
  focal = centre;
  radius = std::max(radius, 1e-3);
  distance = radius / std::sin(view_angle * kDeg / 2) * 1.05;
  parallel_scale = radius * 1.05;
}

CameraRig CameraRig::from_vectors(const Vec3& position, const Vec3& focal, const Vec3& up, bool parallel, double parallel_scale) {
  CameraRig r;
  r.focal = focal;
  const Vec3 d{position[0] - focal[0], position[1] - focal[1], position[2] - focal[2]};
  r.distance = std::sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
  r.elevation = std::asin(std::clamp(d[2] / r.distance, -1.0, 1.0)) / kDeg;
  if (std::abs(r.elevation) > 89.99) {
    // Straight down (or up): the view-up says which way the picture is turned.
    const double sign = r.elevation > 0 ? -1.0 : 1.0;
    r.azimuth = std::atan2(sign * up[0], sign * up[1]) / kDeg;
  } else {
    r.azimuth = std::atan2(d[0], d[1]) / kDeg;
  }
  r.azimuth = std::fmod(r.azimuth + 360.0, 360.0);
  r.parallel = parallel;
  r.parallel_scale = parallel_scale > 0 ? parallel_scale : r.distance * std::tan(r.view_angle * kDeg / 2);
  return r;
}

CameraRig interpolate(const CameraRig& a, const CameraRig& b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  const double s = t * t * (3.0 - 2.0 * t);
  CameraRig r = a;
  for (std::size_t c = 0; c < 3; ++c) r.focal[c] = a.focal[c] + s * (b.focal[c] - a.focal[c]);
  r.distance = a.distance * std::pow(b.distance / a.distance, s);
  r.parallel_scale = a.parallel_scale * std::pow(b.parallel_scale / a.parallel_scale, s);
  double turn = std::fmod(b.azimuth - a.azimuth + 540.0, 360.0) - 180.0;  // -180..180
  r.azimuth = std::fmod(a.azimuth + s * turn + 360.0, 360.0);
  r.elevation = a.elevation + s * (b.elevation - a.elevation);
  r.parallel = s < 0.5 ? a.parallel : b.parallel;
  return r;
}

}  // namespace georeserve::viewer
