// Implementation of validity.h. Orientation tests work on coordinates relative to the first point of
// each test and treat values within a tiny scale-relative tolerance as collinear.
#include "geometry/validity.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/text.h"
#include "geometry/polygon.h"

namespace georeserve::geometry {
namespace {

// Sign of the turn a -> b -> c: +1 left, -1 right, 0 collinear (within a relative tolerance).
int orientation(Point2 a, Point2 b, Point2 c) {
  const Point2 u = b - a, v = c - a;
  const double o = cross(u, v);
  const double tol = 1e-12 * norm(u) * norm(v);
  return o > tol ? 1 : (o < -tol ? -1 : 0);
}

// For c collinear with [a, b]: is it within the segment's extent?
bool within(Point2 a, Point2 b, Point2 c) {
  return std::min(a.x, b.x) <= c.x && c.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= c.y &&
         c.y <= std::max(a.y, b.y);
}

// Built with append(): GCC 12 gives a false -Wrestrict warning on `"literal" + std::string`.
std::string point_text(Point2 p) {
  std::string out("(");
  return out.append(format_fixed(p.x, 2)).append(", ").append(format_fixed(p.y, 2)).append(")");
}

struct Edge {
  std::size_t ring, index;
  Point2 a, b;
  double min_x, max_x;
};

}  // namespace

bool segments_touch(Point2 a, Point2 b, Point2 c, Point2 d, Point2* at) {
  const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
  const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
  if (o1 != o2 && o3 != o4 && o1 != 0 && o2 != 0 && o3 != 0 && o4 != 0) {
    if (at) {
      const Point2 r = b - a, s = d - c;
      const double t = cross(c - a, s) / cross(r, s);
      *at = a + t * r;
    }
    return true;
  }
  // Touching or collinear cases: an endpoint of one segment lies on the other.
  const struct { int o; Point2 p, q, x; } cases[] = {{o1, a, b, c}, {o2, a, b, d}, {o3, c, d, a}, {o4, c, d, b}};
  for (const auto& k : cases)
    if (k.o == 0 && within(k.p, k.q, k.x)) {
      if (at) *at = k.x;
      return true;
    }
  return false;
}

std::optional<EdgeContact> find_self_intersection(const Polygon& polygon) {
  std::vector<const Ring*> rings{&polygon.outer};
  for (const Ring& h : polygon.holes) rings.push_back(&h);
  std::vector<Edge> edges;
  for (std::size_t r = 0; r < rings.size(); ++r) {
    const Ring& ring = *rings[r];
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const Point2 a = ring[i], b = ring[(i + 1) % ring.size()];
      edges.push_back({r, i, a, b, std::min(a.x, b.x), std::max(a.x, b.x)});
    }
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& p, const Edge& q) {
    return p.min_x != q.min_x ? p.min_x < q.min_x : (p.ring != q.ring ? p.ring < q.ring : p.index < q.index);
  });
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    for (std::size_t j = i + 1; j < edges.size() && edges[j].min_x <= e.max_x; ++j) {
      const Edge& f = edges[j];
      if (std::max(e.a.y, e.b.y) < std::min(f.a.y, f.b.y) || std::max(f.a.y, f.b.y) < std::min(e.a.y, e.b.y)) continue;
      const Edge& lo = e.ring < f.ring || (e.ring == f.ring && e.index < f.index) ? e : f;
      const Edge& hi = &lo == &e ? f : e;
      const std::size_t n = rings[lo.ring]->size();
      const bool adjacent = lo.ring == hi.ring && (hi.index == lo.index + 1 || (lo.index == 0 && hi.index == n - 1));
      Point2 at;
      if (adjacent) {
        // They share one vertex; they only conflict when they fold back onto each other.
        const bool next = hi.index == lo.index + 1;
        const Point2 shared = next ? lo.b : lo.a;
        const Point2 p = next ? lo.a : lo.b, q = next ? hi.b : hi.a;
        if (orientation(shared, p, q) == 0 && dot(p - shared, q - shared) > 0.0)
          return EdgeContact{lo.ring, lo.index, hi.ring, hi.index, shared};
        continue;
      }
      if (segments_touch(lo.a, lo.b, hi.a, hi.b, &at)) return EdgeContact{lo.ring, lo.index, hi.ring, hi.index, at};
    }
  }
  return std::nullopt;
}

std::optional<std::string> ring_problem(const Ring& ring) {
  for (std::size_t i = 0; i < ring.size(); ++i)
    if (!std::isfinite(ring[i].x) || !std::isfinite(ring[i].y))
      return "vertex " + std::to_string(i + 1) + " has a coordinate that is not a finite number";
  for (std::size_t i = 0; i < ring.size() && ring.size() > 1; ++i)
    if (ring[i] == ring[(i + 1) % ring.size()])
      return "vertex " + std::to_string((i + 1) % ring.size() + 1) + " repeats vertex " + std::to_string(i + 1);
  if (ring.size() < 3)
    return "has only " + std::to_string(ring.size()) + " distinct vertices; a polygon needs at least 3";
  bool all_on_a_line = true;
  for (std::size_t i = 2; i < ring.size() && all_on_a_line; ++i) all_on_a_line = orientation(ring[0], ring[1], ring[i]) == 0;
  if (all_on_a_line) return "has zero area (all vertices on one line)";
  if (auto c = find_self_intersection(Polygon{ring, {}}))
    return "edges " + std::to_string(c->edge_a + 1) + " and " + std::to_string(c->edge_b + 1) +
           " cross or touch at " + point_text(c->at) + " (the ring intersects itself)";
  return std::nullopt;
}

std::optional<std::string> polygon_problem(const Polygon& polygon) {
  if (auto p = ring_problem(polygon.outer)) return "outer ring " + *p;
  for (std::size_t h = 0; h < polygon.holes.size(); ++h)
    if (auto p = ring_problem(polygon.holes[h])) return "hole " + std::to_string(h + 1) + " " + *p;
  if (auto c = find_self_intersection(polygon)) {
    auto name = [](std::size_t r) { return r == 0 ? std::string("the outer ring") : "hole " + std::to_string(r); };
    return name(c->ring_a) + " and " + name(c->ring_b) + " cross or touch at " + point_text(c->at);
  }
  // No ring crosses another, so one vertex tells where a whole hole lies.
  for (std::size_t h = 0; h < polygon.holes.size(); ++h) {
    if (!contains(polygon.outer, polygon.holes[h][0]))
      return "hole " + std::to_string(h + 1) + " lies outside the outer ring";
    for (std::size_t k = 0; k < polygon.holes.size(); ++k)
      if (k != h && contains(polygon.holes[k], polygon.holes[h][0]))
        return "hole " + std::to_string(h + 1) + " lies inside hole " + std::to_string(k + 1);
  }
  return std::nullopt;
}

}  // namespace georeserve::geometry
