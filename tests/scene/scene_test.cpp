// The scene manifest: a full manifest survives write -> read unchanged (Chinese titles, the origin to the
// last bit), and every broken rule is reported with the file and the key path, by reader and writer alike.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "scene/scene.h"

using namespace georeserve;
using namespace georeserve::scene;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const char* name) {
  fs::path d = fs::temp_directory_path() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

Scene sample_scene() {
  Scene s;
  s.name = "qianyu-wollastonite";
  s.title = "前裕硅灰石矿 Qianyu wollastonite";
  s.epsg = 4529;
  s.vertical_epsg = 5737;
  s.origin = {41512345.678901234, 4690000.125, 0.0};
  s.vertical_exaggeration = 2.5;
  Layer blocks;
  blocks.id = "blocks";
  blocks.kind = LayerKind::block_model;
  blocks.title = "块体模型 block model";
  blocks.file = "blocks.vti";
  blocks.color_by = "CaSiO3";
  blocks.class_attribute = "class";
  blocks.filter_attribute = "CaSiO3";
  Attribute grade{"CaSiO3", "硅灰石 CaSiO3", "%", AttributeKind::continuous, ColorMap::turbo, std::array<double, 2>{20, 80}, {}};
  Attribute klass{"class", "资源类别 class", "", AttributeKind::categorical, ColorMap::viridis, std::nullopt,
                  {{1, "探明", "measured", {214, 39, 40}}, {2, "控制", "indicated", {255, 170, 30}},
                   {3, "推断", "inferred", {44, 160, 44}}}};
  blocks.attributes = {grade, klass};
  Layer solid;
  solid.id = "ore-solid";
  solid.kind = LayerKind::solid;
  solid.title = "矿体 ore solid";
  solid.file = "solids/ore.vtp";
  solid.opacity = 0.4;
  solid.color = Rgb{200, 120, 40};
  Layer planning;
  planning.id = "planning";
  planning.kind = LayerKind::polygons;
  planning.title = "规划区块 planning blocks";
  planning.file = "planning.geojson";
  planning.label_field = "name_cn";
  planning.elevation_range = std::array<double, 2>{-400, 80};
  s.layers = {blocks, solid, planning};
  Bookmark b;
  b.name = "plan";
  b.title = "平面图 plan";
  b.position = {41512500.0, 4690500.0, 3000.0};
  b.focal_point = {41512500.0, 4690500.0, 0.0};
  b.view_up = {0, 1, 0};
  b.parallel = true;
  b.parallel_scale = 800;
  s.bookmarks = {b};
  return s;
}

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// Writes the sample manifest with one change made to its JSON, then expects the reader to reject it
// with a message naming `key_path` and containing `needle`.
void expect_rejected(const std::function<void(nlohmann::ordered_json&)>& change, const std::string& key_path,
                     const std::string& needle) {
  const fs::path dir = temp_dir("georeserve_scene_bad");
  nlohmann::ordered_json j = to_json(sample_scene());
  change(j);
  write_text(dir / "scene.json", j.dump(2));
  try {
    read_scene(dir / "scene.json");
    ADD_FAILURE() << "accepted; expected an error at " << key_path;
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("scene.json"), std::string::npos) << what;
    EXPECT_EQ(e.key_path(), key_path) << what;
    EXPECT_NE(what.find(needle), std::string::npos) << what;
  }
  fs::remove_all(dir);
}

}  // namespace

TEST(SceneManifest, RoundTrip) {
  const fs::path dir = temp_dir("georeserve_scene_roundtrip");
  const Scene s = sample_scene();
  write_scene(dir / "scene.json", s);
  const Scene r = read_scene(dir / "scene.json");
  EXPECT_EQ(r.name, s.name);
  EXPECT_EQ(r.title, s.title);
  EXPECT_EQ(r.epsg, 4529);
  EXPECT_EQ(r.vertical_epsg, 5737);
  EXPECT_EQ(r.origin, s.origin);  // bit for bit
  EXPECT_EQ(r.vertical_exaggeration, 2.5);
  ASSERT_EQ(r.layers.size(), 3u);
  const Layer& b = r.layers[0];
  EXPECT_EQ(b.kind, LayerKind::block_model);
  EXPECT_EQ(b.title, "块体模型 block model");
  EXPECT_EQ(b.resolved, dir / "blocks.vti");
  EXPECT_EQ(b.class_attribute, "class");
  EXPECT_EQ(b.filter_attribute, "CaSiO3");
  ASSERT_EQ(b.attributes.size(), 2u);
  EXPECT_EQ(b.attributes[0].color_map, ColorMap::turbo);
  ASSERT_TRUE(b.attributes[0].range.has_value());
  EXPECT_EQ((*b.attributes[0].range)[1], 80.0);
  EXPECT_EQ(b.attributes[0].legend_title(), "硅灰石 CaSiO3 (%)");
  const Attribute& k = b.attributes[1];
  EXPECT_EQ(k.kind, AttributeKind::categorical);
  ASSERT_NE(k.category(2), nullptr);
  EXPECT_EQ(k.category(2)->label, "控制");
  EXPECT_EQ(k.category(2)->label_en, "indicated");
  EXPECT_EQ(k.category(2)->color, (Rgb{255, 170, 30}));
  EXPECT_EQ(k.category(9), nullptr);
  EXPECT_EQ(r.layers[1].file, fs::path("solids/ore.vtp"));
  EXPECT_EQ(r.layers[1].opacity, 0.4);
  EXPECT_EQ(*r.layers[1].color, (Rgb{200, 120, 40}));
  EXPECT_EQ(r.layers[2].label_field, "name_cn");
  EXPECT_EQ((*r.layers[2].elevation_range)[0], -400.0);
  ASSERT_EQ(r.bookmarks.size(), 1u);
  EXPECT_TRUE(r.bookmarks[0].parallel);
  EXPECT_EQ(r.bookmarks[0].view_up, (std::array<double, 3>{0, 1, 0}));
  EXPECT_EQ(r.bookmarks[0].title, "平面图 plan");
  ASSERT_NE(r.layer("ore-solid"), nullptr);
  EXPECT_EQ(r.layer("nope"), nullptr);
  // The manifest says in words what the origin is.
  std::ifstream in(dir / "scene.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("\"origin_note\""), std::string::npos);
  EXPECT_NE(text.find("subtracted"), std::string::npos);
  fs::remove_all(dir);
}

