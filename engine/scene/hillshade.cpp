// Horn's slope and the Lambertian brightness of each DEM cell (see hillshade.h).
#include "scene/hillshade.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace georeserve::scene {

std::vector<float> hillshade(const RasterGrid& dem, const HillshadeLight& light) {
  const double az = light.azimuth_deg * std::numbers::pi / 180.0;
  const double alt = light.altitude_deg * std::numbers::pi / 180.0;
  // Unit vector towards the light: x east, y north, z up.
  const double lx = std::sin(az) * std::cos(alt), ly = std::cos(az) * std::cos(alt), lz = std::sin(alt);
  const long cols = static_cast<long>(dem.cols), rows = static_cast<long>(dem.rows);
  std::vector<float> shade(dem.values.size(), std::numeric_limits<float>::quiet_NaN());
  for (long r = 0; r < rows; ++r)
    for (long c = 0; c < cols; ++c) {
      const float centre = dem.at(static_cast<std::size_t>(c), static_cast<std::size_t>(r));
      if (dem.is_nodata(centre)) continue;
      // w[row][col]: the 3x3 window, row 0 north. Missing neighbours (edge, no-data) are extrapolated
      // linearly, first along rows then along columns, so planes stay exact; what is left takes the centre.
      double w[3][3];
      bool have[3][3];
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
          const long rr = r + i - 1, cc = c + j - 1;
          have[i][j] = rr >= 0 && rr < rows && cc >= 0 && cc < cols &&
                       !dem.is_nodata(dem.at(static_cast<std::size_t>(cc), static_cast<std::size_t>(rr)));
          w[i][j] = have[i][j] ? dem.at(static_cast<std::size_t>(cc), static_cast<std::size_t>(rr)) : centre;
        }
      for (int pass = 0; pass < 2; ++pass)
        for (int a = 0; a < 3; ++a)
          for (int b : {0, 2}) {
            // pass 0: w[a][b] from w[a][1] and w[a][2-b]; pass 1: w[b][a] from w[1][a] and w[2-b][a].
            auto& target = pass == 0 ? w[a][b] : w[b][a];
            bool& known = pass == 0 ? have[a][b] : have[b][a];
            const bool mid = pass == 0 ? have[a][1] : have[1][a];
            const bool far = pass == 0 ? have[a][2 - b] : have[2 - b][a];
            if (known || !mid || !far) continue;
            target = 2.0 * (pass == 0 ? w[a][1] : w[1][a]) - (pass == 0 ? w[a][2 - b] : w[2 - b][a]);
            known = true;
          }
      const double dzdx = ((w[0][2] + 2 * w[1][2] + w[2][2]) - (w[0][0] + 2 * w[1][0] + w[2][0])) / (8 * dem.cell_x);
      const double dzdy = ((w[0][0] + 2 * w[0][1] + w[0][2]) - (w[2][0] + 2 * w[2][1] + w[2][2])) / (8 * dem.cell_y);
      const double gx = light.z_factor * dzdx, gy = light.z_factor * dzdy;
      // The surface normal is (-gx, -gy, 1) / |.|.
      const double lit = (lz - gx * lx - gy * ly) / std::sqrt(1 + gx * gx + gy * gy);
      shade[static_cast<std::size_t>(r * cols + c)] = static_cast<float>(std::max(lit, 0.0));
    }
  return shade;
}

}  // namespace georeserve::scene
