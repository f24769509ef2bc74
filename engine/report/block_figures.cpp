#include "report/block_figures.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/text.h"

namespace georeserve {

namespace {

struct Colouring {
  const BlockAttribute* attr = nullptr;
  double lo = 0, hi = 1;
  ColorMap map = ColorMap::viridis;

  std::string colour(double v) const {
    if (attr->categorical) {
      const int code = static_cast<int>(v);
      if (attr->name == "class") return resource_class_color(attr->category(code) ? attr->category(code)->name : "").hex();
      return category_color(static_cast<std::size_t>(std::max(code - 1, 0))).hex();
    }
    return color_at(map, hi > lo ? (v - lo) / (hi - lo) : 0.5).hex();
  }
};

Colouring colouring(const BlockModel& model, const BlockFigureStyle& style) {
  Colouring c;
  c.attr = &model.at(style.attribute);
  c.map = style.map;
  c.lo = style.vmin;
  c.hi = style.vmax;
  if (std::isnan(c.lo) || std::isnan(c.hi)) {
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t b = 0; b < model.size(); ++b) {
      const double v = c.attr->values[b];
      if (std::isnan(v) || (style.show && !style.show(b))) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (std::isnan(c.lo)) c.lo = std::isfinite(lo) ? lo : 0;
    if (std::isnan(c.hi)) c.hi = std::isfinite(hi) ? hi : 1;
  }
  return c;
}

void draw_key(SvgCanvas& canvas, const Colouring& c, double x, double y) {
  const auto& a = *c.attr;
  if (a.categorical) {
    std::vector<LegendItem> items;
    for (const auto& cat : a.categories) {
      LegendItem it;
      it.color = a.name == "class" ? resource_class_color(cat.name) : category_color(static_cast<std::size_t>(std::max(cat.code - 1, 0)));
      it.label = cat.name_cn + " " + cat.name;
      items.push_back(it);
    }
    draw_legend(canvas, x, y, items, a.description);
  } else {
    draw_color_bar(canvas, x, y + 14, 16, 220, c.map, c.lo, c.hi, a.name + (a.unit.empty() ? "" : " (" + a.unit + ")"));
  }
}

bool visible(const BlockModel& m, const BlockFigureStyle& s, const Colouring& c, std::size_t b) {
  if (std::isnan(c.attr->values[b])) return false;
  (void)m;
  return !s.show || s.show(b);
}

}  // namespace

SvgCanvas block_plan_figure(const BlockModel& model, double z, const BlockFigureStyle& style) {
  const auto& g = model.grid();
  const auto col = colouring(model, style);
  SvgCanvas canvas(style.width, style.height);
  const auto box = g.bounds();
  const double legend_w = 190;
  MapView view(box[0].x(), box[0].y(), box[1].x(), box[1].y(), 70, 50, style.width - 110 - legend_w, style.height - 100);
  SvgText t;
  t.size = 15;
  t.bold = true;
  canvas.text(20, 28, style.title + "  (z = " + format_fixed(z, 0) + " m)", t);
  const int k = std::clamp(static_cast<int>(std::floor((z - g.origin().z()) / g.block_size().z())), 0, g.count()[2] - 1);
  for (int j = 0; j < g.count()[1]; ++j)
    for (int i = 0; i < g.count()[0]; ++i) {
      const std::size_t b = g.index(i, j, k);
      if (!visible(model, style, col, b)) continue;
      std::vector<Point2> ring;
      for (const auto& corner : {Eigen::Vector2d(0, 0), Eigen::Vector2d(1, 0), Eigen::Vector2d(1, 1), Eigen::Vector2d(0, 1)}) {
        const auto w = g.to_world({(i + corner.x()) * g.block_size().x(), (j + corner.y()) * g.block_size().y(), 0});
        ring.push_back(view.to_px(w.x(), w.y()));
      }
      const std::string fill = col.colour(col.attr->values[b]);
      canvas.polygon({ring}, {fill, 0.3, fill});
    }
  draw_coordinate_frame(canvas, view, box[0].x(), box[0].y(), box[1].x(), box[1].y());
  draw_scale_bar(canvas, view, 80, style.height - 32);
  draw_north_arrow(canvas, style.width - legend_w - 20, 60);
  draw_key(canvas, col, style.width - legend_w + 10, 70);
  return canvas;
}

SvgCanvas block_section_figure(const BlockModel& model, const Eigen::Vector2d& from, const Eigen::Vector2d& to,
                               const BlockFigureStyle& style) {
  const auto& g = model.grid();
  const auto col = colouring(model, style);
  SvgCanvas canvas(style.width, style.height);
  const double length = (to - from).norm();
  const Eigen::Vector2d dir = (to - from) / std::max(length, 1e-9);
  const double step = std::min(g.block_size().x(), g.block_size().y()) / 2;
  const double z0 = g.origin().z(), z1 = z0 + g.count()[2] * g.block_size().z();
  const double legend_w = 190;
  MapView view(0, z0, length, z1, 70, 50, style.width - 110 - legend_w, style.height - 100);
  const double azimuth = std::fmod(std::atan2(dir.x(), dir.y()) * 180 / std::numbers::pi + 360, 360);
  SvgText t;
  t.size = 15;
  t.bold = true;
  canvas.text(20, 28, style.title + "  (剖面 section azimuth " + format_fixed(azimuth, 0) + "°)", t);
  const int n = static_cast<int>(std::ceil(length / step));
  for (int s = 0; s < n; ++s) {
    const Eigen::Vector2d p = from + dir * ((s + 0.5) * step);
    for (int k = 0; k < g.count()[2]; ++k) {
      const double zc = z0 + (k + 0.5) * g.block_size().z();
      const auto ijk = g.locate({p.x(), p.y(), zc});
      if (!ijk) continue;
      const std::size_t b = g.index(*ijk);
      if (!visible(model, style, col, b)) continue;
      const auto a = view.to_px(s * step, zc - g.block_size().z() / 2);
      const auto c = view.to_px((s + 1) * step, zc + g.block_size().z() / 2);
      const std::string fill = col.colour(col.attr->values[b]);
      canvas.rect(a.x, c.y, c.x - a.x + 0.3, a.y - c.y + 0.3, {"none", 0, fill});
    }
  }
  draw_coordinate_frame(canvas, view, 0, z0, length, z1);
  SvgText lab;
  lab.size = 11;
  lab.anchor = "middle";
  canvas.text(70 + (style.width - 110 - legend_w) / 2, style.height - 14,
              "distance along section 沿剖面距离 (m), from (" + format_fixed(from.x(), 0) + ", " + format_fixed(from.y(), 0) + ")", lab);
  lab.rotate = -90;
  canvas.text(18, style.height / 2, "elevation 标高 (m)", lab);
  draw_key(canvas, col, style.width - legend_w + 10, 70);
  return canvas;
}

}  // namespace georeserve
