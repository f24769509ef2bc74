// The manifest's newer parts: subsidence layers (kind, files, displacement) and seam surfaces from
// structured grids; camera bookmarks from a model file's viewer.bookmarks (both spellings, errors with
// the model file and key path) and merging bookmarks by name.
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

void write_text(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string manifest_with(const std::string& layer) {
  return R"({"format": "georeserve-scene", "version": 1, "layers": [)" + layer + "]}";
}

}  // namespace

TEST(SceneLayers, SubsidenceLayerRoundTripsWithItsDisplacement) {
  const fs::path dir = temp_dir("georeserve_scene_subsidence");
  Scene s;
  s.name = "tiefa";
  Layer l;
  l.id = "subsidence";
  l.kind = LayerKind::subsidence;
  l.title = "地表下沉 subsidence";
  l.file = "subsidence/grid.csv";
  l.displace = 20.0;
  s.layers = {l};
  Layer seam;
  seam.id = "seam-12-roof";
  seam.kind = LayerKind::surface;
  seam.title = "12号煤层顶板 seam 12 roof";
  seam.file = "seams/seam_12_roof.vts";
  s.layers.push_back(seam);
  write_scene(dir / "scene.json", s);
  const Scene r = read_scene(dir / "scene.json");
  ASSERT_EQ(r.layers.size(), 2u);
  EXPECT_EQ(r.layers[0].kind, LayerKind::subsidence);
  EXPECT_EQ(to_string(r.layers[0].kind), "subsidence");
  EXPECT_EQ(r.layers[0].displace, 20.0);
  EXPECT_EQ(r.layers[1].kind, LayerKind::surface);
  EXPECT_EQ(r.layers[1].file, fs::path("seams/seam_12_roof.vts"));
  fs::remove_all(dir);
}

TEST(SceneLayers, SubsidenceFilesAndDisplacementAreChecked) {
  const fs::path dir = temp_dir("georeserve_scene_subsidence_bad");
  auto error_of = [&](const std::string& layer) -> std::string {
    write_text(dir / "scene.json", manifest_with(layer));
    try {
      read_scene(dir / "scene.json");
    } catch (const ConfigError& e) {
      return e.key_path() + ": " + e.what();
    }
    return "";
  };
  EXPECT_EQ(error_of(R"({"id": "s", "kind": "subsidence", "file": "w.tif"})"), "");
  EXPECT_EQ(error_of(R"({"id": "s", "kind": "subsidence", "file": "grid.CSV", "displace": 10})"), "");
  EXPECT_NE(error_of(R"({"id": "s", "kind": "subsidence", "file": "grid.geojson"})").find("layers[0].file"), std::string::npos);
  EXPECT_NE(error_of(R"({"id": "s", "kind": "subsidence", "file": "w.tif", "displace": -1})").find("layers[0].displace"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"id": "s", "kind": "solid", "file": "s.vtp", "displace": 5})").find("only subsidence layers"),
            std::string::npos);
  EXPECT_EQ(error_of(R"({"id": "roof", "kind": "surface", "file": "roof.vts"})"), "");
  fs::remove_all(dir);
}

TEST(ModelBookmarks, ReadFromTheModelFilesViewerSection) {
  const fs::path dir = temp_dir("georeserve_model_bookmarks");
  write_text(dir / "model.json", R"({
    "name": "qianyu", /* the rest of the model does not matter here */
    "viewer": {"bookmarks": [
      {"name": "pit", "title": "采场 pit", "eye": [41512500, 4689500, 800], "target": [41512500, 4690200, 100], "up": [0, 0, 1]},
      {"name": "plan", "position": [41512500, 4690200, 3000], "focal_point": [41512500, 4690200, 0], "view_up": [0, 1, 0],
       "parallel": true, "parallel_scale": 600}]}})");
  const auto marks = read_model_bookmarks(dir / "model.json");
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(marks[0].name, "pit");
  EXPECT_EQ(marks[0].title, "采场 pit");
  EXPECT_EQ(marks[0].position, (std::array<double, 3>{41512500, 4689500, 800}));
  EXPECT_EQ(marks[0].focal_point, (std::array<double, 3>{41512500, 4690200, 100}));
  EXPECT_FALSE(marks[0].parallel);
  EXPECT_TRUE(marks[1].parallel);
  EXPECT_EQ(marks[1].parallel_scale, 600.0);
  EXPECT_EQ(marks[1].view_up, (std::array<double, 3>{0, 1, 0}));
  // A model file without a viewer section has none.
  write_text(dir / "plain.json", R"({"name": "x"})");
  EXPECT_TRUE(read_model_bookmarks(dir / "plain.json").empty());
  fs::remove_all(dir);
}

TEST(ModelBookmarks, ErrorsNameTheModelFileAndKeyPath) {
  const fs::path dir = temp_dir("georeserve_model_bookmarks_bad");
  auto error_of = [&](const std::string& viewer) -> std::string {
    write_text(dir / "model.json", R"({"name": "q", "viewer": )" + viewer + "}");
    try {
      read_model_bookmarks(dir / "model.json");
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find("model.json"), std::string::npos) << e.what();
      return e.key_path();
    }
    return "";
  };
  EXPECT_EQ(error_of(R"({"bookmark": []})"), "viewer.bookmark");
  EXPECT_EQ(error_of(R"({"bookmarks": [{"name": "a", "eye": [0, 0, 1], "position": [0, 0, 2], "target": [0, 0, 0]}]})"),
            "viewer.bookmarks[0].eye");
  EXPECT_EQ(error_of(R"({"bookmarks": [{"name": "a", "eye": [0, 0, 0], "target": [0, 0, 0]}]})"), "viewer.bookmarks[0].position");
  EXPECT_EQ(error_of(R"({"bookmarks": [{"name": "a", "eye": [0, 0, 1], "target": [0, 0, 0]},
                                       {"name": "a", "eye": [0, 0, 2], "target": [0, 0, 0]}]})"),
            "viewer.bookmarks[1].name");
  EXPECT_EQ(error_of(R"({"bookmarks": [{"name": "a b", "eye": [0, 0, 1], "target": [0, 0, 0]}]})"), "viewer.bookmarks[0].name");
  fs::remove_all(dir);
}

TEST(ModelBookmarks, MergeReplacesByName) {
  Bookmark a, b, c;
  a.name = "overview";
  b.name = "plan";
  c.name = "overview";
  c.title = "mine";
  std::vector<Bookmark> list{a, b};
  merge_bookmarks(list, {c});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "plan");
  EXPECT_EQ(list[1].title, "mine");
}
