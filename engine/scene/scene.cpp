// Reading, checking and writing the scene manifest (scene.h). The reader parses with ConfigView (types,
// unknown keys) and then runs the same semantic checks as the writer, so both sides agree on what a
// valid manifest is.
#include "scene/scene.h"

#include <cmath>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"
#include "io/json_config.h"

namespace georeserve::scene {
namespace {

constexpr std::pair<std::string_view, LayerKind> kKinds[] = {
    {"block_model", LayerKind::block_model}, {"drillholes", LayerKind::drillholes},
    {"composites", LayerKind::composites},   {"surface", LayerKind::surface},
    {"solid", LayerKind::solid},             {"polygons", LayerKind::polygons},
    {"grid", LayerKind::grid},               {"points", LayerKind::points},
    {"subsidence", LayerKind::subsidence}};

constexpr std::string_view kOriginNote =
    "origin is subtracted from every coordinate in this folder's VTK files (32-bit floats cannot hold "
    "Gauss-Kruger coordinates to the centimetre); add it back to get CRS coordinates. Bookmarks are in CRS "
    "coordinates.";

constexpr std::string_view kColorMaps[] = {"viridis", "turbo", "magma", "terrain", "diverging"};

std::string_view color_map_name(ColorMap m) { return kColorMaps[static_cast<int>(m)]; }

// File types each kind of layer may use (lower-case extensions).
std::vector<std::string_view> extensions_for(LayerKind kind) {
  switch (kind) {
    case LayerKind::block_model: return {".vti", ".vts", ".vtu"};
    case LayerKind::drillholes:
    case LayerKind::composites:
    case LayerKind::points: return {".vtp"};
    case LayerKind::surface: return {".vtp", ".vts", ".tif", ".tiff"};  // .vts: seam roofs and floors as grids
    case LayerKind::solid: return {".vtp", ".vtu"};
    case LayerKind::polygons: return {".geojson", ".json", ".vtp"};
    case LayerKind::grid: return {".vti", ".tif", ".tiff"};
    case LayerKind::subsidence: return {".csv", ".tif", ".tiff"};
  }
  return {};
}

std::array<double, 3> three(const ConfigView& v, std::string_view key) {
  const auto n = v.numbers(key, 3);
  return {n[0], n[1], n[2]};
}

Rgb color_of(const ConfigView& v, std::string_view key) {
  Rgb c;
  const std::string text = v.string(key);
  if (!parse_hex_color(text, &c)) v.fail_at(key, "'" + text + "' is not a colour like \"#d62728\"");
  return c;
}

Category parse_category(const ConfigView& v) {
  v.allow_only({"code", "label", "label_en", "color"});
  Category c;
  c.code = v.integer("code");
  c.label = v.string("label");
  c.label_en = v.string("label_en", "");
  c.color = color_of(v, "color");
  return c;
}

Attribute parse_attribute(const ConfigView& v) {
  v.allow_only({"name", "title", "unit", "kind", "color_map", "range", "categories"});
  Attribute a;
  a.name = v.string("name");
  a.title = v.string("title", a.name);
  a.unit = v.string("unit", "");
  a.kind = v.one_of("kind", "continuous", {"continuous", "categorical"}) == "categorical" ? AttributeKind::categorical
                                                                                         : AttributeKind::continuous;
  const std::string map = v.one_of("color_map", "viridis", {"viridis", "turbo", "magma", "terrain", "diverging"});
  parse_color_map(map, &a.color_map);
  if (v.has("range")) {
    const auto r = v.numbers("range", 2);
    a.range = std::array<double, 2>{r[0], r[1]};
  }
  if (auto cats = v.find("categories"))
    for (std::size_t i = 0; i < cats->size(); ++i) a.categories.push_back(parse_category(cats->at(i)));
  return a;
}

Layer parse_layer(const ConfigView& v) {
  v.allow_only({"id", "kind", "title", "file", "visible", "opacity", "color", "color_by", "attributes",
                "class_attribute", "domain_attribute", "filter_attribute", "label_field", "tube_radius",
                "elevation_range", "displace"});
  Layer l;
  l.id = v.string("id");
  const std::string kind = v.string("kind");
  if (!parse_layer_kind(kind, &l.kind)) {
    std::string list;
    for (const auto& [name, k] : kKinds) list += (list.empty() ? "" : ", ") + std::string(name);
    v.fail_at("kind", "'" + kind + "' is not one of: " + list);
  }
  l.title = v.string("title", l.id);
  l.file = v.string("file");
  l.resolved = v.document().folder / l.file;
  l.visible = v.boolean("visible", true);
  l.opacity = v.number("opacity", 1.0);
  if (v.has("color")) l.color = color_of(v, "color");
  l.color_by = v.string("color_by", "");
  if (auto attrs = v.find("attributes"))
    for (std::size_t i = 0; i < attrs->size(); ++i) l.attributes.push_back(parse_attribute(attrs->at(i)));
  l.class_attribute = v.string("class_attribute", "");
  l.domain_attribute = v.string("domain_attribute", "");
  l.filter_attribute = v.string("filter_attribute", "");
  l.label_field = v.string("label_field", "");
  l.tube_radius = v.number("tube_radius", 0.0);
  if (v.has("elevation_range")) {
    const auto r = v.numbers("elevation_range", 2);
    l.elevation_range = std::array<double, 2>{r[0], r[1]};
  }
  l.displace = v.number("displace", 0.0);
  return l;
}

using Fail = std::function<void(const std::string& key_path, const std::string& message)>;

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return false;
  return true;
}

void check_attribute(const Attribute& a, const std::string& at, const Fail& fail) {
  if (a.name.empty()) fail(at + ".name", "must not be empty");
  if (!is_valid_utf8(a.title) || !is_valid_utf8(a.unit)) fail(at + ".title", "must be valid UTF-8");
  if (a.kind == AttributeKind::continuous) {
    if (a.range && !((*a.range)[0] < (*a.range)[1])) fail(at + ".range", "must be [low, high] with low < high");
    if (!a.categories.empty()) fail(at + ".categories", "only categorical attributes have categories");
    return;
  }
  if (a.categories.empty()) fail(at + ".categories", "a categorical attribute needs at least one category");
  std::set<long long> codes;
  for (std::size_t i = 0; i < a.categories.size(); ++i) {
    const Category& c = a.categories[i];
    const std::string ci = at + ".categories[" + std::to_string(i) + "]";
    if (!codes.insert(c.code).second) fail(ci + ".code", "code " + std::to_string(c.code) + " appears twice");
    if (c.label.empty() || !is_valid_utf8(c.label) || !is_valid_utf8(c.label_en))
      fail(ci + ".label", "must be non-empty UTF-8");
  }
}

void check_role(const Layer& l, const std::string& at, const std::string& key, const std::string& name,
                bool categorical, const Fail& fail) {
  if (name.empty()) return;
  const Attribute* a = l.attribute(name);
  if (!a) fail(at + "." + key, "names no attribute of the layer: '" + name + "'");
  else if ((a->kind == AttributeKind::categorical) != categorical)
    fail(at + "." + key, "'" + name + "' must be a " + (categorical ? "categorical" : "continuous") + " attribute");
}

void check_layer(const Layer& l, const std::string& at, const Fail& fail) {
  if (!valid_id(l.id)) fail(at + ".id", "'" + l.id + "' must be letters, digits, '_', '-' or '.'");
  if (!is_valid_utf8(l.title)) fail(at + ".title", "must be valid UTF-8");
  if (l.file.empty()) fail(at + ".file", "must not be empty");
  if (l.file.is_absolute()) fail(at + ".file", "must be relative to the manifest's folder");
  for (const auto& part : l.file)
    if (part == "..") fail(at + ".file", "must stay inside the manifest's folder (no '..')");
  const auto allowed = extensions_for(l.kind);
  const std::string ext = to_lower_ascii(l.file.extension().string());
  bool ok = false;
  std::string list;
  for (auto e : allowed) {
    ok = ok || ext == e;
    list += (list.empty() ? "" : ", ") + std::string(e);
  }
  if (!ok) fail(at + ".file", "a " + std::string(to_string(l.kind)) + " layer reads " + list + " files, not '" + ext + "'");
  if (!(l.opacity >= 0.0 && l.opacity <= 1.0)) fail(at + ".opacity", "must be between 0 and 1");
  if (!(l.tube_radius >= 0.0)) fail(at + ".tube_radius", "must be >= 0");
  if (!(l.displace >= 0.0 && l.displace <= 1e4)) fail(at + ".displace", "must be between 0 and 10000");
  if (l.displace > 0 && l.kind != LayerKind::subsidence) fail(at + ".displace", "only subsidence layers are displaced");
  if (l.elevation_range && !((*l.elevation_range)[0] < (*l.elevation_range)[1]))
    fail(at + ".elevation_range", "must be [bottom, top] with bottom < top");
  std::set<std::string> names;
  for (std::size_t i = 0; i < l.attributes.size(); ++i) {
    const std::string ai = at + ".attributes[" + std::to_string(i) + "]";
    check_attribute(l.attributes[i], ai, fail);
    if (!names.insert(l.attributes[i].name).second) fail(ai + ".name", "'" + l.attributes[i].name + "' appears twice");
  }
  if (!l.color_by.empty() && !l.attribute(l.color_by))
    fail(at + ".color_by", "names no attribute of the layer: '" + l.color_by + "'");
  check_role(l, at, "class_attribute", l.class_attribute, true, fail);
  check_role(l, at, "domain_attribute", l.domain_attribute, true, fail);
  check_role(l, at, "filter_attribute", l.filter_attribute, false, fail);
}

void check_bookmark(const Bookmark& b, const std::string& at, const Fail& fail) {
  if (!valid_id(b.name)) fail(at + ".name", "'" + b.name + "' must be letters, digits, '_', '-' or '.'");
  double d2 = 0, up2 = 0;
  for (int a = 0; a < 3; ++a) {
    d2 += (b.position[a] - b.focal_point[a]) * (b.position[a] - b.focal_point[a]);
    up2 += b.view_up[a] * b.view_up[a];
  }
  if (!(d2 > 0)) fail(at + ".position", "must differ from focal_point");
  if (!(up2 > 0)) fail(at + ".view_up", "must not be zero");
  if (!(b.parallel_scale >= 0)) fail(at + ".parallel_scale", "must be >= 0");
}

nlohmann::ordered_json json3(const std::array<double, 3>& v) { return nlohmann::ordered_json::array({v[0], v[1], v[2]}); }

nlohmann::ordered_json attribute_json(const Attribute& a) {
  nlohmann::ordered_json j;
  j["name"] = a.name;
  if (a.title != a.name) j["title"] = a.title;
  if (!a.unit.empty()) j["unit"] = a.unit;
  j["kind"] = a.kind == AttributeKind::categorical ? "categorical" : "continuous";
  if (a.kind == AttributeKind::continuous) {
    j["color_map"] = color_map_name(a.color_map);
    if (a.range) j["range"] = {(*a.range)[0], (*a.range)[1]};
  }
  for (const Category& c : a.categories) {
    nlohmann::ordered_json cj;
    cj["code"] = c.code;
    cj["label"] = c.label;
    if (!c.label_en.empty()) cj["label_en"] = c.label_en;
    cj["color"] = c.color.hex();
    j["categories"].push_back(cj);
  }
  return j;
}

nlohmann::ordered_json layer_json(const Layer& l) {
  nlohmann::ordered_json j;
  j["id"] = l.id;
  j["kind"] = to_string(l.kind);
  j["title"] = l.title;
  j["file"] = l.file.generic_string();
  j["visible"] = l.visible;
  j["opacity"] = l.opacity;
  if (l.color) j["color"] = l.color->hex();
  if (!l.color_by.empty()) j["color_by"] = l.color_by;
  if (!l.class_attribute.empty()) j["class_attribute"] = l.class_attribute;
  if (!l.domain_attribute.empty()) j["domain_attribute"] = l.domain_attribute;
  if (!l.filter_attribute.empty()) j["filter_attribute"] = l.filter_attribute;
  if (!l.label_field.empty()) j["label_field"] = l.label_field;
  if (l.tube_radius > 0) j["tube_radius"] = l.tube_radius;
  if (l.elevation_range) j["elevation_range"] = {(*l.elevation_range)[0], (*l.elevation_range)[1]};
  if (l.displace > 0) j["displace"] = l.displace;
  for (const Attribute& a : l.attributes) j["attributes"].push_back(attribute_json(a));
  return j;
}

}  // namespace

