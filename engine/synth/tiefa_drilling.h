// Drilling the synthetic Tiefa field: mostly vertical boreholes on east-west exploration lines, 1 km
// apart with holes every 1 km, infilled to 500 m around the mines; deviation surveys every 100 m;
// lithology logs; seam picks with quality (seams.csv).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synth/table.h"
#include "synth/tiefa_mining.h"
#include "synth/tiefa_model.h"

namespace georeserve::synth {

struct TiefaDrilling {
  Table collar{{"hole_id", "x", "y", "z", "max_depth", "azimuth", "dip"}};
  Table survey{{"hole_id", "depth", "azimuth", "dip"}};
  Table lithology{{"hole_id", "from", "to", "lith", "lith_cn", "seam"}};
  Table seams{{"hole_id", "from", "to", "seam", "ply", "ash", "sulfur", "cv", "density"}};
  int holes = 0;
  double metres = 0;
};

// Laboratory repeatability added to the seam samples.
struct TiefaSampling {
  static constexpr double ash_sd = 0.5;          // Ad, absolute %
  static constexpr double sulfur_rel_sd = 0.04;  // relative
  static constexpr double cv_sd = 0.12;          // MJ/kg
  static constexpr double density_sd = 0.01;     // t/m3
};

TiefaDrilling drill_tiefa(const TiefaField& field, const std::vector<TiefaMine>& mines, std::uint64_t seed);

}  // namespace georeserve::synth
