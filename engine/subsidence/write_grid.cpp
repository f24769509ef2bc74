// The grid outputs of a subsidence run: the contract CSV and the GeoTIFFs. The CSV is formatted in
// parallel, a batch of row blocks at a time, and written in grid order, so it is the same for any
// thread count and never held in memory whole.
#include <algorithm>

#include <tbb/parallel_for.h>

#include "core/atomic_file.h"
#include "core/text.h"
#include "formats/raster.h"
#include "io/csv.h"
#include "subsidence/outputs.h"

namespace georeserve::subsidence {
namespace {

std::string azimuth_suffix(double az) { return "_az" + format_double(az); }

// Numbers never need quoting, so rows are built by appending (the CSV writer's per-field checks
// would dominate the time on millions of rows).
void put(std::string& row, double v, int decimals) {
  if (!row.empty() && row.back() != '\n') row += ',';
  row += format_fixed(v, decimals);
}

void write_node(std::string& row, const SubsidenceResult& r, const SubsidenceJob& job, std::size_t k) {
  const GridSpec& s = r.grid.spec;
  const DeformationGrid& g = r.grid;
  put(row, s.x(k % s.nx), 3), put(row, s.y(k / s.nx), 3), put(row, g.w[k], 3);
  put(row, g.tilt_x[k], 4), put(row, g.tilt_y[k], 4), put(row, g.curv_xx[k], 5), put(row, g.curv_yy[k], 5);
  put(row, g.u_x[k], 3), put(row, g.u_y[k], 3), put(row, g.strain_xx[k], 4), put(row, g.strain_yy[k], 4);
  if (!job.directions.empty()) {
    const Deformation d = g.at(k);
    for (double az : job.directions) {
      const AlongDirection a = d.along(az);
      put(row, a.tilt, 4), put(row, a.curvature, 5), put(row, a.u, 3), put(row, a.strain, 4);
    }
  }
  if (job.principal_columns) {
    put(row, field_value(r, "tilt_max", k), 4), put(row, field_value(r, "curvature_max", k), 5);
    put(row, field_value(r, "strain_max", k), 4), put(row, node_grade(r, k), 0);
  }
  row += '\n';
}

}  // namespace

void write_grid_csv(const std::filesystem::path& path, const SubsidenceResult& r, const SubsidenceJob& job) {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvWriter header(out);
    for (const char* c : {"x", "y", "W", "tilt_x", "tilt_y", "curvature_x", "curvature_y", "u_x", "u_y", "strain_x", "strain_y"})
      header.field(c);
    for (double az : job.directions)
      for (const char* c : {"tilt", "curvature", "u", "strain"}) header.field(c + azimuth_suffix(az));
    if (job.principal_columns)
      for (const char* c : {"tilt_max", "curvature_max", "strain_max", "damage_grade"}) header.field(c);
    header.end_row();
    const std::size_t n = r.grid.spec.size(), block = 8192, batch = 64;
    std::vector<std::string> text(batch);
    for (std::size_t first = 0; first < n; first += block * batch) {
      tbb::parallel_for(std::size_t{0}, batch, [&](std::size_t b) {
        text[b].clear();
        const std::size_t begin = first + b * block, end = std::min(n, begin + block);
        for (std::size_t k = begin; k < end; ++k) write_node(text[b], r, job, k);
      });
      for (const std::string& t : text) out << t;
    }
  });
}

void write_geotiffs(const SubsidenceResult& r, const SubsidenceJob& job) {
  const GridSpec& s = r.grid.spec;
  for (const auto& [field, path] : job.geotiffs) {
    // Cells centred on the nodes; row 0 is the northernmost grid row.
    RasterGrid raster(s.nx, s.ny, s.x0 - 0.5 * s.dx, s.y0 + (static_cast<double>(s.ny) - 0.5) * s.dy, s.dx, s.dy, job.epsg);
    for (std::size_t j = 0; j < s.ny; ++j)
      for (std::size_t i = 0; i < s.nx; ++i)
        raster.at(i, s.ny - 1 - j) = static_cast<float>(field_value(r, field, j * s.nx + i));
    write_geotiff(path, raster);
  }
}

}  // namespace georeserve::subsidence
