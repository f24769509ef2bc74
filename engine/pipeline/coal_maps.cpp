// Seam maps of a coal report (coal_maps.h). Fields are drawn as filled bands (geometry/contour.h) of
// the node grid coarsened to the model's map step, simplified to about a pixel.
#include "pipeline/coal_maps.h"

#include <cmath>

#include "core/text.h"
#include "geometry/contour.h"
#include "geometry/polygon.h"
#include "geometry/simplify.h"
#include "report/svg.h"

namespace georeserve {

namespace {

constexpr double kWidth = 960, kHeight = 1120, kMapLeft = 60, kMapTop = 70, kMapWidth = 640, kMapHeight = 980;

struct MapFrame {
  SvgCanvas svg;
  MapView view;
  geometry::BoundingBox box;
  double tol = 1;  // metres per pixel: simplification tolerance
  MapFrame(const geometry::BoundingBox& b)
      : svg(kWidth, kHeight),
        view(b.min_x, b.min_y, b.max_x, b.max_y, kMapLeft, kMapTop, kMapWidth, kMapHeight),
        box(b),
        tol(1.0 / view.px_per_metre()) {}
  std::vector<Point2> px(const geometry::Ring& r, bool simplify = true) const {
    const auto s = simplify && r.size() > 8 ? geometry::simplify_ring(r, tol) : r;
    std::vector<Point2> out;
    out.reserve(s.size());
    for (auto p : s) out.push_back(view.to_px(p.x, p.y));
    return out;
  }
  void polygons(const geometry::MultiPolygon& mp, const SvgStyle& st) {
    for (const auto& poly : mp) {
      std::vector<std::vector<Point2>> rings{px(poly.outer)};
      for (const auto& h : poly.holes) rings.push_back(px(h));
      svg.polygon(rings, st);
    }
  }
  void line(const geometry::Polyline& l, const SvgStyle& st) {
    const auto s = l.size() > 8 ? geometry::simplify_polyline(l, tol) : l;
    std::vector<Point2> p;
    for (auto q : s) p.push_back(view.to_px(q.x, q.y));
    svg.polyline(p, st);
  }
};

std::string halo_text(double x, double y, const std::string& text, double size, const std::string& fill = "#111",
                      bool bold = false) {
  std::ostringstream o;
  o << "<text x=\"" << format_fixed(x, 1) << "\" y=\"" << format_fixed(y, 1) << "\" font-size=\"" << size
    << "\" text-anchor=\"middle\" fill=\"" << fill << "\"" << (bold ? " font-weight=\"bold\"" : "")
    << " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">" << xml_escape(text)
    << "</text>";
  return o.str();
}

struct SeamView {
  const CoalContext& c;
  std::size_t s;
  seam::NodeGrid grid;  // coarse
  std::size_t step;
  std::vector<double> coarse(const std::vector<double>& v) const { return seam::subsample(c.inputs.grid, v, step); }
  geometry::MultiPolygon band(const std::vector<double>& v, double lo, double hi) const {
    return geometry::contour_band(grid.view(v.data()), lo, hi);
  }
};

geometry::BoundingBox map_box(const CoalContext& c) { return geometry::bounding_box(c.field).expanded(500); }

MapFrame begin_map(const CoalContext& c, std::size_t s, const std::string& title) {
  MapFrame f(map_box(c));
  SvgText t;
  t.size = 18;
  t.bold = true;
  f.svg.text(kMapLeft, 30, c.model.seams.names_cn[s] + " " + title, t);
  SvgText sub;
  sub.size = 11;
  sub.fill = "#555";
  f.svg.text(kMapLeft, 50, c.model.title + " · " + c.model.crs + " · SYNTHETIC data 合成数据", sub);
  return f;
}

// Field, burnt zone, panels, planning blocks, faults, boreholes, mines; returns legend rows.
std::vector<LegendItem> draw_context(MapFrame& f, const CoalContext& c, std::size_t s) {
  std::vector<LegendItem> legend;
  for (const auto& p : c.planning) f.polygons(p.shape, [] {
      SvgStyle st{"#7b3294", 1.6, "none"};
      st.dash = "10 4 2 4";
      return st;
    }());
  if (!c.planning.empty()) legend.push_back({{123, 50, 148}, "规划区块 planning block (" + c.planning.front().id + ")", true});
  f.polygons({c.field}, {"#111", 2.0, "none"});
  legend.push_back({{17, 17, 17}, "井田边界 field boundary", true});
  if (c.inputs.burnt_seam[s]) {
    SvgStyle st{"#8c2d04", 1.2, "#fdae6b", 0.55};
    f.polygons(c.inputs.burnt, st);
    legend.push_back({{253, 174, 107}, "烧变区 burnt zone (天然焦)"});
  }
  bool any_panel = false;
  for (const auto& p : c.panels)
    if (c.model.seams.index(p.name) == static_cast<int>(s)) {
      f.polygons(p.shape, {"#252525", 0.8, "#969696", 0.85});
      any_panel = true;
    }
  if (any_panel) legend.push_back({{150, 150, 150}, "采空区 mined-out panel"});
  // Faults at the seam's level, with ticks on the hanging wall (down-thrown side).
  const auto& sf = c.seams.seams[s];
  for (const auto& fault : c.inputs.faults) {
    const auto line = fault.line_at(sf.mean_roof_z);
    f.line(line, {"#d7191c", 2.4});
    const double az = fault.dip_azimuth_deg * M_PI / 180;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const auto a = line[i], b = line[i + 1];
      const double len = geometry::norm(b - a);
      for (double d = 400; d < len; d += 1200) {
        const auto p = a + (d / len) * (b - a);
        const auto q = f.view.to_px(p.x, p.y);
        f.svg.line(q.x, q.y, q.x + 7 * std::sin(az), q.y - 7 * std::cos(az), {"#d7191c", 2.0});
      }
    }
    const auto mid = f.view.to_px(line.back().x, line.back().y);
    f.svg.raw(halo_text(mid.x, mid.y - 6, fault.id, 12, "#d7191c", true));
  }
  if (!c.inputs.faults.empty()) legend.push_back({{215, 25, 28}, "断层 fault (ticks: down-thrown side)", true});
  // Boreholes: filled where the seam has coal, open where it is absent.
  for (std::size_t h = 0; h < c.inputs.hole_xy.size(); ++h) {
    const auto* p = c.inputs.picks.find(static_cast<drillhole::HoleIndex>(h), static_cast<int>(sf.seam));
    const auto q = f.view.to_px(c.inputs.hole_xy[h].x, c.inputs.hole_xy[h].y);
    if (p && p->thickness > 0) f.svg.circle(q.x, q.y, 1.8, {"#000", 0.4, "#000"});
    else f.svg.circle(q.x, q.y, 1.6, {"#000", 0.5, "#ffffff"});
  }
  legend.push_back({{0, 0, 0}, "钻孔 borehole, seam present 见煤", false, true});
  legend.push_back({{255, 255, 255}, "钻孔 borehole, no coal 未见煤", false, true});
  for (std::size_t i = 0; i < c.mines.size(); ++i) {
    const auto q = f.view.to_px(c.mines[i].x, c.mines[i].y);
    f.svg.rect(q.x - 4, q.y - 4, 8, 8, {"#000", 1.2, "#ffffbf"});
    f.svg.raw(halo_text(q.x, q.y - 8, c.mine_names[i], 11, "#000", true));
  }
  if (!c.mines.empty()) legend.push_back({{255, 255, 191}, "矿井 mine"});
  return legend;
}

void finish_map(MapFrame& f, const std::vector<LegendItem>& legend, double legend_y) {
  draw_coordinate_frame(f.svg, f.view, f.box.min_x, f.box.min_y, f.box.max_x, f.box.max_y);
  draw_north_arrow(f.svg, kMapLeft + kMapWidth - 30, kMapTop + 20, 28);
  draw_scale_bar(f.svg, f.view, kMapLeft + 20, kMapTop + kMapHeight - 40, 200);
  draw_legend(f.svg, kMapLeft + kMapWidth + 30, legend_y, legend, "图例 Legend");
}

struct Band {
  double lo, hi;
  Rgb color;
  std::string label;
};

// A map of one continuous field in bands; `extra` draws over the bands before the context.
void band_map(const CoalContext& c, HtmlPage& page, std::size_t s, const std::string& name, const std::string& title,
              const std::vector<double>& field, const std::vector<Band>& bands, const std::string& legend_title,
              const std::vector<double>& lines, const std::string& caption) {
  SeamView sv{c, s, c.inputs.grid.coarsened(c.model.map_step), c.model.map_step};
  const auto v = sv.coarse(field);
  MapFrame f = begin_map(c, s, title);
  std::vector<LegendItem> items;
  for (const auto& b : bands) {
    f.polygons(sv.band(v, b.lo, b.hi), {"none", 0, b.color.hex(), 0.9});
    items.push_back({b.color, b.label});
  }
  for (double level : lines)
    for (const auto& l : geometry::contour_lines(sv.grid.view(v.data()), level)) f.line(l, {"#333", 0.8});
  draw_legend(f.svg, kMapLeft + kMapWidth + 30, kMapTop + 10, items, legend_title);
  const auto ctx = draw_context(f, c, s);
  finish_map(f, ctx, kMapTop + 40 + 16.0 * static_cast<double>(items.size()) + 20);
  f.svg.write(c.out / "figures" / (name + ".svg"));
  page.figure(f.svg.str(), caption);
}

std::vector<Band> make_bands(const std::vector<double>& edges, ColorMap map, const std::string& unit, int decimals,
                             bool reverse = false) {
  std::vector<Band> out;
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    const double t = edges.size() > 2 ? static_cast<double>(i) / static_cast<double>(edges.size() - 2) : 0.5;
    std::string label = std::isinf(edges[i + 1]) ? ">= " + format_fixed(edges[i], decimals)
                        : std::isinf(edges[i])   ? "< " + format_fixed(edges[i + 1], decimals)
                                                 : format_fixed(edges[i], decimals) + " - " + format_fixed(edges[i + 1], decimals);
    out.push_back({edges[i], edges[i + 1], color_at(map, reverse ? 1 - t : t), label + " " + unit});
  }
  return out;
}

