// GeoJSON writing (see geojson.h).
#include "synth/geojson.h"

#include <cmath>

#include "core/atomic_file.h"

namespace georeserve::synth {
namespace {
Json coordinate(const Point2& p) { return Json::array({round_to_decimals(p[0], 3), round_to_decimals(p[1], 3)}); }

Json feature(Json geometry, Json properties) {
  Json f;
  f["type"] = "Feature";
  f["properties"] = std::move(properties);
  f["geometry"] = std::move(geometry);
  return f;
}
}  // namespace

double round_to_decimals(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(v * scale) / scale;
  return r == 0.0 ? 0.0 : r;  // no negative zero
}

Json geojson_collection(const std::string& name) {
  Json c;
  c["type"] = "FeatureCollection";
  c["name"] = name;
  c["crs"] = {{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::" + std::to_string(kGridEpsg)}}}};
  c["features"] = Json::array();
  return c;
}

void add_polygon(Json& collection, const Ring& ring, Json properties) {
  Json ringj = Json::array();
  // Exterior rings counter-clockwise (RFC 7946), closed.
  double twice = 0.0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point2& a = ring[i];
    const Point2& b = ring[(i + 1) % ring.size()];
    twice += (a[0] - ring[0][0]) * (b[1] - ring[0][1]) - (b[0] - ring[0][0]) * (a[1] - ring[0][1]);
  }
  if (twice >= 0.0)
    for (const Point2& p : ring) ringj.push_back(coordinate(p));
  else
    for (auto it = ring.rbegin(); it != ring.rend(); ++it) ringj.push_back(coordinate(*it));
  ringj.push_back(ringj.front());
  Json g;
  g["type"] = "Polygon";
  g["coordinates"] = Json::array({ringj});
  collection["features"].push_back(feature(std::move(g), std::move(properties)));
}

void add_line(Json& collection, const std::vector<Point2>& line, Json properties) {
  Json coords = Json::array();
  for (const Point2& p : line) coords.push_back(coordinate(p));
  Json g;
  g["type"] = "LineString";
  g["coordinates"] = coords;
  collection["features"].push_back(feature(std::move(g), std::move(properties)));
}

void add_point(Json& collection, const Point2& p, Json properties) {
  Json g;
  g["type"] = "Point";
  g["coordinates"] = coordinate(p);
  collection["features"].push_back(feature(std::move(g), std::move(properties)));
}

void write_geojson(const std::filesystem::path& path, const Json& collection) {
  write_file_atomically(path, [&](std::ostream& out) { out << collection.dump(2) << '\n'; });
}

}  // namespace georeserve::synth
