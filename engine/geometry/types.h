// The 2D geometry value types shared by the project: points, rings, polygons with holes, polylines
// and bounding boxes, in projected metres (x east, y north). Plain structs, no behaviour beyond
// vector arithmetic, so every module can hold them without pulling in algorithms.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace georeserve::geometry {

struct Point2 {
  double x = 0.0;
  double y = 0.0;
};

inline Point2 operator+(Point2 a, Point2 b) { return {a.x + b.x, a.y + b.y}; }
inline Point2 operator-(Point2 a, Point2 b) { return {a.x - b.x, a.y - b.y}; }
inline Point2 operator*(double s, Point2 a) { return {s * a.x, s * a.y}; }
inline bool operator==(Point2 a, Point2 b) { return a.x == b.x && a.y == b.y; }
inline double dot(Point2 a, Point2 b) { return a.x * b.x + a.y * b.y; }
// z of the 3D cross product: > 0 when b lies counter-clockwise of a.
inline double cross(Point2 a, Point2 b) { return a.x * b.y - a.y * b.x; }
inline double norm(Point2 a) { return std::hypot(a.x, a.y); }

// A ring is implicitly closed: the last vertex is NOT a repeat of the first. Readers of formats that
// repeat it (GeoJSON, Shapefile) drop the repeat (see ring_from_closed_coordinates in polygon.h).
using Ring = std::vector<Point2>;

// A polygon: one outer ring and any number of holes. The normal orientation (see orient() in
// polygon.h) is outer counter-clockwise and holes clockwise, so the interior is always on the left.
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;
using Polyline = std::vector<Point2>;  // open unless its last point equals its first

struct BoundingBox {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();

  bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
  double width() const { return empty() ? 0.0 : max_x - min_x; }
  double height() const { return empty() ? 0.0 : max_y - min_y; }
  void add(Point2 p) {
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  void add(const BoundingBox& b) {
    if (b.empty()) return;
    add(Point2{b.min_x, b.min_y});
    add(Point2{b.max_x, b.max_y});
  }
  // The box grown by d on every side (d may be negative).
  BoundingBox expanded(double d) const { return {min_x - d, min_y - d, max_x + d, max_y + d}; }
  bool contains(Point2 p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
  bool intersects(const BoundingBox& b) const {
    return !empty() && !b.empty() && b.min_x <= max_x && b.max_x >= min_x && b.min_y <= max_y && b.max_y >= min_y;
  }
  // Euclidean distance from p to the box (0 inside).
  double distance(Point2 p) const {
    const double dx = std::max({min_x - p.x, 0.0, p.x - max_x});
    const double dy = std::max({min_y - p.y, 0.0, p.y - max_y});
    return std::hypot(dx, dy);
  }
};

}  // namespace georeserve::geometry
