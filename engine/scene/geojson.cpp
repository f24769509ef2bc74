// GeoJSON reading for polygon layers (see geojson.h): geometry walking with JSON-path error messages,
// the source CRS from the "crs" member, and the PROJ conversion into the scene's CRS.
#include "scene/geojson.h"

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>
#include <proj.h>

#include "core/error.h"
#include "core/text.h"
#include "geometry/polygon.h"

namespace georeserve::scene {
namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& at, const std::string& message) const {
    throw InputError(file_, 0, at, message);
  }

  geometry::Point2 position(const json& p, const std::string& at) const {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
      fail(at, "a position must be [x, y] or [x, y, z] numbers");
    const geometry::Point2 q{p[0].get<double>(), p[1].get<double>()};
    if (!std::isfinite(q.x) || !std::isfinite(q.y)) fail(at, "coordinates must be finite");
    return q;
  }

  std::vector<geometry::Point2> positions(const json& list, const std::string& at) const {
    if (!list.is_array()) fail(at, "must be an array of positions");
    std::vector<geometry::Point2> out;
    for (std::size_t i = 0; i < list.size(); ++i) out.push_back(position(list[i], at + "[" + std::to_string(i) + "]"));
    return out;
  }

  geometry::Polygon polygon(const json& rings, const std::string& at) const {
    if (!rings.is_array() || rings.empty()) fail(at, "a polygon needs at least its outer ring");
    geometry::Polygon poly;
    for (std::size_t i = 0; i < rings.size(); ++i) {
      const std::string ri = at + "[" + std::to_string(i) + "]";
      const auto coords = positions(rings[i], ri);
      if (coords.size() < 4 || !geometry::is_closed(coords))
        fail(ri, "a linear ring needs at least 4 positions, the last equal to the first");
      geometry::Ring ring = geometry::ring_from_closed_coordinates(coords);
      if (i == 0) poly.outer = std::move(ring);
      else poly.holes.push_back(std::move(ring));
    }
    geometry::orient(poly);
    return poly;
  }

  void geometry_into(const json& g, const std::string& at, Feature& f) const {
    if (g.is_null()) return;  // a feature without geometry: nothing to draw
    if (!g.is_object() || !g.contains("type") || !g["type"].is_string()) fail(at, "a geometry needs a \"type\"");
    const std::string type = g["type"].get<std::string>();
    if (type == "GeometryCollection") {
      if (!g.contains("geometries") || !g["geometries"].is_array()) fail(at + ".geometries", "must be an array");
      for (std::size_t i = 0; i < g["geometries"].size(); ++i)
        geometry_into(g["geometries"][i], at + ".geometries[" + std::to_string(i) + "]", f);
      return;
    }
    if (!g.contains("coordinates")) fail(at + ".coordinates", "missing");
    const json& c = g["coordinates"];
    const std::string ca = at + ".coordinates";
    if (type == "Point") f.points.push_back(position(c, ca));
    else if (type == "MultiPoint") for (auto p : positions(c, ca)) f.points.push_back(p);
    else if (type == "LineString") f.lines.push_back(positions(c, ca));
    else if (type == "MultiLineString") {
      if (!c.is_array()) fail(ca, "must be an array of lines");
      for (std::size_t i = 0; i < c.size(); ++i) f.lines.push_back(positions(c[i], ca + "[" + std::to_string(i) + "]"));
    } else if (type == "Polygon") f.polygons.push_back(polygon(c, ca));
    else if (type == "MultiPolygon") {
      if (!c.is_array()) fail(ca, "must be an array of polygons");
      for (std::size_t i = 0; i < c.size(); ++i) f.polygons.push_back(polygon(c[i], ca + "[" + std::to_string(i) + "]"));
    } else fail(at + ".type", "unknown geometry type '" + type + "'");
  }

  Feature feature(const json& j, const std::string& at) const {
    if (!j.is_object()) fail(at, "a feature must be an object");
    Feature f;
    if (j.contains("properties") && j["properties"].is_object())
      for (auto it = j["properties"].begin(); it != j["properties"].end(); ++it) {
        const json& v = it.value();
        if (v.is_null()) continue;
        std::string text;
        if (v.is_string()) text = v.get<std::string>();
        else if (v.is_number_integer()) text = std::to_string(v.get<long long>());
        else if (v.is_number()) text = format_double(v.get<double>());
        else text = v.dump();
        f.properties.emplace_back(it.key(), std::move(text));
      }
    if (j.contains("geometry")) geometry_into(j["geometry"], at + ".geometry", f);
    return f;
  }

  // The EPSG code named by a "crs" member; 4326 for longitude/latitude order (CRS84).
  int crs_code(const json& root) const {
    const json& crs = root["crs"];
    if (!crs.is_object() || !crs.contains("properties") || !crs["properties"].contains("name") ||
        !crs["properties"]["name"].is_string())
      fail("crs", "expected {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::4529\"}}");
    const std::string name = crs["properties"]["name"].get<std::string>();
    if (name.find("CRS84") != std::string::npos) return 4326;
    const auto colon = name.find_last_of(':');
    const auto code = parse_double(colon == std::string::npos ? name : name.substr(colon + 1));
    if (!code || *code <= 0 || std::floor(*code) != *code) fail("crs.properties.name", "cannot read an EPSG code in '" + name + "'");
    return static_cast<int>(*code);
  }

 private:
  std::string file_;
};

