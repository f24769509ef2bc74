// Pictures of a block model for reports: a plan at one elevation and vertical sections along any
// line (剖面), coloured by a continuous attribute (colour bar with unit) or a categorical one (legend
// with Chinese and English names), with real coordinates, scale bar and north arrow.
#pragma once

#include <functional>
#include <string>

#include "blockmodel/block_model.h"
#include "report/svg.h"

namespace georeserve {

struct BlockFigureStyle {
  std::string attribute;            // block model attribute to colour by
  std::string title;                // UTF-8, Chinese and English
  ColorMap map = ColorMap::viridis; // continuous attributes
  double vmin = std::numeric_limits<double>::quiet_NaN(), vmax = std::numeric_limits<double>::quiet_NaN();
  std::function<bool(std::size_t)> show;  // blocks drawn (default: those with a value)
  double width = 900, height = 640;
};

// Plan at elevation z (the layer containing it).
SvgCanvas block_plan_figure(const BlockModel& model, double z, const BlockFigureStyle& style);

// Vertical section from (x0, y0) to (x1, y1), viewed from the section's left side (the usual
// convention: looking along azimuth + 90 degrees... see the axis label, which states the azimuth).
SvgCanvas block_section_figure(const BlockModel& model, const Eigen::Vector2d& from, const Eigen::Vector2d& to,
                               const BlockFigureStyle& style);

}  // namespace georeserve
