// Implementation of result.h.
#include "subsidence/result.h"

#include <algorithm>
#include <cmath>

#include "geometry/overlay.h"
#include "geometry/polygon.h"

namespace georeserve::subsidence {

int node_grade(const SubsidenceResult& r, std::size_t k) {
  const int g = grade_of_index(r.damage_index[k]);
  return g == 1 && r.grid.w[k] < kSubsidenceBoundaryMm ? 0 : g;
}

double field_value(const SubsidenceResult& r, const std::string& field, std::size_t k) {
  const DeformationGrid& g = r.grid;
  if (field == "W") return g.w[k];
  if (field == "tilt_x") return g.tilt_x[k];
  if (field == "tilt_y") return g.tilt_y[k];
  if (field == "curvature_x") return g.curv_xx[k];
  if (field == "curvature_y") return g.curv_yy[k];
  if (field == "u_x") return g.u_x[k];
  if (field == "u_y") return g.u_y[k];
  if (field == "strain_x") return g.strain_xx[k];
  if (field == "strain_y") return g.strain_yy[k];
  if (field == "tilt_max") return std::hypot(g.tilt_x[k], g.tilt_y[k]);
  if (field == "curvature_max") return principal_of_largest_magnitude(g.curv_xx[k], g.curv_xy[k], g.curv_yy[k]);
  if (field == "strain_max") return principal_of_largest_magnitude(g.strain_xx[k], g.strain_xy[k], g.strain_yy[k]);
  if (field == "damage_index") return r.damage_index[k];
  if (field == "grade") return node_grade(r, k);
  return std::nan("");
}

std::vector<double> contour_levels_for(const std::vector<double>& configured, double max_w) {
  if (!configured.empty()) return configured;
  std::vector<double> levels;
  for (double l : {10.0, 100.0, 500.0})
    if (l <= max_w) levels.push_back(l);
  for (double l = 1000.0; l <= max_w; l += 500.0) levels.push_back(l);
  return levels;
}

std::vector<BlockOverlay> overlay_blocks(const SubsidenceResult& r, const std::vector<PlanningBlock>& blocks) {
  std::vector<BlockOverlay> out;
  const GridSpec& s = r.grid.spec;
  for (const PlanningBlock& block : blocks) {
    BlockOverlay o;
    o.name = block.name;
    o.area = geometry::area(block.shape);
    for (const geometry::Polygon& part : block.shape) {
      o.subsided_area += geometry::intersection_area(r.zones.subsided, part);
      for (int g = 0; g < 4; ++g) o.grade_area[g] += geometry::intersection_area(r.zones.grades[g], part);
      // Maxima: the exact model at the vertices, and the grid nodes inside.
      for (geometry::Point2 v : part.outer) o.max_w = std::max(o.max_w, r.model->at(v).w);
      const geometry::BoundingBox box = geometry::bounding_box(part);
      const double i0 = std::max(0.0, std::ceil((box.min_x - s.x0) / s.dx)), i1 = std::min(s.nx - 1.0, std::floor((box.max_x - s.x0) / s.dx));
      const double j0 = std::max(0.0, std::ceil((box.min_y - s.y0) / s.dy)), j1 = std::min(s.ny - 1.0, std::floor((box.max_y - s.y0) / s.dy));
      for (double j = j0; j <= j1; ++j)
        for (double i = i0; i <= i1; ++i) {
          const auto ii = static_cast<std::size_t>(i), jj = static_cast<std::size_t>(j);
          if (!geometry::contains(part, {s.x(ii), s.y(jj)})) continue;
          const std::size_t k = jj * s.nx + ii;
          o.max_w = std::max(o.max_w, r.grid.w[k]);
          o.worst_grade = std::max(o.worst_grade, node_grade(r, k));
        }
    }
    for (int g = 0; g < 4; ++g)
      if (o.grade_area[g] > 0.0) o.worst_grade = std::max(o.worst_grade, g + 1);
    out.push_back(o);
  }
  return out;
}

}  // namespace georeserve::subsidence
