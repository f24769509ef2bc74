// Ear clipping of a polygon with holes. Each hole is joined to the (growing) outer boundary by a
// bridge from its rightmost vertex to the nearest boundary vertex it can see, which makes one weakly
// simple ring; ears are then cut from that ring. Coordinates are shifted to the polygon's first vertex
// so that Gauss-Kruger magnitudes do not eat the precision of the orientation tests.
#include "formats/polygon_triangulation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <list>

#include "geometry/polygon.h"

namespace georeserve {
namespace {

using geometry::Point2;

double orient(Point2 a, Point2 b, Point2 c) { return geometry::cross(b - a, c - a); }

// True when the open segments pq and rs cross at a single interior point of both.
bool segments_cross(Point2 p, Point2 q, Point2 r, Point2 s) {
  const double d1 = orient(p, q, r), d2 = orient(p, q, s), d3 = orient(r, s, p), d4 = orient(r, s, q);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

// Whether the direction from vertex a towards b starts inside the ring at a (a's neighbours prev, next;
// the ring is counter-clockwise, interior on the left).
bool locally_inside(Point2 prev, Point2 a, Point2 next, Point2 b) {
  if (orient(prev, a, next) >= 0) return orient(a, next, b) >= 0 && orient(prev, a, b) >= 0;
  return orient(a, next, b) >= 0 || orient(prev, a, b) >= 0;
}

bool inside_triangle(Point2 a, Point2 b, Point2 c, Point2 p) {
  return orient(a, b, p) >= 0 && orient(b, c, p) >= 0 && orient(c, a, p) >= 0;
}

class Triangulator {
 public:
  explicit Triangulator(const geometry::Polygon& polygon) {
    geometry::Polygon p = polygon;
    geometry::orient(p);
    base_ = p.outer.empty() ? Point2{} : p.outer.front();
    std::vector<int> ring = add_ring(p.outer);
    std::vector<std::vector<int>> holes;
    for (const auto& h : p.holes) holes.push_back(add_ring(h));
    // Holes from right to left, so each bridge meets boundary already containing the holes to its right.
    std::sort(holes.begin(), holes.end(), [&](const auto& a, const auto& b) { return rightmost_x(a) > rightmost_x(b); });
    for (std::size_t h = 0; h < holes.size(); ++h) bridge(ring, holes[h], holes, h);
    ring_ = std::move(ring);
  }

  PolygonTriangles run() {
    std::list<int> ring(ring_.begin(), ring_.end());
    while (ring.size() > 3) {
      if (!cut_ear(ring, false) && !cut_ear(ring, true)) break;  // degenerate rest: give up on slivers
    }
    if (ring.size() == 3) {
      auto it = ring.begin();
      const int a = *it++, b = *it++, c = *it;
      if (orient(pts_[a], pts_[b], pts_[c]) > 0) out_.triangles.push_back({a, b, c});
    }
    out_.points.reserve(pts_.size());
    for (Point2 q : pts_) out_.points.push_back(q + base_);
    return std::move(out_);
  }

 private:
  std::vector<int> add_ring(const geometry::Ring& r) {
    std::vector<int> ids;
    for (Point2 q : r) {
      ids.push_back(static_cast<int>(pts_.size()));
      pts_.push_back(q - base_);
    }
    return ids;
  }

  double rightmost_x(const std::vector<int>& ring) const {
    double x = -std::numeric_limits<double>::infinity();
    for (int i : ring) x = std::max(x, pts_[static_cast<std::size_t>(i)].x);
    return x;
  }

  bool crosses_any(Point2 m, Point2 p, const std::vector<int>& ring) const {
    const std::size_t n = ring.size();
    for (std::size_t k = 0; k < n; ++k)
      if (segments_cross(m, p, pts_[static_cast<std::size_t>(ring[k])], pts_[static_cast<std::size_t>(ring[(k + 1) % n])])) return true;
    return false;
  }

  // Joins hole `h` into `ring` through a bridge from its rightmost vertex.
  void bridge(std::vector<int>& ring, const std::vector<int>& hole, const std::vector<std::vector<int>>& holes, std::size_t h) {
    std::size_t mi = 0;
    for (std::size_t k = 1; k < hole.size(); ++k)
      if (pts_[static_cast<std::size_t>(hole[k])].x > pts_[static_cast<std::size_t>(hole[mi])].x) mi = k;
    const Point2 m = pts_[static_cast<std::size_t>(hole[mi])];
    std::size_t best = ring.size();
    double best_d = std::numeric_limits<double>::infinity();
    const std::size_t n = ring.size();
    for (std::size_t k = 0; k < n; ++k) {
      const Point2 p = pts_[static_cast<std::size_t>(ring[k])];
      const double d = geometry::norm(p - m);
      if (d >= best_d) continue;
      const Point2 prev = pts_[static_cast<std::size_t>(ring[(k + n - 1) % n])], next = pts_[static_cast<std::size_t>(ring[(k + 1) % n])];
      if (!locally_inside(prev, p, next, m) || crosses_any(m, p, ring)) continue;
      bool blocked = false;
      for (std::size_t o = h; o < holes.size() && !blocked; ++o) blocked = crosses_any(m, p, holes[o]);
      if (blocked) continue;
      best = k;
      best_d = d;
    }
    if (best == ring.size()) best = 0;  // invalid input; keep going rather than loop
    std::vector<int> spliced(ring.begin(), ring.begin() + static_cast<long>(best) + 1);
    for (std::size_t k = 0; k <= hole.size(); ++k) spliced.push_back(hole[(mi + k) % hole.size()]);
    spliced.insert(spliced.end(), ring.begin() + static_cast<long>(best), ring.end());
    ring = std::move(spliced);
  }

  // Cuts one ear; `relaxed` accepts any convex corner (for numerically degenerate rests).
  bool cut_ear(std::list<int>& ring, bool relaxed) {
    for (auto it = ring.begin(); it != ring.end(); ++it) {
      auto prev = it == ring.begin() ? std::prev(ring.end()) : std::prev(it);
      auto next = std::next(it) == ring.end() ? ring.begin() : std::next(it);
      const Point2 a = pts_[static_cast<std::size_t>(*prev)], b = pts_[static_cast<std::size_t>(*it)], c = pts_[static_cast<std::size_t>(*next)];
      const double o = orient(a, b, c);
      if (o < 0 || (o == 0 && !relaxed)) continue;
      bool ear = true;
      if (!relaxed && o > 0)
        for (int q : ring) {
          const Point2 p = pts_[static_cast<std::size_t>(q)];
          if (p == a || p == b || p == c) continue;
          if (inside_triangle(a, b, c, p)) {
            ear = false;
            break;
          }
        }
      if (!ear) continue;
      if (o > 0) out_.triangles.push_back({*prev, *it, *next});
      ring.erase(it);
      return true;
    }
    return false;
  }

  Point2 base_;
  std::vector<Point2> pts_;
  std::vector<int> ring_;
  PolygonTriangles out_;
};

}  // namespace

PolygonTriangles triangulate(const geometry::Polygon& polygon) {
  if (polygon.outer.size() < 3) return {};
  return Triangulator(polygon).run();
}

}  // namespace georeserve