std::string_view to_string(LayerKind kind) {
  for (const auto& [name, k] : kKinds)
    if (k == kind) return name;
  return "unknown";
}

bool parse_layer_kind(std::string_view text, LayerKind* out) {
  for (const auto& [name, k] : kKinds)
    if (text == name) {
      *out = k;
      return true;
    }
  return false;
}

const Category* Attribute::category(long long code) const {
  for (const Category& c : categories)
    if (c.code == code) return &c;
  return nullptr;
}

std::string Attribute::legend_title() const { return unit.empty() ? title : title + " (" + unit + ")"; }

const Attribute* Layer::attribute(std::string_view n) const {
  for (const Attribute& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

const Layer* Scene::layer(std::string_view id) const {
  for (const Layer& l : layers)
    if (l.id == id) return &l;
  return nullptr;
}

bool parse_hex_color(std::string_view text, Rgb* out) {
  if (text.size() != 7 && text.size() != 4) return false;
  if (text[0] != '#') return false;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  int v[6];
  const bool short_form = text.size() == 4;
  for (int i = 0; i < (short_form ? 3 : 6); ++i)
    if ((v[i] = hex(text[static_cast<std::size_t>(i) + 1])) < 0) return false;
  if (short_form) *out = {static_cast<std::uint8_t>(v[0] * 17), static_cast<std::uint8_t>(v[1] * 17), static_cast<std::uint8_t>(v[2] * 17)};
  else *out = {static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]), static_cast<std::uint8_t>(v[4] * 16 + v[5])};
  return true;
}