void floor_map(const CoalContext& c, HtmlPage& page, std::size_t s) {
  const auto& sf = c.seams.seams[s];
  const auto& st = c.status[s];
  const auto& g = c.inputs.grid;
  SeamView sv{c, s, g.coarsened(c.model.map_step), c.model.map_step};
  MapFrame f = begin_map(c, s, "底板等高线及储量估算图 floor contours and resource blocks");
  // Class areas of the remaining resources (indicator fields, one per class), and the rest of the coal.
  std::vector<LegendItem> items;
  std::vector<double> ind(g.size());
  auto indicator = [&](auto pred) {
    for (std::size_t k = 0; k < g.size(); ++k) ind[k] = pred(k) ? 1.0 : 0.0;
    return sv.band(sv.coarse(ind), 0.5, std::numeric_limits<double>::infinity());
  };
  {
    const Rgb grey{217, 217, 217};
    f.polygons(indicator([&](std::size_t k) { return st.status[k] == seam::NodeStatus::below_limits ||
                                                     st.status[k] == seam::NodeStatus::too_deep; }),
               {"none", 0, grey.hex(), 0.9});
    items.push_back({grey, "不可采/超深 below limits or too deep"});
  }
  for (auto rc : all_resource_classes) {
    const auto col = resource_class_color(class_name(rc));
    f.polygons(indicator([&](std::size_t k) {
                 return st.status[k] == seam::NodeStatus::remaining && st.class_code[k] == static_cast<double>(rc);
               }),
               {"none", 0, col.hex(), 0.55});
    items.push_back({col, std::string(class_name_cn(rc)) + " " + std::string(class_name(rc)) + " 资源量块段"});
  }
  // Floor contours, labelled on the longer lines.
  const auto floor = sv.coarse(sf.floor);
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (double v : floor)
    if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  const double ci = c.model.contour_interval;
  std::vector<std::string> labels;
  if (lo <= hi)
    for (double level = std::ceil(lo / ci) * ci; level <= hi; level += ci) {
      const bool index_line = std::fmod(std::abs(level), 5 * ci) < 1e-6;
      for (const auto& l : geometry::contour_lines(sv.grid.view(floor.data()), level)) {
        f.line(l, {"#08519c", index_line ? 1.3 : 0.6});
        if (index_line && l.size() > 30) {
          const auto q = f.view.to_px(l[l.size() / 2].x, l[l.size() / 2].y);
          labels.push_back(halo_text(q.x, q.y + 3, format_fixed(level, 0), 9, "#08519c"));
        }
      }
    }
  for (const auto& t : labels) f.svg.raw(t);
  items.push_back({{8, 81, 156}, "底板等高线 floor contour (" + format_fixed(ci, 0) + " m)", true});
  draw_legend(f.svg, kMapLeft + kMapWidth + 30, kMapTop + 10, items, "块段 Blocks");
  const auto ctx = draw_context(f, c, s);
  // Block labels (Chinese practice: number and class over area / thickness / tonnage).
  for (const auto& b : c.block_method[s].blocks) {
    if (b.area < c.model.label_min_area_km2 * 1e6) continue;
    const auto q = f.view.to_px(b.label_at.x, b.label_at.y);
    const auto rc = static_cast<ResourceClass>(b.class_code);
    f.svg.raw(halo_text(q.x, q.y - 2, b.label + " " + std::string(class_name_cn(rc)), 10, "#000", true));
    f.svg.line(q.x - 28, q.y + 2, q.x + 28, q.y + 2, {"#000", 0.8});
    f.svg.raw(halo_text(q.x, q.y + 12, format_fixed(b.area / 1e6, 2) + "/" + format_fixed(b.thickness, 2) + "/" +
                                         format_fixed(b.tonnes / 1e4, 0), 9));
  }
  SvgText t;
  t.size = 10;
  t.fill = "#333";
  const double ly = kMapTop + 40 + 16.0 * static_cast<double>(items.size()) + 20;
  f.svg.text(kMapLeft + kMapWidth + 30, ly, "块段标注 block label:", t);
  f.svg.text(kMapLeft + kMapWidth + 30, ly + 14, "编号 类别 / 面积(km²)/厚度(m)/资源量(万t)", t);
  finish_map(f, ctx, ly + 40);
  const std::string name = "seam_" + c.model.seams.names[s] + "_floor_blocks";
  f.svg.write(c.out / "figures" / (name + ".svg"));
  page.figure(f.svg.str(), c.model.seams.names_cn[s] + ": floor contours (m) and resource blocks of the geological block "
                           "method, coloured by class; labels: block, class, area km² / mean thickness m / tonnage 万t.");
}

