// Implementation of influence.h. Derivation of the polygon formulas (W0 = 1, CCW boundary, e = unit
// edge direction, a = A - P, tau0 = -a.e the foot of the perpendicular, h = |a x e|):
//   w      = sum_edges sign(a x e) [angle(a, b) / (2 pi) - T(h^, tan psi_B) + T(h^, tan psi_A)],
//            h^ = sqrt(2 pi) h / r, tan psi_A = -tau0 / h, tan psi_B = (L - tau0) / h
//   dw/dx  = -sum e_y I0,  dw/dy = sum e_x I0,  I0 = integral_edge G = e^{-pi h^2/r^2} / (2 r)
//            [erf(sqrt(pi) (L - tau0) / r) + erf(sqrt(pi) tau0 / r)]
//   second derivatives from J = integral_edge grad G = -(2 pi / r^2) (f I0 + e I1), f = a + tau0 e,
//            I1 = (e^{-pi |a|^2 / r^2} - e^{-pi |b|^2 / r^2}) / (2 pi):
//   d2w/dx2 = sum e_y J_x, d2w/dxdy = sum e_y J_y, d2w/dy2 = -sum e_x J_y.
#include "subsidence/influence.h"

#include <algorithm>
#include <cmath>

#include "geometry/polygon.h"
#include "subsidence/owens_t.h"

namespace georeserve::subsidence {
namespace {

const double kSqrtPi = std::sqrt(M_PI);
const double kSqrt2Pi = std::sqrt(2.0 * M_PI);

// erf(z1) - erf(z2) for z1 >= z2, through erfc in the tails so that small differences keep their
// relative precision.
double erf_difference(double z1, double z2) {
  if (z2 >= 0.0) return std::erfc(z2) - std::erfc(z1);
  if (z1 <= 0.0) return std::erfc(-z1) - std::erfc(-z2);
  return std::erf(z1) - std::erf(z2);
}

// Beyond this many radii from a panel edge, the edge's Owen's T and derivative terms are below 1e-30.
constexpr double kEdgeReach = 4.5;

}  // namespace

Strip strip(double x, double a, double b, double r) {
  const double ua = x - a, ub = x - b;
  const double za = kSqrtPi * ua / r, zb = kSqrtPi * ub / r;
  const double ea = std::exp(-za * za), eb = std::exp(-zb * zb);
  Strip s;
  s.c = 0.5 * erf_difference(za, zb);
  s.dc = (ea - eb) / r;
  s.ddc = -2.0 * M_PI / (r * r * r) * (ua * ea - ub * eb);
  return s;
}

InfluenceShape::InfluenceShape(const Ring& ring, double r) : ring_(ring), r_(r) {
  if (geometry::signed_area(ring_) < 0.0) std::reverse(ring_.begin(), ring_.end());
  box_ = geometry::bounding_box(ring_);
  origin_ = ring_.front();
  const std::size_t n = ring_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Point2 a = ring_[i] - origin_, b = ring_[(i + 1) % n] - origin_;
    const double len = geometry::norm(b - a);
    edges_.push_back({a, (1.0 / len) * (b - a), len});
  }
  // A rectangle: four edges, each perpendicular to the next (to rounding).
  if (n == 4) {
    bool right_angles = true;
    for (std::size_t i = 0; i < 4; ++i) right_angles = right_angles && std::abs(geometry::dot(edges_[i].e, edges_[(i + 1) % 4].e)) < 1e-9;
    if (right_angles) {
      rectangle_ = true;
      axis_u_ = edges_[0].e;
      half_u_ = 0.5 * edges_[0].length;
      half_v_ = 0.5 * edges_[1].length;
      centre_ = edges_[0].a + half_u_ * axis_u_ + half_v_ * edges_[1].e;
      axis_aligned_ = axis_u_.y == 0.0 || axis_u_.x == 0.0;
    }
  }
}

