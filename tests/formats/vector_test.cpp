// Tests of formats/vector.h: GeoJSON and Shapefile round trips (holes, UTF-8 attributes, EPSG), DXF
// layers with a .prj sidecar, and the errors for open, crossing or non-polygon input.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "formats/vector.h"
#include "geometry/polygon.h"

namespace georeserve {
namespace {

namespace fs = std::filesystem;
using geometry::Polygon;

fs::path temp_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("georeserve_vector_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

VectorLayer blocks_layer() {
  VectorLayer layer{"blocks", VectorGeometryType::polygon, {{"name", VectorFieldType::text}, {"grade", VectorFieldType::integer}, {"area", VectorFieldType::real}}, {}};
  Polygon donut{{{41500000, 4600000}, {41501000, 4600000}, {41501000, 4601000}, {41500000, 4601000}},
                {{{41500200, 4600200}, {41500200, 4600400}, {41500400, 4600400}, {41500400, 4600200}}}};
  VectorFeature a;
  a.polygons = {donut};
  a.values = {std::string("调兵山市 block"), 2LL, 960000.0};
  VectorFeature b;
  b.polygons = {Polygon{{{41502000, 4600000}, {41502500, 4600000}, {41502250, 4600300}}, {}}};
  b.values = {std::string("西丰"), VectorValue{}, 75000.0};
  layer.features = {a, b};
  return layer;
}

void expect_round_trip(const fs::path& path) {
  write_vector_file(path, {blocks_layer()}, 4529);
  const PolygonFile back = read_polygon_file(path);
  EXPECT_EQ(back.epsg, 4529);
  ASSERT_EQ(back.features.size(), 2u);
  const PolygonFeature& a = back.features[0];
  EXPECT_EQ(a.property_text("NAME").value_or(""), "调兵山市 block");
  EXPECT_EQ(a.property_text("grade").value_or(""), "2");
  ASSERT_EQ(a.shape.size(), 1u);
  ASSERT_EQ(a.shape[0].holes.size(), 1u);
  EXPECT_NEAR(geometry::area(a.shape), 1000.0 * 1000.0 - 200.0 * 200.0, 1e-3);
  EXPECT_GT(geometry::signed_area(a.shape[0].outer), 0.0);  // normal orientation on reading
  EXPECT_FALSE(back.features[1].property_text("grade"));    // missing stays missing
  EXPECT_EQ(back.features[1].property_text("name").value_or(""), "西丰");
}

TEST(Vector, GeoJsonRoundTrip) {
  const fs::path d = temp_dir("geojson");
  expect_round_trip(d / "blocks.geojson");
  EXPECT_NE(slurp(d / "blocks.geojson").find("EPSG::4529"), std::string::npos);
  // Only the file itself: no temporary files left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 1);
  fs::remove_all(d);
}

TEST(Vector, ShapefileRoundTrip) {
  const fs::path d = temp_dir("shp");
  expect_round_trip(d / "规划区块.shp");
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) EXPECT_TRUE(fs::exists(d / (std::string("规划区块") + ext))) << ext;
  fs::remove_all(d);
}

TEST(Vector, DxfHoldsLayersAndGetsAPrj) {
  const fs::path d = temp_dir("dxf");
  VectorLayer lines{"contour_100mm", VectorGeometryType::line, {}, {}};
  VectorFeature f;
  f.lines = {{{0, 0}, {10, 5}, {20, 0}}};
  lines.features = {f};
  VectorLayer points{"benchmarks", VectorGeometryType::point, {}, {}};
  VectorFeature p;
  p.points = {{3, 4}};
  points.features = {p};
  write_vector_file(d / "map.dxf", {blocks_layer(), lines, points}, 4529);
  const std::string dxf = slurp(d / "map.dxf");
  EXPECT_NE(dxf.find("contour_100mm"), std::string::npos);
  EXPECT_NE(dxf.find("blocks"), std::string::npos);
  EXPECT_NE(dxf.find("LWPOLYLINE"), std::string::npos);
  EXPECT_NE(slurp(d / "map.prj").find("CGCS2000_3_Degree_GK_Zone_41"), std::string::npos);  // ESRI WKT names, not codes
  fs::remove_all(d);
}

TEST(Vector, CrsNames) {
  EXPECT_EQ(crs_name(4529).value_or(""), "CGCS2000 / 3-degree Gauss-Kruger zone 41");
  EXPECT_FALSE(crs_name(999999));
  EXPECT_FALSE(crs_name(0));
}

TEST(Vector, WriteErrorsLeaveNothing) {
  const fs::path d = temp_dir("errors");
  EXPECT_THROW(write_vector_file(d / "x.kml", {blocks_layer()}, 4529), InputError);
  EXPECT_THROW(write_vector_file(d / "two.geojson", {blocks_layer(), blocks_layer()}, 4529), InputError);
  EXPECT_THROW(write_vector_file(d / "crs.geojson", {blocks_layer()}, 999999), InputError);
  VectorLayer bad = blocks_layer();
  bad.features[0].values.pop_back();
  EXPECT_THROW(write_vector_file(d / "bad.geojson", {bad}, 4529), InputError);
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 0);
  fs::remove_all(d);
}

void expect_read_error(const std::string& geojson, const std::string& needle) {
  const fs::path d = temp_dir("read");
  const fs::path p = d / "in.geojson";
  std::ofstream(p) << geojson;
  try {
    read_polygon_file(p);
    ADD_FAILURE() << "expected an error containing " << needle;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
  fs::remove_all(d);
}

std::string feature(const std::string& geometry) {
  return R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"村庄"},"geometry":)" + geometry + "}]}";
}

TEST(Vector, ReadingRejectsBadPolygons) {
  expect_read_error(feature(R"({"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10]]]})"), "feature 1 ('村庄'): ring 1 is not closed");
  expect_read_error(feature(R"({"type":"Polygon","coordinates":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]})"), "intersects itself");
  expect_read_error(feature(R"({"type":"Point","coordinates":[1,2]})"), "expected a Polygon");
  EXPECT_THROW(read_polygon_file("/nonexistent/blocks.geojson"), InputError);
}

}  // namespace
}  // namespace georeserve
