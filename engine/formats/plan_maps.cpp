// Implementation of plan_maps.h: column sums, north-up rasters (resampled for rotated grids) and the
// contour lines and bands of engine/geometry/contour.h on the raster's cell centres.
#include "formats/plan_maps.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "core/text.h"
#include "geometry/contour.h"
#include "report/svg.h"

namespace georeserve {
namespace {

constexpr double kNoData = -9999.0;

// The raster's cell centres as contour nodes (j grows northward), NaN for no data.
std::vector<double> node_values(const RasterGrid& r) {
  std::vector<double> v(r.cols * r.rows);
  for (std::size_t row = 0; row < r.rows; ++row)
    for (std::size_t col = 0; col < r.cols; ++col) {
      const float x = r.at(col, row);
      v[(r.rows - 1 - row) * r.cols + col] = r.is_nodata(x) ? std::numeric_limits<double>::quiet_NaN() : x;
    }
  return v;
}

geometry::NodeGridView view_of(const RasterGrid& r, const std::vector<double>& values) {
  geometry::NodeGridView g;
  g.x0 = r.x_center(0);
  g.y0 = r.y_center(r.rows - 1);
  g.dx = r.cell_x;
  g.dy = r.cell_y;
  g.nx = r.cols;
  g.ny = r.rows;
  g.values = values.data();
  return g;
}

}  // namespace

std::vector<double> column_sums(const BlockGrid& grid, const std::function<double(std::size_t)>& value) {
  const auto& n = grid.count();
  const std::size_t plan = static_cast<std::size_t>(n[0]) * static_cast<std::size_t>(n[1]);
  std::vector<double> out(plan, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t b = 0; b < grid.block_count(); ++b) {
    const double v = value(b);
    if (!std::isfinite(v)) continue;
    double& c = out[b % plan];  // i fastest, then j: the plan index repeats every layer
    c = std::isnan(c) ? v : c + v;
  }
  return out;
}

RasterGrid plan_raster(const BlockGrid& grid, const std::vector<double>& columns, int epsg) {
  const std::size_t nx = static_cast<std::size_t>(grid.count()[0]), ny = static_cast<std::size_t>(grid.count()[1]);
  if (columns.size() != nx * ny) throw InputError("", 0, "", "plan_raster: one value per plan column expected");
  auto stored = [](double v) { return std::isfinite(v) ? static_cast<float>(v) : static_cast<float>(kNoData); };
  if (!grid.rotated()) {
    RasterGrid r(nx, ny, grid.origin().x(), grid.origin().y() + static_cast<double>(ny) * grid.block_size().y(), grid.block_size().x(),
                 grid.block_size().y(), epsg);
    r.nodata = kNoData;
    for (std::size_t j = 0; j < ny; ++j)
      for (std::size_t i = 0; i < nx; ++i) r.at(i, ny - 1 - j) = stored(columns[j * nx + i]);
    return r;
  }
  const double cell = std::min(grid.block_size().x(), grid.block_size().y());
  const auto box = grid.bounds();
  const double west = std::floor(box[0].x() / cell) * cell, north = std::ceil(box[1].y() / cell) * cell;
  const auto cols = static_cast<std::size_t>(std::ceil((box[1].x() - west) / cell));
  const auto rows = static_cast<std::size_t>(std::ceil((north - box[0].y()) / cell));
  RasterGrid r(cols, rows, west, north, cell, cell, epsg, static_cast<float>(kNoData));
  r.nodata = kNoData;
  const double z = grid.origin().z() + 0.5 * grid.block_size().z();
  for (std::size_t row = 0; row < rows; ++row)
    for (std::size_t col = 0; col < cols; ++col)
      if (auto b = grid.locate({r.x_center(col), r.y_center(row), z}))
        r.at(col, row) = stored(columns[static_cast<std::size_t>(b->j) * nx + static_cast<std::size_t>(b->i)]);
  return r;
}

std::vector<double> nice_levels(double lo, double hi, int target) {
  std::vector<double> out;
  if (!(lo < hi) || target < 1) return out;
  const double step = nice_step((hi - lo) / target);
  for (double v = std::floor(lo / step + 1) * step; v < hi; v += step)
    if (v > lo) out.push_back(std::round(v / step) * step);
  return out;
}

VectorLayer contour_layer(const RasterGrid& raster, const std::vector<double>& levels, const std::string& name, const std::string& unit) {
  VectorLayer layer{name, VectorGeometryType::line, {{"level", VectorFieldType::real}, {"unit", VectorFieldType::text}}, {}};
  const std::vector<double> values = node_values(raster);
  const auto view = view_of(raster, values);
  for (double level : levels) {
    VectorFeature f;
    f.lines = geometry::contour_lines(view, level);
    if (f.lines.empty()) continue;
    f.values = {level, unit};
    layer.features.push_back(std::move(f));
  }
  return layer;
}

VectorLayer zone_layer(const RasterGrid& raster, const std::vector<double>& breaks, const std::string& name, const std::string& unit) {
  VectorLayer layer{name, VectorGeometryType::polygon,
                    {{"lo", VectorFieldType::real}, {"hi", VectorFieldType::real}, {"label", VectorFieldType::text}, {"unit", VectorFieldType::text}},
                    {}};
  const std::vector<double> values = node_values(raster);
  const auto view = view_of(raster, values);
  for (std::size_t k = 0; k + 1 < breaks.size(); ++k) {
    VectorFeature f;
    f.polygons = geometry::contour_band(view, breaks[k], breaks[k + 1]);
    if (f.polygons.empty()) continue;
    f.values = {breaks[k], breaks[k + 1], format_double(breaks[k]) + "-" + format_double(breaks[k + 1]) + (unit.empty() ? "" : " " + unit), unit};
    layer.features.push_back(std::move(f));
  }
  return layer;
}

}  // namespace georeserve
