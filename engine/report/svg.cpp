#include "report/svg.h"

#include <algorithm>
#include <cmath>

#include "core/atomic_file.h"
#include "core/text.h"

namespace georeserve {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

namespace {
std::string num(double v) { return format_fixed(v, 2); }
}  // namespace

std::string style_attributes(const SvgStyle& s) {
  std::string a = "stroke=\"" + s.stroke + "\" fill=\"" + s.fill + "\"";
  if (s.stroke != "none") a += " stroke-width=\"" + num(s.stroke_width) + "\"";
  if (s.fill_opacity < 1) a += " fill-opacity=\"" + format_fixed(s.fill_opacity, 3) + "\"";
  if (s.stroke_opacity < 1) a += " stroke-opacity=\"" + format_fixed(s.stroke_opacity, 3) + "\"";
  if (!s.dash.empty()) a += " stroke-dasharray=\"" + s.dash + "\"";
  return a;
}

SvgCanvas::SvgCanvas(double width, double height, std::string background) : width_(width), height_(height) {
  if (!background.empty())
    body_ << "<rect x=\"0\" y=\"0\" width=\"" << num(width) << "\" height=\"" << num(height) << "\" fill=\""
          << background << "\"/>\n";
}

void SvgCanvas::line(double x1, double y1, double x2, double y2, const SvgStyle& s) {
  body_ << "<line x1=\"" << num(x1) << "\" y1=\"" << num(y1) << "\" x2=\"" << num(x2) << "\" y2=\"" << num(y2)
        << "\" " << style_attributes(s) << "/>\n";
}

void SvgCanvas::polyline(const std::vector<Point2>& pts, const SvgStyle& s) {
  if (pts.size() < 2) return;
  body_ << "<polyline points=\"";
  for (const auto& p : pts) body_ << num(p.x) << ',' << num(p.y) << ' ';
  body_ << "\" " << style_attributes(s) << " stroke-linejoin=\"round\"/>\n";
}

void SvgCanvas::polygon(const std::vector<std::vector<Point2>>& rings, const SvgStyle& s) {
  body_ << "<path d=\"";
  for (const auto& ring : rings) {
    if (ring.size() < 3) continue;
    body_ << 'M' << num(ring[0].x) << ',' << num(ring[0].y);
    for (std::size_t i = 1; i < ring.size(); ++i) body_ << 'L' << num(ring[i].x) << ',' << num(ring[i].y);
    body_ << 'Z';
  }
  body_ << "\" fill-rule=\"evenodd\" " << style_attributes(s) << "/>\n";
}

void SvgCanvas::rect(double x, double y, double w, double h, const SvgStyle& s) {
  body_ << "<rect x=\"" << num(x) << "\" y=\"" << num(y) << "\" width=\"" << num(w) << "\" height=\"" << num(h)
        << "\" " << style_attributes(s) << "/>\n";
}

void SvgCanvas::circle(double cx, double cy, double r, const SvgStyle& s) {
  body_ << "<circle cx=\"" << num(cx) << "\" cy=\"" << num(cy) << "\" r=\"" << num(r) << "\" "
        << style_attributes(s) << "/>\n";
}

void SvgCanvas::circle_with_title(double cx, double cy, double r, const SvgStyle& s, std::string_view title) {
  body_ << "<circle cx=\"" << num(cx) << "\" cy=\"" << num(cy) << "\" r=\"" << num(r) << "\" "
        << style_attributes(s) << "><title>" << xml_escape(title) << "</title></circle>\n";
}

void SvgCanvas::text(double x, double y, std::string_view utf8, const SvgText& t) {
  body_ << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" font-size=\"" << num(t.size)
        << "\" text-anchor=\"" << t.anchor << "\" fill=\"" << t.fill << "\"";
  if (t.bold) body_ << " font-weight=\"bold\"";
  if (!t.baseline.empty()) body_ << " dominant-baseline=\"" << t.baseline << "\"";
  if (t.rotate != 0) body_ << " transform=\"rotate(" << num(t.rotate) << ' ' << num(x) << ' ' << num(y) << ")\"";
  body_ << '>' << xml_escape(utf8) << "</text>\n";
}

void SvgCanvas::begin_group(std::string_view attributes) {
  body_ << "<g";
  if (!attributes.empty()) body_ << ' ' << attributes;
  body_ << ">\n";
}

void SvgCanvas::end_group() { body_ << "</g>\n"; }

std::string SvgCanvas::add_clip_rect(double x, double y, double w, double h) {
  const std::string id = "clip" + std::to_string(clip_count_++);
  defs_ << "<clipPath id=\"" << id << "\"><rect x=\"" << num(x) << "\" y=\"" << num(y) << "\" width=\"" << num(w)
        << "\" height=\"" << num(h) << "\"/></clipPath>\n";
  return id;
}

void SvgCanvas::raw(std::string_view svg_fragment) { body_ << svg_fragment << '\n'; }

std::string SvgCanvas::str() const {
  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(width_) << "\" height=\"" << num(height_)
      << "\" viewBox=\"0 0 " << num(width_) << ' ' << num(height_) << "\" "
      << "font-family=\"'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',sans-serif\">\n";
  const std::string defs = defs_.str();
  if (!defs.empty()) out << "<defs>\n" << defs << "</defs>\n";
  out << body_.str() << "</svg>\n";
  return out.str();
}

void SvgCanvas::write(const std::filesystem::path& path) const {
  write_file_atomically(path, [&](std::ostream& o) { o << str(); });
}

MapView::MapView(double world_x0, double world_y0, double world_x1, double world_y1, double px_left, double px_top,
                 double px_width, double px_height)
    : wx0_(world_x0), wy0_(world_y0), left_(px_left), top_(px_top), width_(px_width), height_(px_height) {
  const double ww = std::max(world_x1 - world_x0, 1e-9), wh = std::max(world_y1 - world_y0, 1e-9);
  scale_ = std::min(px_width / ww, px_height / wh);
  ox_ = px_left + (px_width - ww * scale_) / 2;
  oy_ = px_top + (px_height + wh * scale_) / 2;  // pixel y of world_y0
}

Point2 MapView::to_px(double x, double y) const { return {ox_ + (x - wx0_) * scale_, oy_ - (y - wy0_) * scale_}; }

std::vector<Point2> MapView::to_px(const std::vector<Point2>& world) const {
  std::vector<Point2> out;
  out.reserve(world.size());
  for (const auto& p : world) out.push_back(to_px(p));
  return out;
}

double nice_step(double rough) {
  if (!(rough > 0) || !std::isfinite(rough)) return 1.0;
  const double p = std::pow(10.0, std::floor(std::log10(rough)));
  const double f = rough / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

std::string format_tick(double v, double step) {
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return format_fixed(v, std::clamp(decimals, 0, 6));
}

void draw_scale_bar(SvgCanvas& c, const MapView& view, double x, double y, double max_width_px) {
  const double metres = nice_step(max_width_px / view.px_per_metre() / 2.0) ;
  double length_m = metres;
  while (length_m * 2 * view.px_per_metre() <= max_width_px) length_m *= 2;
  const double w = length_m * view.px_per_metre();
  const SvgStyle black{"#222", 1.0, "#222"}, white{"#222", 1.0, "#ffffff"};
  const int parts = 4;
  for (int i = 0; i < parts; ++i) c.rect(x + w * i / parts, y, w / parts, 6, i % 2 ? white : black);
  const bool km = length_m >= 1000;
  auto label = [&](double m) { return km ? format_tick(m / 1000, length_m / 4000) : format_tick(m, 1); };
  SvgText t;
  t.size = 10;
  t.anchor = "middle";
  c.text(x, y + 18, "0", t);
  c.text(x + w / 2, y + 18, label(length_m / 2), t);
  c.text(x + w, y + 18, label(length_m) + (km ? " km" : " m"), t);
}

void draw_north_arrow(SvgCanvas& c, double x, double y, double size) {
  const std::vector<std::vector<Point2>> left{{{x, y}, {x - size * 0.3, y + size}, {x, y + size * 0.75}}};
  const std::vector<std::vector<Point2>> right{{{x, y}, {x + size * 0.3, y + size}, {x, y + size * 0.75}}};
  c.polygon(left, {"#222", 1.0, "#222"});
  c.polygon(right, {"#222", 1.0, "#ffffff"});
  SvgText t;
  t.size = 12;
  t.anchor = "middle";
  t.bold = true;
  c.text(x, y - 4, "N 北", t);
}

void draw_color_bar(SvgCanvas& c, double x, double y, double w, double h, ColorMap map, double vmin, double vmax,
                    std::string_view title) {
  const int steps = 64;
  for (int i = 0; i < steps; ++i) {
    const double t = 1.0 - (i + 0.5) / steps;
    c.rect(x, y + h * i / steps, w, h / steps + 0.5, {"none", 0, color_at(map, t).hex()});
  }
  c.rect(x, y, w, h, {"#444", 0.8, "none"});
  const double step = nice_step((vmax - vmin) / 5);
  SvgText t;
  t.size = 10;
  t.baseline = "middle";
  if (step > 0 && vmax > vmin) {
    for (double v = std::ceil(vmin / step) * step; v <= vmax + step * 1e-9; v += step) {
      const double py = y + h * (1 - (v - vmin) / (vmax - vmin));
      c.line(x + w, py, x + w + 4, py, {"#444", 0.8});
      c.text(x + w + 6, py, format_tick(v, step), t);
    }
  }
  SvgText tt;
  tt.size = 11;
  tt.bold = true;
  c.text(x, y - 8, title, tt);
}

void draw_legend(SvgCanvas& c, double x, double y, const std::vector<LegendItem>& items, std::string_view title) {
  double cy = y;
  if (!title.empty()) {
    SvgText tt;
    tt.size = 11;
    tt.bold = true;
    c.text(x, cy, title, tt);
    cy += 8;
  }
  SvgText t;
  t.size = 10;
  t.baseline = "middle";
  for (const auto& it : items) {
    if (it.line) c.line(x, cy + 6, x + 16, cy + 6, {it.color.hex(), 2.0});
    else if (it.point) c.circle(x + 8, cy + 6, 4, {"#ffffff", 0.6, it.color.hex()});
    else c.rect(x, cy, 16, 12, {"#444", 0.5, it.color.hex()});
    c.text(x + 22, cy + 6, it.label, t);
    cy += 16;
  }
}

void draw_coordinate_frame(SvgCanvas& c, const MapView& view, double wx0, double wy0, double wx1, double wy1) {
  const auto a = view.to_px(wx0, wy1), b = view.to_px(wx1, wy0);
  c.rect(a.x, a.y, b.x - a.x, b.y - a.y, {"#333", 1.0, "none"});
  const double step = nice_step(std::max(wx1 - wx0, wy1 - wy0) / 6);
  SvgText t;
  t.size = 9;
  t.fill = "#555";
  t.anchor = "middle";
  for (double x = std::ceil(wx0 / step) * step; x <= wx1; x += step) {
    const auto p = view.to_px(x, wy0);
    c.line(p.x, b.y, p.x, b.y + 4, {"#333", 0.8});
    c.text(p.x, b.y + 14, format_tick(x, step), t);
  }
  t.anchor = "end";
  t.baseline = "middle";
  for (double y = std::ceil(wy0 / step) * step; y <= wy1; y += step) {
    const auto p = view.to_px(wx0, y);
    c.line(a.x - 4, p.y, a.x, p.y, {"#333", 0.8});
    c.text(a.x - 6, p.y, format_tick(y, step), t);
  }
}

}  // namespace georeserve
