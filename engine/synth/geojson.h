// GeoJSON output of the generator: feature collections in EPSG:4529 (named in the legacy "crs" member,
// which GDAL/QGIS read), keys in a fixed order, coordinates rounded to the millimetre, so that the
// bytes depend only on the content.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "synth/geodesy.h"

namespace georeserve::synth {

using Json = nlohmann::ordered_json;

Json geojson_collection(const std::string& name);
// Adds a feature; properties keep the order they were inserted in.
void add_polygon(Json& collection, const Ring& ring, Json properties);
void add_line(Json& collection, const std::vector<Point2>& line, Json properties);
void add_point(Json& collection, const Point2& p, Json properties);
// Rounds to a number of decimals (what the files carry).
double round_to_decimals(double v, int decimals);
// Writes the collection (two-space indented, trailing newline) atomically.
void write_geojson(const std::filesystem::path& path, const Json& collection);

}  // namespace georeserve::synth
