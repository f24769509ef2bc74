// Douglas-Peucker simplification of polylines and rings: drops vertices that lie within a tolerance
// of the simplified line. For drawing (maps at screen resolution); it does not guard against the
// result touching itself, so do not use it on shapes that must stay valid polygons.
#pragma once

#include "geometry/types.h"

namespace georeserve::geometry {

// Keeps the end points; every dropped vertex lies within `tolerance` of the result.
Polyline simplify_polyline(const Polyline& line, double tolerance);
// A ring keeps at least 3 vertices (or all of them when it has fewer).
Ring simplify_ring(const Ring& ring, double tolerance);

}  // namespace georeserve::geometry
