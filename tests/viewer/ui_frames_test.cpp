// The interactive viewer's frames in a hidden window: panels drawn with ImGui each frame, the block
// filter moved as a slider would (no geometry rebuilt with "all" faces, a rebuild with "exposed" ones),
// picking, vertical exaggeration, plan view, bookmarks, pictures and a turntable, without crashing and
// with the effects the user expects.
#include <gtest/gtest.h>

#include "fixture_scene.h"
#include "image_compare.h"
#include "test_support.h"
#include "viewer/app/exports.h"
#include "viewer/app/session.h"

using namespace georeserve;
using namespace georeserve::testing;
using namespace georeserve::viewer;

namespace {

Options options_for(const std::filesystem::path& dir, const std::string& faces) {
  Options o;
  o.input = dir.string();
  o.width = 640;
  o.height = 400;
  o.block_faces = faces;
  return o;
}

}  // namespace

TEST(UiFrames, PanelsRunAndTheFilterIsAUniformChange) {
  const auto dir = fresh_dir("ui_all");
  write_fixture_scene(dir);
  Session session(options_for(dir, "all"), /*visible=*/false);
  EXPECT_TRUE(session.problems().empty());
  for (int i = 0; i < 3; ++i) session.frame();
  auto* blocks = dynamic_cast<BlockLayer*>(session.view().layer("blocks"));
  ASSERT_NE(blocks, nullptr);
  EXPECT_EQ(blocks->face_set(), FaceSet::all);
  const std::size_t builds = blocks->geometry_builds();
  const std::size_t everything = blocks->blocks_shown();
  EXPECT_EQ(everything, 20u * 16u * 10u);
  // Move the cut-off as the slider does, frame after frame.
  for (int step = 0; step < 5; ++step) {
    BlockFilter f = blocks->filter();
    f.value_enabled = true;
    f.value_lo = 40.0f + 5.0f * static_cast<float>(step);
    f.value_hi = 100.0f;
    blocks->set_filter(f);
    session.frame();
  }
  EXPECT_EQ(blocks->geometry_builds(), builds) << "a filter change must not rebuild the geometry";
  EXPECT_LT(blocks->blocks_shown(), everything);
  EXPECT_GT(blocks->blocks_shown(), 0u);
  // Class filter: only measured.
  BlockFilter f = BlockFilter::everything(blocks->cells());
  f.class_mask.fill(0);
  BlockFilter::set(f.class_mask, 0, true);
  blocks->set_filter(f);
  session.frame();
  EXPECT_EQ(blocks->geometry_builds(), builds);

  // Picking in plan view at the centre: a measured block.
  session.view().apply_bookmark(session.ui().bookmarks.back());  // "plan"
  session.frame();
  const auto hit = session.view().pick(320, 200, 640, 400);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->layer_id, "blocks");
  bool measured = false;
  for (const auto& [name, value] : hit->values) measured = measured || value.find("探明 measured") != std::string::npos;
  EXPECT_TRUE(measured);
  EXPECT_NEAR(hit->position[0], 41512205.0, 30.0);

  // Exaggeration, plan view, overlays, a bookmark: frames keep running.
  session.view().set_vertical_exaggeration(3.0);
  session.view().view_plan();
  session.view().overlays().axes = false;
  session.frame();
  session.ui().bookmarks.push_back(session.view().bookmark_here("here", "这里"));
  session.ui().want_save_bookmarks = true;
  session.frame();
  const auto saved = read_saved_bookmarks(dir);
  ASSERT_EQ(saved.size(), session.ui().bookmarks.size());
  EXPECT_EQ(saved.back().title, "这里");

  // A poster and a short turntable.
  const auto pictures = dir / "pictures";
  const auto poster = write_screenshot(session.view(), pictures / "poster.png", 320, 200, 2);
  EXPECT_EQ(read_png(poster).width, 640);
  const auto turn = write_turntable(session.view(), pictures / "turn", 160, 100, 4, 1);
  EXPECT_EQ(turn.frames, 4);
  EXPECT_TRUE(std::filesystem::exists(pictures / "turn" / "frame_0004.png"));
  if (!find_program("ffmpeg")) {
    EXPECT_FALSE(turn.note.empty());
  }
  session.frame();
}

TEST(UiFrames, WindowShowsSceneAndPanelsAndRedrawsWithoutRendering) {
  const auto dir = fresh_dir("ui_window");
  FixtureOptions few;
  few.terrain = few.planning = false;
  write_fixture_scene(dir, few);
  Options o = options_for(dir, "auto");
  o.bookmark = "plan";
  o.width = 1280;
  o.height = 800;
  Session session(o, false);
  for (int i = 0; i < 3; ++i) session.frame();  // ImGui settles its window sizes
  Image drawn, redrawn;
  session.view().zoom(1.01);
  EXPECT_TRUE(session.view().needs_render());
  session.window().capture_next_frame(&drawn);
  session.frame();  // draws the scene
  EXPECT_FALSE(session.view().needs_render());
  session.window().capture_next_frame(&redrawn);
  session.frame();  // nothing changed: the last picture is put back, panels drawn over it
  ASSERT_EQ(drawn.width, 1280);
  EXPECT_GT(structural_similarity(drawn, redrawn), 0.98);
  // The scene (measured blocks, red) and the panels (ImGui's dark blue title bars) are both there.
  EXPECT_GT(fraction_near(redrawn, {214, 39, 40}, 60), 0.002);
  EXPECT_GT(fraction_near(redrawn, {41, 74, 122}, 12), 0.001);
  EXPECT_EQ(compare_with_baseline("window_panels", redrawn, 0.95), "");
}

TEST(UiFrames, ExposedFacesAreRebuiltWhenTheFilterMoves) {
  const auto dir = fresh_dir("ui_exposed");
  FixtureOptions only_blocks;
  only_blocks.holes = only_blocks.solid = only_blocks.terrain = only_blocks.planning = false;
  write_fixture_scene(dir, only_blocks);
  Session session(options_for(dir, "exposed"), false);
  session.frame();
  auto* blocks = dynamic_cast<BlockLayer*>(session.view().layer("blocks"));
  ASSERT_NE(blocks, nullptr);
  EXPECT_EQ(blocks->face_set(), FaceSet::exposed);
  const std::size_t builds = blocks->geometry_builds(), faces = blocks->face_count();
  EXPECT_EQ(faces, 2u * (20 * 16 + 20 * 10 + 16 * 10));  // the outside of the full box
  BlockFilter f = blocks->filter();
  f.value_enabled = true;
  f.value_lo = 60.0f;
  f.value_hi = 100.0f;
  blocks->set_filter(f);
  session.frame();
  EXPECT_EQ(blocks->geometry_builds(), builds + 1);
  EXPECT_NE(blocks->face_count(), faces);
}
