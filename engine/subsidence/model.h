// A subsidence prediction model: the effective panels of a set of mined panels under one set of
// parameters, evaluated at any surface point by superposition.
#pragma once

#include <vector>

#include "subsidence/deformation.h"
#include "subsidence/panel.h"

namespace georeserve::subsidence {

// Points farther than this many influence radii from a panel's bounding box get nothing from it:
// the neglected part is below 1e-13 W0 (1/2 erfc(3 sqrt(pi)) = 6e-14).
inline constexpr double kCutoffRadii = 3.0;

class SubsidenceModel {
 public:
  // Checks parameters and panels (ModelError) and builds the effective panels.
  SubsidenceModel(const std::vector<Panel>& panels, const Parameters& parameters);

  Deformation at(geometry::Point2 p) const;

  const std::vector<EffectivePanel>& panels() const { return effective_; }
  const Parameters& parameters() const { return parameters_; }
  // The box outside which panel i contributes nothing (its outline's box grown by kCutoffRadii r).
  geometry::BoundingBox influence_box(std::size_t i) const;

 private:
  Parameters parameters_;
  std::vector<EffectivePanel> effective_;
};

// Adds panel's response (unit W0) to a deformation, scaled by its W0 and b r.
inline void accumulate(Deformation& d, const EffectivePanel& panel, const UnitResponse& u) {
  const double w0 = panel.w0, h = panel.w0 * panel.b_r;
  d.w += w0 * u.w;
  d.tilt_x += w0 * u.gx;
  d.tilt_y += w0 * u.gy;
  d.curv_xx += w0 * u.gxx;
  d.curv_xy += w0 * u.gxy;
  d.curv_yy += w0 * u.gyy;
  d.u_x += h * u.gx;
  d.u_y += h * u.gy;
  d.strain_xx += h * u.gxx;
  d.strain_xy += h * u.gxy;
  d.strain_yy += h * u.gyy;
}

}  // namespace georeserve::subsidence
