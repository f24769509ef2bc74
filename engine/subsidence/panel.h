// Mined panels and the method's parameters, and the "effective" panel the prediction integrates
// over: the plan outline moved inward by the inflection-point offset s = s_ratio * H and shifted
// down-dip by H cot(theta), with full subsidence W0 = m q cos(alpha) and influence radius
// r = H / tan(beta).
//
// Propagation angle convention: theta (degrees, in (0, 90]) is the angle, measured from the
// horizontal on the down-dip side, of the line from the panel's centre at seam level to the centre
// of the subsidence basin; the basin therefore moves by H cot(theta) toward the dip azimuth, and
// theta = 90 means no shift. It applies only to dipping panels (dip != 0); a flat panel is never
// shifted. Typical values: theta = 90 - k alpha, k = 0.5-0.8.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "geometry/types.h"
#include "subsidence/influence.h"

namespace georeserve::subsidence {

struct Parameters {
  double q = 0.75;        // subsidence factor, (0, 1.2]
  double tan_beta = 2.0;  // tangent of the major influence angle, > 0
  double b = 0.3;         // horizontal movement factor, [0, 2]
  double theta = 90.0;    // propagation angle for dipping panels, degrees, (0, 90]
  double s_ratio = 0.0;   // inflection-point offset as a fraction of depth, [0, 0.5)
};

struct Panel {
  std::string id;
  geometry::Ring polygon;       // plan outline of the extracted area (projected metres)
  double thickness = 0.0;       // extracted thickness m, metres, > 0
  double depth = 0.0;           // mean mining depth H below the surface, metres, > 0
  double dip = 0.0;             // seam dip angle, degrees; only its magnitude counts (-15 = 15)
  double dip_azimuth = 0.0;     // azimuth of the down-dip direction, degrees clockwise from north
  std::optional<double> theta;  // this panel's propagation angle, overriding Parameters::theta
};

// A problem with one value: `panel` is the panel's index (-1 for the parameters), `key` the name of
// the offending value as in the configuration ("q", "depth", "polygon", ...).
class ModelError : public Error {
 public:
  ModelError(int panel, std::string key, const std::string& message)
      : Error(message), panel_(panel), key_(std::move(key)) {}
  int panel() const { return panel_; }
  const std::string& key() const { return key_; }

 private:
  int panel_;
  std::string key_;
};

// Throws ModelError for the first parameter out of its range.
void check_parameters(const Parameters& p);
// Throws ModelError (with the panel's index) for the first bad panel value or outline.
void check_panel(const Panel& panel, int index);

struct EffectivePanel {
  std::string id;
  double w0 = 0.0;        // full subsidence, mm
  double r = 0.0;         // influence radius, m
  double s = 0.0;         // inflection-point offset, m
  double b_r = 0.0;       // b * r: horizontal movement per unit tilt, m
  geometry::Point2 shift; // propagation shift, m
  InfluenceShape shape;   // the outline integrated over
};

// Builds the effective panel; throws ModelError when the inward offset would collapse the outline.
EffectivePanel make_effective_panel(const Panel& panel, int index, const Parameters& p);

}  // namespace georeserve::subsidence
