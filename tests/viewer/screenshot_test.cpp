// Headless pictures through the real command (`georeserve-view DIR --screenshot F.png`) under Xvfb with
// Mesa: not blank, the expected layers in known colours at known places, the same picture as the
// reviewed baseline (structural similarity), posters at several times the size, and the two block
// geometries ("all" faces with GPU filtering, "exposed" faces) drawing the same picture.
#include <gtest/gtest.h>

#include "fixture_scene.h"
#include "image_compare.h"
#include "test_support.h"

using namespace georeserve;
using namespace georeserve::testing;

namespace {

viewer::Image shoot(const std::filesystem::path& dir, const std::string& extra, const std::string& name) {
  const auto png = dir / (name + ".png");
  const CommandResult r = run_view(quoted(dir) + " --screenshot " + quoted(png) + " " + extra);
  EXPECT_EQ(r.status, 0) << r.output;
  return viewer::read_png(png);
}

bool reddish(std::array<std::uint8_t, 3> c) { return c[0] > 150 && c[1] < 90 && c[2] < 90; }
bool greenish(std::array<std::uint8_t, 3> c) { return c[1] > 110 && c[0] < 90 && c[2] < 90; }

}  // namespace

TEST(Screenshot, PlanViewShowsClassColoursWhereTheBlocksAre) {
  FixtureOptions only_blocks;
  only_blocks.holes = only_blocks.solid = only_blocks.terrain = only_blocks.planning = false;
  const auto dir = fresh_dir("plan");
  write_fixture_scene(dir, only_blocks);
  // The "plan" bookmark looks down on (200, 180) local with 130 m above and below the centre: 400 px
  // for 260 m. The block model spans x 100..300, y 100..260; measured (red) in the middle, inferred
  // (green) at the edges.
  const viewer::Image image = shoot(dir, "--size 640x400 --bookmark plan", "plan");
  ASSERT_EQ(image.width, 640);
  ASSERT_EQ(image.height, 400);
  EXPECT_GT(distinct_colours(image), 8);
  const double px_per_m = 400.0 / 260.0;
  auto pixel_at = [&](double x_local, double y_local) {
    return image.pixel(static_cast<int>(320 + (x_local - 200) * px_per_m), static_cast<int>(200 - (y_local - 180) * px_per_m));
  };
  EXPECT_TRUE(reddish(pixel_at(205, 185))) << "centre block";
  EXPECT_TRUE(greenish(pixel_at(105, 185))) << "west edge block";
  EXPECT_TRUE(greenish(pixel_at(295, 105))) << "south-east corner block";
  // Outside the model: background (dark blue-grey gradient), neither red nor green.
  const auto outside = pixel_at(200, 80);
  EXPECT_FALSE(reddish(outside) || greenish(outside));
  EXPECT_EQ(compare_with_baseline("plan_blocks", image, 0.97), "");
}

TEST(Screenshot, OverviewOfTheWholeSceneMatchesItsBaseline) {
  const auto dir = fresh_dir("overview");
  write_fixture_scene(dir);
  const viewer::Image image = shoot(dir, "--size 640x400 --bookmark overview", "overview");
  EXPECT_GT(distinct_colours(image), 40);
  // The ore solid is magenta (230, 60, 200), seen through the translucent terrain and planning prism;
  // the class colours of the blocks show too.
  std::size_t magenta = 0, red = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const auto c = image.pixel(x, y);
      magenta += c[0] > c[1] + 50 && c[2] > c[1] + 40;
      red += reddish(c);
    }
  EXPECT_GT(magenta, 200u) << "ore solid not visible";
  EXPECT_GT(red, 50u) << "measured blocks not visible";
  EXPECT_EQ(compare_with_baseline("overview", image, 0.97), "");
}

TEST(Screenshot, PosterIsSeveralTimesTheSize) {
  const auto dir = fresh_dir("poster");
  FixtureOptions few;
  few.terrain = few.planning = false;
  write_fixture_scene(dir, few);
  const viewer::Image image = shoot(dir, "--size 320x200 --scale 3 --bookmark overview", "poster");
  EXPECT_EQ(image.width, 960);
  EXPECT_EQ(image.height, 600);
  EXPECT_GT(distinct_colours(image), 20);
}

TEST(Screenshot, AllFacesAndExposedFacesDrawTheSamePicture) {
  FixtureOptions only_blocks;
  only_blocks.holes = only_blocks.solid = only_blocks.terrain = only_blocks.planning = false;
  const auto dir = fresh_dir("faces");
  write_fixture_scene(dir, only_blocks);
  const auto all = shoot(dir, "--size 400x300 --bookmark overview --block-faces all", "all");
  const auto exposed = shoot(dir, "--size 400x300 --bookmark overview --block-faces exposed", "exposed");
  EXPECT_GT(structural_similarity(all, exposed), 0.999);
}
