// Implementation of deformation.h.
#include "subsidence/deformation.h"

#include <cmath>

namespace georeserve::subsidence {

double principal_of_largest_magnitude(double xx, double xy, double yy) {
  const double mean = 0.5 * (xx + yy);
  const double radius = std::hypot(0.5 * (xx - yy), xy);
  return mean >= 0.0 ? mean + radius : mean - radius;
}

AlongDirection Deformation::along(double azimuth_deg) const {
  const double a = azimuth_deg * M_PI / 180.0;
  const double dx = std::sin(a), dy = std::cos(a);  // azimuth: clockwise from north (+y)
  AlongDirection out;
  out.tilt = tilt_x * dx + tilt_y * dy;
  out.curvature = curv_xx * dx * dx + 2.0 * curv_xy * dx * dy + curv_yy * dy * dy;
  out.u = u_x * dx + u_y * dy;
  out.strain = strain_xx * dx * dx + 2.0 * strain_xy * dx * dy + strain_yy * dy * dy;
  return out;
}

double Deformation::tilt_max() const { return std::hypot(tilt_x, tilt_y); }
double Deformation::curvature_principal() const { return principal_of_largest_magnitude(curv_xx, curv_xy, curv_yy); }
double Deformation::strain_principal() const { return principal_of_largest_magnitude(strain_xx, strain_xy, strain_yy); }

}  // namespace georeserve::subsidence
