// A small SVG canvas for report figures and maps: shapes, UTF-8 text (Chinese labels render with the
// reader's CJK fonts), groups, and the decorations of a map (scale bar, north arrow, colour legends).
// Coordinates are pixels, y down; MapView maps projected metres (y up) onto a pixel box.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "report/color.h"

namespace georeserve {

struct Point2 {
  double x = 0, y = 0;
};

struct SvgStyle {
  SvgStyle(std::string stroke_ = "none", double stroke_width_ = 1.0, std::string fill_ = "none",
           double fill_opacity_ = 1.0)
      : stroke(std::move(stroke_)), stroke_width(stroke_width_), fill(std::move(fill_)), fill_opacity(fill_opacity_) {}
  std::string stroke;
  double stroke_width;
  std::string fill;
  double fill_opacity;
  double stroke_opacity = 1.0;
  std::string dash;  // e.g. "4 3"
};

struct SvgText {
  double size = 12;
  std::string anchor = "start";  // start | middle | end
  std::string fill = "#222";
  bool bold = false;
  double rotate = 0;             // degrees, about the anchor point
  std::string baseline;          // e.g. "middle", "hanging"
};

class SvgCanvas {
 public:
  SvgCanvas(double width, double height, std::string background = "#ffffff");

  void line(double x1, double y1, double x2, double y2, const SvgStyle& s);
  void polyline(const std::vector<Point2>& pts, const SvgStyle& s);
  // Rings: the first is the outline, later ones holes (even-odd fill).
  void polygon(const std::vector<std::vector<Point2>>& rings, const SvgStyle& s);
  void rect(double x, double y, double w, double h, const SvgStyle& s);
  void circle(double cx, double cy, double r, const SvgStyle& s);
  void text(double x, double y, std::string_view utf8, const SvgText& t = {});
  // Tooltip-carrying elements: a <title> child (shown on hover in browsers).
  void circle_with_title(double cx, double cy, double r, const SvgStyle& s, std::string_view title);
  void begin_group(std::string_view attributes = {});  // e.g. clip-path or transform
  void end_group();
  // A rectangular clip region usable as begin_group("clip-path=\"url(#id)\"").
  std::string add_clip_rect(double x, double y, double w, double h);
  void raw(std::string_view svg_fragment);

  double width() const { return width_; }
  double height() const { return height_; }
  std::string str() const;
  void write(const std::filesystem::path& path) const;  // atomically

 private:
  double width_, height_;
  std::ostringstream body_;
  std::ostringstream defs_;
  int clip_count_ = 0;
};

std::string xml_escape(std::string_view text);
std::string style_attributes(const SvgStyle& s);

// Projected metres -> pixels with equal scale in x and y, north up, the world box centred in the pixel box.
class MapView {
 public:
  MapView(double world_x0, double world_y0, double world_x1, double world_y1, double px_left, double px_top,
          double px_width, double px_height);
  Point2 to_px(double x, double y) const;
  Point2 to_px(Point2 p) const { return to_px(p.x, p.y); }
  std::vector<Point2> to_px(const std::vector<Point2>& world) const;
  double px_per_metre() const { return scale_; }
  double left() const { return left_; }
  double top() const { return top_; }
  double width() const { return width_; }
  double height() const { return height_; }

 private:
  double wx0_, wy0_, scale_, ox_, oy_, left_, top_, width_, height_;
};

// "Nice" numbers for axes and scale bars: 1, 2 or 5 times a power of ten.
double nice_step(double rough);
std::string format_tick(double v, double step);

void draw_scale_bar(SvgCanvas& c, const MapView& view, double x, double y, double max_width_px = 160);
void draw_north_arrow(SvgCanvas& c, double x, double y, double size = 28);
// A vertical colour bar with title (UTF-8) and unit.
void draw_color_bar(SvgCanvas& c, double x, double y, double w, double h, ColorMap map, double vmin, double vmax,
                    std::string_view title);
// A legend of swatches: (colour, label) rows.
struct LegendItem {
  Rgb color;
  std::string label;
  bool line = false;   // a line sample instead of a filled box
  bool point = false;  // a dot sample (scatter series)
};
void draw_legend(SvgCanvas& c, double x, double y, const std::vector<LegendItem>& items, std::string_view title = {});
// Map grid ticks with real coordinates along the frame of a map view.
void draw_coordinate_frame(SvgCanvas& c, const MapView& view, double world_x0, double world_y0, double world_x1,
                           double world_y1);

}  // namespace georeserve
