// Implementation of run_folder.h: the manifest through scene::read_scene, the VTK files through
// exchange/vtk_reader.h, the polygons through scene::read_geojson.
#include "exchange/run_folder.h"

#include <cmath>
#include <numbers>

#include "core/error.h"
#include "exchange/vtk_reader.h"

namespace georeserve {
namespace {

// The regular grid behind a structured grid written by vtkxml::rotated_block_grid.
BlockGrid grid_from_points(const vtkxml::StructuredGrid& g, const std::string& file) {
  const std::size_t nx = g.cells[0], ny = g.cells[1];
  auto p = [&](std::size_t i, std::size_t j, std::size_t k) {
    const auto& q = g.points[(k * (ny + 1) + j) * (nx + 1) + i];
    return Eigen::Vector3d(q[0], q[1], q[2]);
  };
  const Eigen::Vector3d o = p(0, 0, 0), ex = p(1, 0, 0) - o, ey = p(0, 1, 0) - o, ez = p(0, 0, 1) - o;
  // The points were computed at Gauss-Kruger magnitudes (x ~ 4e7 m, resolution ~1e-8 m), so the
  // recovered sizes and angle carry that noise: round them (0.1 micrometre, 1e-9 degree), which gives
  // back the round numbers block models are made of and moves no corner by more than 0.1 mm.
  auto snap = [](double v, double unit) { return std::round(v / unit) * unit; };
  const double rotation = snap(std::atan2(ex.y(), ex.x()) * 180.0 / std::numbers::pi, 1e-9);
  BlockGrid grid(o, {snap(ex.norm(), 1e-7), snap(ey.norm(), 1e-7), snap(ez.z(), 1e-7)},
                 {static_cast<int>(nx), static_cast<int>(ny), static_cast<int>(g.cells[2])}, rotation == 0.0 ? 0.0 : rotation);
  // Every corner of the file must be where the regular grid puts it (within a millimetre).
  const std::size_t corners[2][3] = {{0, 0, 0}, {nx, ny, g.cells[2]}};
  for (const auto& c : corners) {
    const Eigen::Vector3d expect = grid.to_world({static_cast<double>(c[0]) * grid.block_size().x(), static_cast<double>(c[1]) * grid.block_size().y(),
                                                  static_cast<double>(c[2]) * grid.block_size().z()});
    if ((expect - p(c[0], c[1], c[2])).norm() > 1e-3)
      throw InputError(file, 0, "", "the structured grid is not a regular (rotated) block grid");
  }
  if (std::abs(ex.z()) > 1e-6 || std::abs(ey.z()) > 1e-6 || std::abs(ex.dot(ey)) > 1e-6 * ex.norm() * ey.norm())
    throw InputError(file, 0, "", "the structured grid is not a regular (rotated) block grid");
  return grid;
}

}  // namespace

RunFolder RunFolder::open(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) throw InputError(dir.string(), 0, "", "run folder not found");
  const auto manifest = dir / "scene.json";
  if (!std::filesystem::exists(manifest))
    throw InputError(dir.string(), 0, "", "not a georeserve run folder (no scene.json; make one with `georeserve run MODEL.json --out DIR`)");
  RunFolder r;
  r.dir = dir;
  r.scene = scene::read_scene(manifest);
  return r;
}

std::vector<const scene::Layer*> RunFolder::layers(scene::LayerKind kind, bool visible_only) const {
  std::vector<const scene::Layer*> out;
  for (const auto& l : scene.layers)
    if (l.kind == kind && (!visible_only || l.visible)) out.push_back(&l);
  return out;
}

