// Hillshade of a DEM for terrain display: the brightness of each cell under a distant light, with
// the slope by Horn's 3x3 method, as `gdaldem hillshade` computes it (its byte value is 1 + 254 * shade).
#pragma once

#include <vector>

#include "formats/raster.h"

namespace georeserve::scene {

struct HillshadeLight {
  double azimuth_deg = 315.0;   // where the light comes from, clockwise from north (315 = north-west)
  double altitude_deg = 45.0;   // above the horizon
  double z_factor = 1.0;        // vertical exaggeration of the relief
};

// One value per cell (row-major like the grid), 0 = in shadow .. 1 = facing the light. Cells at the
// edge or next to no-data extrapolate the missing neighbours linearly; no-data cells give NaN.
std::vector<float> hillshade(const RasterGrid& dem, const HillshadeLight& light = {});

}  // namespace georeserve::scene
