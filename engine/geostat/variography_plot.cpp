// Variogram figures (see variography_plot.h), drawn with the report module's SVG canvas and charts.
#include "geostat/variography_plot.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/text.h"
#include "report/chart.h"

namespace georeserve {
namespace {

constexpr double kPanelW = 540, kPanelH = 380, kHeader = 66, kFooter = 22, kMinWidth = 900;

std::string sig(double v, int digits = 4) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

double nice_ceiling(double v) {
  if (!(v > 0)) return 1;
  const double step = nice_step(v / 6);
  return std::ceil(v / step - 1e-9) * step;
}

std::string unit_squared(const std::string& unit) { return unit.empty() ? "" : " (" + unit + "²)"; }

std::string direction_title(const VariogramDirection& d) {
  std::string t = d.omnidirectional() ? "全向 omnidirectional" : "方向 " + d.label();
  if (!d.name.empty() && d.name != d.label() && !(d.omnidirectional() && d.name == "omnidirectional"))
    t = d.name + " · " + t;
  return t;
}

void header(SvgCanvas& c, const std::string& title, const std::string& subtitle) {
  SvgText t;
  t.size = 17;
  t.bold = true;
  t.anchor = "middle";
  c.text(c.width() / 2, 28, title, t);
  if (!subtitle.empty()) {
    SvgText s;
    s.size = 11;
    s.anchor = "middle";
    s.fill = "#444";
    c.text(c.width() / 2, 48, subtitle, s);
  }
}

// Reach of a structure in normalised distance: the range for bounded models, the practical range
// (95 % of the sill) for exponential and gaussian.
double practical_reach(StructureType t) {
  if (t == StructureType::exponential) return 3.0;
  if (t == StructureType::gaussian) return std::sqrt(3.0);
  return 1.0;
}

}  // namespace

std::string short_model_description(const VariogramModel& m) {
  static const char* abbrev[] = {"Nug", "Sph", "Exp", "Gau", "Cub", "Pow"};
  std::string out = sig(m.nugget) + " Nug";
  for (const auto& s : m.structures) {
    const auto& a = s.anisotropy;
    out += " + " + sig(s.sill) + " " + abbrev[static_cast<int>(s.type)] + "(";
    out += a.isotropic() ? sig(a.ranges[0]) : sig(a.ranges[0]) + "/" + sig(a.ranges[1]) + "/" + sig(a.ranges[2]);
    out += " m";
    if (a.angles != std::array<double, 3>{0, 0, 0})
      out += " @ " + sig(a.angles[0]) + "/" + sig(a.angles[1]) + "/" + sig(a.angles[2]) + "°";
    if (s.type == StructureType::power) out += ", exponent " + sig(s.exponent);
    out += ")";
  }
  return out;
}

SvgCanvas plot_experimental_variograms(const std::vector<ExperimentalVariogram>& variograms,
                                       const VariogramModel* model, const VariographyPlotText& text) {
  const std::size_t n = std::max<std::size_t>(1, variograms.size());
  const std::size_t cols = n == 1 ? 1 : (n <= 4 ? 2 : 3);
  const std::size_t rows = (n + cols - 1) / cols;
  const double width = std::max(kMinWidth, kPanelW * static_cast<double>(cols));
  const double panel_w = width / static_cast<double>(cols);
  SvgCanvas c(width, kHeader + kPanelH * static_cast<double>(rows) + kFooter);
  header(c, "实验变异函数与拟合模型 Experimental variograms and fitted model" +
                (text.variable.empty() ? std::string() : " · " + text.variable),
         text.subtitle);

  // Shared axes, so that directions compare at a glance.
  double x_max = 0, y_max = std::max(0.0, text.variance);
  std::uint64_t max_pairs = 1;
  for (const auto& v : variograms)
    for (const auto& l : v.lags)
      if (l.pairs > 0) {
        x_max = std::max(x_max, l.to);
        y_max = std::max(y_max, l.gamma);
        max_pairs = std::max(max_pairs, l.pairs);
      }
  if (model && model->bounded()) y_max = std::max(y_max, model->total_sill());
  x_max = nice_ceiling(x_max);
  y_max = nice_ceiling(y_max * 1.25);  // headroom for the legend in the top right

  for (std::size_t i = 0; i < variograms.size(); ++i) {
    const auto& v = variograms[i];
    ChartOptions o;
    o.title = direction_title(v.direction);
    o.x_title = "滞后距离 lag distance (m)";
    o.y_title = "半变异函数 semivariance γ(h)" + unit_squared(text.unit);
    o.x_min = 0;
    o.x_max = x_max;
    o.y_min = 0;
    o.y_max = y_max;
    ChartSeries pts;
    pts.label = "实验值 experimental";
    pts.kind = ChartSeries::Kind::points;
    pts.color = {31, 119, 180};
    for (std::size_t k = 0; k < v.lags.size(); ++k) {
      const auto& l = v.lags[k];
      if (l.pairs == 0) continue;
      pts.x.push_back(l.distance);
      pts.y.push_back(l.gamma);
      pts.point_sizes.push_back(2.5 + 5.5 * std::sqrt(static_cast<double>(l.pairs) / static_cast<double>(max_pairs)));
      pts.point_titles.push_back("lag " + std::to_string(k) + ": h = " + format_fixed(l.distance, 1) + " m, γ = " +
                                 format_double(l.gamma) + ", " + std::to_string(l.pairs) + " 点对 pairs");
    }
    std::vector<ChartSeries> series{pts};
    if (model) {
      ChartSeries line;
      line.label = "拟合模型 fitted model";
      line.kind = ChartSeries::Kind::line;
      line.color = {214, 39, 40};
      const Eigen::Vector3d u = v.direction.unit_vector();
      const int steps = 300;
      for (int s = 1; s <= steps; ++s) {
        const double h = x_max * s / steps;
        line.x.push_back(h);
        line.y.push_back(model->variogram(u * h));
      }
      series.push_back(line);
    }
    if (text.variance > 0)
      o.references.push_back({text.variance, true, "样本方差 variance " + sig(text.variance), Rgb{110, 110, 110}});
    const double px = panel_w * static_cast<double>(i % cols), py = kHeader + kPanelH * static_cast<double>(i / cols);
    draw_chart(c, px, py, panel_w, kPanelH, o, series);
  }
  SvgText note;
  note.size = 10;
  note.fill = "#555";
  c.text(12, c.height() - 8, "点大小∝点对数 · point size ∝ number of pairs (hover a point for its lag, γ and pairs)", note);
  return c;
}

SvgCanvas plot_variogram_map(const VariogramMap& map, const std::vector<VariogramDirection>& directions,
                             const VariogramModel* model, const VariographyPlotText& text) {
  std::size_t legend_rows = 0;
  for (const auto& d : directions) legend_rows += d.omnidirectional() ? 0 : 1;
  if (model) legend_rows += model->structures.size();
  legend_rows += 1;  // the "fewer pairs" swatch
  SvgCanvas c(780, 650 + 16.0 * static_cast<double>(legend_rows));
  header(c, "变异函数图 Variogram map" + (text.variable.empty() ? std::string() : " · " + text.variable),
         text.subtitle);
  const double wx = (map.half_x + 0.5) * map.cell_x, wy = (map.half_y + 0.5) * map.cell_y;
  const MapView view(-wx, -wy, wx, wy, 80, 70, 520, 520);

  double gmin = std::numeric_limits<double>::infinity(), gmax = -gmin;
  const std::uint64_t min_pairs = std::max<std::uint64_t>(1, text.map_min_pairs);
  for (std::size_t k = 0; k < map.gamma.size(); ++k)
    if (map.pairs[k] >= min_pairs) {
      gmin = std::min(gmin, map.gamma[k]);
      gmax = std::max(gmax, map.gamma[k]);
    }
  if (!(gmax > gmin)) {
    gmin = std::isfinite(gmin) ? gmin : 0;
    gmax = gmin + 1;
  }
  const double cw = map.cell_x * view.px_per_metre(), ch = map.cell_y * view.px_per_metre();
  for (int r = 0; r < map.rows(); ++r)
    for (int col = 0; col < map.columns(); ++col) {
      const std::size_t k = map.index(col, r);
      const Point2 p = view.to_px(map.dx(col) - map.cell_x / 2, map.dy(r) + map.cell_y / 2);
      const std::string fill = map.pairs[k] >= min_pairs ? color_at(ColorMap::viridis, (map.gamma[k] - gmin) / (gmax - gmin)).hex()
                                            : std::string("#eeeeee");
      c.rect(p.x, p.y, cw + 0.3, ch + 0.3, {"none", 0, fill});
    }

  const Point2 a = view.to_px(-wx, wy), b = view.to_px(wx, -wy);
  c.begin_group("clip-path=\"url(#" + c.add_clip_rect(a.x, a.y, b.x - a.x, b.y - a.y) + ")\"");
  std::vector<LegendItem> legend;
  const double reach = 2 * std::max(wx, wy);
  for (std::size_t i = 0; i < directions.size(); ++i) {
    const auto& d = directions[i];
    if (d.omnidirectional()) continue;
    const double az = d.azimuth * std::numbers::pi / 180;
    const Point2 p0 = view.to_px(-reach * std::sin(az), -reach * std::cos(az));
    const Point2 p1 = view.to_px(reach * std::sin(az), reach * std::cos(az));
    const Rgb col = category_color(i);
    SvgStyle st{col.hex(), 1.6};
    st.dash = "7 4";
    c.line(p0.x, p0.y, p1.x, p1.y, st);
    legend.push_back({col, (d.name.empty() ? d.label() : d.name) + " (方向 direction)", true, false});
  }
  if (model) {
    for (std::size_t i = 0; i < model->structures.size(); ++i) {
      const auto& s = model->structures[i];
      if (s.type == StructureType::power) continue;
      const Eigen::Matrix3d t = s.anisotropy.transform();
      std::vector<Point2> ring;
      for (int k = 0; k <= 180; ++k) {
        const double th = 2 * std::numbers::pi * k / 180;
        const Eigen::Vector3d u(std::sin(th), std::cos(th), 0);
        const double r = practical_reach(s.type) / (t * u).norm();
        ring.push_back(view.to_px(r * u.x(), r * u.y()));
      }
      SvgStyle halo{"#ffffff", 3.6};
      halo.stroke_opacity = 0.8;
      c.polyline(ring, halo);
      SvgStyle line{"#111111", 1.6};
      if (i > 0) line.dash = "2 3";  // the nested structures after the first: dotted
      c.polyline(ring, line);
      legend.push_back({Rgb{17, 17, 17},
                        "变程椭圆 range ellipse (95% sill) " + std::string(structure_type_name(s.type)) + " " +
                            sig(s.anisotropy.ranges[0] * practical_reach(s.type)) + "/" +
                            sig(s.anisotropy.ranges[1] * practical_reach(s.type)) + " m @ " + sig(s.anisotropy.angles[0]) + "°",
                        true, false});
    }
  }
  c.end_group();
  draw_coordinate_frame(c, view, -wx, -wy, wx, wy);
  SvgText t;
  t.size = 11;
  t.anchor = "middle";
  c.text((a.x + b.x) / 2, b.y + 32, "dx 东 east (m)", t);
  t.rotate = -90;
  c.text(a.x - 52, (a.y + b.y) / 2, "dy 北 north (m)", t);
  draw_color_bar(c, 640, 110, 18, 380, ColorMap::viridis, gmin, gmax, "γ" + unit_squared(text.unit));
  legend.push_back({Rgb{238, 238, 238}, "少于 fewer than " + std::to_string(min_pairs) + " 点对 pairs", false, false});
  draw_legend(c, 80, b.y + 48, legend);
  return c;
}

}  // namespace georeserve