BlockModel load_block_model(const RunFolder& run, const scene::Layer& layer) {
  const auto path = layer.resolved.empty() ? run.dir / layer.file : layer.resolved;
  const std::string file = path.string();
  const vtkxml::VtkFile f = vtkxml::read_vtk_xml(path);
  BlockGrid grid;
  if (f.type == "ImageData") {
    const auto& im = f.image;
    grid = BlockGrid({im.origin[0], im.origin[1], im.origin[2]}, {im.spacing[0], im.spacing[1], im.spacing[2]},
                     {static_cast<int>(im.cells[0]), static_cast<int>(im.cells[1]), static_cast<int>(im.cells[2])});
  } else if (f.type == "StructuredGrid") {
    grid = grid_from_points(f.structured, file);
  } else {
    throw InputError(file, 0, "", "a block model must be a .vti or .vts file, not " + f.type);
  }
  BlockModel model(grid);
  for (const vtkxml::DataArray& a : f.data().cell) {
    if (std::holds_alternative<std::vector<std::string>>(a.values) || a.components != 1) continue;
    std::vector<double> values = vtkxml::as_doubles(a, file);
    if (values.size() != grid.block_count())
      throw InputError(file, 0, a.name, "has " + std::to_string(values.size()) + " values for " + std::to_string(grid.block_count()) + " blocks");
    const scene::Attribute* sa = layer.attribute(a.name);
    BlockAttribute* attr = nullptr;
    if (sa && sa->kind == scene::AttributeKind::categorical) {
      std::vector<Category> cats;
      for (const auto& c : sa->categories) cats.push_back({static_cast<int>(c.code), c.label_en.empty() ? c.label : c.label_en, c.label});
      attr = &model.add_categorical(a.name, cats, sa->title);
      if (!sa->category(0))  // code 0 is the writer's "no category" unless the manifest names it
        for (double& v : values)
          if (v == 0) v = std::numeric_limits<double>::quiet_NaN();
    } else {
      attr = &model.add(a.name, f.unit_of(a.name), sa ? sa->title : std::string());
    }
    attr->values = std::move(values);
  }
  return model;
}

TriangleMesh load_mesh(const RunFolder& run, const scene::Layer& layer) {
  const auto path = layer.resolved.empty() ? run.dir / layer.file : layer.resolved;
  const vtkxml::VtkFile f = vtkxml::read_vtk_xml(path);
  if (f.type != "PolyData") throw InputError(path.string(), 0, "", "a solid must be a .vtp file, not " + f.type);
  TriangleMesh m;
  for (const auto& p : f.poly.points) m.vertices.emplace_back(p[0], p[1], p[2]);
  const auto& polys = f.poly.polys;
  std::int64_t start = 0;
  for (std::int64_t end : polys.offsets) {
    // Fans of polygons; ours are triangles already.
    for (std::int64_t k = start + 1; k + 1 < end; ++k)
      m.triangles.push_back({static_cast<int>(polys.connectivity[static_cast<std::size_t>(start)]),
                             static_cast<int>(polys.connectivity[static_cast<std::size_t>(k)]),
                             static_cast<int>(polys.connectivity[static_cast<std::size_t>(k + 1)])});
    start = end;
  }
  return m;
}

Polylines3D load_polylines(const RunFolder& run, const scene::Layer& layer, const std::string& attribute) {
  const auto path = layer.resolved.empty() ? run.dir / layer.file : layer.resolved;
  const std::string file = path.string();
  const vtkxml::VtkFile f = vtkxml::read_vtk_xml(path);
  if (f.type != "PolyData") throw InputError(file, 0, "", "drillholes must be a .vtp file, not " + f.type);
  const auto& lines = f.poly.lines;
  Polylines3D out;
  std::int64_t start = 0;
  for (std::int64_t end : lines.offsets) {
    std::vector<Eigen::Vector3d> line;
    for (std::int64_t k = start; k < end; ++k) {
      const auto& p = f.poly.points[static_cast<std::size_t>(lines.connectivity[static_cast<std::size_t>(k)])];
      line.emplace_back(p[0], p[1], p[2]);
    }
    out.lines.push_back(std::move(line));
    start = end;
  }
  // Cell data run over verts first, then lines.
  const std::size_t first = f.poly.verts.size();
  out.values.assign(out.lines.size(), std::numeric_limits<double>::quiet_NaN());
  out.labels.assign(out.lines.size(), "");
  if (const auto* a = f.cell_array(attribute); a && !std::holds_alternative<std::vector<std::string>>(a->values)) {
    const auto v = vtkxml::as_doubles(*a, file);
    for (std::size_t k = 0; k < out.lines.size() && first + k < v.size(); ++k) out.values[k] = v[first + k];
  }
  if (const auto* a = f.cell_array(layer.label_field); a && std::holds_alternative<std::vector<std::string>>(a->values)) {
    const auto& v = std::get<std::vector<std::string>>(a->values);
    for (std::size_t k = 0; k < out.lines.size() && first + k < v.size(); ++k) out.labels[k] = v[first + k];
  }
  return out;
}

scene::FeatureCollection load_polygons(const RunFolder& run, const scene::Layer& layer) {
  const auto path = layer.resolved.empty() ? run.dir / layer.file : layer.resolved;
  return scene::read_geojson(path, run.scene.epsg);
}

}  // namespace georeserve
