// GeoJSON features of the viewer's polygon layers (planning blocks, zones, footprints): polygons with
// holes, lines and points with their properties as text, brought into the scene's CRS. A "crs" member
// (as GDAL writes for projected data, e.g. "urn:ogc:def:crs:EPSG::4529") names the source CRS; without
// one the file is RFC 7946 longitude/latitude (WGS 84), unless its coordinates cannot be degrees, in which
// case they are taken to be in the scene's CRS already. Conversions go through PROJ.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "geometry/types.h"

namespace georeserve::scene {

struct Feature {
  std::vector<std::pair<std::string, std::string>> properties;  // in file order; numbers as text
  geometry::MultiPolygon polygons;   // Polygon and MultiPolygon parts, normally oriented
  std::vector<geometry::Polyline> lines;
  std::vector<geometry::Point2> points;

  // The property's text, or "" when absent.
  std::string property(std::string_view key) const;
  // The feature's name for labels: `preferred` when given and present, else the first present of
  // name_cn, name, 名称, NAME, title, id; "" when none.
  std::string label(std::string_view preferred = {}) const;
};

struct FeatureCollection {
  std::vector<Feature> features;
  int source_epsg = 0;  // the file's CRS (4326 for longitude/latitude); 0 = taken as the scene's
};

// Reads a FeatureCollection, a single Feature or a bare geometry. target_epsg: the scene's CRS (0 =
// unknown: no conversion, and longitude/latitude files are an error). InputError naming the file and
// the JSON path of the problem (e.g. "features[3].geometry.coordinates[0]").
FeatureCollection read_geojson(const std::filesystem::path& path, int target_epsg);
FeatureCollection parse_geojson(std::string_view text, const std::string& file, int target_epsg);

}  // namespace georeserve::scene
