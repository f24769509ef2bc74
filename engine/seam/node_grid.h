// The regular 2D grid of a seam model: nodes at cell centres over the field's bounding box, x east
// fastest, then y north. A node stands for its cell (area dx * dy) and belongs to the field when its
// centre lies inside the field outline (the same rule as the generator's truth).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geometry/contour.h"
#include "geometry/types.h"

namespace georeserve::seam {

struct NodeGrid {
  double x0 = 0, y0 = 0;  // centre of node (0, 0)
  double dx = 25, dy = 25;
  std::size_t nx = 0, ny = 0;

  std::size_t size() const { return nx * ny; }
  std::size_t index(std::size_t i, std::size_t j) const { return j * nx + i; }
  geometry::Point2 node(std::size_t k) const {
    return {x0 + static_cast<double>(k % nx) * dx, y0 + static_cast<double>(k / nx) * dy};
  }
  double cell_area() const { return dx * dy; }
  geometry::NodeGridView view(const double* values) const { return {x0, y0, dx, dy, nx, ny, values}; }
  // The node whose cell contains p, or size() when outside the grid.
  std::size_t locate(geometry::Point2 p) const;
  // Every `step`-th node in x and y (for maps and exports); the same cell centres, coarser.
  NodeGrid coarsened(std::size_t step) const;
};

// Cells of size `cell` covering the polygon's bounding box (cell edges at multiples of `cell`).
NodeGrid grid_over(const geometry::Polygon& outline, double cell);

// 1 for nodes whose centre lies inside any of the polygons; parallel over rows.
std::vector<std::uint8_t> inside_mask(const NodeGrid& grid, const geometry::MultiPolygon& polygons);

// Values of a full-resolution node array at the nodes of grid.coarsened(step).
std::vector<double> subsample(const NodeGrid& grid, const std::vector<double>& values, std::size_t step);

}  // namespace georeserve::seam