void class_map(const CoalContext& c, HtmlPage& page, std::size_t s) {
  const auto& st = c.status[s];
  const auto& g = c.inputs.grid;
  SeamView sv{c, s, g.coarsened(c.model.map_step), c.model.map_step};
  MapFrame f = begin_map(c, s, "资源量类型图 classification and status");
  std::vector<LegendItem> items;
  std::vector<double> ind(g.size());
  auto draw = [&](auto pred, Rgb col, const std::string& label, double opacity) {
    for (std::size_t k = 0; k < g.size(); ++k) ind[k] = pred(k) ? 1.0 : 0.0;
    f.polygons(sv.band(sv.coarse(ind), 0.5, std::numeric_limits<double>::infinity()), {"none", 0, col.hex(), opacity});
    items.push_back({col, label});
  };
  for (auto rc : all_resource_classes)
    draw([&](std::size_t k) { return st.class_code[k] == static_cast<double>(rc) && st.status[k] == seam::NodeStatus::remaining; },
         resource_class_color(class_name(rc)), std::string(class_name_cn(rc)) + " " + std::string(class_name(rc)), 0.8);
  draw([&](std::size_t k) { return st.status[k] == seam::NodeStatus::below_limits; }, {189, 189, 189},
       "不可采 below limits (thin, ash, sulfur, Qnet)", 0.9);
  draw([&](std::size_t k) { return st.status[k] == seam::NodeStatus::too_deep; }, {49, 54, 149}, "超深 too deep", 0.6);
  draw_legend(f.svg, kMapLeft + kMapWidth + 30, kMapTop + 10, items, "类型 Class");
  const auto ctx = draw_context(f, c, s);
  finish_map(f, ctx, kMapTop + 40 + 16.0 * static_cast<double>(items.size()) + 20);
  const std::string name = "seam_" + c.model.seams.names[s] + "_classes";
  f.svg.write(c.out / "figures" / (name + ".svg"));
  page.figure(f.svg.str(), c.model.seams.names_cn[s] + ": resource classes from the drill-hole spacing, and coal outside "
                           "the resources (below the limits, too deep); burnt zone and mined-out panels as in the legend.");
}

}  // namespace