UnitResponse InfluenceShape::at(Point2 p) const { return rectangle_ ? rectangle_at(p) : polygon_at(p); }

UnitResponse InfluenceShape::rectangle_at(Point2 p) const {
  const Point2 u = axis_u_, v{-u.y, u.x};  // v is the second edge's direction (counter-clockwise)
  const Point2 d = (p - origin_) - centre_;
  const Strip su = strip(geometry::dot(d, u), -half_u_, half_u_, r_);
  const Strip sv = strip(geometry::dot(d, v), -half_v_, half_v_, r_);
  const double gu = su.dc * sv.c, gv = su.c * sv.dc;
  const double guu = su.ddc * sv.c, guv = su.dc * sv.dc, gvv = su.c * sv.ddc;
  UnitResponse out;
  out.w = su.c * sv.c;
  out.gx = gu * u.x + gv * v.x;
  out.gy = gu * u.y + gv * v.y;
  out.gxx = guu * u.x * u.x + 2.0 * guv * u.x * v.x + gvv * v.x * v.x;
  out.gxy = guu * u.x * u.y + guv * (u.x * v.y + v.x * u.y) + gvv * v.x * v.y;
  out.gyy = guu * u.y * u.y + 2.0 * guv * u.y * v.y + gvv * v.y * v.y;
  return out;
}

UnitResponse InfluenceShape::polygon_at(Point2 p) const {
  const double r = r_, inv_r2 = 1.0 / (r * r);
  const double reach = kEdgeReach * r;
  const Point2 q = p - origin_;
  double angle_sum = 0.0, t_sum = 0.0;
  UnitResponse out;
  for (const Edge& edge : edges_) {
    const Point2 a = edge.a - q;
    const Point2 b = a + edge.length * edge.e;
    const double cr = geometry::cross(a, b);
    const double signed_h = geometry::cross(a, edge.e);  // > 0 when P is left of the edge (inside side)
    const double h = std::abs(signed_h);
    const double tau0 = -geometry::dot(a, edge.e);
    // Angle subtended by the edge, signed by the side P lies on. An edge whose line passes through P
    // contributes nothing to w (its angle and Owen's T terms cancel exactly).
    const double sign = signed_h > 0.0 ? 1.0 : -1.0;
    if (h > 1e-12 * r) angle_sum += sign * std::atan2(std::abs(cr), geometry::dot(a, b));
    const double nearest = tau0 < 0.0 ? geometry::norm(a) : (tau0 > edge.length ? geometry::norm(b) : h);
    if (nearest > reach) continue;
    if (h > 1e-12 * r) {
      const double hh = kSqrt2Pi * h / r;
      t_sum += sign * (owens_t(hh, (edge.length - tau0) / h) - owens_t(hh, -tau0 / h));
    }
    // Line integrals of G and of grad G along the edge.
    const double eh = std::exp(-M_PI * h * h * inv_r2);
    const double i0 = inv_r2 * eh * 0.5 * r * erf_difference(kSqrtPi * (edge.length - tau0) / r, -kSqrtPi * tau0 / r);
    const double i1 = (std::exp(-M_PI * geometry::dot(a, a) * inv_r2) - std::exp(-M_PI * geometry::dot(b, b) * inv_r2)) / (2.0 * M_PI);
    const Point2 f = a + tau0 * edge.e;
    const double jx = -2.0 * M_PI * inv_r2 * (f.x * i0 + edge.e.x * i1);
    const double jy = -2.0 * M_PI * inv_r2 * (f.y * i0 + edge.e.y * i1);
    out.gx -= edge.e.y * i0;
    out.gy += edge.e.x * i0;
    out.gxx += edge.e.y * jx;
    out.gxy += edge.e.y * jy;
    out.gyy -= edge.e.x * jy;
  }
  out.w = angle_sum / (2.0 * M_PI) - t_sum;
  return out;
}

}  // namespace georeserve::subsidence
