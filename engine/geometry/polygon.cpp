// Implementation of polygon.h. Sums are taken relative to the first vertex so that coordinates with
// large false eastings (41,500,000 m) keep their precision.
#include "geometry/polygon.h"

#include <cmath>

namespace georeserve::geometry {

double signed_area(const Ring& ring) {
  const std::size_t n = ring.size();
  if (n < 3) return 0.0;
  const Point2 o = ring[0];
  double twice = 0.0;
  for (std::size_t i = 1; i + 1 < n; ++i) twice += cross(ring[i] - o, ring[i + 1] - o);
  return 0.5 * twice;
}

double area(const Polygon& polygon) {
  double a = std::abs(signed_area(polygon.outer));
  for (const Ring& h : polygon.holes) a -= std::abs(signed_area(h));
  return a;
}

double area(const MultiPolygon& polygons) {
  double a = 0.0;
  for (const Polygon& p : polygons) a += area(p);
  return a;
}

bool is_counter_clockwise(const Ring& ring) { return signed_area(ring) > 0.0; }

void orient(Polygon& polygon) {
  if (signed_area(polygon.outer) < 0.0) std::reverse(polygon.outer.begin(), polygon.outer.end());
  for (Ring& h : polygon.holes)
    if (signed_area(h) > 0.0) std::reverse(h.begin(), h.end());
}

void orient(MultiPolygon& polygons) {
  for (Polygon& p : polygons) orient(p);
}

bool contains(const Ring& ring, Point2 p) {
  bool inside = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point2 a = ring[i] - p;
    const Point2 b = ring[j] - p;
    if ((a.y > 0.0) != (b.y > 0.0)) {
      // x of the edge where it crosses y = 0, relative to p.
      const double x = a.x + (0.0 - a.y) * (b.x - a.x) / (b.y - a.y);
      if (x > 0.0) inside = !inside;
    }
  }
  return n >= 3 && inside;
}

bool contains(const Polygon& polygon, Point2 p) {
  if (!contains(polygon.outer, p)) return false;
  for (const Ring& h : polygon.holes)
    if (contains(h, p)) return false;
  return true;
}

bool contains(const MultiPolygon& polygons, Point2 p) {
  for (const Polygon& poly : polygons)
    if (contains(poly, p)) return true;
  return false;
}

double distance_to_segment(Point2 p, Point2 a, Point2 b) {
  const Point2 ab = b - a;
  const Point2 ap = p - a;
  const double len2 = dot(ab, ab);
  double t = len2 > 0.0 ? dot(ap, ab) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  return norm(ap - t * ab);
}

bool on_boundary(const Ring& ring, Point2 p, double tolerance) {
  const std::size_t n = ring.size();
  for (std::size_t i = 0; i < n; ++i)
    if (distance_to_segment(p, ring[i], ring[(i + 1) % n]) <= tolerance) return true;
  return false;
}

BoundingBox bounding_box(const Ring& ring) {
  BoundingBox box;
  for (Point2 p : ring) box.add(p);
  return box;
}

BoundingBox bounding_box(const Polygon& polygon) { return bounding_box(polygon.outer); }

BoundingBox bounding_box(const MultiPolygon& polygons) {
  BoundingBox box;
  for (const Polygon& p : polygons) box.add(bounding_box(p));
  return box;
}

Point2 centroid(const Ring& ring) {
  const std::size_t n = ring.size();
  if (n == 0) return {};
  const Point2 o = ring[0];
  double a2 = 0.0, cx = 0.0, cy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const Point2 p = ring[i] - o, q = ring[(i + 1) % n] - o;
    const double c = cross(p, q);
    a2 += c;
    cx += (p.x + q.x) * c;
    cy += (p.y + q.y) * c;
  }
  if (std::abs(a2) <= 0.0) {
    Point2 mean{};
    for (Point2 p : ring) mean = mean + (1.0 / static_cast<double>(n)) * (p - o);
    return o + mean;
  }
  return o + Point2{cx / (3.0 * a2), cy / (3.0 * a2)};
}

bool is_closed(const std::vector<Point2>& coordinates) {
  return coordinates.size() >= 2 && coordinates.front() == coordinates.back();
}

Ring ring_from_closed_coordinates(const std::vector<Point2>& coordinates) {
  Ring ring = coordinates;
  if (is_closed(ring)) ring.pop_back();
  return ring;
}

Ring ring_from_coordinates(const std::vector<Point2>& coordinates) { return ring_from_closed_coordinates(coordinates); }

Ring without_redundant_vertices(const Ring& ring, double tolerance) {
  Ring out;
  out.reserve(ring.size());
  for (Point2 p : ring)
    if (out.empty() || norm(p - out.back()) > tolerance) out.push_back(p);
  while (out.size() > 1 && norm(out.front() - out.back()) <= tolerance) out.pop_back();
  // Drop vertices on the line between their neighbours; repeat until none is left to drop.
  bool changed = true;
  while (changed && out.size() > 3) {
    changed = false;
    Ring kept;
    kept.reserve(out.size());
    const std::size_t n = out.size();
    for (std::size_t i = 0; i < n; ++i) {
      const Point2 prev = kept.empty() ? out[(i + n - 1) % n] : kept.back();
      const Point2 next = out[(i + 1) % n];
      const Point2 d = next - prev;
      const double len = norm(d);
      const bool between = dot(out[i] - prev, d) > 0.0 && dot(next - out[i], d) > 0.0;
      if (len > 0.0 && between && std::abs(cross(d, out[i] - prev)) / len <= tolerance && n - (i - kept.size()) > 3) {
        changed = true;
        continue;
      }
      kept.push_back(out[i]);
    }
    out.swap(kept);
  }
  return out;
}

}  // namespace georeserve::geometry