bool all_degrees(const FeatureCollection& fc) {
  auto ok = [](geometry::Point2 p) { return std::abs(p.x) <= 180.0 && std::abs(p.y) <= 90.0; };
  for (const Feature& f : fc.features) {
    for (const auto& poly : f.polygons) {
      for (auto p : poly.outer) if (!ok(p)) return false;
      for (const auto& h : poly.holes) for (auto p : h) if (!ok(p)) return false;
    }
    for (const auto& l : f.lines) for (auto p : l) if (!ok(p)) return false;
    for (auto p : f.points) if (!ok(p)) return false;
  }
  return true;
}

// Converts every coordinate from one EPSG code to another with PROJ (x = easting or longitude).
void convert(FeatureCollection& fc, int from, int to, const std::string& file) {
  struct Context {
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* pj = nullptr;
    ~Context() {
      if (pj) proj_destroy(pj);
      proj_context_destroy(ctx);
    }
  } c;
  proj_log_level(c.ctx, PJ_LOG_NONE);
  const std::string a = "EPSG:" + std::to_string(from), b = "EPSG:" + std::to_string(to);
  PJ* raw = proj_create_crs_to_crs(c.ctx, a.c_str(), b.c_str(), nullptr);
  if (!raw) throw InputError(file, 0, "crs", "PROJ cannot convert " + a + " to " + b);
  c.pj = proj_normalize_for_visualization(c.ctx, raw);
  proj_destroy(raw);
  if (!c.pj) throw InputError(file, 0, "crs", "PROJ cannot convert " + a + " to " + b);
  auto move = [&](geometry::Point2& p) {
    const PJ_COORD r = proj_trans(c.pj, PJ_FWD, proj_coord(p.x, p.y, 0, 0));
    if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y))
      throw InputError(file, 0, "", "position (" + format_double(p.x) + ", " + format_double(p.y) +
                                        ") cannot be converted from " + a + " to " + b);
    p = {r.xy.x, r.xy.y};
  };
  for (Feature& f : fc.features) {
    for (auto& poly : f.polygons) {
      for (auto& p : poly.outer) move(p);
      for (auto& h : poly.holes) for (auto& p : h) move(p);
      geometry::orient(poly);
    }
    for (auto& l : f.lines) for (auto& p : l) move(p);
    for (auto& p : f.points) move(p);
  }
}

}  // namespace

std::string Feature::property(std::string_view key) const {
  for (const auto& [k, v] : properties)
    if (k == key) return v;
  return {};
}

std::string Feature::label(std::string_view preferred) const {
  if (!preferred.empty())
    for (const auto& [k, v] : properties)
      if (k == preferred) return v;
  for (std::string_view key : {"name_cn", "name", "名称", "NAME", "title", "id"})
    for (const auto& [k, v] : properties)
      if (k == key && !v.empty()) return v;
  return {};
}

FeatureCollection parse_geojson(std::string_view text, const std::string& file, int target_epsg) {
  json root;
  try {
    text = strip_utf8_bom(text);
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw InputError(file, 0, "", std::string("invalid JSON: ") + e.what());
  }
  const Reader reader(file);
  if (!root.is_object() || !root.contains("type") || !root["type"].is_string())
    reader.fail("type", "not GeoJSON: the top level needs a \"type\"");
  FeatureCollection fc;
  const std::string type = root["type"].get<std::string>();
  if (type == "FeatureCollection") {
    if (!root.contains("features") || !root["features"].is_array()) reader.fail("features", "must be an array");
    const json& features = root["features"];
    for (std::size_t i = 0; i < features.size(); ++i)
      fc.features.push_back(reader.feature(features[i], "features[" + std::to_string(i) + "]"));
  } else if (type == "Feature") {
    fc.features.push_back(reader.feature(root, "feature"));
  } else {
    Feature f;
    reader.geometry_into(root, "geometry", f);
    fc.features.push_back(std::move(f));
  }
  if (root.contains("crs") && !root["crs"].is_null()) fc.source_epsg = reader.crs_code(root);
  else if (all_degrees(fc)) fc.source_epsg = 4326;  // RFC 7946
  else fc.source_epsg = 0;  // projected numbers without a CRS: the scene's own

  if (fc.source_epsg != 0 && target_epsg != 0 && fc.source_epsg != target_epsg)
    convert(fc, fc.source_epsg, target_epsg, file);
  else if (fc.source_epsg == 4326 && target_epsg == 0)
    reader.fail("crs", "longitude/latitude coordinates, but the scene names no projected CRS to put them in");
  return fc;
}

FeatureCollection read_geojson(const std::filesystem::path& path, int target_epsg) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), 0, "", "cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_geojson(ss.str(), path.string(), target_epsg);
}

}  // namespace georeserve::scene
