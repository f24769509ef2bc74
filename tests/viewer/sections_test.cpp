// Vertical sections (剖面), benches, the live statement and vertical exaggeration in the viewer: the GPU
// clip slabs and their CPU twin keep the same blocks, no geometry is rebuilt with "all" faces, a section
// is drawn with two clicks in plan view, the statement matches a brute-force sum over the fixture, and
// picking reports true elevations under exaggeration.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "fixture_scene.h"
#include "image_compare.h"
#include "test_support.h"
#include "viewer/app/session.h"

using namespace georeserve;
using namespace georeserve::testing;
using namespace georeserve::viewer;

namespace {

constexpr double kX0 = 41512000.0, kY0 = 4690000.0;

Options options_for(const std::filesystem::path& dir, const std::string& faces, int width = 640, int height = 400) {
  Options o;
  o.input = dir.string();
  o.width = width;
  o.height = height;
  o.block_faces = faces;
  return o;
}

FixtureOptions only_blocks() {
  FixtureOptions o;
  o.holes = o.solid = o.terrain = o.planning = false;
  return o;
}

bool reddish(std::array<std::uint8_t, 3> c) { return c[0] > 150 && c[1] < 90 && c[2] < 90; }

// Brute force over the fixture: tonnes of the blocks whose centres pass `keep(x, y, z)` (local metres).
double fixture_tonnes(const std::function<bool(double, double, double)>& keep) {
  const auto g = fixture_blocks();
  const auto& tonnes = std::get<std::vector<double>>(g.data.cell.back().values);
  double sum = 0;
  for (std::size_t k = 0; k < 10; ++k)
    for (std::size_t j = 0; j < 16; ++j)
      for (std::size_t i = 0; i < 20; ++i)
        if (keep(100 + 10 * (i + 0.5), 100 + 10 * (j + 0.5), -50 + 5 * (k + 0.5))) sum += tonnes[(k * 16 + j) * 20 + i];
  return sum;
}

}  // namespace

TEST(Sections, SectionAndBenchAreClipSlabsOnGpuAndCpu) {
  const auto dir = fresh_dir("section_slabs");
  write_fixture_scene(dir, only_blocks());
  Options o = options_for(dir, "all");
  o.bookmark = "plan";
  Session session(o, /*visible=*/false);
  session.frame();
  auto* blocks = dynamic_cast<BlockLayer*>(session.view().layer("blocks"));
  ASSERT_NE(blocks, nullptr);
  const std::size_t builds = blocks->geometry_builds();

  // A north-south section through x = 200 (local), 20 m wide: block columns centred at 195 and 205.
  SectionCut cut;
  cut.start = {kX0 + 200, kY0 + 90};
  cut.end = {kX0 + 200, kY0 + 270};
  cut.width = 20;
  blocks->set_section(cut);
  session.view().set_section_trace(cut);
  session.frame();
  EXPECT_EQ(blocks->blocks_shown(), 2u * 16u * 10u);
  EXPECT_EQ(blocks->geometry_builds(), builds) << "a section must be a uniform change";
  EXPECT_NEAR(cut.azimuth(), 0.0, 1e-9);
  EXPECT_DOUBLE_EQ(cut.length(), 180.0);

  // The picture from above: the strip shows (red in the middle), the rest of the model does not.
  const Image plan = session.view().capture(640, 400);
  const double px_per_m = 400.0 / 260.0;
  auto pixel_at = [&](double x, double y) {
    return plan.pixel(static_cast<int>(320 + (x - 200) * px_per_m), static_cast<int>(200 - (y - 180) * px_per_m));
  };
  EXPECT_TRUE(reddish(pixel_at(203, 181))) << "the measured block in the section";
  EXPECT_FALSE(reddish(pixel_at(175, 181))) << "cut away";
  EXPECT_EQ(compare_with_baseline("section_plan", plan, 0.97), "");

  // A bench 5 m thick at -25 m: one level of the strip.
  blocks->set_bench(BenchCut{-25.0, 5.0});
  session.frame();
  EXPECT_EQ(blocks->blocks_shown(), 2u * 16u);
  EXPECT_EQ(blocks->geometry_builds(), builds);
  // The live statement (engine) of what is shown against a brute-force sum over the fixture.
  session.update_statement(1e9, 0.0);
  ASSERT_TRUE(session.ui().statement.has_value());
  const auto& total = session.ui().statement->rows.back();
  EXPECT_EQ(total.class_name, "total");
  const double expected = fixture_tonnes([](double x, double, double z) { return x > 190 && x < 210 && z > -25 && z < -20; });
  EXPECT_GT(expected, 0.0);
  EXPECT_DOUBLE_EQ(total.tonnes, expected);
  EXPECT_EQ(session.ui().statement->blocks_selected, 32u);

  // The section seen face on ("look at it"), with the bench cleared: a baseline picture.
  blocks->set_bench(std::nullopt);
  session.view().view_section_line(cut);
  const Image side = session.view().capture(640, 400);
  EXPECT_GT(distinct_colours(side), 4);
  EXPECT_EQ(compare_with_baseline("section_face_on", side, 0.97), "");

  // Clearing the section shows the whole model again.
  blocks->set_section(std::nullopt);
  session.frame();
  EXPECT_EQ(blocks->blocks_shown(), 20u * 16u * 10u);
}

