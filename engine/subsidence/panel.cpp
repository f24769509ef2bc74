// Implementation of panel.h.
#include "subsidence/panel.h"

#include <cmath>

#include "core/text.h"
#include "geometry/offset.h"
#include "geometry/polygon.h"
#include "geometry/validity.h"

namespace georeserve::subsidence {
namespace {

std::string num(double v) { return format_double(v); }

}  // namespace

void check_parameters(const Parameters& p) {
  if (!(p.q > 0.0 && p.q <= 1.2)) throw ModelError(-1, "q", "subsidence factor q must be in (0, 1.2], got " + num(p.q));
  if (!(p.tan_beta > 0.0) || !std::isfinite(p.tan_beta))
    throw ModelError(-1, "tan_beta", "tan(beta) must be > 0, got " + num(p.tan_beta));
  if (!(p.b >= 0.0 && p.b <= 2.0)) throw ModelError(-1, "b", "horizontal movement factor b must be in [0, 2], got " + num(p.b));
  if (!(p.theta > 0.0 && p.theta <= 90.0))
    throw ModelError(-1, "theta", "propagation angle theta must be in (0, 90] degrees, got " + num(p.theta));
  if (!(p.s_ratio >= 0.0 && p.s_ratio < 0.5))
    throw ModelError(-1, "s_ratio", "inflection-point offset ratio s_ratio must be in [0, 0.5), got " + num(p.s_ratio));
}

void check_panel(const Panel& panel, int index) {
  const std::string who = "panel '" + panel.id + "': ";
  if (!(panel.thickness > 0.0) || !std::isfinite(panel.thickness))
    throw ModelError(index, "thickness", who + "extracted thickness must be > 0 m, got " + num(panel.thickness));
  if (!(panel.depth > 0.0) || !std::isfinite(panel.depth))
    throw ModelError(index, "depth", who + "depth must be > 0 m, got " + num(panel.depth));
  if (!(std::abs(panel.dip) < 90.0)) throw ModelError(index, "dip", who + "dip must be in (-90, 90) degrees, got " + num(panel.dip));
  if (panel.theta && !(*panel.theta > 0.0 && *panel.theta <= 90.0))
    throw ModelError(index, "theta", who + "propagation angle theta must be in (0, 90] degrees, got " + num(*panel.theta));
  if (auto problem = geometry::ring_problem(panel.polygon)) throw ModelError(index, "polygon", who + "outline " + *problem);
}

EffectivePanel make_effective_panel(const Panel& panel, int index, const Parameters& p) {
  check_panel(panel, index);
  const double alpha = std::abs(panel.dip) * M_PI / 180.0;
  const double s = p.s_ratio * panel.depth;
  geometry::Ring ring = panel.polygon;
  if (geometry::signed_area(ring) < 0.0) std::reverse(ring.begin(), ring.end());
  if (s > 0.0) {
    auto inner = geometry::offset_ring(ring, -s);
    if (!inner)
      throw ModelError(index, "polygon",
                       "panel '" + panel.id + "': the inflection-point offset s = " + format_fixed(s, 1) + " m (s_ratio " +
                           num(p.s_ratio) + " x depth " + num(panel.depth) +
                           " m) is too large for this outline: moving its edges inward makes it vanish or cross itself");
    ring = std::move(*inner);
  }
  geometry::Point2 shift{};
  const double theta = panel.theta.value_or(p.theta);
  if (panel.dip != 0.0 && theta < 90.0) {
    const double along = panel.depth / std::tan(theta * M_PI / 180.0);
    const double az = panel.dip_azimuth * M_PI / 180.0;
    shift = {along * std::sin(az), along * std::cos(az)};
    for (geometry::Point2& v : ring) v = v + shift;
  }
  const double r = panel.depth / p.tan_beta;
  return EffectivePanel{panel.id, 1000.0 * panel.thickness * p.q * std::cos(alpha), r, s, p.b * r, shift, InfluenceShape(ring, r)};
}

}  // namespace georeserve::subsidence
