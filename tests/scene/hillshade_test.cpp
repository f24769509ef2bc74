// Hillshade: closed form on planes (flat ground, a slope facing the light, one facing away) and the
// `gdaldem hillshade` oracle on a curved DEM (its byte value is 1 + 254 * shade, rounded).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <numbers>

#include "formats/raster.h"
#include "scene/hillshade.h"

using namespace georeserve;
using namespace georeserve::scene;
namespace fs = std::filesystem;

namespace {
RasterGrid plane(double dzdx, double dzdy) {
  RasterGrid g(6, 5, 41500000.0, 4700000.0, 10.0, 20.0, 4529);
  for (std::size_t r = 0; r < g.rows; ++r)
    for (std::size_t c = 0; c < g.cols; ++c)
      g.at(c, r) = static_cast<float>(100.0 + dzdx * (g.x_center(c) - g.west) + dzdy * (g.y_center(r) - g.north));
  return g;
}
}  // namespace

TEST(Hillshade, PlanesInClosedForm) {
  const double alt = 45.0 * std::numbers::pi / 180.0;
  // Flat ground: sin(altitude) everywhere, edges included.
  for (float s : hillshade(plane(0, 0))) EXPECT_NEAR(s, std::sin(alt), 1e-6);
  // Ground rising to the east at 1:2 with the light from the east (azimuth 90): the slope faces away.
  // Normal (-0.5, 0, 1)/|.|, light (cos alt, 0, sin alt).
  const auto away = hillshade(plane(0.5, 0), {90.0, 45.0, 1.0});
  const double expect_away = (std::sin(alt) - 0.5 * std::cos(alt)) / std::sqrt(1.25);
  // Ground rising to the west with the same light: facing it.
  const auto facing = hillshade(plane(-0.5, 0), {90.0, 45.0, 1.0});
  const double expect_facing = (std::sin(alt) + 0.5 * std::cos(alt)) / std::sqrt(1.25);
  for (std::size_t i = 0; i < away.size(); ++i) {
    EXPECT_NEAR(away[i], expect_away, 1e-5) << i;
    EXPECT_NEAR(facing[i], expect_facing, 1e-5);
  }
  // Ground rising steeply to the north, lit from the north by a low sun: in shadow (0, not negative).
  for (float s : hillshade(plane(0, 5.0), {0.0, 10.0, 1.0})) EXPECT_EQ(s, 0.0f);
  // z_factor 2 on a 1:4 slope equals z_factor 1 on a 1:2 slope.
  const auto z2 = hillshade(plane(0.25, 0), {90.0, 45.0, 2.0});
  for (std::size_t i = 0; i < z2.size(); ++i) EXPECT_NEAR(z2[i], away[i], 1e-6);
}

TEST(Hillshade, NodataCellsGiveNaN) {
  RasterGrid g = plane(0, 0);
  g.nodata = -9999.0;
  g.at(2, 2) = -9999.0f;
  const auto s = hillshade(g);
  EXPECT_TRUE(std::isnan(s[2 * g.cols + 2]));
  EXPECT_NEAR(s[2 * g.cols + 3], std::sin(std::numbers::pi / 4), 1e-6);  // its neighbour stays flat
}

TEST(Hillshade, MatchesGdaldem) {
  if (std::system("command -v gdaldem > /dev/null 2>&1") != 0) GTEST_SKIP() << "gdaldem (gdal-bin) not installed";
  const fs::path dir = fs::temp_directory_path() / "georeserve_hillshade_gdaldem";
  fs::remove_all(dir);
  fs::create_directories(dir);
  RasterGrid dem(40, 30, 41500000.0, 4700000.0, 25.0, 25.0, 4529);
  for (std::size_t r = 0; r < dem.rows; ++r)
    for (std::size_t c = 0; c < dem.cols; ++c) {
      const double x = static_cast<double>(c) / 8.0, y = static_cast<double>(r) / 6.0;
      dem.at(c, r) = static_cast<float>(60.0 + 40.0 * std::sin(x) * std::cos(y) + 3.0 * x * y);
    }
  write_geotiff(dir / "dem.tif", dem);
  const std::string cmd = "gdaldem hillshade -q -az 300 -alt 35 -z 1.5 -of GTiff " + (dir / "dem.tif").string() +
                          " " + (dir / "shade.tif").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const RasterGrid gdal = read_geotiff(dir / "shade.tif");
  const auto mine = hillshade(dem, {300.0, 35.0, 1.5});
  std::size_t compared = 0;
  for (std::size_t r = 1; r + 1 < dem.rows; ++r)  // gdaldem leaves the edge cells as no-data
    for (std::size_t c = 1; c + 1 < dem.cols; ++c) {
      const double expect = gdal.at(c, r);
      EXPECT_NEAR(1.0 + 254.0 * mine[r * dem.cols + c], expect, 0.501) << c << "," << r;
      ++compared;
    }
  EXPECT_EQ(compared, 38u * 28u);
  fs::remove_all(dir);
}
