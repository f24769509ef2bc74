// Stage export: the block model (CSV for spreadsheets, VTK for ParaView and the viewer), the
// drillholes and composites (VTK polylines), the domain solids (VTK, OBJ, PLY) and the scene manifest
// scene.json that georeserve-view opens.
#include <cmath>
#include <map>

#include "core/text.h"
#include "exchange/run_export.h"
#include "io/vtk_xml.h"
#include "mesh/triangle_mesh.h"
#include "pipeline/stage.h"
#include "scene/scene.h"

namespace georeserve {

namespace {

int epsg_code(const std::string& crs) {
  const auto p = crs.find(':');
  const auto v = parse_double(p == std::string::npos ? crs : crs.substr(p + 1));
  return v ? static_cast<int>(*v) : 0;
}

vtkxml::Attributes block_attributes(const BlockModel& bm) {
  vtkxml::Attributes a;
  for (const auto& attr : bm.attributes()) {
    vtkxml::DataArray d;
    d.name = attr.name;
    d.unit = attr.unit;
    if (attr.categorical) {
      std::vector<std::int32_t> codes(attr.values.size());
      for (std::size_t b = 0; b < codes.size(); ++b)
        codes[b] = std::isnan(attr.values[b]) ? 0 : static_cast<std::int32_t>(attr.values[b]);
      d.values = std::move(codes);
    } else {
      d.values = attr.values;
    }
    a.cell.push_back(std::move(d));
  }
  return a;
}

scene::Attribute scene_attribute(const BlockAttribute& a) {
  scene::Attribute s;
  s.name = a.name;
  s.title = a.description.empty() ? a.name : a.name + " " + a.description;
  s.unit = a.unit;
  if (a.categorical) {
    s.kind = scene::AttributeKind::categorical;
    for (const auto& c : a.categories)
      s.categories.push_back({c.code, c.name_cn, c.name,
                              a.name == "class" ? resource_class_color(c.name) : category_color(static_cast<std::size_t>(c.code - 1))});
  }
  return s;
}

void write_drillholes(const PipelineContext& c, const vtkxml::WriteOptions& wo, scene::Scene& sc) {
  // One polyline per logged interval of the first domain's logging table, coloured by its code.
  const auto& ds = *c.domains.front().settings;
  const auto& log = c.db.table(ds.table);
  const auto& field = log.require_field(ds.field);
  vtkxml::PolyData pd;
  std::vector<std::int32_t> code;
  std::vector<std::string> hole;
  for (std::size_t r = 0; r < log.row_count(); ++r) {
    const auto& tr = c.traces[static_cast<std::size_t>(log.hole(r))];
    const double from = log.from(r), to = log.to(r);
    const int n = std::max(1, static_cast<int>(std::ceil((to - from) / 5.0)));
    std::vector<std::int64_t> ids;
    for (int k = 0; k <= n; ++k) {
      const auto p = tr.position_at(from + (to - from) * k / n);
      ids.push_back(static_cast<std::int64_t>(pd.points.size()));
      pd.points.push_back({p.x(), p.y(), p.z()});
    }
    pd.lines.add(ids);
    code.push_back(field.codes[r] + 1);
    hole.push_back(c.db.collar(log.hole(r)).hole_id);
  }
  pd.data.cell.push_back({ds.field, code, 1, ""});
  pd.data.cell.push_back({"hole_id", hole, 1, ""});
  vtkxml::write_vtp(c.out / "drillholes.vtp", pd, wo);
  scene::Layer l;
  l.id = "drillholes";
  l.kind = scene::LayerKind::drillholes;
  l.title = "钻孔 drillholes (" + ds.field + ")";
  l.file = "drillholes.vtp";
  l.color_by = ds.field;
  l.label_field = "hole_id";
  scene::Attribute a;
  a.name = ds.field;
  a.title = "岩性 " + ds.field;
  a.kind = scene::AttributeKind::categorical;
  for (std::size_t k = 0; k < field.categories.size(); ++k)
    a.categories.push_back({static_cast<long long>(k + 1), field.categories[k], "", category_color(k)});
  l.attributes.push_back(a);
  sc.layers.push_back(l);

  // Composites of the first grade, as short segments.
  vtkxml::PolyData cp;
  std::vector<double> grade;
  const auto& comp = c.composites;
  for (std::size_t i = 0; i < comp.size(); ++i) {
    const auto& tr = c.traces[static_cast<std::size_t>(comp.hole[i])];
    const auto a0 = tr.position_at(comp.from[i]), a1 = tr.position_at(comp.to[i]);
    const auto n0 = static_cast<std::int64_t>(cp.points.size());
    cp.points.push_back({a0.x(), a0.y(), a0.z()});
    cp.points.push_back({a1.x(), a1.y(), a1.z()});
    cp.lines.add({n0, n0 + 1});
    grade.push_back(comp.value[0][i]);
  }
  const auto& g0 = *c.grades.front().settings;
  cp.data.cell.push_back({g0.field, grade, 1, g0.unit});
  vtkxml::write_vtp(c.out / "composites.vtp", cp, wo);
  scene::Layer lc;
  lc.id = "composites";
  lc.kind = scene::LayerKind::composites;
  lc.title = "组合样 composites (" + g0.field + ")";
  lc.file = "composites.vtp";
  lc.visible = false;
  lc.color_by = g0.field;
  scene::Attribute ga;
  ga.name = g0.field;
  ga.title = g0.name_cn + " " + g0.field;
  ga.unit = g0.unit;
  lc.attributes.push_back(ga);
  sc.layers.push_back(lc);
}

}  // namespace

void stage_export(PipelineContext& c) {
  const auto& m = c.model;
  const auto& bm = *c.blocks;
  const auto& g = bm.grid();
  const auto& fraction = bm.at("ore_fraction").values;
  bm.write_csv(c.out / "blocks.csv", [&](std::size_t b) { return fraction[b] > 0; });

  vtkxml::WriteOptions wo;
  wo.geo.epsg = epsg_code(m.crs);
  wo.geo.origin = {std::round(g.origin().x() / 1000) * 1000, std::round(g.origin().y() / 1000) * 1000, 0.0};
  scene::Scene sc;
  sc.name = m.name;
  sc.title = m.title;
  sc.epsg = wo.geo.epsg;
  sc.vertical_epsg = 5737;
  sc.origin = wo.geo.origin;

  const std::array<std::size_t, 3> cells{static_cast<std::size_t>(g.count()[0]), static_cast<std::size_t>(g.count()[1]),
                                         static_cast<std::size_t>(g.count()[2])};
  const std::array<double, 3> origin{g.origin().x(), g.origin().y(), g.origin().z()};
  const std::array<double, 3> spacing{g.block_size().x(), g.block_size().y(), g.block_size().z()};
  scene::Layer blocks;
  blocks.id = "blocks";
  blocks.kind = scene::LayerKind::block_model;
  blocks.title = "块体模型 block model";
  if (g.rotated()) {
    auto sg = vtkxml::rotated_block_grid(cells, origin, spacing, g.rotation_deg());
    sg.data = block_attributes(bm);
    vtkxml::write_vts(c.out / "blocks.vts", sg, wo);
    blocks.file = "blocks.vts";
  } else {
    vtkxml::ImageData img;
    img.cells = cells;
    img.origin = origin;
    img.spacing = spacing;
    img.data = block_attributes(bm);
    vtkxml::write_vti(c.out / "blocks.vti", img, wo);
    blocks.file = "blocks.vti";
  }
  for (const auto& a : bm.attributes()) blocks.attributes.push_back(scene_attribute(a));
  blocks.color_by = c.grades.front().settings->field;
  blocks.class_attribute = "class";
  blocks.domain_attribute = "domain";
  blocks.filter_attribute = c.grades.front().settings->field;
  sc.layers.push_back(blocks);

  write_drillholes(c, wo, sc);

  for (std::size_t d = 0; d < c.domains.size(); ++d) {
    const auto& dr = c.domains[d];
    const std::string stem = "solid_" + dr.settings->name;
    write_obj(c.out / (stem + ".obj"), dr.solid, dr.settings->name);
    write_ply(c.out / (stem + ".ply"), dr.solid);
    vtkxml::PolyData pd;
    for (const auto& v : dr.solid.vertices) pd.points.push_back({v.x(), v.y(), v.z()});
    for (const auto& t : dr.solid.triangles) pd.polys.add({t[0], t[1], t[2]});
    vtkxml::write_vtp(c.out / (stem + ".vtp"), pd, wo);
    scene::Layer l;
    l.id = stem;
    l.kind = scene::LayerKind::solid;
    l.title = dr.settings->name_cn + " " + dr.settings->name + " solid";
    l.file = stem + ".vtp";
    l.opacity = 0.35;
    l.color = category_color(d + 1);
    sc.layers.push_back(l);
  }

  if (m.report.planning_blocks) {
    scene::Layer l;
    l.id = "planning_blocks";
    l.kind = scene::LayerKind::polygons;
    l.title = "规划区块 planning blocks";
    // A copy travels with the results, so the output folder is complete on its own.
    l.file = "planning_blocks.geojson";
    std::filesystem::copy_file(*m.report.planning_blocks, c.out / l.file, std::filesystem::copy_options::overwrite_existing);
    l.label_field = "name";
    l.opacity = 0.4;
    sc.layers.push_back(l);
  }

  // Bookmarks: an overview from the south-east and a plan view over the ore's centre.
  const auto box = g.bounds();
  const Eigen::Vector3d centre = (box[0] + box[1]) / 2;
  const double size = (box[1] - box[0]).norm();
  scene::Bookmark overview;
  overview.name = "overview";
  overview.title = "总览 overview";
  overview.focal_point = {centre.x(), centre.y(), centre.z()};
  overview.position = {centre.x() + 0.8 * size, centre.y() - 1.2 * size, centre.z() + 0.9 * size};
  scene::Bookmark plan;
  plan.name = "plan";
  plan.title = "平面 plan";
  plan.focal_point = overview.focal_point;
  plan.position = {centre.x(), centre.y(), centre.z() + 2 * size};
  plan.view_up = {0, 1, 0};
  plan.parallel = true;
  plan.parallel_scale = 0.6 * (box[1] - box[0]).head<2>().maxCoeff();
  sc.bookmarks = {overview, plan};
  scene::merge_bookmarks(sc.bookmarks, scene::read_model_bookmarks(m.file));  // the model file's viewer.bookmarks
  scene::write_scene(c.out / "scene.json", sc);

  // scene.glb (the default view) and gis/, made from the files just written as `georeserve export` does.
  for (const auto& n : write_run_exchange_files(c.out).notes)
    if (c.log) *c.log << "export: " << n << '\n';
}

}  // namespace georeserve
