// GeoTIFF round trip (values, origin, cell size, EPSG, no-data), deterministic bytes, clear errors,
// and bilinear sampling against hand-computed values.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/error.h"
#include "formats/raster.h"

using namespace georeserve;
namespace fs = std::filesystem;

namespace {
fs::path temp_dir(const char* name) {
  fs::path d = fs::temp_directory_path() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
RasterGrid sample_grid() {
  RasterGrid g(7, 5, 41512345.5, 4705000.0, 50.0, 25.0, 4529);
  for (std::size_t r = 0; r < g.rows; ++r)
    for (std::size_t c = 0; c < g.cols; ++c) g.at(c, r) = static_cast<float>(60.0 + 1.25 * c - 0.5 * r * r);
  g.nodata = -9999.0;
  g.at(3, 2) = -9999.0f;
  return g;
}
}  // namespace

TEST(Raster, GeoTiffRoundTrip) {
  const fs::path dir = temp_dir("georeserve_raster_test");
  const RasterGrid g = sample_grid();
  write_geotiff(dir / "dem.tif", g);
  const RasterGrid r = read_geotiff(dir / "dem.tif");
  EXPECT_EQ(r.cols, 7u);
  EXPECT_EQ(r.rows, 5u);
  EXPECT_DOUBLE_EQ(r.west, 41512345.5);
  EXPECT_DOUBLE_EQ(r.north, 4705000.0);
  EXPECT_DOUBLE_EQ(r.cell_x, 50.0);
  EXPECT_DOUBLE_EQ(r.cell_y, 25.0);
  EXPECT_EQ(r.epsg, 4529);
  ASSERT_TRUE(r.nodata.has_value());
  EXPECT_DOUBLE_EQ(*r.nodata, -9999.0);
  EXPECT_EQ(r.values, g.values);
  EXPECT_TRUE(r.is_nodata(r.at(3, 2)));
  EXPECT_DOUBLE_EQ(r.south(), 4705000.0 - 125.0);
  EXPECT_DOUBLE_EQ(r.east(), 41512345.5 + 350.0);
  // No leftovers from the atomic write.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  fs::remove_all(dir);
}

TEST(Raster, SameGridGivesSameBytes) {
  const fs::path dir = temp_dir("georeserve_raster_bytes");
  write_geotiff(dir / "a.tif", sample_grid());
  write_geotiff(dir / "b.tif", sample_grid());
  EXPECT_EQ(slurp(dir / "a.tif"), slurp(dir / "b.tif"));
  fs::remove_all(dir);
}

TEST(Raster, WithoutCrsOrNodata) {
  const fs::path dir = temp_dir("georeserve_raster_plain");
  RasterGrid g(2, 3, 0.0, 30.0, 10.0, 10.0, 0, 1.5f);
  write_geotiff(dir / "p.tif", g);
  const RasterGrid r = read_geotiff(dir / "p.tif");
  EXPECT_EQ(r.epsg, 0);
  EXPECT_FALSE(r.nodata.has_value());
  EXPECT_EQ(r.values, g.values);
  fs::remove_all(dir);
}

TEST(Raster, BilinearSample) {
  RasterGrid g(2, 2, 0.0, 20.0, 10.0, 10.0, 0);
  g.at(0, 0) = 0.0f;   // centre (5, 15)
  g.at(1, 0) = 10.0f;  // centre (15, 15)
  g.at(0, 1) = 20.0f;  // centre (5, 5)
  g.at(1, 1) = 30.0f;  // centre (15, 5)
  EXPECT_DOUBLE_EQ(*g.sample(5.0, 15.0), 0.0);
  EXPECT_DOUBLE_EQ(*g.sample(10.0, 10.0), 15.0);
  EXPECT_DOUBLE_EQ(*g.sample(12.5, 15.0), 7.5);
  EXPECT_DOUBLE_EQ(*g.sample(1.0, 19.0), 0.0);  // edge half-cell clamps to the edge cell
  EXPECT_FALSE(g.sample(-1.0, 10.0).has_value());
  EXPECT_FALSE(g.sample(10.0, 21.0).has_value());
  g.at(1, 1) = std::nanf("");
  EXPECT_FALSE(g.sample(10.0, 10.0).has_value());
}

TEST(Raster, ErrorsNameTheFile) {
  const fs::path dir = temp_dir("georeserve_raster_errors");
  try {
    read_geotiff(dir / "missing.tif");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.tif"), std::string::npos);
  }
  std::ofstream(dir / "junk.tif") << "not a tiff";
  EXPECT_THROW(read_geotiff(dir / "junk.tif"), InputError);
  RasterGrid bad(3, 3, 0, 0, 1, 1, 0);
  bad.values.pop_back();
  EXPECT_THROW(write_geotiff(dir / "bad.tif", bad), InputError);
  EXPECT_FALSE(fs::exists(dir / "bad.tif"));
  RasterGrid bad_cell(3, 3, 0, 0, 0.0, 1, 0);
  EXPECT_THROW(write_geotiff(dir / "bad.tif", bad_cell), InputError);
  fs::remove_all(dir);
}
