// Implementation of grid.h.
#include "subsidence/grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <unistd.h>

namespace georeserve::subsidence {
namespace {

// Bytes per node: 11 deformation fields, plus the damage index, the zone-I field and the grade.
constexpr std::uint64_t kBytesPerNode = (11 + 3) * sizeof(double);

// The nodes a panel can reach, and for axis-aligned rectangles the x strips of those columns.
struct Reach {
  bool any = false;
  std::size_t i0 = 0, i1 = 0, j0 = 0, j1 = 0;  // inclusive
  bool separable = false;
  std::vector<Strip> columns;  // strip(x_i) for i in [i0, i1]
};

// Inclusive index range of nodes x0 + k d inside [lo, hi], clamped to [0, n).
bool index_range(double lo, double hi, double x0, double d, std::size_t n, std::size_t* k0, std::size_t* k1) {
  const double a = std::ceil((lo - x0) / d), b = std::floor((hi - x0) / d);
  if (b < 0.0 || a > static_cast<double>(n) - 1.0 || a > b) return false;
  *k0 = static_cast<std::size_t>(std::max(a, 0.0));
  *k1 = static_cast<std::size_t>(std::min(b, static_cast<double>(n) - 1.0));
  return true;
}

Reach reach_of(const SubsidenceModel& model, std::size_t p, const GridSpec& spec) {
  Reach r;
  const geometry::BoundingBox box = model.influence_box(p);
  r.any = index_range(box.min_x, box.max_x, spec.x0, spec.dx, spec.nx, &r.i0, &r.i1) &&
          index_range(box.min_y, box.max_y, spec.y0, spec.dy, spec.ny, &r.j0, &r.j1);
  const EffectivePanel& panel = model.panels()[p];
  r.separable = r.any && panel.shape.is_axis_aligned_rectangle();
  if (r.separable) {
    const geometry::BoundingBox& outline = panel.shape.box();
    r.columns.reserve(r.i1 - r.i0 + 1);
    for (std::size_t i = r.i0; i <= r.i1; ++i) r.columns.push_back(strip(spec.x(i), outline.min_x, outline.max_x, panel.r));
  }
  return r;
}

}  // namespace

std::uint64_t grid_memory_bytes(std::uint64_t nx, std::uint64_t ny) {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  if (nx != 0 && ny > max / nx) return max;
  const std::uint64_t nodes = nx * ny;
  return nodes > max / kBytesPerNode ? max : nodes * kBytesPerNode;
}

std::uint64_t physical_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) : 0;
}

Deformation DeformationGrid::at(std::size_t k) const {
  return {w[k],        tilt_x[k], tilt_y[k], curv_xx[k],   curv_xy[k],   curv_yy[k],
          u_x[k],      u_y[k],    strain_xx[k], strain_xy[k], strain_yy[k]};
}

void DeformationGrid::set(std::size_t k, const Deformation& d) {
  w[k] = d.w;
  tilt_x[k] = d.tilt_x;
  tilt_y[k] = d.tilt_y;
  curv_xx[k] = d.curv_xx;
  curv_xy[k] = d.curv_xy;
  curv_yy[k] = d.curv_yy;
  u_x[k] = d.u_x;
  u_y[k] = d.u_y;
  strain_xx[k] = d.strain_xx;
  strain_xy[k] = d.strain_xy;
  strain_yy[k] = d.strain_yy;
}

geometry::NodeGridView DeformationGrid::view(const std::vector<double>& field) const {
  return {spec.x0, spec.y0, spec.dx, spec.dy, spec.nx, spec.ny, field.data()};
}

DeformationGrid predict_grid(const SubsidenceModel& model, const GridSpec& spec, ProgressSink* progress) {
  DeformationGrid g;
  g.spec = spec;
  const std::size_t n = spec.size();
  for (auto* f : {&g.w, &g.tilt_x, &g.tilt_y, &g.curv_xx, &g.curv_xy, &g.curv_yy, &g.u_x, &g.u_y, &g.strain_xx,
                  &g.strain_xy, &g.strain_yy})
    f->assign(n, 0.0);
  const auto& panels = model.panels();
  std::vector<Reach> reach(panels.size());
  tbb::parallel_for(std::size_t{0}, panels.size(), [&](std::size_t p) { reach[p] = reach_of(model, p, spec); });

  ProgressTask task(progress, "subsidence grid", spec.ny);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, spec.ny), [&](const tbb::blocked_range<std::size_t>& rows) {
    std::vector<Deformation> row(spec.nx);  // one buffer per chunk of rows, never per node
    for (std::size_t j = rows.begin(); j != rows.end(); ++j) {
      std::fill(row.begin(), row.end(), Deformation{});
      const double y = spec.y(j);
      for (std::size_t p = 0; p < panels.size(); ++p) {
        const Reach& rc = reach[p];
        if (!rc.any || j < rc.j0 || j > rc.j1) continue;
        const EffectivePanel& panel = panels[p];
        const geometry::BoundingBox& outline = panel.shape.box();
        const double cutoff = kCutoffRadii * panel.r;
        Strip sy;
        if (rc.separable) sy = strip(y, outline.min_y, outline.max_y, panel.r);
        for (std::size_t i = rc.i0; i <= rc.i1; ++i) {
          const geometry::Point2 pt{spec.x(i), y};
          if (outline.distance(pt) > cutoff) continue;  // the same reach as SubsidenceModel::at
          if (rc.separable) {
            const Strip& sx = rc.columns[i - rc.i0];
            accumulate(row[i], panel, {sx.c * sy.c, sx.dc * sy.c, sx.c * sy.dc, sx.ddc * sy.c, sx.dc * sy.dc, sx.c * sy.ddc});
          } else {
            accumulate(row[i], panel, panel.shape.at(pt));
          }
        }
      }
      for (std::size_t i = 0; i < spec.nx; ++i) g.set(j * spec.nx + i, row[i]);
      task.advance(1);
    }
  });
  return g;
}

}  // namespace georeserve::subsidence
