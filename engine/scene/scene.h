// The scene manifest `scene.json`: the contract between `georeserve run` (which writes it into its
// output folder beside the VTK, GeoTIFF and GeoJSON files) and `georeserve-view` (which reads it).
// It says what each file is (layer kind), how to title it (UTF-8, Chinese welcome), how to colour it
// (attributes with units, colour maps, categories with codes, Chinese and English labels and colours),
// where the coordinates are (CRS and the local origin subtracted from every coordinate in the VTK
// files) and where to look (camera bookmarks, in CRS coordinates).
//
// Example (all keys; most have defaults):
//   {"format": "georeserve-scene", "version": 1, "name": "qianyu", "title": "前裕硅灰石矿 Qianyu",
//    "crs": {"epsg": 4529, "vertical_epsg": 5737},
//    "origin": [41512000, 4690000, 0], "origin_note": "...", "vertical_exaggeration": 1,
//    "layers": [{"id": "blocks", "kind": "block_model", "title": "块体模型 block model",
//                "file": "blocks.vti", "visible": true, "opacity": 1, "color_by": "CaSiO3",
//                "class_attribute": "class", "domain_attribute": "domain", "filter_attribute": "CaSiO3",
//                "attributes": [{"name": "CaSiO3", "title": "硅灰石 CaSiO3", "unit": "%",
//                                "kind": "continuous", "color_map": "viridis", "range": [20, 80]},
//                               {"name": "class", "kind": "categorical", "categories": [
//                                  {"code": 1, "label": "探明", "label_en": "measured", "color": "#d62728"}]}]}],
//    "bookmarks": [{"name": "overview", "title": "总览", "position": [x, y, z], "focal_point": [x, y, z],
//                   "view_up": [0, 0, 1], "parallel": false}]}
// Other layer kinds: "surface" (a DEM .tif, or a mesh/grid .vtp/.vts such as a seam roof with attributes),
// "subsidence" (the grid CSV or a GeoTIFF of W written by `georeserve subsidence`; "displace": 0 drapes it
// on the terrain, > 0 lowers the terrain by W times that factor), "grid", "points", "composites".
// Bookmarks saved in the viewer go to bookmarks.json beside the manifest (the viewer reads both); a model
// file's "viewer": {"bookmarks": [...]} is copied into the manifest by `georeserve run`.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "report/color.h"

namespace georeserve {
class ConfigView;
}

namespace georeserve::scene {

inline constexpr std::string_view kFormat = "georeserve-scene";
inline constexpr int kVersion = 1;

// subsidence: a grid of `georeserve subsidence` (grid CSV or GeoTIFF of W, mm) draped on the terrain.
enum class LayerKind { block_model, drillholes, composites, surface, solid, polygons, grid, points, subsidence };
std::string_view to_string(LayerKind kind);
bool parse_layer_kind(std::string_view text, LayerKind* out);

enum class AttributeKind { continuous, categorical };

struct Category {
  long long code = 0;     // the value stored in the data array
  std::string label;      // Chinese (or the only) label, e.g. "探明"
  std::string label_en;   // English label, e.g. "measured"; may be empty
  Rgb color;
};

struct Attribute {
  std::string name;       // the data array's name in the layer file (or the GeoJSON property)
  std::string title;      // for legends; defaults to name
  std::string unit;       // "%", "t/m3", "MJ/kg"; empty for categories
  AttributeKind kind = AttributeKind::continuous;
  ColorMap color_map = ColorMap::viridis;       // continuous
  std::optional<std::array<double, 2>> range;   // continuous: default colour range (lo < hi); none = data range
  std::vector<Category> categories;             // categorical: at least one, codes unique

