#include "report/chart.h"

#include <algorithm>

namespace georeserve {
namespace {

struct Range {
  double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (std::isfinite(v)) { lo = std::min(lo, v); hi = std::max(hi, v); }
  }
  bool valid() const { return lo <= hi; }
};

// Expands a data range to nice tick boundaries; honours fixed ends given by the caller.
Range axis_range(Range data, double fixed_lo, double fixed_hi, double* step) {
  if (!data.valid()) data = {0, 1};
  if (std::isfinite(fixed_lo)) data.lo = fixed_lo;
  if (std::isfinite(fixed_hi)) data.hi = fixed_hi;
  if (data.hi <= data.lo) data.hi = data.lo + (data.lo == 0 ? 1 : std::abs(data.lo) * 0.1);
  *step = nice_step((data.hi - data.lo) / 6);
  if (!std::isfinite(fixed_lo)) data.lo = std::floor(data.lo / *step) * *step;
  if (!std::isfinite(fixed_hi)) data.hi = std::ceil(data.hi / *step - 1e-9) * *step;
  return data;
}

}  // namespace

void draw_chart(SvgCanvas& c, double bx, double by, double bw, double bh, const ChartOptions& o,
                const std::vector<ChartSeries>& series) {
  Range xr, yr, y2r;
  bool has_right = false;
  for (const auto& s : series) {
    for (double v : s.x) xr.add(v);
    for (double v : s.y) (s.right_axis ? y2r : yr).add(v);
    has_right = has_right || s.right_axis;
  }
  for (const auto& r : o.references) (r.horizontal ? yr : xr).add(r.value);
  double xs = 1, ys = 1, y2s = 1;
  const Range X = axis_range(xr, o.x_min, o.x_max, &xs);
  const Range Y = axis_range(yr, o.y_min, o.y_max, &ys);
  const Range Y2 = axis_range(y2r, o.y2_min, o.y2_max, &y2s);

  const double left = bx + 62, right = bx + bw - (has_right ? 62 : 16);
  const double top = by + (o.title.empty() ? 12 : 34), bottom = by + bh - 44;
  auto px = [&](double v) { return left + (v - X.lo) / (X.hi - X.lo) * (right - left); };
  auto py = [&](double v, bool r) {
    const Range& A = r ? Y2 : Y;
    return bottom - (v - A.lo) / (A.hi - A.lo) * (bottom - top);
  };

  SvgText t;
  if (!o.title.empty()) {
    t.size = 14;
    t.bold = true;
    t.anchor = "middle";
    c.text((left + right) / 2, by + 20, o.title, t);
  }
  // Grid and ticks.
  SvgText tick;
  tick.size = 10;
  tick.fill = "#444";
  tick.anchor = "middle";
  for (double v = X.lo; v <= X.hi + xs * 1e-9; v += xs) {
    c.line(px(v), top, px(v), bottom, {"#e3e3e3", 0.8});
    c.text(px(v), bottom + 14, format_tick(v, xs), tick);
  }
  tick.anchor = "end";
  tick.baseline = "middle";
  for (double v = Y.lo; v <= Y.hi + ys * 1e-9; v += ys) {
    c.line(left, py(v, false), right, py(v, false), {"#e3e3e3", 0.8});
    c.text(left - 6, py(v, false), format_tick(v, ys), tick);
  }
  if (has_right) {
    tick.anchor = "start";
    for (double v = Y2.lo; v <= Y2.hi + y2s * 1e-9; v += y2s) c.text(right + 6, py(v, true), format_tick(v, y2s), tick);
  }
  c.rect(left, top, right - left, bottom - top, {"#555", 1.0, "none"});
  SvgText title;
  title.size = 11;
  title.anchor = "middle";
  c.text((left + right) / 2, bottom + 34, o.x_title, title);
  title.rotate = -90;
  c.text(bx + 16, (top + bottom) / 2, o.y_title, title);
  if (has_right) {
    title.rotate = 90;
    c.text(bx + bw - 14, (top + bottom) / 2, o.y2_title, title);
  }

  const std::string clip = c.add_clip_rect(left, top, right - left, bottom - top);
  c.begin_group("clip-path=\"url(#" + clip + ")\"");
  for (const auto& r : o.references) {
    SvgStyle st{r.color.hex(), 1.2};
    st.dash = "6 4";
    if (r.horizontal) c.line(left, py(r.value, false), right, py(r.value, false), st);
    else c.line(px(r.value), top, px(r.value), bottom, st);
  }
  for (const auto& s : series) {
    const std::string col = s.color.hex();
    const std::size_t n = std::min(s.x.size(), s.y.size());
    if (s.kind == ChartSeries::Kind::bars) {
      const double bar = n > 1 ? (px(s.x[1]) - px(s.x[0])) * s.width : 8;
      for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(s.y[i]))
          c.rect(px(s.x[i]) - bar / 2, py(s.y[i], s.right_axis), bar, py(0, s.right_axis) - py(s.y[i], s.right_axis),
                 {"none", 0, col, 0.55});
    }
    if (s.kind == ChartSeries::Kind::line || s.kind == ChartSeries::Kind::line_points) {
      SvgStyle st{col, s.width};
      if (s.dashed) st.dash = "5 3";
      std::vector<Point2> run;
      for (std::size_t i = 0; i <= n; ++i) {
        if (i == n || !std::isfinite(s.y[i]) || !std::isfinite(s.x[i])) {
          c.polyline(run, st);
          run.clear();
        } else {
          run.push_back({px(s.x[i]), py(s.y[i], s.right_axis)});
        }
      }
    }
    if (s.kind == ChartSeries::Kind::points || s.kind == ChartSeries::Kind::line_points) {
      for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.y[i]) || !std::isfinite(s.x[i])) continue;
        const double r = i < s.point_sizes.size() ? s.point_sizes[i] : s.point_radius;
        const SvgStyle st{"#ffffff", 0.6, col};
        if (i < s.point_titles.size()) c.circle_with_title(px(s.x[i]), py(s.y[i], s.right_axis), r, st, s.point_titles[i]);
        else c.circle(px(s.x[i]), py(s.y[i], s.right_axis), r, st);
      }
    }
  }
  c.end_group();

  if (o.legend) {
    std::vector<LegendItem> items;
    for (const auto& s : series)
      if (!s.label.empty()) items.push_back({s.color, s.label, s.kind == ChartSeries::Kind::line || s.kind == ChartSeries::Kind::line_points,
                         s.kind == ChartSeries::Kind::points});
    for (const auto& r : o.references)
      if (!r.label.empty()) items.push_back({r.color, r.label, true, false});
    if (!items.empty()) {
      const double lw = 170;
      c.rect(right - lw - 6, top + 6, lw, 16.0 * static_cast<double>(items.size()) + 8,
             {"#bbb", 0.6, "#ffffff", 0.85});
      draw_legend(c, right - lw, top + 10, items);
    }
  }
}

SvgCanvas make_chart(double width, double height, const ChartOptions& options, const std::vector<ChartSeries>& series) {
  SvgCanvas c(width, height);
  draw_chart(c, 0, 0, width, height, options, series);
  return c;
}

}  // namespace georeserve