Bookmark parse_bookmark(const ConfigView& v) {
  v.allow_only({"name", "title", "position", "focal_point", "view_up", "eye", "target", "up", "parallel", "parallel_scale"});
  // eye, target and up are the model file's friendlier names for position, focal_point and view_up.
  auto either = [&](std::string_view key, std::string_view alias) -> std::string_view {
    if (v.has(key) && v.has(alias)) v.fail_at(alias, "give either '" + std::string(key) + "' or '" + std::string(alias) + "', not both");
    return v.has(alias) ? alias : key;
  };
  Bookmark b;
  b.name = v.string("name");
  b.title = v.string("title", b.name);
  b.position = three(v, either("position", "eye"));
  b.focal_point = three(v, either("focal_point", "target"));
  if (const auto up = either("view_up", "up"); v.has(up)) b.view_up = three(v, up);
  b.parallel = v.boolean("parallel", false);
  b.parallel_scale = v.number("parallel_scale", 0.0);
  return b;
}

void merge_bookmarks(std::vector<Bookmark>& into, const std::vector<Bookmark>& more) {
  for (const Bookmark& b : more) {
    std::erase_if(into, [&](const Bookmark& old) { return old.name == b.name; });
    into.push_back(b);
  }
}

std::vector<Bookmark> read_model_bookmarks(const std::filesystem::path& model_file) {
  const JsonDocument doc = load_json_file(model_file);
  const ConfigView root(doc);
  std::vector<Bookmark> out;
  const auto viewer = root.find("viewer");
  if (!viewer) return out;
  viewer->allow_only({"bookmarks"});
  const auto list = viewer->find("bookmarks");
  if (!list) return out;
  const Fail fail = [&](const std::string& key, const std::string& message) { throw ConfigError(doc.file, "viewer.bookmarks" + key, message); };
  std::set<std::string> names;
  for (std::size_t i = 0; i < list->size(); ++i) {
    out.push_back(parse_bookmark(list->at(i)));
    std::string at = "[";  // built in steps: GCC 12 warns falsely (-Wrestrict) on "[" + to_string(i) + "]"
    at += std::to_string(i);
    at += ']';
    check_bookmark(out.back(), at, fail);
    if (!names.insert(out.back().name).second) fail(at + ".name", "'" + out.back().name + "' appears twice");
  }
  return out;
}