  const Category* category(long long code) const;
  // "CaSiO3 (%)" or the title alone when there is no unit.
  std::string legend_title() const;
};

struct Layer {
  std::string id;         // unique, [A-Za-z0-9_.-]
  LayerKind kind = LayerKind::block_model;
  std::string title;      // UTF-8, e.g. "矿体 ore solid"; defaults to id
  std::filesystem::path file;      // as written: relative to the manifest's folder
  std::filesystem::path resolved;  // set by the reader: the manifest's folder / file
  bool visible = true;
  double opacity = 1.0;            // 0..1
  std::optional<Rgb> color;        // solid colour when not coloured by an attribute
  std::string color_by;            // attribute name; empty = solid colour
  std::vector<Attribute> attributes;
  // Block models: which categorical attributes are the resource class and the domain, and which
  // continuous one the cut-off slider filters (each empty when absent).
  std::string class_attribute, domain_attribute, filter_attribute;
  // Drillholes: the string array naming each hole (labels); polygons: the property naming each feature.
  std::string label_field;
  double tube_radius = 0.0;        // drillholes and composites, metres; 0 = automatic
  // Polygons: drawn as prisms between these elevations (metres); without them, outlines draped on the
  // terrain layer (or at the scene's top when there is none).
  std::optional<std::array<double, 2>> elevation_range;
  // Subsidence: 0 = draped on the terrain and coloured; > 0 = the terrain lowered by W times this factor.
  double displace = 0.0;

  const Attribute* attribute(std::string_view name) const;
};

struct Bookmark {
  std::string name;        // unique key, e.g. "overview"
  std::string title;       // shown in the viewer, may be Chinese; defaults to name
  std::array<double, 3> position{0, 0, 1};     // CRS coordinates (not local)
  std::array<double, 3> focal_point{0, 0, 0};  // CRS coordinates
  std::array<double, 3> view_up{0, 0, 1};
  bool parallel = false;       // orthographic projection (plans and sections)
  double parallel_scale = 0.0; // half the view height in metres when parallel; 0 = keep the current one
};

struct Scene {
  std::string name;   // the model's name (the output folder's name)
  std::string title;  // UTF-8 title shown in the window and pictures
  int epsg = 0;            // horizontal CRS, 0 = unknown
  int vertical_epsg = 0;   // height datum, 0 = unknown
  std::array<double, 3> origin{0, 0, 0};  // CRS coordinates subtracted from every coordinate in the VTK files
  double vertical_exaggeration = 1.0;
  std::vector<Layer> layers;
  std::vector<Bookmark> bookmarks;

  const Layer* layer(std::string_view id) const;
};

// Reads and checks a manifest; relative layer paths resolve from its folder. ConfigError naming the
// file and key path (e.g. "out/q/scene.json: error: layers[2].attributes[0].range: ...") or
// InputError for unreadable JSON.
Scene read_scene(const std::filesystem::path& path);
Scene parse_scene(const ConfigView& root);

// Checks what the reader checks (so a writer cannot produce a manifest the viewer rejects) and writes
// it atomically. `file` names the manifest in messages.
void check_scene(const Scene& scene, const std::string& file);
void write_scene(const std::filesystem::path& path, const Scene& scene);
nlohmann::ordered_json to_json(const Scene& scene);

// Bookmarks on their own, for the model file's `viewer.bookmarks` list and the viewer's saved ones.
Bookmark parse_bookmark(const ConfigView& v);
nlohmann::ordered_json to_json(const Bookmark& bookmark);
// A model file's optional `viewer.bookmarks` (same keys as the manifest's, or eye/target/up for
// position/focal_point/view_up), checked; empty when it has none. ConfigError naming the key path.
std::vector<Bookmark> read_model_bookmarks(const std::filesystem::path& model_file);
// Adds `more` to `into`; a bookmark of the same name is replaced (kept in the new position).
void merge_bookmarks(std::vector<Bookmark>& into, const std::vector<Bookmark>& more);

// "#rrggbb" (or "#rgb") to a colour; false when malformed.
bool parse_hex_color(std::string_view text, Rgb* out);

}  // namespace georeserve::scene
