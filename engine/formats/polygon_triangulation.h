// Triangles covering a polygon with holes (ear clipping after joining each hole to the outer ring by
// a bridge edge), for the caps of extruded planning blocks in 3D exports. O(n^2) in the vertex count:
// meant for map polygons of tens to a few thousand vertices, not for terrain.
#pragma once

#include <array>
#include <vector>

#include "geometry/types.h"

namespace georeserve {

struct PolygonTriangles {
  std::vector<geometry::Point2> points;        // outer ring, then each hole, in that order
  std::vector<std::array<int, 3>> triangles;   // counter-clockwise, indices into points
};

// The polygon must be valid (simple rings, holes inside the outer ring, disjoint); any orientation.
// The triangles' areas sum to geometry::area(polygon).
PolygonTriangles triangulate(const geometry::Polygon& polygon);

}  // namespace georeserve