Scene parse_scene(const ConfigView& root) {
  root.allow_only({"format", "version", "name", "title", "crs", "origin", "origin_note", "vertical_exaggeration",
                   "layers", "bookmarks"});
  if (root.string("format") != kFormat) root.fail_at("format", "must be \"" + std::string(kFormat) + "\"");
  const long long version = root.integer("version");
  if (version > kVersion)
    root.fail_at("version", "version " + std::to_string(version) + " was written by a newer georeserve (this one reads " +
                                std::to_string(kVersion) + ")");
  if (version < 1) root.fail_at("version", "must be >= 1");
  Scene s;
  s.name = root.string("name", "");
  s.title = root.string("title", s.name);
  if (auto crs = root.find("crs")) {
    crs->allow_only({"epsg", "vertical_epsg"});
    s.epsg = static_cast<int>(crs->integer_in("epsg", 0, 0, 999999));
    s.vertical_epsg = static_cast<int>(crs->integer_in("vertical_epsg", 0, 0, 999999));
  }
  if (root.has("origin")) s.origin = three(root, "origin");
  s.vertical_exaggeration = root.number_in("vertical_exaggeration", 1.0, 0.01, 100.0);
  if (auto layers = root.find("layers"))
    for (std::size_t i = 0; i < layers->size(); ++i) s.layers.push_back(parse_layer(layers->at(i)));
  if (auto marks = root.find("bookmarks"))
    for (std::size_t i = 0; i < marks->size(); ++i) s.bookmarks.push_back(parse_bookmark(marks->at(i)));
  check_scene(s, root.document().file);
  return s;
}

