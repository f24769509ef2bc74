// The vector outputs of a subsidence run: contour polygons and lines, damage zones (GeoJSON or
// Shapefile), the DXF for CAD users with everything on named layers, and the overlay table.
#include <cmath>

#include "core/atomic_file.h"
#include "core/text.h"
#include "formats/vector.h"
#include "geometry/polygon.h"
#include "io/csv.h"
#include "subsidence/outputs.h"

namespace georeserve::subsidence {
namespace {

VectorLayer contour_polygon_layer(const SubsidenceResult& r) {
  VectorLayer layer{"subsidence_contours", VectorGeometryType::polygon, {{"level_mm", VectorFieldType::real}, {"label", VectorFieldType::text}}, {}};
  for (const ContourLevel& c : r.contours) {
    if (c.area.empty()) continue;
    VectorFeature f;
    f.polygons = c.area;
    f.values = {c.level, "W >= " + format_double(c.level) + " mm"};
    layer.features.push_back(std::move(f));
  }
  return layer;
}

VectorLayer contour_line_layer(const SubsidenceResult& r) {
  VectorLayer layer{"subsidence_contour_lines", VectorGeometryType::line, {{"level_mm", VectorFieldType::real}}, {}};
  for (const ContourLevel& c : r.contours) {
    if (c.lines.empty()) continue;
    VectorFeature f;
    f.lines = c.lines;
    f.values = {c.level};
    layer.features.push_back(std::move(f));
  }
  return layer;
}

VectorLayer zone_layer(const SubsidenceResult& r) {
  VectorLayer layer{"damage_zones", VectorGeometryType::polygon,
                    {{"zone", VectorFieldType::text}, {"grade", VectorFieldType::integer}, {"name_cn", VectorFieldType::text},
                     {"area_m2", VectorFieldType::real}},
                    {}};
  auto add = [&](const geometry::MultiPolygon& shape, std::string zone, long long grade, std::string cn) {
    if (shape.empty()) return;
    VectorFeature f;
    f.polygons = shape;
    f.values = {std::move(zone), grade, std::move(cn), std::round(geometry::area(shape))};
    layer.features.push_back(std::move(f));
  };
  add(r.zones.subsided, "subsided_10mm", 0, "地表下沉边界 (W >= 10 mm)");
  for (int g = 1; g <= 4; ++g) add(r.zones.grades[g - 1], grade_name(g), g, grade_name_cn(g));
  return layer;
}

VectorLayer polygon_layer(std::string name, std::vector<geometry::MultiPolygon> shapes) {
  VectorLayer layer{std::move(name), VectorGeometryType::polygon, {}, {}};
  for (auto& s : shapes) {
    VectorFeature f;
    f.polygons = std::move(s);
    layer.features.push_back(std::move(f));
  }
  return layer;
}

}  // namespace

std::string grade_name_cn(int grade) {
  static const char* names[] = {"I 级 (极轻微损坏)", "II 级 (轻微损坏)", "III 级 (中度损坏)", "IV 级 (严重损坏)"};
  return grade >= 1 && grade <= 4 ? names[grade - 1] : "";
}

void write_contour_polygons(const std::filesystem::path& path, const SubsidenceResult& r, int epsg) {
  write_vector_file(path, {contour_polygon_layer(r)}, epsg);
}

void write_contour_lines(const std::filesystem::path& path, const SubsidenceResult& r, int epsg) {
  write_vector_file(path, {contour_line_layer(r)}, epsg);
}

void write_zones(const std::filesystem::path& path, const SubsidenceResult& r, int epsg) { write_vector_file(path, {zone_layer(r)}, epsg); }

void write_dxf(const std::filesystem::path& path, const SubsidenceResult& r, const SubsidenceJob& job) {
  std::vector<VectorLayer> layers;
  std::vector<geometry::MultiPolygon> panels;
  for (const Panel& p : job.panels) panels.push_back({geometry::Polygon{p.polygon, {}}});
  layers.push_back(polygon_layer("panels", panels));
  // One CAD layer per contour level and per zone, so CAD users can switch them separately.
  for (const ContourLevel& c : r.contours) {
    VectorLayer lines{"contour_" + format_double(c.level) + "mm", VectorGeometryType::line, {}, {}};
    VectorFeature f;
    f.lines = c.lines;
    if (!c.lines.empty()) lines.features.push_back(f);
    layers.push_back(std::move(lines));
  }
  layers.push_back(polygon_layer("subsided_10mm", {r.zones.subsided}));
  for (int g = 1; g <= 4; ++g) layers.push_back(polygon_layer("damage_grade_" + grade_name(g), {r.zones.grades[g - 1]}));
  std::vector<geometry::MultiPolygon> blocks;
  for (const PlanningBlock& b : job.planning_blocks) blocks.push_back(b.shape);
  if (!blocks.empty()) layers.push_back(polygon_layer("planning_blocks", blocks));
  write_vector_file(path, layers, job.epsg);
}

void write_overlay_csv(const std::filesystem::path& path, const std::vector<BlockOverlay>& rows) {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvWriter w(out);
    w.row({"block", "area_m2", "subsided_area_m2", "grade_I_m2", "grade_II_m2", "grade_III_m2", "grade_IV_m2", "max_W_mm", "worst_grade"});
    for (const BlockOverlay& o : rows) {
      w.field(o.name).number(o.area, 1).number(o.subsided_area, 1);
      for (double a : o.grade_area) w.number(a, 1);
      w.number(o.max_w, 1).field(o.worst_grade == 0 ? "-" : grade_name(o.worst_grade));
      w.end_row();
    }
  });
}

}  // namespace georeserve::subsidence
