// Checks that a ring or polygon is a valid simple shape: enough vertices, finite coordinates,
// non-zero area, no edge crossing or touching another (self-intersection), holes inside the outer
// ring. Problems come back as text for the caller to put into its own error with file and feature.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "geometry/types.h"

namespace georeserve::geometry {

// Where two edges of a polygon meet although they should not. Ring 0 is the outer ring, ring k the
// hole k-1; edge i runs from vertex i to vertex i+1 of its ring.
struct EdgeContact {
  std::size_t ring_a = 0, edge_a = 0;
  std::size_t ring_b = 0, edge_b = 0;
  Point2 at;
};

// True when the closed segments [a, b] and [c, d] share at least one point; *at receives one of them.
bool segments_touch(Point2 a, Point2 b, Point2 c, Point2 d, Point2* at = nullptr);

// The first pair of non-adjacent edges that touch or cross, and adjacent edges that fold back onto
// each other (a spike). Edges are swept in x order, so typical rings cost about n log n.
std::optional<EdgeContact> find_self_intersection(const Polygon& polygon);

// A description such as "has only 2 distinct vertices" or "edges 2 and 5 cross at (410.00, 220.00)",
// or nullopt when the ring is a valid simple ring.
std::optional<std::string> ring_problem(const Ring& ring);
// Same for a polygon with holes: each ring, rings crossing each other, holes outside the outer ring.
std::optional<std::string> polygon_problem(const Polygon& polygon);

}  // namespace georeserve::geometry
