// GeoJSON features of polygon layers: polygons with holes (normally oriented, closing repeat dropped),
// multi-parts, properties as text, labels in Chinese, the CRS from the "crs" member or RFC 7946, PROJ's
// conversion checked against cs2cs, and errors that name the JSON path.
#include <gtest/gtest.h>

#include "core/error.h"
#include "geometry/polygon.h"
#include "scene/geojson.h"

using namespace georeserve;
using namespace georeserve::scene;

namespace {
const char* kProjected = R"({
  "type": "FeatureCollection",
  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4529"}},
  "features": [
    {"type": "Feature", "properties": {"id": 3, "name_cn": "调兵山前裕硅灰石勘查区", "area_km2": 12.5, "note": null},
     "geometry": {"type": "Polygon", "coordinates": [
        [[41510000, 4690000], [41510000, 4692000], [41513000, 4692000], [41513000, 4690000], [41510000, 4690000]],
        [[41511000, 4690500], [41512000, 4690500], [41512000, 4691000], [41511000, 4690500]]]}},
    {"type": "Feature", "properties": {"NAME": "B"},
     "geometry": {"type": "MultiPolygon", "coordinates": [
        [[[0, 0], [10, 0], [10, 10], [0, 0]]], [[[20, 0], [30, 0], [30, 10], [20, 0]]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [41512000, 4691000, 55]}},
    {"type": "Feature", "properties": {"name": "road"}, "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}},
    {"type": "Feature", "properties": {"name": "empty"}, "geometry": null}
  ]})";
}  // namespace

TEST(GeoJson, PolygonsHolesPartsAndProperties) {
  const FeatureCollection fc = parse_geojson(kProjected, "planning.geojson", 4529);
  EXPECT_EQ(fc.source_epsg, 4529);
  ASSERT_EQ(fc.features.size(), 5u);
  const Feature& a = fc.features[0];
  ASSERT_EQ(a.polygons.size(), 1u);
  EXPECT_EQ(a.polygons[0].outer.size(), 4u);  // closing repeat dropped
  ASSERT_EQ(a.polygons[0].holes.size(), 1u);
  EXPECT_TRUE(geometry::is_counter_clockwise(a.polygons[0].outer));  // the file's ring was clockwise
  EXPECT_FALSE(geometry::is_counter_clockwise(a.polygons[0].holes[0]));
  EXPECT_DOUBLE_EQ(geometry::area(a.polygons[0]), 3000.0 * 2000.0 - 0.5 * 1000.0 * 500.0);
  EXPECT_EQ(a.property("id"), "3");
  EXPECT_EQ(a.property("area_km2"), "12.5");
  EXPECT_EQ(a.property("note"), "");
  EXPECT_EQ(a.label(), "调兵山前裕硅灰石勘查区");
  EXPECT_EQ(a.label("id"), "3");
  EXPECT_EQ(fc.features[1].polygons.size(), 2u);
  EXPECT_EQ(fc.features[1].label(), "B");
  ASSERT_EQ(fc.features[2].points.size(), 1u);
  EXPECT_EQ(fc.features[2].points[0].y, 4691000.0);
  EXPECT_EQ(fc.features[2].label(), "");
  ASSERT_EQ(fc.features[3].lines.size(), 1u);
  EXPECT_TRUE(fc.features[4].polygons.empty());
}

TEST(GeoJson, LongitudeLatitudeIsConvertedLikeCs2cs) {
  // RFC 7946 file (no crs member). Oracle: `echo "42.3 123.5" | cs2cs -f "%.4f" EPSG:4326 EPSG:4529`
  // gives 4685080.8160 41541230.2852 (northing, easting); on the central meridian 123E, x = 41,500,000.
  const char* text = R"({"type": "Feature", "properties": {"name": "p"},
      "geometry": {"type": "MultiPoint", "coordinates": [[123.5, 42.3], [123.0, 42.0]]}})";
  const FeatureCollection fc = parse_geojson(text, "ll.geojson", 4529);
  EXPECT_EQ(fc.source_epsg, 4326);
  ASSERT_EQ(fc.features[0].points.size(), 2u);
  EXPECT_NEAR(fc.features[0].points[0].x, 41541230.2852, 1e-3);
  EXPECT_NEAR(fc.features[0].points[0].y, 4685080.8160, 1e-3);
  EXPECT_NEAR(fc.features[0].points[1].x, 41500000.0, 1e-3);
  EXPECT_NEAR(fc.features[0].points[1].y, 4651636.8795, 1e-3);
  // Without a scene CRS there is nowhere to put degrees.
  EXPECT_THROW(parse_geojson(text, "ll.geojson", 0), InputError);
}

TEST(GeoJson, ProjectedNumbersWithoutCrsAreTheScenes) {
  const char* text = R"({"type": "Polygon", "coordinates": [[[41510000, 4690000], [41511000, 4690000], [41510000, 4691000], [41510000, 4690000]]]})";
  const FeatureCollection fc = parse_geojson(text, "p.geojson", 4529);
  EXPECT_EQ(fc.source_epsg, 0);
  EXPECT_EQ(fc.features[0].polygons[0].outer[0].x, 41510000.0);
}

TEST(GeoJson, ErrorsNameThePath) {
  auto message = [](const char* text) {
    try {
      parse_geojson(text, "bad.geojson", 4529);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": "
                    "{\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[0,1]]]}}]}")
                .find("features[0].geometry.coordinates[0]"),
            std::string::npos);
  EXPECT_NE(message("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Circle\", \"coordinates\": []}}").find("unknown geometry type"),
            std::string::npos);
  EXPECT_NE(message("{\"type\": \"Point\", \"coordinates\": [\"a\", 1]}").find("geometry.coordinates"), std::string::npos);
  EXPECT_NE(message("[1, 2]").find("not GeoJSON"), std::string::npos);
  EXPECT_NE(message("{\"type\": ").find("bad.geojson"), std::string::npos);
  EXPECT_NE(message(R"({"type": "Point", "coordinates": [1, 2], "crs": {"type": "name", "properties": {"name": "urn:x:y"}}})")
                .find("EPSG code"),
            std::string::npos);
}
