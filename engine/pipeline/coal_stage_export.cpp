// Coal stage export: the seam block model (one hexahedral cell per seam column at the export step:
// roof, floor, thickness, qualities, class, status) as VTK UnstructuredGrid, each seam's roof and floor
// surfaces as VTK PolyData, boreholes as PolyData, and scene.json for georeserve-view.
#include <cmath>

#include "core/text.h"
#include "io/vtk_xml.h"
#include "pipeline/coal_context.h"
#include "scene/scene.h"

namespace georeserve {

namespace {

vtkxml::GeoReference geo(const CoalContext& c) {
  const auto& g = c.inputs.grid;
  vtkxml::GeoReference r;
  r.epsg = c.model.epsg;
  r.origin = {std::floor(g.x0 / 1000) * 1000, std::floor(g.y0 / 1000) * 1000, 0};
  return r;
}

void write_block_model(const CoalContext& c, const vtkxml::WriteOptions& opt) {
  const auto& g = c.inputs.grid;
  const auto step = c.model.export_step;
  const auto cg = g.coarsened(step);
  vtkxml::UnstructuredGrid u;
  std::vector<double> thickness, roof, floor, ash, sulfur, cv, density, tonnes;
  std::vector<std::int32_t> seam_code, class_code, status;
  for (std::size_t s = 0; s < c.seams.seams.size(); ++s) {
    const auto& sf = c.seams.seams[s];
    const auto& st = c.status[s];
    for (std::size_t j = 0; j < cg.ny; ++j)
      for (std::size_t i = 0; i < cg.nx; ++i) {
        const auto k = g.index(i * step, j * step);
        if (!(sf.thickness[k] > 0) || std::isnan(sf.roof[k])) continue;
        const auto p = g.node(k);
        const double hx = 0.5 * cg.dx, hy = 0.5 * cg.dy;
        const double top = sf.roof[k], bottom = sf.floor[k];
        const auto base = static_cast<std::int64_t>(u.points.size());
        for (double z : {bottom, top}) {
          u.points.push_back({p.x - hx, p.y - hy, z});
          u.points.push_back({p.x + hx, p.y - hy, z});
          u.points.push_back({p.x + hx, p.y + hy, z});
          u.points.push_back({p.x - hx, p.y + hy, z});
        }
        u.cells.add({base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 7});
        u.types.push_back(vtkxml::CellType::hexahedron);
        thickness.push_back(sf.thickness[k]);
        roof.push_back(top);
        floor.push_back(bottom);
        ash.push_back(sf.quality[0][k]);
        sulfur.push_back(sf.quality[1][k]);
        cv.push_back(sf.quality[2][k]);
        density.push_back(sf.quality[3][k]);
        tonnes.push_back(sf.thickness[k] * cg.cell_area() * sf.quality[3][k]);
        seam_code.push_back(static_cast<std::int32_t>(s) + 1);
        class_code.push_back(std::isnan(st.class_code[k]) ? 0 : static_cast<std::int32_t>(st.class_code[k]));
        status.push_back(static_cast<std::int32_t>(st.status[k]));
      }
  }
  u.data.cell = {{"thickness", thickness, 1, "m"}, {"roof", roof, 1, "m"},        {"floor", floor, 1, "m"},
                 {"Ad", ash, 1, "%"},              {"St_d", sulfur, 1, "%"},      {"Qnet_ar", cv, 1, "MJ/kg"},
                 {"density", density, 1, "t/m3"},  {"tonnes", tonnes, 1, "t"},    {"seam", seam_code, 1, ""},
                 {"class", class_code, 1, ""},     {"status", status, 1, ""}};
  vtkxml::write_vtu(c.out / "seam_blocks.vtu", u, opt);
}

void write_surfaces(const CoalContext& c, const vtkxml::WriteOptions& opt) {
  const auto& g = c.inputs.grid;
  const auto step = c.model.export_step;
  const auto cg = g.coarsened(step);
  for (std::size_t s = 0; s < c.seams.seams.size(); ++s) {
    const auto& sf = c.seams.seams[s];
    // Roof and floor surfaces as quads over the coarse cells whose four corners have coal.
    vtkxml::PolyData pd;
    std::vector<std::int64_t> point_of(cg.size(), -1);
    std::vector<double> thickness;
    std::vector<std::int32_t> side;
    for (int which = 0; which < 2; ++which) {
      std::fill(point_of.begin(), point_of.end(), -1);
      const auto& z = which == 0 ? sf.roof : sf.floor;
      auto node = [&](std::size_t i, std::size_t j) { return g.index(i * step, j * step); };
      for (std::size_t j = 0; j + 1 < cg.ny; ++j)
        for (std::size_t i = 0; i + 1 < cg.nx; ++i) {
          const std::size_t corners[4] = {node(i, j), node(i + 1, j), node(i + 1, j + 1), node(i, j + 1)};
          const std::size_t coarse[4] = {cg.index(i, j), cg.index(i + 1, j), cg.index(i + 1, j + 1), cg.index(i, j + 1)};
          bool ok = true;
          for (auto k : corners) ok = ok && sf.thickness[k] > 0 && !std::isnan(z[k]);
          if (!ok) continue;
          std::vector<std::int64_t> ids;
          for (int q = 0; q < 4; ++q) {
            if (point_of[coarse[q]] < 0) {
              point_of[coarse[q]] = static_cast<std::int64_t>(pd.points.size());
              const auto p = g.node(corners[q]);
              pd.points.push_back({p.x, p.y, z[corners[q]]});
              thickness.push_back(sf.thickness[corners[q]]);
            }
            ids.push_back(point_of[coarse[q]]);
          }
          pd.polys.add(ids);
          side.push_back(which);
        }
    }
    pd.data.point = {{"thickness", thickness, 1, "m"}};
    pd.data.cell = {{"surface", side, 1, ""}};  // 0 roof, 1 floor
    vtkxml::write_vtp(c.out / ("seam_" + c.model.seams.names[s] + "_surfaces.vtp"), pd, opt);
  }
}

void write_holes(const CoalContext& c, const vtkxml::WriteOptions& opt) {
  vtkxml::PolyData pd;
  std::vector<std::string> ids;
  for (std::size_t h = 0; h < c.traces.size(); ++h) {
    const auto& t = c.traces[h];
    std::vector<std::int64_t> line;
    const double step = 50;
    for (double d = 0;; d += step) {
      const double depth = std::min(d, t.max_depth());
      const auto p = t.position_at(depth);
      line.push_back(static_cast<std::int64_t>(pd.points.size()));
      pd.points.push_back({p.x(), p.y(), p.z()});
      if (depth >= t.max_depth()) break;
    }
    pd.lines.add(line);
    ids.push_back(c.inputs.hole_ids[h]);
  }
  pd.data.cell = {{"hole_id", ids, 1, ""}};
  vtkxml::write_vtp(c.out / "drillholes.vtp", pd, opt);
}

void write_scene_file(const CoalContext& c, const vtkxml::GeoReference& r) {
  scene::Scene sc;
  sc.name = c.model.name;
  sc.title = c.model.title;
  sc.epsg = c.model.epsg;
  sc.vertical_epsg = 5737;
  sc.origin = r.origin;
  sc.vertical_exaggeration = 5;
  scene::Layer blocks;
  blocks.id = "seams";
  blocks.kind = scene::LayerKind::block_model;
  blocks.title = "煤层块体模型 seam block model";
  blocks.file = "seam_blocks.vtu";
  blocks.color_by = "seam";
  blocks.class_attribute = "class";
  blocks.domain_attribute = "seam";
  blocks.filter_attribute = "thickness";
  scene::Attribute seam_attr;
  seam_attr.name = "seam";
  seam_attr.title = "煤层 seam";
  seam_attr.kind = scene::AttributeKind::categorical;
  for (std::size_t s = 0; s < c.model.seams.size(); ++s)
    seam_attr.categories.push_back({static_cast<long long>(s) + 1, c.model.seams.names_cn[s], "seam " + c.model.seams.names[s],
                                    category_color(s)});
  scene::Attribute cls;
  cls.name = "class";
  cls.title = "资源量类型 class";
  cls.kind = scene::AttributeKind::categorical;
  cls.categories.push_back({0, "未分类", "unclassified", {200, 200, 200}});
  for (auto rc : all_resource_classes)
    cls.categories.push_back({static_cast<long long>(rc), std::string(class_name_cn(rc)), std::string(class_name(rc)),
                              resource_class_color(class_name(rc))});
  scene::Attribute th{"thickness", "煤厚 thickness", "m", scene::AttributeKind::continuous, ColorMap::viridis,
                      std::array<double, 2>{0, 3.5}, {}};
  scene::Attribute ash{"Ad", "灰分 Ad", "%", scene::AttributeKind::continuous, ColorMap::magma, std::array<double, 2>{10, 40}, {}};
  scene::Attribute cv{"Qnet_ar", "发热量 Qnet,ar", "MJ/kg", scene::AttributeKind::continuous, ColorMap::turbo,
                      std::array<double, 2>{15, 23}, {}};
  blocks.attributes = {seam_attr, cls, th, ash, cv};
  sc.layers.push_back(blocks);
  scene::Layer holes;
  holes.id = "drillholes";
  holes.kind = scene::LayerKind::drillholes;
  holes.title = "钻孔 boreholes";
  holes.file = "drillholes.vtp";
  holes.label_field = "hole_id";
  holes.visible = false;
  sc.layers.push_back(holes);
  scene::write_scene(c.out / "scene.json", sc);
}

}  // namespace

void coal_stage_export(CoalContext& c) {
  vtkxml::WriteOptions opt;
  opt.geo = geo(c);
  write_block_model(c, opt);
  write_surfaces(c, opt);
  write_holes(c, opt);
  write_scene_file(c, opt.geo);
}

}  // namespace georeserve
