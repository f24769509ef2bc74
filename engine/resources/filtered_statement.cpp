// See filtered_statement.h. One pass over the blocks in parallel (rows of the grid), each thread summing
// tonnes and tonnes x grade per class; the polygon test is done once per grid column when the grid's
// third axis is vertical (the usual case), else per block.
#include "resources/filtered_statement.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include "core/error.h"
#include "geometry/polygon.h"
#include "resources/resource_class.h"

namespace georeserve {
namespace {

constexpr int kSlots = 4;  // 0 unclassified, 1 measured, 2 indicated, 3 inferred

struct Sums {
  std::array<double, kSlots> tonnes{};
  std::array<std::size_t, kSlots> blocks{};
  std::vector<double> weighted, carried;  // [slot * grades + g]: sum t*g, sum t where g has a value
  std::size_t selected = 0;

  explicit Sums(std::size_t grades = 0) : weighted(kSlots * grades, 0.0), carried(kSlots * grades, 0.0) {}
  void add(const Sums& o) {
    for (int s = 0; s < kSlots; ++s) {
      tonnes[static_cast<std::size_t>(s)] += o.tonnes[static_cast<std::size_t>(s)];
      blocks[static_cast<std::size_t>(s)] += o.blocks[static_cast<std::size_t>(s)];
    }
    for (std::size_t g = 0; g < weighted.size(); ++g) {
      weighted[g] += o.weighted[g];
      carried[g] += o.carried[g];
    }
    selected += o.selected;
  }
};

long long code_of(float v) { return std::isnan(v) ? -1 : std::llround(v); }

bool allowed(const std::optional<std::vector<long long>>& list, long long code) {
  return !list || std::find(list->begin(), list->end(), code) != list->end();
}

void check_length(std::span<const float> column, std::size_t blocks, const std::string& name) {
  if (!column.empty() && column.size() != blocks)
    throw InputError("", 0, name, "has " + std::to_string(column.size()) + " values for " + std::to_string(blocks) + " blocks");
}

}  // namespace

std::array<double, 3> BlockColumns::centre(int i, int j, int k) const {
  const double f[3] = {i + 0.5, j + 0.5, k + 0.5};
  std::array<double, 3> p = origin;
  for (std::size_t a = 0; a < 3; ++a)
    for (std::size_t c = 0; c < 3; ++c) p[c] += f[a] * axes[a][c];
  return p;
}

FilteredStatement filtered_statement(const BlockColumns& cols, const BlockSelection& sel) {
  const std::size_t n = cols.block_count();
  if (cols.tonnes.size() != n)
    throw InputError("", 0, "tonnes", "has " + std::to_string(cols.tonnes.size()) + " values for " + std::to_string(n) + " blocks");
  check_length(cols.class_code, n, "class");
  for (const auto& g : cols.grades) check_length(g.values, n, g.name);
  check_length(sel.filter_values, n, "filter");
  check_length(sel.required, n, "required");
  check_length(sel.domain_code, n, "domain");

  const int nx = cols.cells[0], ny = cols.cells[1], nz = cols.cells[2];
  std::array<int, 3> lo{0, 0, 0}, hi{nx - 1, ny - 1, nz - 1};
  if (sel.index_min) lo = *sel.index_min;
  if (sel.index_max) hi = *sel.index_max;
  for (std::size_t a = 0; a < 3; ++a) {
    lo[a] = std::max(lo[a], 0);
    hi[a] = std::min(hi[a], cols.cells[a] - 1);
  }

  // The polygon: its bounding box, and a per-column mask when the third axis is vertical.
  geometry::BoundingBox box;
  if (sel.polygon) box = geometry::bounding_box(*sel.polygon);
  const double axis_scale = std::abs(cols.axes[2][2]) + 1e-300;
  const bool columns_vertical = std::abs(cols.axes[2][0]) < 1e-9 * axis_scale && std::abs(cols.axes[2][1]) < 1e-9 * axis_scale;
  auto inside = [&](const std::array<double, 3>& p) {
    if (p[0] < box.min_x || p[0] > box.max_x || p[1] < box.min_y || p[1] > box.max_y) return false;
    return geometry::contains(*sel.polygon, geometry::Point2{p[0], p[1]});
  };
  std::vector<std::uint8_t> column_inside;
  if (sel.polygon && columns_vertical) {
    column_inside.assign(static_cast<std::size_t>(nx) * ny, 0);
    for (int j = lo[1]; j <= hi[1]; ++j)
      for (int i = lo[0]; i <= hi[0]; ++i) column_inside[static_cast<std::size_t>(j) * nx + i] = inside(cols.centre(i, j, 0));
  }

  const std::size_t ng = cols.grades.size();
  const bool empty_box = lo[0] > hi[0] || lo[1] > hi[1] || lo[2] > hi[2];
  const int rows = empty_box ? 0 : (hi[2] - lo[2] + 1) * (hi[1] - lo[1] + 1);
  const int row_length = hi[1] - lo[1] + 1;
  const Sums total = tbb::parallel_reduce(
      tbb::blocked_range<int>(0, rows, 16), Sums(ng),
      [&](const tbb::blocked_range<int>& range, Sums acc) {
        for (int r = range.begin(); r < range.end(); ++r) {
          const int k = lo[2] + r / row_length, j = lo[1] + r % row_length;
          for (int i = lo[0]; i <= hi[0]; ++i) {
            const std::size_t b = (static_cast<std::size_t>(k) * ny + j) * nx + i;
            if (!sel.required.empty() && std::isnan(sel.required[b])) continue;
            if (!sel.filter_values.empty()) {
              const float v = sel.filter_values[b];
              if (!(v >= sel.filter_lo && v <= sel.filter_hi)) continue;
            }
            const long long klass = cols.class_code.empty() ? -1 : code_of(cols.class_code[b]);
            if (!allowed(sel.classes, klass)) continue;
            if (sel.domains && !sel.domain_code.empty() && !allowed(sel.domains, code_of(sel.domain_code[b]))) continue;
            if (!sel.slabs.empty() || (sel.polygon && !columns_vertical)) {
              const auto p = cols.centre(i, j, k);
              bool keep = true;
              for (const Slab& s : sel.slabs) {
                const double v = s.value(p);
                keep = keep && v >= s.lo && v <= s.hi;
              }
              if (!keep || (sel.polygon && !columns_vertical && !inside(p))) continue;
            }
            if (sel.polygon && columns_vertical && !column_inside[static_cast<std::size_t>(j) * nx + i]) continue;
            ++acc.selected;
            const float t = cols.tonnes[b];
            if (!(t > 0)) continue;
            const std::size_t slot = klass >= 1 && klass <= 3 ? static_cast<std::size_t>(klass) : 0;
            acc.tonnes[slot] += t;
            ++acc.blocks[slot];
            for (std::size_t g = 0; g < ng; ++g) {
              const float v = cols.grades[g].values[b];
              if (std::isnan(v)) continue;
              acc.weighted[slot * ng + g] += static_cast<double>(t) * v;
              acc.carried[slot * ng + g] += t;
            }
          }
        }
        return acc;
      },
      [](Sums a, const Sums& b) {
        a.add(b);
        return a;
      });

  FilteredStatement out;
  for (const auto& g : cols.grades) {
    out.grade_names.push_back(g.name);
    out.grade_units.push_back(g.unit);
  }
  out.blocks_selected = total.selected;
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  FilteredRow sum;
  sum.class_code = -1;
  sum.class_name = "total";
  sum.class_name_cn = "合计";
  std::vector<double> all_weighted(ng, 0.0), all_carried(ng, 0.0);
  for (std::size_t slot : {1u, 2u, 3u, 0u}) {
    if (total.blocks[slot] == 0) continue;
    FilteredRow row;
    row.class_code = static_cast<int>(slot);
    if (slot == 0) {
      row.class_name = "unclassified";
      row.class_name_cn = "未分类";
    } else {
      row.class_name = class_name(static_cast<ResourceClass>(slot));
      row.class_name_cn = class_name_cn(static_cast<ResourceClass>(slot));
    }
    row.tonnes = total.tonnes[slot];
    row.blocks = total.blocks[slot];
    for (std::size_t g = 0; g < ng; ++g) {
      const double w = total.weighted[slot * ng + g], c = total.carried[slot * ng + g];
      row.grades.push_back(c > 0 ? w / c : kNaN);
      all_weighted[g] += w;
      all_carried[g] += c;
    }
    sum.tonnes += row.tonnes;
    sum.blocks += row.blocks;
    out.rows.push_back(std::move(row));
  }
  for (std::size_t g = 0; g < ng; ++g) sum.grades.push_back(all_carried[g] > 0 ? all_weighted[g] / all_carried[g] : kNaN);
  out.rows.push_back(std::move(sum));
  return out;
}

}  // namespace georeserve
