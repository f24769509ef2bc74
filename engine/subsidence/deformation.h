// The ground movement at one surface point and the quantities derived from it: values along any
// direction, principal (largest-magnitude) values, in the units of DESIGN.md section 4.
//
// Conventions: W is subsidence in mm, positive downward. tilt = grad W in mm/m (positive where W grows
// in that direction). curvature = second derivative of W in mm/m^2 = 1e-3/m; positive where the
// surface is convex (hogging, outside the panel edges) and negative over the panel (sagging).
// u = horizontal movement in mm, u = b r tilt per panel: positive toward +x/+y, i.e. the ground moves
// toward the basin centre. strain = du/dx in mm/m = b r curvature per panel: positive = extension
// (tension), negative = compression. Several panels add up (superposition).
#pragma once

namespace georeserve::subsidence {

// A direction given as an azimuth in degrees clockwise from north.
struct AlongDirection {
  double tilt = 0.0;       // mm/m
  double curvature = 0.0;  // 1e-3/m
  double u = 0.0;          // mm
  double strain = 0.0;     // mm/m
};

struct Deformation {
  double w = 0.0;                                // mm
  double tilt_x = 0.0, tilt_y = 0.0;             // mm/m
  double curv_xx = 0.0, curv_xy = 0.0, curv_yy = 0.0;      // 1e-3/m
  double u_x = 0.0, u_y = 0.0;                   // mm
  double strain_xx = 0.0, strain_xy = 0.0, strain_yy = 0.0;  // mm/m

  // Components along the direction of the given azimuth (degrees clockwise from north).
  AlongDirection along(double azimuth_deg) const;
  // |grad W|: the largest tilt over all directions (mm/m).
  double tilt_max() const;
  // The principal curvature / strain of largest magnitude, with its sign.
  double curvature_principal() const;
  double strain_principal() const;
};

// The principal value of largest magnitude of the symmetric 2x2 tensor [[xx, xy], [xy, yy]].
double principal_of_largest_magnitude(double xx, double xy, double yy);

}  // namespace georeserve::subsidence