TEST(Sections, ExposedFacesFollowTheSectionToo) {
  const auto dir = fresh_dir("section_exposed");
  write_fixture_scene(dir, only_blocks());
  Options o = options_for(dir, "exposed");
  o.bookmark = "overview";
  Session session(o, false);
  session.frame();
  auto* blocks = dynamic_cast<BlockLayer*>(session.view().layer("blocks"));
  ASSERT_NE(blocks, nullptr);
  SectionCut cut;
  cut.start = {kX0 + 80, kY0 + 100};
  cut.end = {kX0 + 320, kY0 + 260};  // a diagonal
  cut.width = 30;
  blocks->set_section(cut);
  session.frame();
  const Image exposed = session.view().capture(400, 300);
  blocks->set_face_set(FaceSet::all);
  session.frame();
  const Image all = session.view().capture(400, 300);
  EXPECT_GT(structural_similarity(exposed, all), 0.995) << "GPU clip and CPU twin disagree";
  // Every block shown has its centre within 15 m of the line (brute force on the CPU twin's answer).
  const auto& v = blocks->volume();
  std::size_t shown = 0;
  for (int k = 0; k < 10; ++k)
    for (int j = 0; j < 16; ++j)
      for (int i = 0; i < 20; ++i) {
        if (!v.passes(blocks->filter(), i, j, k)) continue;
        ++shown;
        const auto c = blocks->block_centre(i, j, k);
        const double dx = cut.end[0] - cut.start[0], dy = cut.end[1] - cut.start[1], len = std::hypot(dx, dy);
        const double across = ((c[0] - cut.start[0]) * dy - (c[1] - cut.start[1]) * dx) / len;
        EXPECT_LE(std::abs(across), 15.0 + 1e-3);
      }
  EXPECT_GT(shown, 100u);
}

TEST(Sections, DrawnWithTwoClicksInPlanView) {
  const auto dir = fresh_dir("section_clicks");
  write_fixture_scene(dir, only_blocks());
  Options o = options_for(dir, "all");
  o.bookmark = "plan";
  Session session(o, false);
  session.frame();
  // The plan bookmark: 400 px for 260 m, centred on (200, 180) local.
  const double px_per_m = 400.0 / 260.0;
  auto px = [&](double x, double y) {
    return std::array<int, 2>{static_cast<int>(std::lround(320 + (x - 200) * px_per_m)), static_cast<int>(std::lround(200 - (y - 180) * px_per_m))};
  };
  session.ui().section_clicks = 1;
  const auto a = px(120, 120), b = px(280, 240);
  session.section_click(a[0], a[1], 640, 400);
  EXPECT_EQ(session.ui().section_clicks, 2);
  session.section_click(b[0], b[1], 640, 400);
  EXPECT_EQ(session.ui().section_clicks, 0);
  auto* blocks = dynamic_cast<BlockLayer*>(session.view().layer("blocks"));
  ASSERT_TRUE(blocks->section().has_value());
  const SectionCut& cut = *blocks->section();
  EXPECT_NEAR(cut.start[0], kX0 + 120, 1.0);
  EXPECT_NEAR(cut.start[1], kY0 + 120, 1.0);
  EXPECT_NEAR(cut.end[0], kX0 + 280, 1.0);
  EXPECT_NEAR(cut.end[1], kY0 + 240, 1.0);
  EXPECT_NEAR(cut.azimuth(), std::atan2(160.0, 120.0) * 180 / M_PI, 0.5);
  EXPECT_LT(blocks->blocks_shown(), 20u * 16u * 10u);
  session.frame();  // panels with a section in place
}

