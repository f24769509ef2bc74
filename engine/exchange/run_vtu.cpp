// Implementation of run_vtu.h.
#include "exchange/run_vtu.h"

#include <cmath>
#include <map>

#include "io/vtk_xml.h"

namespace georeserve {

namespace fs = std::filesystem;

namespace {

vtkxml::WriteOptions vtk_options(const RunFolder& run) {
  vtkxml::WriteOptions w;
  w.geo.epsg = run.scene.epsg;
  w.geo.origin = run.scene.origin;
  return w;
}

}  // namespace

void write_blocks_vtu(const RunFolder& run, const BlockModel& bm, const std::vector<bool>& shown, const fs::path& path) {
  const BlockGrid& g = bm.grid();
  const auto& n = g.count();
  vtkxml::UnstructuredGrid ug;
  std::map<std::size_t, std::int64_t> node_id;  // grid node -> point index
  auto node = [&](int i, int j, int k) {
    const std::size_t key = (static_cast<std::size_t>(k) * static_cast<std::size_t>(n[1] + 1) + static_cast<std::size_t>(j)) *
                                static_cast<std::size_t>(n[0] + 1) + static_cast<std::size_t>(i);
    auto [it, added] = node_id.emplace(key, static_cast<std::int64_t>(ug.points.size()));
    if (added) {
      const Eigen::Vector3d w = g.to_world({i * g.block_size().x(), j * g.block_size().y(), k * g.block_size().z()});
      ug.points.push_back({w.x(), w.y(), w.z()});
    }
    return it->second;
  };
  std::vector<std::size_t> kept;
  for (std::size_t b = 0; b < bm.size(); ++b) {
    if (!shown[b]) continue;
    const BlockIndex x = g.ijk(b);
    // VTK hexahedron: bottom face counter-clockwise seen from above, then the top face.
    ug.cells.add({node(x.i, x.j, x.k), node(x.i + 1, x.j, x.k), node(x.i + 1, x.j + 1, x.k), node(x.i, x.j + 1, x.k),
                  node(x.i, x.j, x.k + 1), node(x.i + 1, x.j, x.k + 1), node(x.i + 1, x.j + 1, x.k + 1), node(x.i, x.j + 1, x.k + 1)});
    ug.types.push_back(vtkxml::CellType::hexahedron);
    kept.push_back(b);
  }
  for (const auto& a : bm.attributes()) {
    vtkxml::DataArray d;
    d.name = a.name;
    d.unit = a.unit;
    if (a.categorical) {
      std::vector<std::int32_t> v;
      for (auto b : kept) v.push_back(std::isnan(a.values[b]) ? 0 : static_cast<std::int32_t>(a.values[b]));
      d.values = std::move(v);
    } else {
      std::vector<double> v;
      for (auto b : kept) v.push_back(a.values[b]);
      d.values = std::move(v);
    }
    ug.data.cell.push_back(std::move(d));
  }
  std::vector<std::int32_t> ijk;
  for (auto b : kept) {
    const BlockIndex x = g.ijk(b);
    ijk.insert(ijk.end(), {x.i, x.j, x.k});
  }
  ug.data.cell.push_back({"ijk", ijk, 3, ""});
  vtkxml::write_vtu(path, ug, vtk_options(run));
}

void write_solid_vtu(const RunFolder& run, const scene::Layer& l, const fs::path& path) {
  const TriangleMesh m = load_mesh(run, l);
  vtkxml::UnstructuredGrid ug;
  for (const auto& v : m.vertices) ug.points.push_back({v.x(), v.y(), v.z()});
  for (const auto& t : m.triangles) {
    ug.cells.add({t[0], t[1], t[2]});
    ug.types.push_back(vtkxml::CellType::triangle);
  }
  ug.data.field.push_back({"title", std::vector<std::string>{l.title}, 1, ""});
  vtkxml::write_vtu(path, ug, vtk_options(run));
}

void write_drillholes_vtu(const RunFolder& run, const scene::Layer& l, const fs::path& path) {
  const Polylines3D h = load_polylines(run, l, l.color_by);
  vtkxml::UnstructuredGrid ug;
  for (const auto& line : h.lines) {
    std::vector<std::int64_t> ids;
    for (const auto& p : line) {
      ids.push_back(static_cast<std::int64_t>(ug.points.size()));
      ug.points.push_back({p.x(), p.y(), p.z()});
    }
    ug.cells.add(ids);
    ug.types.push_back(vtkxml::CellType::poly_line);
  }
  if (!l.color_by.empty()) ug.data.cell.push_back({l.color_by, h.values, 1, ""});
  if (!l.label_field.empty()) ug.data.cell.push_back({l.label_field, h.labels, 1, ""});
  vtkxml::write_vtu(path, ug, vtk_options(run));
}

}  // namespace georeserve
