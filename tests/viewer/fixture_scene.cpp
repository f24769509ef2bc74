// See fixture_scene.h.
#include "fixture_scene.h"

#include <cmath>
#include <fstream>

#include "formats/raster.h"

namespace georeserve::testing {
namespace {

constexpr double kX0 = 41512000.0, kY0 = 4690000.0;
const std::array<double, 3> kOrigin{kX0, kY0, 0.0};

vtkxml::WriteOptions write_options() {
  vtkxml::WriteOptions o;
  o.geo.epsg = 4529;
  o.geo.origin = kOrigin;
  return o;
}

scene::Attribute class_attribute() {
  scene::Attribute a;
  a.name = "class";
  a.title = "资源类别 class";
  a.kind = scene::AttributeKind::categorical;
  a.categories = {{1, "探明", "measured", {214, 39, 40}}, {2, "控制", "indicated", {255, 170, 30}}, {3, "推断", "inferred", {44, 160, 44}}};
  return a;
}

void write_holes(const std::filesystem::path& folder) {
  vtkxml::PolyData p;
  std::vector<std::string> hole, lith;
  std::vector<double> grade;
  const char* names[] = {"ZK0101", "ZK0102", "ZK0201", "ZK0202"};
  const double xs[] = {60, 140, 60, 140}, ys[] = {50, 50, 110, 110};
  for (int h = 0; h < 4; ++h) {
    const double depths[] = {0, 20, 45, 70};
    const char* liths[] = {"大理岩 marble", "硅灰石矿 ore", "矽卡岩 skarn"};
    for (int i = 0; i < 3; ++i) {
      const auto a = static_cast<std::int64_t>(p.points.size());
      p.points.push_back({kX0 + 100 + xs[h], kY0 + 100 + ys[h], 10.0 - depths[i]});
      p.points.push_back({kX0 + 100 + xs[h], kY0 + 100 + ys[h], 10.0 - depths[i + 1]});
      p.lines.add({a, a + 1});
      hole.push_back(names[h]);
      lith.push_back(liths[i]);
      grade.push_back(i == 1 ? 55.0 + 5 * h : 8.0);
    }
  }
  p.data.cell.push_back({"hole_id", hole, 1, ""});
  p.data.cell.push_back({"lith", lith, 1, ""});
  p.data.cell.push_back({"CaSiO3", grade, 1, "%"});
  vtkxml::write_vtp(folder / "drillholes.vtp", p, write_options());
}

void write_solid(const std::filesystem::path& folder) {
  // An ellipsoid-like closed mesh (latitude-longitude sphere scaled) around the middle of the model.
  vtkxml::PolyData p;
  const int rings = 12, sectors = 24;
  const double cx = kX0 + 380, cy = kY0 + 180, cz = 0, rx = 50, ry = 70, rz = 28;
  for (int r = 0; r <= rings; ++r)
    for (int s = 0; s < sectors; ++s) {
      const double phi = M_PI * r / rings, theta = 2 * M_PI * s / sectors;
      p.points.push_back({cx + rx * std::sin(phi) * std::cos(theta), cy + ry * std::sin(phi) * std::sin(theta), cz + rz * std::cos(phi)});
    }
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < sectors; ++s) {
      const std::int64_t a = r * sectors + s, b = r * sectors + (s + 1) % sectors, c = a + sectors, d = b + sectors;
      p.polys.add({a, c, d});
      p.polys.add({a, d, b});
    }
  vtkxml::write_vtp(folder / "ore_solid.vtp", p, write_options());
}

void write_dem(const std::filesystem::path& folder) {
  RasterGrid dem(60, 50, kX0 - 50, kY0 + 450, 8.0, 8.0, 4529);
  for (std::size_t r = 0; r < dem.rows; ++r)
    for (std::size_t c = 0; c < dem.cols; ++c) {
      const double x = dem.x_center(c) - kX0, y = dem.y_center(r) - kY0;
      dem.at(c, r) = static_cast<float>(30.0 + 12.0 * std::sin(x / 60.0) * std::cos(y / 80.0) + 0.02 * y);
    }
  write_geotiff(folder / "dem.tif", dem);
}

void write_planning(const std::filesystem::path& folder) {
  std::ofstream out(folder / "planning.geojson", std::ios::binary);
  out << R"({"type": "FeatureCollection",
  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4529"}},
  "features": [
    {"type": "Feature", "properties": {"name_cn": "前裕硅灰石勘查区", "kind": "exploration"},
     "geometry": {"type": "Polygon", "coordinates": [[[41512060, 4690040], [41512340, 4690040], [41512340, 4690300], [41512060, 4690300], [41512060, 4690040]]]}},
    {"type": "Feature", "properties": {"name_cn": "东孤家子石灰岩开采区", "kind": "mining"},
     "geometry": {"type": "Polygon", "coordinates": [[[41512000, 4690330], [41512150, 4690330], [41512100, 4690420], [41512000, 4690330]]]}}
  ]})";
}

}  // namespace

