// Measures and predicates on rings and polygons: signed area, orientation, point-in-polygon,
// bounding boxes, centroids, and the clean-up of vertex lists read from files.
#pragma once

#include <optional>

#include "geometry/types.h"

namespace georeserve::geometry {

// Shoelace area: > 0 for counter-clockwise rings, < 0 for clockwise ones.
double signed_area(const Ring& ring);
// Outer area minus the holes' areas, whatever the orientation of the rings.
double area(const Polygon& polygon);
double area(const MultiPolygon& polygons);
bool is_counter_clockwise(const Ring& ring);

// Puts a polygon into normal orientation: outer counter-clockwise, holes clockwise.
void orient(Polygon& polygon);
void orient(MultiPolygon& polygons);

// Point-in-ring by the crossing rule (even-odd). Points exactly on the boundary may go either way;
// callers that care test on_boundary() first.
bool contains(const Ring& ring, Point2 p);
// Inside the outer ring and outside every hole.
bool contains(const Polygon& polygon, Point2 p);
bool contains(const MultiPolygon& polygons, Point2 p);
// True when p lies within `tolerance` metres of an edge of the ring.
bool on_boundary(const Ring& ring, Point2 p, double tolerance);

BoundingBox bounding_box(const Ring& ring);
BoundingBox bounding_box(const Polygon& polygon);
BoundingBox bounding_box(const MultiPolygon& polygons);

// Area centroid of a ring (falls back to the vertex mean for a degenerate ring).
Point2 centroid(const Ring& ring);
// Distance from p to the segment [a, b].
double distance_to_segment(Point2 p, Point2 a, Point2 b);

// True when a coordinate list from a file repeats its first vertex at the end (GeoJSON, Shapefile).
bool is_closed(const std::vector<Point2>& coordinates);
// Drops the closing repeat of a closed coordinate list, giving this library's implicit-closure Ring.
Ring ring_from_closed_coordinates(const std::vector<Point2>& coordinates);
// Same for lists that may or may not repeat the first vertex (configuration files).
Ring ring_from_coordinates(const std::vector<Point2>& coordinates);

// Removes repeated consecutive vertices and vertices lying on the straight line between their
// neighbours (within `tolerance` metres). The ring's shape and area are unchanged.
Ring without_redundant_vertices(const Ring& ring, double tolerance);

}  // namespace georeserve::geometry
