// GIS round trips read back by GDAL's own readers (GDALOpenEx), not only ours: Gauss-Kruger
// coordinates (x ~ 41,512,345.678) survive to the millimetre in GeoJSON, Shapefile, GeoPackage and
// DXF, every file names EPSG:4529 (Shapefile .prj, DXF side-car .prj), Chinese attribute values
// survive (Shapefile .cpg = UTF-8); plan rasters of plain and rotated block models, contours and zones
// against closed forms.
#include <gtest/gtest.h>

#include <gdal/gdal_priv.h>
#include <gdal/ogrsf_frmts.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "formats/plan_maps.h"
#include "temp_files.h"
#include "formats/raster.h"
#include "formats/vector.h"
#include "geometry/polygon.h"

namespace georeserve {
namespace {

namespace fs = std::filesystem;

constexpr double kX = 41512345.678, kY = 4690123.456;

VectorLayer zone_fixture() {
  VectorLayer l{"zones", VectorGeometryType::polygon, {{"name", VectorFieldType::text}, {"tonnes", VectorFieldType::real}}, {}};
  VectorFeature f;
  f.polygons = {{{{kX, kY}, {kX + 100.125, kY}, {kX + 100.125, kY + 50.5}, {kX, kY + 50.5}}, {}}};
  f.values = {std::string("探明 measured 调兵山"), 12345.5};
  l.features.push_back(f);
  return l;
}

struct GdalDataset {
  explicit GdalDataset(const fs::path& p) {
    GDALAllRegister();
    ds = static_cast<GDALDataset*>(GDALOpenEx(p.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  }
  ~GdalDataset() {
    if (ds) GDALClose(ds);
  }
  GDALDataset* ds = nullptr;
};

int layer_epsg(OGRLayer* layer) {
  const OGRSpatialReference* srs = layer->GetSpatialRef();
  if (!srs) return 0;
  OGRSpatialReference copy(*srs);
  copy.AutoIdentifyEPSG();
  const char* code = copy.GetAuthorityCode(nullptr);
  return code ? std::atoi(code) : 0;
}

// The first vertex of the first feature's geometry, whatever its type.
OGRPoint first_vertex(OGRLayer* layer) {
  layer->ResetReading();
  std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
  OGRPoint p;
  if (!f || !f->GetGeometryRef()) return p;
  const OGRGeometry* g = f->GetGeometryRef();
  while (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon || wkbFlatten(g->getGeometryType()) == wkbMultiLineString ||
         wkbFlatten(g->getGeometryType()) == wkbGeometryCollection)
    g = g->toGeometryCollection()->getGeometryRef(0);
  if (wkbFlatten(g->getGeometryType()) == wkbPolygon) g = g->toPolygon()->getExteriorRing();
  g->toSimpleCurve()->getPoint(0, &p);
  return p;
}

void expect_gdal_reads_back(const fs::path& path, bool attributes) {
  GdalDataset d(path);
  ASSERT_TRUE(d.ds) << path;
  OGRLayer* layer = d.ds->GetLayer(0);
  ASSERT_TRUE(layer);
  if (path.extension() != ".dxf") {
    EXPECT_EQ(layer_epsg(layer), 4529) << path;
    EXPECT_EQ(layer->GetFeatureCount(), 1) << path;
  }
  const OGRPoint p = first_vertex(layer);
  EXPECT_NEAR(p.getX(), kX, 1e-3) << path;
  EXPECT_NEAR(p.getY(), kY, 1e-3) << path;
  if (attributes) {
    layer->ResetReading();
    std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
    EXPECT_STREQ(f->GetFieldAsString("name"), "探明 measured 调兵山") << path;
    EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("tonnes"), 12345.5) << path;
  }
}

TEST(GisRoundTrip, GdalReadsOurFilesToTheMillimetre) {
  const fs::path d = test::scratch_dir("gdal");
  for (const char* name : {"zones.geojson", "zones.shp", "zones.gpkg"}) {
    write_vector_file(d / name, {zone_fixture()}, 4529);
    expect_gdal_reads_back(d / name, true);
    // And our own reader.
    const PolygonFile back = read_polygon_file(d / name);
    EXPECT_EQ(back.epsg, 4529) << name;
    ASSERT_EQ(back.features.size(), 1u);
    EXPECT_NEAR(geometry::area(back.features[0].shape), 100.125 * 50.5, 1e-6) << name;
    EXPECT_EQ(back.features[0].property_text("name").value_or(""), "探明 measured 调兵山") << name;
  }
  EXPECT_EQ(test::read_all(d / "zones.cpg").substr(0, 5), "UTF-8");
  EXPECT_NE(test::read_all(d / "zones.prj").find("Gauss_Kruger"), std::string::npos);
  write_vector_file(d / "zones.dxf", {zone_fixture()}, 4529);
  expect_gdal_reads_back(d / "zones.dxf", false);
  EXPECT_TRUE(fs::exists(d / "zones.prj"));
  fs::remove_all(d);
}

TEST(GisRoundTrip, GeoPackageHoldsSeveralLayers) {
  const fs::path d = test::scratch_dir("gpkg");
  VectorLayer lines{"contours", VectorGeometryType::line, {{"level", VectorFieldType::real}}, {}};
  VectorFeature f;
  f.lines = {{{kX, kY}, {kX + 10, kY + 10}}};
  f.values = {5.0};
  lines.features = {f};
  write_vector_file(d / "map.gpkg", {zone_fixture(), lines}, 4529);
  GdalDataset g(d / "map.gpkg");
  ASSERT_TRUE(g.ds);
  EXPECT_EQ(g.ds->GetLayerCount(), 2);
  EXPECT_TRUE(g.ds->GetLayerByName("zones"));
  EXPECT_TRUE(g.ds->GetLayerByName("contours"));
  fs::remove_all(d);
}

TEST(PlanMaps, ColumnSumsAndPlainRaster) {
  const BlockGrid grid({41512000, 4690000, -100}, {10, 20, 5}, {3, 2, 4});
  // Value 1 in every block of column (2, 1), and 2.5 in the lowest block of column (0, 0).
  const auto sums = column_sums(grid, [&](std::size_t b) {
    const auto ix = grid.ijk(b);
    if (ix.i == 2 && ix.j == 1) return 1.0;
    if (ix.i == 0 && ix.j == 0 && ix.k == 0) return 2.5;
    return std::nan("");
  });
  ASSERT_EQ(sums.size(), 6u);
  EXPECT_DOUBLE_EQ(sums[5], 4.0);
  EXPECT_DOUBLE_EQ(sums[0], 2.5);
  EXPECT_TRUE(std::isnan(sums[1]));
  const RasterGrid r = plan_raster(grid, sums, 4529);
  EXPECT_EQ(r.cols, 3u);
  EXPECT_EQ(r.rows, 2u);
  EXPECT_DOUBLE_EQ(r.west, 41512000.0);
  EXPECT_DOUBLE_EQ(r.north, 4690040.0);
  EXPECT_FLOAT_EQ(r.at(2, 0), 4.0f);  // north row is j = 1
  EXPECT_FLOAT_EQ(r.at(0, 1), 2.5f);
  EXPECT_TRUE(r.is_nodata(r.at(1, 1)));
  // Through GeoTIFF and GDAL's reader.
  const fs::path d = test::scratch_dir("tif");
  write_geotiff(d / "thickness.tif", r);
  GDALAllRegister();
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx((d / "thickness.tif").string().c_str(), GDAL_OF_RASTER, nullptr, nullptr, nullptr));
  ASSERT_TRUE(ds);
  double t[6];
  ds->GetGeoTransform(t);
  EXPECT_DOUBLE_EQ(t[0], 41512000.0);
  EXPECT_DOUBLE_EQ(t[3], 4690040.0);
  EXPECT_NE(std::string(ds->GetProjectionRef()).find("4529"), std::string::npos);
  GDALClose(ds);
  fs::remove_all(d);
}

TEST(PlanMaps, RotatedGridIsResampledNorthUp) {
  const BlockGrid grid({41512345.678, 4690123.456, 0}, {10, 10, 5}, {6, 4, 1}, 30.0);
  std::vector<double> cols(24);
  for (std::size_t c = 0; c < cols.size(); ++c) cols[c] = static_cast<double>(c);
  const RasterGrid r = plan_raster(grid, cols, 4529);
  EXPECT_DOUBLE_EQ(r.cell_x, 10.0);
  std::size_t with_data = 0;
  for (std::size_t row = 0; row < r.rows; ++row)
    for (std::size_t col = 0; col < r.cols; ++col) {
      const float v = r.at(col, row);
      if (r.is_nodata(v)) continue;
      ++with_data;
      // The value is the index of the column under the cell centre.
      const auto b = grid.locate({r.x_center(col), r.y_center(row), 2.5});
      ASSERT_TRUE(b);
      EXPECT_FLOAT_EQ(v, static_cast<float>(b->j * 6 + b->i));
    }
  // About the model's plan area in cells.
  EXPECT_NEAR(static_cast<double>(with_data), 24.0, 6.0);
}

TEST(PlanMaps, ContoursAndZonesOfAPlane) {
  // v = x - west (metres): contour at 25 is the vertical line x = west + 25.
  RasterGrid r(10, 6, kX, kY, 5, 5, 4529);
  for (std::size_t row = 0; row < r.rows; ++row)
    for (std::size_t col = 0; col < r.cols; ++col) r.at(col, row) = static_cast<float>(r.x_center(col) - kX);
  const VectorLayer c = contour_layer(r, {25.0}, "contours", "m");
  ASSERT_EQ(c.features.size(), 1u);
  for (const auto& line : c.features[0].lines)
    for (const auto& p : line) EXPECT_NEAR(p.x, kX + 25.0, 1e-6);
  const VectorLayer z = zone_layer(r, {10.0, 30.0}, "zones", "m");
  ASSERT_EQ(z.features.size(), 1u);
  // Between x = 10 and 30 over the rows' centre span (6 rows: 25 m between first and last centre).
  EXPECT_NEAR(geometry::area(z.features[0].polygons), 20.0 * 25.0, 1e-6);
  EXPECT_EQ(std::get<std::string>(z.features[0].values[2]), "10-30 m");
  const auto levels = nice_levels(0.3, 9.7, 5);
  EXPECT_EQ(levels, (std::vector<double>{2, 4, 6, 8}));
  EXPECT_TRUE(nice_levels(5, 5, 5).empty());
}

}  // namespace
}  // namespace georeserve
