// Figures of the variography a geologist shows a review panel: the experimental variograms (one panel
// per direction, points sized by pair count, the fitted model along that direction, the sample
// variance dashed) and the variogram map (heat map of lag vectors with the model's range ellipses).
// Titles and legends in Chinese and English; every axis carries its unit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geostat/experimental_variogram.h"
#include "geostat/variogram_map.h"
#include "geostat/variogram_model.h"
#include "report/svg.h"

namespace georeserve {

// A model in a few significant digits for titles, e.g. "0.0616 Nug + 0.59 Sph(943/943/943 m @ 0/0/0)".
std::string short_model_description(const VariogramModel& model);

struct VariographyPlotText {
  std::string variable;      // e.g. "CaSiO3" (title and axis)
  std::string unit;          // of the variable, e.g. "%"; semivariance is in unit^2
  std::string subtitle;      // e.g. the fitted model and its SSE
  double variance = 0;       // sample variance (dashed line); <= 0: not drawn
  std::uint64_t map_min_pairs = 5;  // map cells with fewer pairs are drawn grey and left out of the colours
};

// model may be null (experimental points only).
SvgCanvas plot_experimental_variograms(const std::vector<ExperimentalVariogram>& variograms,
                                       const VariogramModel* model, const VariographyPlotText& text);

// directions: drawn as lines through the origin (may be empty); model: its structures' range ellipses.
SvgCanvas plot_variogram_map(const VariogramMap& map, const std::vector<VariogramDirection>& directions,
                             const VariogramModel* model, const VariographyPlotText& text);

}  // namespace georeserve
