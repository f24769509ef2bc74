// The grid outputs of a subsidence run: the contract CSV and the GeoTIFFs. The CSV is formatted in
// parallel, a batch of row blocks at a time, and written in grid order, so it is the same for any
// thread count and never held in memory whole.
#include <algorithm>
#include <sstream>

#include <tbb/parallel_for.h>

#include "core/atomic_file.h"
#include "core/text.h"
#include "formats/raster.h"
#include "io/csv.h"
#include "subsidence/outputs.h"

namespace georeserve::subsidence {
namespace {

std::string azimuth_suffix(double az) { return "_az" + format_double(az); }

void write_node(CsvWriter& w, const SubsidenceResult& r, const SubsidenceJob& job, std::size_t k) {
  const GridSpec& s = r.grid.spec;
  const DeformationGrid& g = r.grid;
  w.number(s.x(k % s.nx), 3).number(s.y(k / s.nx), 3).number(g.w[k], 3);
  w.number(g.tilt_x[k], 4).number(g.tilt_y[k], 4).number(g.curv_xx[k], 5).number(g.curv_yy[k], 5);
  w.number(g.u_x[k], 3).number(g.u_y[k], 3).number(g.strain_xx[k], 4).number(g.strain_yy[k], 4);
  if (!job.directions.empty()) {
    const Deformation d = g.at(k);
    for (double az : job.directions) {
      const AlongDirection a = d.along(az);
      w.number(a.tilt, 4).number(a.curvature, 5).number(a.u, 3).number(a.strain, 4);
    }
  }
  if (job.principal_columns) {
    w.number(field_value(r, "tilt_max", k), 4).number(field_value(r, "curvature_max", k), 5);
    w.number(field_value(r, "strain_max", k), 4).integer(node_grade(r, k));
  }
  w.end_row();
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
        std::ostringstream ss;
        CsvWriter w(ss);
        const std::size_t begin = first + b * block, end = std::min(n, begin + block);
        for (std::size_t k = begin; k < end; ++k) write_node(w, r, job, k);
        text[b] = ss.str();
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