vtkxml::ImageData fixture_blocks() {
  vtkxml::ImageData g;
  g.cells = {20, 16, 10};
  g.origin = {kX0 + 100, kY0 + 100, -50};
  g.spacing = {10, 10, 5};
  std::vector<double> grade;
  std::vector<double> tonnes;  // 10 x 10 x 5 m at 2.8 t/m3 where the grade reaches 30 %
  std::vector<std::int32_t> klass, domain;
  for (std::size_t k = 0; k < 10; ++k)
    for (std::size_t j = 0; j < 16; ++j)
      for (std::size_t i = 0; i < 20; ++i) {
        const double dx = (i + 0.5) - 10.0, dy = (j + 0.5) - 8.0, dz = (k + 0.5) - 5.0;
        const double r = std::sqrt(dx * dx + dy * dy);
        grade.push_back(80.0 - 5.0 * r - 1.5 * std::abs(dz));
        tonnes.push_back(grade.back() >= 30.0 ? 1400.0 : 0.0);
        klass.push_back(r < 3.5 ? 1 : r < 6.5 ? 2 : 3);
        domain.push_back(r < 7 ? 1 : 2);
      }
  g.data.cell.push_back({"CaSiO3", grade, 1, "%"});
  g.data.cell.push_back({"class", klass, 1, ""});
  g.data.cell.push_back({"domain", domain, 1, ""});
  g.data.cell.push_back({"tonnes", tonnes, 1, "t"});
  return g;
}

scene::Scene write_fixture_scene(const std::filesystem::path& folder, const FixtureOptions& options) {
  std::filesystem::create_directories(folder);
  scene::Scene s;
  s.name = "fixture";
  s.title = "前裕硅灰石矿 Qianyu (test fixture)";
  s.epsg = 4529;
  s.vertical_epsg = 5737;
  s.origin = kOrigin;
  if (options.blocks) {
    vtkxml::write_vti(folder / "blocks.vti", fixture_blocks(), write_options());
    scene::Layer l;
    l.id = "blocks";
    l.kind = scene::LayerKind::block_model;
    l.title = "块体模型 block model";
    l.file = "blocks.vti";
    l.color_by = "class";
    l.class_attribute = "class";
    l.domain_attribute = "domain";
    l.filter_attribute = "CaSiO3";
    scene::Attribute grade{"CaSiO3", "硅灰石 CaSiO3", "%", scene::AttributeKind::continuous, ColorMap::viridis,
                           std::array<double, 2>{20.0, 80.0}, {}};
    scene::Attribute domain{"domain", "矿体 domain", "", scene::AttributeKind::categorical, ColorMap::viridis, std::nullopt,
                            {{1, "矿体", "ore", {200, 120, 40}}, {2, "围岩", "waste", {120, 120, 130}}}};
    l.attributes = {grade, class_attribute(), domain};
    s.layers.push_back(l);
  }
  if (options.holes) {
    write_holes(folder);
    scene::Layer l;
    l.id = "holes";
    l.kind = scene::LayerKind::drillholes;
    l.title = "钻孔 drillholes";
    l.file = "drillholes.vtp";
    l.label_field = "hole_id";
    l.tube_radius = 3.0;
    l.attributes = {{"CaSiO3", "硅灰石 CaSiO3", "%", scene::AttributeKind::continuous, ColorMap::turbo, std::array<double, 2>{0.0, 80.0}, {}}};
    l.color_by = "CaSiO3";
    s.layers.push_back(l);
  }
  if (options.solid) {
    write_solid(folder);
    scene::Layer l;
    l.id = "ore-solid";
    l.kind = scene::LayerKind::solid;
    l.title = "矿体 ore solid";
    l.file = "ore_solid.vtp";
    l.color = Rgb{230, 60, 200};
    l.opacity = 1.0;
    s.layers.push_back(l);
  }
  if (options.terrain) {
    write_dem(folder);
    scene::Layer l;
    l.id = "terrain";
    l.kind = scene::LayerKind::surface;
    l.title = "地形 terrain";
    l.file = "dem.tif";
    l.opacity = 0.4;
    s.layers.push_back(l);
  }
  if (options.planning) {
    write_planning(folder);
    scene::Layer l;
    l.id = "planning";
    l.kind = scene::LayerKind::polygons;
    l.title = "规划区块 planning blocks";
    l.file = "planning.geojson";
    l.label_field = "name_cn";
    l.opacity = 0.3;
    l.elevation_range = std::array<double, 2>{-60.0, 60.0};
    s.layers.push_back(l);
  }
  if (options.broken_layer) {
    std::ofstream(folder / "broken.vtp") << "<?xml version=\"1.0\"?>\n<VTKFile type=\"PolyData\" version=\"1.0\">\n  <PolyData>\n    <Piece NumberOf";
    scene::Layer l;
    l.id = "broken";
    l.kind = scene::LayerKind::solid;
    l.title = "损坏的图层 broken layer";
    l.file = "broken.vtp";
    s.layers.push_back(l);
  }
  if (options.missing_layer) {
    scene::Layer l;
    l.id = "missing";
    l.kind = scene::LayerKind::surface;
    l.title = "缺失 missing seam";
    l.file = "seam_12.vtp";
    s.layers.push_back(l);
  }
  scene::Bookmark plan;
  plan.name = "plan";
  plan.title = "平面图 plan";
  plan.focal_point = {kX0 + 200, kY0 + 180, 0};
  plan.position = {kX0 + 200, kY0 + 180, 2000};
  plan.view_up = {0, 1, 0};
  plan.parallel = true;
  plan.parallel_scale = 130;
  scene::Bookmark overview;
  overview.name = "overview";
  overview.title = "总览 overview";
  overview.focal_point = {kX0 + 200, kY0 + 200, -20};
  overview.position = {kX0 - 250, kY0 - 350, 420};
  overview.view_up = {0, 0, 1};
  s.bookmarks = {overview, plan};
  scene::write_scene(folder / "scene.json", s);
  return s;
}

}  // namespace georeserve::testing