Scene read_scene(const std::filesystem::path& path) {
  const JsonDocument doc = load_json_file(path);
  return parse_scene(ConfigView(doc));
}

void check_scene(const Scene& s, const std::string& file) {
  const Fail fail = [&](const std::string& key, const std::string& message) { throw ConfigError(file, key, message); };
  if (!is_valid_utf8(s.name) || !is_valid_utf8(s.title)) fail("title", "must be valid UTF-8");
  for (double c : s.origin)
    if (!std::isfinite(c)) fail("origin", "must be finite");
  if (!(s.vertical_exaggeration >= 0.01 && s.vertical_exaggeration <= 100.0))
    fail("vertical_exaggeration", "must be between 0.01 and 100");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < s.layers.size(); ++i) {
    const std::string at = "layers[" + std::to_string(i) + "]";
    check_layer(s.layers[i], at, fail);
    if (!ids.insert(s.layers[i].id).second) fail(at + ".id", "'" + s.layers[i].id + "' is used by another layer");
  }
  std::set<std::string> marks;
  for (std::size_t i = 0; i < s.bookmarks.size(); ++i) {
    const std::string at = "bookmarks[" + std::to_string(i) + "]";
    check_bookmark(s.bookmarks[i], at, fail);
    if (!marks.insert(s.bookmarks[i].name).second) fail(at + ".name", "'" + s.bookmarks[i].name + "' appears twice");
  }
}

nlohmann::ordered_json to_json(const Bookmark& b) {
  nlohmann::ordered_json j;
  j["name"] = b.name;
  if (b.title != b.name) j["title"] = b.title;
  j["position"] = json3(b.position);
  j["focal_point"] = json3(b.focal_point);
  j["view_up"] = json3(b.view_up);
  j["parallel"] = b.parallel;
  if (b.parallel_scale > 0) j["parallel_scale"] = b.parallel_scale;
  return j;
}

nlohmann::ordered_json to_json(const Scene& s) {
  nlohmann::ordered_json j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["name"] = s.name;
  j["title"] = s.title;
  j["crs"] = {{"epsg", s.epsg}, {"vertical_epsg", s.vertical_epsg}};
  j["origin"] = json3(s.origin);
  j["origin_note"] = kOriginNote;
  j["vertical_exaggeration"] = s.vertical_exaggeration;
  j["layers"] = nlohmann::ordered_json::array();
  for (const Layer& l : s.layers) j["layers"].push_back(layer_json(l));
  j["bookmarks"] = nlohmann::ordered_json::array();
  for (const Bookmark& b : s.bookmarks) j["bookmarks"].push_back(to_json(b));
  return j;
}

void write_scene(const std::filesystem::path& path, const Scene& s) {
  check_scene(s, path.string());
  const std::string text = to_json(s).dump(2) + "\n";
  write_file_atomically(path, [&](std::ostream& out) { out << text; });
}

}  // namespace georeserve::scene
