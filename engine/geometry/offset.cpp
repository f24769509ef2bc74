// Implementation of offset.h: each offset vertex is the intersection of the two neighbouring
// offset edge lines; validity is checked afterwards rather than patched up.
#include "geometry/offset.h"

#include <cmath>

#include "geometry/polygon.h"
#include "geometry/validity.h"

namespace georeserve::geometry {

std::optional<Ring> offset_ring(const Ring& input, double distance) {
  if (ring_problem(input)) return std::nullopt;
  const BoundingBox box = bounding_box(input);
  const double scale = std::max(box.width(), box.height());
  Ring ring = without_redundant_vertices(input, 1e-9 * scale);
  if (distance == 0.0) return ring;
  const std::size_t n = ring.size();
  // Outward normal: to the right of each edge for a counter-clockwise ring, to the left otherwise.
  const double side = signed_area(ring) > 0.0 ? 1.0 : -1.0;
  const Point2 origin = ring[0];
  std::vector<Point2> dir(n), base(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Point2 e = ring[(i + 1) % n] - ring[i];
    dir[i] = (1.0 / norm(e)) * e;
    const Point2 normal{side * dir[i].y, -side * dir[i].x};
    base[i] = (ring[i] - origin) + distance * normal;  // a point of the offset line of edge i
  }
  Ring out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t prev = (i + n - 1) % n;
    // Intersect line (base[prev], dir[prev]) with line (base[i], dir[i]).
    const double denom = cross(dir[prev], dir[i]);
    if (std::abs(denom) < 1e-12) return std::nullopt;  // cannot happen after removing collinear vertices
    const double t = cross(base[i] - base[prev], dir[i]) / denom;
    out[i] = origin + (base[prev] + t * dir[prev]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Point2 moved = out[(i + 1) % n] - out[i];
    if (dot(moved, dir[i]) <= 0.0) return std::nullopt;  // the edge vanished or turned over
  }
  if (ring_problem(out) || (signed_area(out) > 0.0) != (side > 0.0)) return std::nullopt;
  return out;
}

}  // namespace georeserve::geometry
