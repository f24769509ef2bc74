// Prediction on a regular grid of surface points, fast enough for hundreds of panels on millions of
// nodes: rows run in parallel (TBB), each node adds only the panels whose influence box (3 r around
// the outline) holds it, and axis-aligned rectangles use the separable form W0 C(x_i) C(y_j) with the
// strips computed once per column and per row. Each node sums its panels in the same order whatever
// the thread count, so results are identical for any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/progress.h"
#include "geometry/contour.h"
#include "subsidence/model.h"

namespace georeserve::subsidence {

// Node (i, j) lies at (x0 + i dx, y0 + j dy); j grows northward.
struct GridSpec {
  double x0 = 0.0, y0 = 0.0;
  double dx = 10.0, dy = 10.0;
  std::size_t nx = 0, ny = 0;
  double x(std::size_t i) const { return x0 + static_cast<double>(i) * dx; }
  double y(std::size_t j) const { return y0 + static_cast<double>(j) * dy; }
  std::size_t size() const { return nx * ny; }
};

// Memory a prediction on this grid needs: the eleven deformation fields plus the derived fields of
// the damage zones, in bytes (saturates instead of overflowing).
std::uint64_t grid_memory_bytes(std::uint64_t nx, std::uint64_t ny);
// Physical memory of this machine, in bytes (0 when unknown).
std::uint64_t physical_memory_bytes();

// The deformation fields, one value per node, row-major (j * nx + i).
struct DeformationGrid {
  GridSpec spec;
  std::vector<double> w, tilt_x, tilt_y, curv_xx, curv_xy, curv_yy, u_x, u_y, strain_xx, strain_xy, strain_yy;

  Deformation at(std::size_t k) const;
  void set(std::size_t k, const Deformation& d);
  // A contouring view of one of the fields above (or any field of the same size).
  geometry::NodeGridView view(const std::vector<double>& field) const;
};

DeformationGrid predict_grid(const SubsidenceModel& model, const GridSpec& spec, ProgressSink* progress = nullptr);

}  // namespace georeserve::subsidence
