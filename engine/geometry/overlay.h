// Area of the part of one polygon that lies inside another (overlay tables: the area of a planning
// block in each damage zone, of a coal-map block inside a licence boundary, ...).
#pragma once

#include "geometry/types.h"

namespace georeserve::geometry {

// Area of the intersection of a and b, both valid polygons (holes allowed, any orientation).
// Computed from the boundary by Green's theorem: the edges of a inside b and the edges of b inside a
// enclose the intersection; edges shared by both count once when the interiors lie on the same side.
double intersection_area(const Polygon& a, const Polygon& b);
// Sum over the polygons of `zones` (which must not overlap each other) of their intersection with b.
double intersection_area(const MultiPolygon& zones, const Polygon& b);

}  // namespace georeserve::geometry
