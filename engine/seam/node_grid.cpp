// The regular 2D node grid of a seam model (node_grid.h).
#include "seam/node_grid.h"

#include <cmath>

#include <tbb/parallel_for.h>

#include "geometry/polygon.h"

namespace georeserve::seam {

std::size_t NodeGrid::locate(geometry::Point2 p) const {
  const double fi = std::floor((p.x - x0) / dx + 0.5), fj = std::floor((p.y - y0) / dy + 0.5);
  if (fi < 0 || fj < 0 || fi >= static_cast<double>(nx) || fj >= static_cast<double>(ny)) return size();
  return index(static_cast<std::size_t>(fi), static_cast<std::size_t>(fj));
}

NodeGrid NodeGrid::coarsened(std::size_t step) const {
  NodeGrid g = *this;
  g.dx = dx * static_cast<double>(step);
  g.dy = dy * static_cast<double>(step);
  g.nx = (nx + step - 1) / step;
  g.ny = (ny + step - 1) / step;
  return g;
}

NodeGrid grid_over(const geometry::Polygon& outline, double cell) {
  const auto box = geometry::bounding_box(outline);
  NodeGrid g;
  g.dx = g.dy = cell;
  const double xa = std::floor(box.min_x / cell) * cell, ya = std::floor(box.min_y / cell) * cell;
  const double xb = std::ceil(box.max_x / cell) * cell, yb = std::ceil(box.max_y / cell) * cell;
  g.nx = static_cast<std::size_t>(std::llround((xb - xa) / cell));
  g.ny = static_cast<std::size_t>(std::llround((yb - ya) / cell));
  g.x0 = xa + 0.5 * cell;
  g.y0 = ya + 0.5 * cell;
  return g;
}

std::vector<std::uint8_t> inside_mask(const NodeGrid& grid, const geometry::MultiPolygon& polygons) {
  std::vector<std::uint8_t> mask(grid.size(), 0);
  const auto box = geometry::bounding_box(polygons);
  tbb::parallel_for(std::size_t{0}, grid.ny, [&](std::size_t j) {
    for (std::size_t i = 0; i < grid.nx; ++i) {
      const auto k = grid.index(i, j);
      const auto p = grid.node(k);
      if (box.contains(p) && geometry::contains(polygons, p)) mask[k] = 1;
    }
  });
  return mask;
}

std::vector<double> subsample(const NodeGrid& grid, const std::vector<double>& values, std::size_t step) {
  const auto c = grid.coarsened(step);
  std::vector<double> out(c.size());
  for (std::size_t j = 0; j < c.ny; ++j)
    for (std::size_t i = 0; i < c.nx; ++i) out[c.index(i, j)] = values[grid.index(i * step, j * step)];
  return out;
}

}  // namespace georeserve::seam
