// Implementation of overlay.h. Every edge of one polygon is cut where it meets edges of the other;
// each piece contributes 1/2 (x dy - y dx) when its midpoint is inside the other polygon. Coordinates
// are taken relative to a common origin so large false eastings keep their precision.
#include "geometry/overlay.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "geometry/polygon.h"

namespace georeserve::geometry {
namespace {

struct Edge {
  Point2 a, b;
  BoundingBox box;
};

// The rings of a polygon in normal orientation, relative to `origin`, as edges.
std::vector<Edge> edges_of(const Polygon& polygon, Point2 origin) {
  Polygon p = polygon;
  orient(p);
  std::vector<Edge> edges;
  auto add_ring = [&](const Ring& ring) {
    for (std::size_t i = 0; i < ring.size(); ++i) {
      Edge e{ring[i] - origin, ring[(i + 1) % ring.size()] - origin, {}};
      e.box.add(e.a);
      e.box.add(e.b);
      edges.push_back(e);
    }
  };
  add_ring(p.outer);
  for (const Ring& h : p.holes) add_ring(h);
  return edges;
}

Polygon shifted(const Polygon& polygon, Point2 origin) {
  Polygon p = polygon;
  for (Point2& v : p.outer) v = v - origin;
  for (Ring& h : p.holes)
    for (Point2& v : h) v = v - origin;
  return p;
}

// Parameters along [a, b] where it meets the edges of `other` (crossings and touching end points).
void cut_parameters(const Edge& e, const std::vector<Edge>& other, std::vector<double>& ts) {
  const Point2 r = e.b - e.a;
  const double len2 = dot(r, r);
  for (const Edge& f : other) {
    if (!e.box.intersects(f.box)) continue;
    const Point2 s = f.b - f.a;
    const double denom = cross(r, s);
    if (std::abs(denom) > 1e-14 * std::sqrt(len2 * dot(s, s))) {
      const double t = cross(f.a - e.a, s) / denom;
      const double u = cross(f.a - e.a, r) / denom;
      if (t > 0.0 && t < 1.0 && u >= 0.0 && u <= 1.0) ts.push_back(t);
    } else {
      // Parallel: the other edge's end points cut this edge where they lie on it.
      for (Point2 q : {f.a, f.b}) {
        const double t = dot(q - e.a, r) / len2;
        if (t > 0.0 && t < 1.0 && std::abs(cross(r, q - e.a)) <= 1e-9 * len2) ts.push_back(t);
      }
    }
  }
}

// Is the piece [p, q] lying on an edge of `other`? Then +1 when that edge runs the same way, -1 when
// it runs the opposite way, 0 when the piece is not on the other boundary.
int shared_direction(Point2 p, Point2 q, const std::vector<Edge>& other) {
  const Point2 m = 0.5 * (p + q);
  const Point2 d = q - p;
  const double len = norm(d);
  for (const Edge& f : other) {
    const Point2 s = f.b - f.a;
    const double slen = norm(s);
    if (std::abs(cross(s, d)) > 1e-9 * slen * len) continue;
    if (distance_to_segment(m, f.a, f.b) > 1e-9 * std::max(slen, len)) continue;
    return dot(s, d) > 0.0 ? 1 : -1;
  }
  return 0;
}

// Sum of 1/2 cross(p, q) over the pieces of `mine` that lie inside `other` (as a polygon `other_shape`).
double boundary_inside(const std::vector<Edge>& mine, const std::vector<Edge>& other, const Polygon& other_shape,
                       bool count_shared) {
  double twice = 0.0;
  std::vector<double> ts;
  for (const Edge& e : mine) {
    ts.assign({0.0, 1.0});
    cut_parameters(e, other, ts);
    std::sort(ts.begin(), ts.end());
    for (std::size_t k = 0; k + 1 < ts.size(); ++k) {
      if (ts[k + 1] - ts[k] <= 1e-15) continue;
      const Point2 p = e.a + ts[k] * (e.b - e.a), q = e.a + ts[k + 1] * (e.b - e.a);
      const int shared = shared_direction(p, q, other);
      const bool inside = shared != 0 ? (count_shared && shared > 0) : contains(other_shape, 0.5 * (p + q));
      if (inside) twice += cross(p, q);
    }
  }
  return 0.5 * twice;
}

}  // namespace

double intersection_area(const Polygon& a, const Polygon& b) {
  const BoundingBox ba = bounding_box(a), bb = bounding_box(b);
  if (!ba.intersects(bb) || a.outer.size() < 3 || b.outer.size() < 3) return 0.0;
  const Point2 origin{ba.min_x, ba.min_y};
  const std::vector<Edge> ea = edges_of(a, origin), eb = edges_of(b, origin);
  const Polygon sa = shifted(a, origin), sb = shifted(b, origin);
  const double inside = boundary_inside(ea, eb, sb, true) + boundary_inside(eb, ea, sa, false);
  return std::max(0.0, inside);
}

double intersection_area(const MultiPolygon& zones, const Polygon& b) {
  double total = 0.0;
  for (const Polygon& z : zones) total += intersection_area(z, b);
  return total;
}

}  // namespace georeserve::geometry
