// Class-by-class comparison with the exhaustive truth grids (coal_truth.h).
#include "pipeline/coal_truth.h"

#include <cmath>

#include "formats/raster.h"

namespace georeserve {

namespace {

std::filesystem::path grid_file(const CoalModel& m, const std::string& seam, const std::string& field) {
  std::string name = m.truth_grid_pattern;
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"{seam}", seam}, {"{field}", field}})
    for (auto p = name.find(key); p != std::string::npos; p = name.find(key)) name.replace(p, key.size(), value);
  return *m.truth_grids / name;
}

}  // namespace

std::vector<ClassTruthRow> class_truth_rows(const CoalContext& c) {
  std::vector<ClassTruthRow> rows;
  if (!c.model.truth_grids) return rows;
  const auto& g = c.inputs.grid;
  for (std::size_t s = 0; s < c.seams.seams.size(); ++s) {
    const auto& name = c.model.seams.names[s];
    const auto thickness = read_geotiff(grid_file(c.model, name, "thickness"));
    const auto density = read_geotiff(grid_file(c.model, name, "density"));
    const auto& sf = c.seams.seams[s];
    const auto& st = c.status[s];
    ClassTruthRow by_class[4];
    for (std::size_t k = 0; k < g.size(); ++k) {
      if (st.status[k] != seam::NodeStatus::remaining || std::isnan(st.class_code[k])) continue;
      const auto p = g.node(k);
      const auto t = thickness.sample(p.x, p.y);
      const auto d = density.sample(p.x, p.y);
      const double truth = t && d && std::isfinite(*t) && std::isfinite(*d) ? *t * *d * g.cell_area() : 0.0;
      const double est = sf.thickness[k] * sf.quality[3][k] * g.cell_area();
      for (int r : {static_cast<int>(st.class_code[k]), 0}) {
        by_class[r].area += g.cell_area();
        by_class[r].estimate += est;
        by_class[r].truth += truth;
      }
    }
    for (int r : {1, 2, 3, 0}) {
      auto row = by_class[r];
      row.seam = name;
      if (r == 0) {
        row.class_name = "all";
        row.class_cn = "合计";
      } else {
        const auto rc = static_cast<ResourceClass>(r);
        row.class_name = std::string(class_name(rc));
        row.class_cn = std::string(class_name_cn(rc));
      }
      if (row.area > 0) rows.push_back(row);
    }
  }
  return rows;
}

}  // namespace georeserve
