// XY charts drawn onto an SvgCanvas: variograms, swath plots, grade-tonnage curves, cross-validation
// scatter plots. Axes with nice ticks and titles (units!), an optional second y axis, legend.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "report/svg.h"

namespace georeserve {

struct ChartSeries {
  enum class Kind { line, points, line_points, bars };
  std::string label;              // legend text ("" = not in legend)
  std::vector<double> x, y;       // NaN y values break a line
  Rgb color{78, 121, 167};
  Kind kind = Kind::line;
  double width = 1.8;             // line width or bar width fraction
  double point_radius = 3.0;
  std::vector<double> point_sizes;        // optional per-point radius (e.g. by pair count)
  std::vector<std::string> point_titles;  // optional hover text per point
  bool dashed = false;
  bool right_axis = false;        // plotted against the secondary y axis
};

struct ChartReferenceLine {
  double value = 0;
  bool horizontal = true;
  std::string label;
  Rgb color{120, 120, 120};
};

struct ChartOptions {
  std::string title;
  std::string x_title, y_title, y2_title;  // include units, e.g. "distance (m)"
  double x_min = std::numeric_limits<double>::quiet_NaN(), x_max = std::numeric_limits<double>::quiet_NaN();
  double y_min = std::numeric_limits<double>::quiet_NaN(), y_max = std::numeric_limits<double>::quiet_NaN();
  double y2_min = std::numeric_limits<double>::quiet_NaN(), y2_max = std::numeric_limits<double>::quiet_NaN();
  bool legend = true;
  std::vector<ChartReferenceLine> references;
};

// Draws a chart filling the box (x, y, w, h) of the canvas (axes, labels and legend inside the box).
void draw_chart(SvgCanvas& canvas, double x, double y, double w, double h, const ChartOptions& options,
                const std::vector<ChartSeries>& series);

// A one-chart SVG document.
SvgCanvas make_chart(double width, double height, const ChartOptions& options, const std::vector<ChartSeries>& series);

}  // namespace georeserve
