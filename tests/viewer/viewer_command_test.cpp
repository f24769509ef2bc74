// georeserve-view as a command: a model file opens out/<name>/, a broken or missing layer is reported
// (stderr) while the rest still shows, no display gives a clear message and exit 1, bad usage exit 2.
#include <gtest/gtest.h>

#include <fstream>

#include "fixture_scene.h"
#include "image_compare.h"
#include "test_support.h"

using namespace georeserve;
using namespace georeserve::testing;

TEST(ViewerCommand, ModelFileOpensItsOutputFolder) {
  const auto work = fresh_dir("model_file");
  FixtureOptions few;
  few.terrain = few.planning = false;
  write_fixture_scene(work / "out" / "qianyu-test", few);
  std::ofstream(work / "qianyu.json") << R"({"name": "qianyu-test", "title": "x" /* comments allowed */})";
  const CommandResult r = run_view("qianyu.json --screenshot shot.png --size 320x200", "", work);
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_GT(distinct_colours(viewer::read_png(work / "shot.png")), 10);
  // Without a run, the message says what to do.
  std::ofstream(work / "other.json") << R"({"name": "not-run-yet"})";
  const CommandResult missing = run_view("other.json --screenshot x.png", "", work);
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.output.find("out/not-run-yet/scene.json"), std::string::npos) << missing.output;
  EXPECT_NE(missing.output.find("georeserve run other.json"), std::string::npos) << missing.output;
}

TEST(ViewerCommand, BrokenAndMissingLayersAreReportedAndTheRestShows) {
  const auto dir = fresh_dir("broken");
  FixtureOptions bad;
  bad.terrain = bad.planning = false;
  bad.broken_layer = bad.missing_layer = true;
  write_fixture_scene(dir, bad);
  const CommandResult r = run_view(quoted(dir) + " --screenshot " + quoted(dir / "shot.png") + " --size 400x300 --bookmark overview");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("broken.vtp"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("seam_12.vtp: error: no such file"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("损坏的图层 broken layer"), std::string::npos) << r.output;
  const viewer::Image image = viewer::read_png(dir / "shot.png");  // the picture is still written
  std::size_t red = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const auto c = image.pixel(x, y);
      red += c[0] > 150 && c[1] < 90 && c[2] < 90;
    }
  EXPECT_GT(red, 30u) << "the block model should still show";
}

TEST(ViewerCommand, BadManifestNamesFileAndKey) {
  const auto dir = fresh_dir("bad_manifest");
  std::ofstream(dir / "scene.json") << R"({"format": "georeserve-scene", "version": 1,
    "layers": [{"id": "b", "kind": "block_model", "file": "b.csv"}]})";
  const CommandResult r = run_view(quoted(dir) + " --screenshot x.png");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("scene.json: error: layers[0].file"), std::string::npos) << r.output;
}

TEST(ViewerCommand, NoDisplayIsAClearErrorWithExitOne) {
  const auto dir = fresh_dir("no_display");
  FixtureOptions few;
  few.terrain = few.planning = few.holes = few.solid = false;
  write_fixture_scene(dir, few);
  const CommandResult r = run_view(quoted(dir) + " --screenshot " + quoted(dir / "x.png"), "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("no display available"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("xvfb-run"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
}

TEST(ViewerCommand, BadUsageExitsTwoAndHelpTeaches) {
  const auto dir = fresh_dir("usage");
  write_fixture_scene(dir, {false, false, false, false, false});
  EXPECT_EQ(run_view(quoted(dir) + " --size big").status, 2);
  EXPECT_EQ(run_view(quoted(dir) + " --scale 20").status, 2);
  EXPECT_EQ(run_view(quoted(dir) + " --block-faces some").status, 2);
  EXPECT_EQ(run_view("").status, 2);
  const CommandResult help = run_view("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.output.find("--screenshot"), std::string::npos);
  EXPECT_NE(help.output.find("Examples:"), std::string::npos);
  const CommandResult unknown = run_view(quoted(dir) + " --screenshot x.png --bookmark nowhere");
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.output.find("no bookmark 'nowhere'"), std::string::npos) << unknown.output;
}
