// Contour lines and filled bands (zones) of a field given at the nodes of a regular grid, as
// polylines and polygons with holes. Each grid cell is split into four triangles about its centre
// (centre value = mean of the four corners, which also settles saddle cells without bias); the field
// is linear on each triangle, and lines and band boundaries are the exact level sets of that
// piecewise-linear field. Cells with a missing (NaN) corner are left out, so zones stop at no-data.
#pragma once

#include <cstddef>
#include <vector>

#include "geometry/types.h"

namespace georeserve::geometry {

// A read-only view of node values: node (i, j) lies at (x0 + i dx, y0 + j dy) and holds
// values[j * nx + i]; j grows northward. NaN marks a missing value.
struct NodeGridView {
  double x0 = 0.0, y0 = 0.0;
  double dx = 1.0, dy = 1.0;
  std::size_t nx = 0, ny = 0;
  const double* values = nullptr;
  double at(std::size_t i, std::size_t j) const { return values[j * nx + i]; }
};

// The lines where the field equals `level`, oriented with higher values on the left. Lines that
// close on themselves repeat their first point at the end; the others end at the grid's edge or at
// missing data.
std::vector<Polyline> contour_lines(const NodeGridView& grid, double level);

// The region where lo <= value < hi, as polygons in normal orientation (outer counter-clockwise,
// holes clockwise). lo may be -infinity and hi +infinity (e.g. [10, inf) = "at least 10").
MultiPolygon contour_band(const NodeGridView& grid, double lo, double hi);

}  // namespace georeserve::geometry