void coal_maps(const CoalContext& c, HtmlPage& page) {
  const double inf = std::numeric_limits<double>::infinity();
  for (std::size_t s = 0; s < c.seams.seams.size(); ++s) {
    const auto& sf = c.seams.seams[s];
    const auto& name = c.model.seams.names[s];
    page.heading(2, c.model.seams.names_cn[s] + " 煤层图件 seam " + name + " maps", "seam-" + name);
    floor_map(c, page, s);
    band_map(c, page, s, "seam_" + name + "_isopach", "厚度等值线图 isopach (coal thickness)", sf.thickness,
             make_bands({0.05, 0.3, 0.7, 1.3, 2.0, 3.5, inf}, ColorMap::viridis, "m", 2, true), "厚度 thickness",
             {c.model.limits.min_thickness},
             c.model.seams.names_cn[s] + ": kriged vertical coal thickness; the line is the minimum mineable thickness (" +
                 format_double(c.model.limits.min_thickness) + " m).");
    band_map(c, page, s, "seam_" + name + "_ash", "灰分等值线图 ash Ad", sf.quality[0],
             make_bands({0, 15, 20, 25, 30, 35, 40, inf}, ColorMap::magma, "%", 0, true), "灰分 Ad (%)", {c.model.limits.max_ash},
             c.model.seams.names_cn[s] + ": kriged ash Ad (dry basis), where the seam has coal.");
    band_map(c, page, s, "seam_" + name + "_cv", "发热量等值线图 Qnet,ar", sf.quality[2],
             make_bands({0, 16, 17, 18, 19, 20, 21, 22, inf}, ColorMap::turbo, "MJ/kg", 0), "Qnet,ar (MJ/kg)",
             {c.model.limits.min_cv},
             c.model.seams.names_cn[s] + ": kriged net calorific value as received, where the seam has coal.");
    class_map(c, page, s);
  }
}

}  // namespace georeserve