TEST(Sections, StatementInsideAPlanningBlock) {
  const auto dir = fresh_dir("section_statement");
  FixtureOptions few;
  few.holes = few.solid = few.terrain = false;
  write_fixture_scene(dir, few);
  Session session(options_for(dir, "all"), false);
  session.frame();
  session.update_statement(1e9, 0.0);
  ASSERT_TRUE(session.ui().statement.has_value());
  EXPECT_DOUBLE_EQ(session.ui().statement->rows.back().tonnes, fixture_tonnes([](double, double, double) { return true; }));
  // The first planning block (x 60..340, y 40..300 local) holds the whole model; the second (a triangle
  // north of it) none of it.
  const double all = fixture_tonnes([](double, double, double) { return true; });
  session.ui().statement_area = 0;
  session.update_statement(2e9, 0.0);
  EXPECT_DOUBLE_EQ(session.ui().statement->rows.back().tonnes, all);
  session.ui().statement_area = 1;
  session.update_statement(3e9, 0.0);
  EXPECT_EQ(session.ui().statement->rows.back().tonnes, 0.0);
  ASSERT_EQ(session.ui().statement->rows.size(), 1u);
  // A polygon over the west half of the model: the brute-force sum of the blocks whose centres are in it.
  auto* blocks = dynamic_cast<BlockLayer*>(session.view().layer("blocks"));
  const geometry::MultiPolygon west{{{{kX0 + 50, kY0 + 50}, {kX0 + 200, kY0 + 50}, {kX0 + 200, kY0 + 300}, {kX0 + 50, kY0 + 300}}, {}}};
  const auto half = blocks->statement(&west);
  ASSERT_TRUE(half.has_value());
  const double inside = fixture_tonnes([](double x, double, double) { return x < 200; });
  EXPECT_DOUBLE_EQ(half->rows.back().tonnes, inside);
  EXPECT_LT(inside, all);
  session.ui().statement_area = 0;
  session.update_statement(4e9, 0.0);
  // Throttled: a change within the interval waits.
  BlockFilter f = blocks->filter();
  f.value_enabled = true;
  f.value_lo = 60;
  f.value_hi = 100;
  blocks->set_filter(f);
  session.update_statement(4e9 + 0.1, 0.25);
  EXPECT_DOUBLE_EQ(session.ui().statement->rows.back().tonnes, all);
  session.update_statement(4e9 + 0.3, 0.25);
  EXPECT_LT(session.ui().statement->rows.back().tonnes, all);
  for (const auto& row : session.ui().statement->rows) EXPECT_GE(row.grades[0], 60.0);
}

TEST(Exaggeration, PickingReportsTrueElevations) {
  const auto dir = fresh_dir("exaggeration");
  FixtureOptions terrain_only;
  terrain_only.blocks = terrain_only.holes = terrain_only.solid = terrain_only.planning = false;
  terrain_only.terrain = true;
  write_fixture_scene(dir, terrain_only);
  Options o = options_for(dir, "auto");
  o.exaggeration = 5.0;
  Session session(o, false);
  session.view().layer("terrain")->set_opacity(1.0);
  session.view().view_plan();
  session.frame();
  EXPECT_DOUBLE_EQ(session.view().vertical_exaggeration(), 5.0);
  const auto hit = session.view().pick(320, 200, 640, 400);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->layer_id, "terrain");
  // The fixture DEM: 30 + 12 sin(x / 60) cos(y / 80) + 0.02 y (local metres), sampled every 8 m.
  const double x = hit->position[0] - kX0, y = hit->position[1] - kY0;
  const double dem = 30.0 + 12.0 * std::sin(x / 60.0) * std::cos(y / 80.0) + 0.02 * y;
  EXPECT_NEAR(hit->position[2], dem, 1.0) << "exaggerated elevation reported";
  // An oblique view: the same point picked again reports the same true elevation.
  session.view().orbit(30, -50);
  session.frame();
  const auto again = session.view().pick(320, 200, 640, 400);
  ASSERT_TRUE(again.has_value());
  const double x2 = again->position[0] - kX0, y2 = again->position[1] - kY0;
  EXPECT_NEAR(again->position[2], 30.0 + 12.0 * std::sin(x2 / 60.0) * std::cos(y2 / 80.0) + 0.02 * y2, 1.0);
}

TEST(Sections, FromTheCommandLine) {
  const auto dir = fresh_dir("section_command");
  FixtureOptions few;
  few.terrain = few.planning = few.solid = false;
  write_fixture_scene(dir, few);
  // The same section as above, face on, holes hidden, coloured by grade: the command writes the picture.
  const auto png = dir / "section.png";
  const CommandResult r = run_view(quoted(dir) + " --screenshot " + quoted(png) +
                                   " --size 640x400 --section 41512200,4690090,41512200,4690270,20 --section-view --hide holes"
                                   " --color-by blocks=CaSiO3 --bench=-50,30");
  ASSERT_EQ(r.status, 0) << r.output;
  const Image image = read_png(png);
  EXPECT_GT(distinct_colours(image), 10);
  EXPECT_EQ(fraction_near(image, {214, 39, 40}, 40), 0.0) << "coloured by grade, not by class";
  // Bad values are usage errors; unknown layers and attributes are input errors naming what exists.
  EXPECT_EQ(run_view(quoted(dir) + " --section 1,2,3").status, 2);
  EXPECT_EQ(run_view(quoted(dir) + " --section 1,2,1,2").status, 2);
  EXPECT_EQ(run_view(quoted(dir) + " --section-view").status, 2);
  EXPECT_EQ(run_view(quoted(dir) + " --bench 10,-5").status, 2);
  EXPECT_EQ(run_view(quoted(dir) + " --color-by blocks").status, 2);
  const CommandResult hide = run_view(quoted(dir) + " --screenshot " + quoted(dir / "x.png") + " --hide seams");
  EXPECT_EQ(hide.status, 1);
  EXPECT_NE(hide.output.find("no layer 'seams'"), std::string::npos) << hide.output;
  const CommandResult colour = run_view(quoted(dir) + " --screenshot " + quoted(dir / "x.png") + " --color-by blocks=Au");
  EXPECT_EQ(colour.status, 1);
  EXPECT_NE(colour.output.find("CaSiO3"), std::string::npos) << colour.output;
}
