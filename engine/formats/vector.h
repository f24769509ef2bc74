// Vector files through GDAL/OGR: writing layers of polygons, lines or points with attributes to
// GeoJSON, ESRI Shapefile, GeoPackage (several layers in one file) or DXF (for CAD users), with the CRS given by its EPSG code; and reading
// the polygons of a GeoJSON or Shapefile with their properties. No GDAL type appears here.
//
// Files appear whole or not at all (built in GDAL's memory file system, then written atomically).
// Text attributes are UTF-8 (Shapefiles get a .cpg saying so). DXF has no place for a CRS, so a
// sidecar .prj (ESRI WKT, as ArcGIS reads for CAD data) is written beside it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "geometry/types.h"

namespace georeserve {

// An attribute value: missing, integer, real or UTF-8 text.
using VectorValue = std::variant<std::monostate, long long, double, std::string>;
// The value as text ("" when missing; numbers in shortest round-trip form).
std::string vector_value_text(const VectorValue& v);

enum class VectorFieldType { integer, real, text };
struct VectorField {
  std::string name;
  VectorFieldType type = VectorFieldType::text;
};

enum class VectorGeometryType { polygon, line, point };

// One feature: the geometry member matching its layer's type, and one value per layer field.
struct VectorFeature {
  geometry::MultiPolygon polygons;
  std::vector<geometry::Polyline> lines;
  std::vector<geometry::Point2> points;
  std::vector<VectorValue> values;
};

struct VectorLayer {
  std::string name;  // layer name; in DXF the CAD layer of every feature
  VectorGeometryType type = VectorGeometryType::polygon;
  std::vector<VectorField> fields;
  std::vector<VectorFeature> features;
};

enum class VectorFormat { geojson, shapefile, geopackage, dxf };
// By extension (case-insensitive): .geojson/.json, .shp, .gpkg, .dxf; nullopt otherwise.
std::optional<VectorFormat> vector_format_for(const std::filesystem::path& path);

// The name of a coordinate reference system ("CGCS2000 / 3-degree Gauss-Kruger zone 41"), nullopt
// when GDAL/PROJ do not know the EPSG code.
std::optional<std::string> crs_name(int epsg);

// Writes the layers; the format comes from the extension. GeoJSON and Shapefile hold exactly one
// layer; GeoPackage any number, each a table with its attributes; DXF any number (attributes are not
// kept: DXF entities carry only their CAD layer).
// epsg 0 writes no CRS. InputError for an unknown extension, inconsistent layers or a failed write.
void write_vector_file(const std::filesystem::path& path, const std::vector<VectorLayer>& layers, int epsg);

// A polygon feature read from a file: its shape (valid, normal orientation), its properties in file
// order, and its 1-based position in the file for messages.
struct PolygonFeature {
  geometry::MultiPolygon shape;
  std::vector<std::pair<std::string, VectorValue>> properties;
  long index = 0;
  // The value of a property (case-insensitive name); nullopt when absent or missing.
  std::optional<std::string> property_text(const std::string& name) const;
};

struct PolygonFile {
  std::vector<PolygonFeature> features;
  int epsg = 0;  // identified EPSG code of the layer's CRS (0 = none or unidentified)
};

// Reads every feature of the first layer of a GeoJSON, Shapefile or GeoPackage. Each feature must be a Polygon
// or MultiPolygon with closed, simple rings; otherwise an InputError names the file and the feature
// ("feature 3 ('name'): ring 1 is not closed").
PolygonFile read_polygon_file(const std::filesystem::path& path);

}  // namespace georeserve
