// The probability integral method's influence function integrated over a mined panel. A unit
// element at Q lowers a surface point P by G(P - Q) = exp(-pi |P - Q|^2 / r^2) / r^2 (r = influence
// radius); a panel of full subsidence W0 lowers P by W0 times the integral of G over the panel. This
// file computes that integral (W0 = 1) and its first and second derivatives, exactly:
//  - rectangles in any orientation: the product C(u) C(v) of erf strips in the rectangle's own axes;
//  - any simple polygon: W as a sum over edges of the Gaussian mass of the triangle (P, A, B), which
//    is an angle term minus two Owen's T values; derivatives by the divergence theorem as line
//    integrals of G along the edges, which have erf/exp closed forms.
// Nothing here is a finite difference.
#pragma once

#include <vector>

#include "geometry/types.h"

namespace georeserve::subsidence {

using geometry::BoundingBox;
using geometry::Point2;
using geometry::Ring;

// The response of the surface at a point to a panel with W0 = 1: w in [0, 1], gradient (1/m) and
// Hessian (1/m^2) of w with respect to the surface point.
struct UnitResponse {
  double w = 0.0;
  double gx = 0.0, gy = 0.0;
  double gxx = 0.0, gxy = 0.0, gyy = 0.0;
};

// The one-dimensional strip C(x) = 1/2 [erf(sqrt(pi) (x - a) / r) - erf(sqrt(pi) (x - b) / r)] of an
// interval [a, b] (a < b) and its first two derivatives.
struct Strip {
  double c = 0.0, dc = 0.0, ddc = 0.0;
};
Strip strip(double x, double a, double b, double r);

// A panel's effective outline (after inflection offsets and the propagation shift) with its influence
// radius, ready to be evaluated at surface points.
class InfluenceShape {
 public:
  // ring: a valid simple ring (either orientation); r > 0.
  InfluenceShape(const Ring& ring, double r);

  UnitResponse at(Point2 p) const;

  double radius() const { return r_; }
  const BoundingBox& box() const { return box_; }
  const Ring& ring() const { return ring_; }
  // Rectangles (in any orientation) are evaluated as a product of strips.
  bool is_rectangle() const { return rectangle_; }
  // Axis-aligned rectangles allow the separable grid evaluation C(x_i) C(y_j).
  bool is_axis_aligned_rectangle() const { return rectangle_ && axis_aligned_; }

 private:
  UnitResponse rectangle_at(Point2 p) const;
  UnitResponse polygon_at(Point2 p) const;

  struct Edge {
    Point2 a;   // start, relative to origin_
    Point2 e;   // unit direction
    double length;
  };
  Ring ring_;  // counter-clockwise
  double r_;
  BoundingBox box_;
  Point2 origin_;  // a vertex; edge coordinates are relative to it for precision
  std::vector<Edge> edges_;
  bool rectangle_ = false, axis_aligned_ = false;
  Point2 centre_, axis_u_;  // rectangle frame: centre (relative to origin_) and unit first-edge axis
  double half_u_ = 0.0, half_v_ = 0.0;
};

}  // namespace georeserve::subsidence
