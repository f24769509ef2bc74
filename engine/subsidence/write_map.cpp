// The map picture of a subsidence run (SVG): subsidence bands in blues, damage zones II-IV in
// yellow/orange/red, the grade-I zone and the 10 mm boundary as lines, contour labels, mined panels,
// planning blocks with their names, a coordinate frame, scale bar, north arrow and legend.
#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "formats/vector.h"
#include "geometry/polygon.h"
#include "geometry/simplify.h"
#include "report/svg.h"
#include "subsidence/outputs.h"

namespace georeserve::subsidence {
namespace {

using Px = georeserve::Point2;  // the canvas' pixel point

struct Colors {
  static Rgb band(double t) {  // light to dark blue, t in [0, 1]
    const Rgb a{222, 235, 247}, b{8, 48, 107};
    auto mix = [t](std::uint8_t u, std::uint8_t v) { return static_cast<std::uint8_t>(std::lround(u + (v - u) * std::clamp(t, 0.0, 1.0))); };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
  }
  static Rgb grade(int g) {
    static const Rgb colors[] = {{67, 160, 71}, {253, 216, 53}, {251, 140, 0}, {211, 47, 47}};
    return colors[std::clamp(g, 1, 4) - 1];
  }
};

// Rings and lines are simplified to a third of a pixel first: the map cannot show more, and a fine
// grid's contours would otherwise make a picture of many megabytes.
std::vector<Px> to_px(const MapView& view, const geometry::Ring& ring, bool closed = true) {
  const double tolerance = 0.33 / view.px_per_metre();
  const geometry::Ring simple = closed ? geometry::simplify_ring(ring, tolerance) : geometry::simplify_polyline(ring, tolerance);
  std::vector<Px> out;
  out.reserve(simple.size());
  for (geometry::Point2 p : simple) out.push_back(view.to_px(p.x, p.y));
  return out;
}

void draw(SvgCanvas& c, const MapView& view, const geometry::MultiPolygon& shape, const SvgStyle& style) {
  for (const geometry::Polygon& p : shape) {
    std::vector<std::vector<Px>> rings{to_px(view, p.outer)};
    for (const geometry::Ring& h : p.holes) rings.push_back(to_px(view, h));
    c.polygon(rings, style);
  }
}

// Labels each contour level once, at the middle vertex of its longest line.
void label_contours(SvgCanvas& c, const MapView& view, const std::vector<ContourLevel>& contours) {
  SvgText t;
  t.size = 9;
  t.fill = "#08306b";
  t.anchor = "middle";
  t.baseline = "middle";
  for (const ContourLevel& level : contours) {
    const auto longest = std::max_element(level.lines.begin(), level.lines.end(),
                                          [](const auto& a, const auto& b) { return a.size() < b.size(); });
    if (longest == level.lines.end() || longest->size() < 4) continue;
    const geometry::Point2 p = (*longest)[longest->size() / 2];
    const Px px = view.to_px(p.x, p.y);
    c.rect(px.x - 14, px.y - 6, 28, 12, {"none", 0, "#ffffff", 0.8});
    c.text(px.x, px.y, format_double(level.level), t);
  }
}

void draw_labels(SvgCanvas& c, const MapView& view, const std::vector<std::pair<geometry::Point2, std::string>>& labels,
                 const SvgText& style) {
  for (const auto& [where, text] : labels) {
    const Px px = view.to_px(where.x, where.y);
    c.text(px.x, px.y, text, style);
  }
}

std::string parameters_line(const Parameters& p) {
  return "q = " + format_fixed(p.q, 3) + ", tanβ = " + format_fixed(p.tan_beta, 2) + ", b = " + format_fixed(p.b, 2) +
         ", θ = " + format_fixed(p.theta, 1) + "°, s/H = " + format_fixed(p.s_ratio, 3);
}

}  // namespace

void write_map_svg(const std::filesystem::path& path, const SubsidenceResult& r, const SubsidenceJob& job) {
  const GridSpec& s = r.grid.spec;
  const double wx0 = s.x0, wy0 = s.y0, wx1 = s.x(s.nx - 1), wy1 = s.y(s.ny - 1);
  SvgCanvas c(1120, 860);
  const MapView view(wx0, wy0, wx1, wy1, 80, 70, 760, 730);
  SvgText title;
  title.size = 17;
  title.bold = true;
  c.text(80, 30, job.title.empty() ? "地表移动变形预计 Surface subsidence prediction (概率积分法)" : job.title, title);
  SvgText sub;
  sub.size = 11;
  sub.fill = "#444";
  c.text(80, 50, parameters_line(r.parameters) + "   |   " + crs_name(job.epsg).value_or("EPSG:" + std::to_string(job.epsg)), sub);

  const Px a = view.to_px(wx0, wy1), b = view.to_px(wx1, wy0);
  c.begin_group("clip-path=\"url(#" + c.add_clip_rect(a.x, a.y, b.x - a.x, b.y - a.y) + ")\"");
  const std::size_t n = r.contours.size();
  for (std::size_t k = 0; k < n; ++k)
    draw(c, view, r.contours[k].area, {"none", 0, Colors::band(n > 1 ? static_cast<double>(k) / (n - 1) : 0.5).hex(), 0.85});
  for (int g = 2; g <= 4; ++g) draw(c, view, r.zones.grades[g - 1], {Colors::grade(g).hex(), 1.2, Colors::grade(g).hex(), 0.35});
  SvgStyle grade_one{Colors::grade(1).hex(), 1.4};
  grade_one.dash = "5 3";
  draw(c, view, r.zones.grades[0], grade_one);
  for (const ContourLevel& level : r.contours)
    for (const geometry::Polyline& line : level.lines) c.polyline(to_px(view, line, false), {"#08306b", 0.6});
  SvgStyle boundary{"#37474f", 1.6};
  boundary.dash = "8 4";
  draw(c, view, r.zones.subsided, boundary);
  std::vector<std::pair<geometry::Point2, std::string>> panel_labels, block_labels;
  for (const Panel& p : job.panels) {
    draw(c, view, {geometry::Polygon{p.polygon, {}}}, {"#111111", 1.0, "#9e9e9e", 0.35});
    panel_labels.push_back({geometry::centroid(p.polygon), p.id});
  }
  SvgStyle block{"#6a1b9a", 2.0};
  block.dash = "6 3";
  for (const PlanningBlock& pb : job.planning_blocks) {
    draw(c, view, pb.shape, block);
    if (!pb.shape.empty()) block_labels.push_back({geometry::centroid(pb.shape.front().outer), pb.name});
  }
  label_contours(c, view, r.contours);
  SvgText panel_text;
  panel_text.size = 8;
  panel_text.anchor = "middle";
  panel_text.fill = "#111";
  if (job.panels.size() <= 60) draw_labels(c, view, panel_labels, panel_text);
  SvgText block_text;
  block_text.size = 11;
  block_text.anchor = "middle";
  block_text.bold = true;
  block_text.fill = "#4a148c";
  draw_labels(c, view, block_labels, block_text);
  c.end_group();

  draw_coordinate_frame(c, view, wx0, wy0, wx1, wy1);
  draw_north_arrow(c, b.x - 30, a.y + 36);

  std::vector<LegendItem> subsidence;
  for (std::size_t k = 0; k < n; ++k)
    subsidence.push_back({Colors::band(n > 1 ? static_cast<double>(k) / (n - 1) : 0.5), "W ≥ " + format_double(r.contours[k].level) + " mm"});
  draw_legend(c, 870, 90, subsidence, "下沉 Subsidence");
  std::vector<LegendItem> zones{{Rgb{55, 71, 79}, "10 mm 下沉边界 boundary", true}};
  for (int g = 1; g <= 4; ++g) zones.push_back({Colors::grade(g), grade_name_cn(g), g == 1});
  zones.push_back({Rgb{158, 158, 158}, "采空区 mined panels"});
  if (!job.planning_blocks.empty()) zones.push_back({Rgb{106, 27, 154}, "规划区块 planning blocks", true});
  draw_legend(c, 870, 120 + 16.0 * static_cast<double>(n), zones, "建筑物损坏等级 Damage grade (砖混)");
  SvgText note;
  note.size = 10;
  note.fill = "#444";
  const double below = 300 + 16.0 * static_cast<double>(n);
  c.text(870, below, "W max = " + format_fixed(r.max_w, 0) + " mm", note);
  draw_scale_bar(c, view, 870, below + 24);  // beside the map, where no label can hide it
  c.write(path);
}

}  // namespace georeserve::subsidence