TEST(SceneManifest, DefaultsOfAMinimalManifest) {
  const fs::path dir = temp_dir("georeserve_scene_minimal");
  write_text(dir / "scene.json",
             R"({"format": "georeserve-scene", "version": 1,
                 "layers": [{"id": "holes", "kind": "drillholes", "file": "holes.vtp"}]})");
  const Scene s = read_scene(dir / "scene.json");
  EXPECT_EQ(s.epsg, 0);
  EXPECT_EQ(s.origin, (std::array<double, 3>{0, 0, 0}));
  EXPECT_EQ(s.vertical_exaggeration, 1.0);
  ASSERT_EQ(s.layers.size(), 1u);
  EXPECT_EQ(s.layers[0].title, "holes");
  EXPECT_TRUE(s.layers[0].visible);
  EXPECT_EQ(s.layers[0].opacity, 1.0);
  EXPECT_TRUE(s.layers[0].color_by.empty());
  fs::remove_all(dir);
}

TEST(SceneManifest, ErrorsNameTheKeyPath) {
  using J = nlohmann::ordered_json;
  expect_rejected([](J& j) { j["format"] = "something-else"; }, "format", "georeserve-scene");
  expect_rejected([](J& j) { j["version"] = 7; }, "version", "newer georeserve");
  expect_rejected([](J& j) { j["layers"][1]["kind"] = "mesh"; }, "layers[1].kind", "not one of");
  expect_rejected([](J& j) { j["layers"][1]["id"] = "blocks"; }, "layers[1].id", "used by another layer");
  expect_rejected([](J& j) { j["layers"][1]["id"] = "矿体"; }, "layers[1].id", "letters, digits");
  expect_rejected([](J& j) { j["layers"][0]["file"] = "blocks.csv"; }, "layers[0].file", ".vti, .vts, .vtu");
  expect_rejected([](J& j) { j["layers"][0]["file"] = "../elsewhere/blocks.vti"; }, "layers[0].file", "no '..'");
  expect_rejected([](J& j) { j["layers"][1]["opacity"] = 1.5; }, "layers[1].opacity", "between 0 and 1");
  expect_rejected([](J& j) { j["layers"][1]["colour"] = "#fff"; }, "layers[1].colour", "unknown key");
  expect_rejected([](J& j) { j["layers"][1]["color"] = "orange"; }, "layers[1].color", "not a colour");
  expect_rejected([](J& j) { j["layers"][0]["color_by"] = "Fe"; }, "layers[0].color_by", "'Fe'");
  expect_rejected([](J& j) { j["layers"][0]["class_attribute"] = "CaSiO3"; }, "layers[0].class_attribute",
                  "must be a categorical");
  expect_rejected([](J& j) { j["layers"][0]["attributes"][0]["range"] = {80, 20}; }, "layers[0].attributes[0].range",
                  "low < high");
  expect_rejected([](J& j) { j["layers"][0]["attributes"][1]["categories"][2]["code"] = 1; },
                  "layers[0].attributes[1].categories[2].code", "appears twice");
  expect_rejected([](J& j) { j["layers"][0]["attributes"][1]["categories"] = J::array(); },
                  "layers[0].attributes[1].categories", "at least one category");
  expect_rejected([](J& j) { j["layers"][0]["attributes"][0]["color_map"] = "jet"; },
                  "layers[0].attributes[0].color_map", "not one of");
  expect_rejected([](J& j) { j["bookmarks"][0]["position"] = j["bookmarks"][0]["focal_point"]; },
                  "bookmarks[0].position", "differ from focal_point");
  expect_rejected([](J& j) { j["bookmarks"][0]["position"] = {1, 2}; }, "bookmarks[0].position", "3 numbers");
  expect_rejected([](J& j) { j["vertical_exaggeration"] = 0; }, "vertical_exaggeration", "between");
}

TEST(SceneManifest, WriterRefusesWhatTheReaderWouldReject) {
  const fs::path dir = temp_dir("georeserve_scene_writer");
  Scene s = sample_scene();
  s.layers[1].id = "blocks";
  EXPECT_THROW(write_scene(dir / "scene.json", s), ConfigError);
  EXPECT_FALSE(fs::exists(dir / "scene.json"));
  s = sample_scene();
  s.layers[0].attributes[1].categories[0].label = "";
  EXPECT_THROW(write_scene(dir / "scene.json", s), ConfigError);
  EXPECT_TRUE(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST(SceneManifest, HexColours) {
  Rgb c;
  EXPECT_TRUE(parse_hex_color("#d62728", &c));
  EXPECT_EQ(c, (Rgb{214, 39, 40}));
  EXPECT_TRUE(parse_hex_color("#FFF", &c));
  EXPECT_EQ(c, (Rgb{255, 255, 255}));
  EXPECT_FALSE(parse_hex_color("d62728", &c));
  EXPECT_FALSE(parse_hex_color("#d6272", &c));
  EXPECT_FALSE(parse_hex_color("#g62728", &c));
}
