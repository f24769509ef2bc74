// Layers added for coal and subsidence, and presentation: a subsidence grid from a real (small)
// `georeserve subsidence` run draped on the terrain with contours (and the terrain displaced by it), a
// seam surface from a structured grid (.vts) coloured by an attribute, the problems panel for layers
// that failed, presentation mode without panels, and bookmark fly-throughs as PNG frames (MP4 only
// where ffmpeg is installed).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkStructuredGrid.h>
#include <vtkXMLStructuredGridWriter.h>

#include "core/error.h"
#include "fixture_scene.h"
#include "image_compare.h"
#include "test_support.h"
#include "viewer/app/exports.h"
#include "viewer/app/session.h"

using namespace georeserve;
using namespace georeserve::testing;
using namespace georeserve::viewer;

namespace {

constexpr double kX0 = 41512000.0, kY0 = 4690000.0;

FixtureOptions terrain_only() {
  FixtureOptions o;
  o.blocks = o.holes = o.solid = o.planning = false;
  return o;
}

Options options_for(const std::filesystem::path& dir, int width = 640, int height = 400) {
  Options o;
  o.input = dir.string();
  o.width = width;
  o.height = height;
  return o;
}

void add_layer(const std::filesystem::path& dir, const scene::Layer& layer) {
  scene::Scene s = scene::read_scene(dir / "scene.json");
  s.layers.push_back(layer);
  scene::write_scene(dir / "scene.json", s);
}

// A longwall panel 100 x 140 m at 120 m depth under the fixture's terrain, predicted on an 8 m grid.
void run_subsidence(const std::filesystem::path& dir) {
  std::ofstream(dir / "subsidence.json") << R"({"title": "测试工作面 test panel", "crs": "EPSG:4529",
    "panels": [{"id": "P1", "polygon": [[41512150, 4690120], [41512250, 4690120], [41512250, 4690260], [41512150, 4690260]],
                "thickness": 3.0, "depth": 120.0}],
    "parameters": {"q": 0.8, "tan_beta": 2.0, "b": 0.3, "theta": 85},
    "grid": {"origin": [41511960, 4690060], "spacing": [8, 8], "count": [58, 48]},
    "output": "grid.csv", "principal": true, "geotiff": {"W": "w.tif"}})";
  const std::string command = "cd " + quoted(dir) + " && " + quoted(GEORESERVE_CLI) + " -q subsidence subsidence.json 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  ASSERT_TRUE(std::filesystem::exists(dir / "grid.csv"));
}

}  // namespace

TEST(Subsidence, GridFromARunIsDrapedWithContours) {
  const auto dir = fresh_dir("subsidence");
  write_fixture_scene(dir, terrain_only());
  run_subsidence(dir);
  scene::Layer l;
  l.id = "subsidence";
  l.kind = scene::LayerKind::subsidence;
  l.title = "地表下沉 subsidence";
  l.file = "grid.csv";
  add_layer(dir, l);
  Options o = options_for(dir);
  o.bookmark = "plan";
  Session session(o, false);
  ASSERT_TRUE(session.problems().empty()) << session.problems().front();
  Layer* layer = session.view().layer("subsidence");
  ASSERT_NE(layer, nullptr);
  ASSERT_NE(layer->attribute("W"), nullptr);
  EXPECT_EQ(layer->color_by(), "W");
  EXPECT_EQ(layer->attribute("W")->color_map, ColorMap::diverging);
  const auto range = layer->color_range();
  EXPECT_DOUBLE_EQ(range[0], -range[1]) << "the diverging map is centred on zero";
  EXPECT_GT(range[1], 1500.0);  // q m = 2400 mm over a panel this wide, a little less
  const scene::Attribute* grade = layer->attribute("damage_grade");
  ASSERT_NE(grade, nullptr);
  EXPECT_EQ(grade->kind, scene::AttributeKind::categorical);
  EXPECT_EQ(grade->categories.back().label, "IV 级 (严重损坏)");
  // Draped: the layer lies on the terrain (30 m +- 12 m, +0.02 y), not at zero.
  const auto b = layer->bounds();
  ASSERT_TRUE(b.has_value());
  EXPECT_GT((*b)[4], 10.0);

  const Image plan = session.view().capture(640, 400);
  const double px_per_m = 400.0 / 260.0;
  const auto centre = plan.pixel(static_cast<int>(320 + (200 - 200) * px_per_m), static_cast<int>(200 - (190 - 180) * px_per_m));
  EXPECT_GT(centre[0], 150) << "strong subsidence is red";
  EXPECT_LT(centre[2], 110);
  std::size_t dark = 0;
  for (int y = 0; y < plan.height; ++y)
    for (int x = 0; x < plan.width; ++x) {
      const auto c = plan.pixel(x, y);
      dark += c[0] < 45 && c[1] < 45 && c[2] < 45;
    }
  EXPECT_GT(dark, 300u) << "contour lines";
  EXPECT_EQ(compare_with_baseline("subsidence_plan", plan, 0.97), "");
  // Picking reports W at the node.
  const auto hit = session.view().pick(320, 185, 640, 400);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->layer_id, "subsidence");
  EXPECT_EQ(hit->values.front().first, "下沉 W");
}

TEST(Subsidence, TerrainDisplacedByTheGeoTiffOfW) {
  const auto dir = fresh_dir("subsidence_displaced");
  write_fixture_scene(dir, terrain_only());
  run_subsidence(dir);
  scene::Layer l;
  l.id = "subsided";
  l.kind = scene::LayerKind::subsidence;
  l.title = "下沉后地表 subsided terrain";
  l.file = "w.tif";
  l.displace = 10.0;
  add_layer(dir, l);
  Session session(options_for(dir), false);
  ASSERT_TRUE(session.problems().empty()) << session.problems().front();
  const auto terrain = session.view().layer("terrain")->bounds();
  const auto lowered = session.view().layer("subsided")->bounds();
  ASSERT_TRUE(terrain && lowered);
  // Lowered by about 10 x 2.3 m over the panel.
  EXPECT_LT((*lowered)[4], (*terrain)[4] - 10.0);
  EXPECT_GT((*lowered)[4], (*terrain)[4] - 40.0);
  session.frame();
}

TEST(SeamSurface, StructuredGridSurfaceColouredByItsAttribute) {
  const auto dir = fresh_dir("seam_surface");
  write_fixture_scene(dir, FixtureOptions{false, false, false, false, false});
  // A seam roof 240 x 180 m dipping east, thickness growing eastwards: a 2D structured grid in CRS.
  vtkNew<vtkStructuredGrid> grid;
  grid->SetDimensions(25, 19, 1);
  vtkNew<vtkPoints> points;
  vtkNew<vtkDoubleArray> thickness;
  thickness->SetName("thickness");
  for (int j = 0; j < 19; ++j)
    for (int i = 0; i < 25; ++i) {
      points->InsertNextPoint(kX0 + 80 + 10 * i, kY0 + 90 + 10 * j, -30.0 - 0.1 * 10 * i);
      thickness->InsertNextValue(1.0 + 0.1 * i);
    }
  grid->SetPoints(points);
  grid->GetPointData()->AddArray(thickness);
  vtkNew<vtkXMLStructuredGridWriter> writer;
  writer->SetFileName((dir / "seam_12_roof.vts").c_str());
  writer->SetInputData(grid);
  ASSERT_EQ(writer->Write(), 1);
  scene::Layer l;
  l.id = "seam-12-roof";
  l.kind = scene::LayerKind::surface;
  l.title = "12号煤层顶板 seam 12 roof";
  l.file = "seam_12_roof.vts";
  l.color_by = "thickness";
  l.attributes = {{"thickness", "煤厚 thickness", "m", scene::AttributeKind::continuous, ColorMap::viridis,
                   std::array<double, 2>{1.0, 3.4}, {}}};
  add_layer(dir, l);
  Options o = options_for(dir);
  o.bookmark = "plan";
  Session session(o, false);
  ASSERT_TRUE(session.problems().empty()) << session.problems().front();
  Layer* seam = session.view().layer("seam-12-roof");
  ASSERT_NE(seam, nullptr);
  EXPECT_EQ(seam->color_by(), "thickness");
  const auto b = seam->bounds();
  ASSERT_TRUE(b.has_value());
  EXPECT_NEAR((*b)[4], -54.0, 1e-6);
  EXPECT_NEAR((*b)[5], -30.0, 1e-6);
  const Image plan = session.view().capture(640, 400);
  const double px_per_m = 400.0 / 260.0;
  auto pixel_at = [&](double x, double y) {
    return plan.pixel(static_cast<int>(320 + (x - 200) * px_per_m), static_cast<int>(200 - (y - 180) * px_per_m));
  };
  EXPECT_EQ(compare_with_baseline("seam_surface_plan", plan, 0.97), "");
  const auto west = pixel_at(90, 180), east = pixel_at(270, 150);  // east of x = 280 the legend covers it
  EXPECT_TRUE(west[2] > west[1] && west[0] < 120) << "thin: viridis purple";
  EXPECT_TRUE(east[0] > 80 && east[1] > 150 && east[2] < 120) << "thick: viridis yellow-green " << int(east[0]) << "," << int(east[1]) << "," << int(east[2]);
  const auto hit = session.view().pick(static_cast<int>(320 + (250 - 200) * px_per_m), 200, 640, 400);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->layer_id, "seam-12-roof");
}

TEST(Presentation, ProblemsPanelShowsLayersThatFailed) {
  const auto dir = fresh_dir("problems_panel");
  FixtureOptions bad;
  bad.terrain = bad.planning = bad.holes = bad.solid = false;
  bad.broken_layer = bad.missing_layer = true;
  write_fixture_scene(dir, bad);
  Session session(options_for(dir, 1280, 800), false);
  ASSERT_EQ(session.problems().size(), 2u);
  for (int i = 0; i < 3; ++i) session.frame();
  Image with_panel, without;
  session.window().capture_next_frame(&with_panel);
  session.frame();
  // The red of the problem lines (ImGui text in 255, 115, 102) is on screen.
  EXPECT_GT(fraction_near(with_panel, {255, 115, 102}, 40), 0.0005);
  session.ui().problems_open = false;
  session.ui().active_layer = "blocks";  // the layers panel shows a failed layer's problem only when listed
  session.frame();
  session.window().capture_next_frame(&without);
  session.frame();
  EXPECT_LT(fraction_near(without, {255, 115, 102}, 40), fraction_near(with_panel, {255, 115, 102}, 40));
}

TEST(Presentation, WithoutPanelsAndFlyThroughBookmarks) {
  const auto dir = fresh_dir("presentation");
  FixtureOptions few;
  few.terrain = few.planning = false;
  write_fixture_scene(dir, few);
  Options o = options_for(dir);
  o.presentation = true;
  Session session(o, false);
  EXPECT_FALSE(session.ui().panels);
  for (int i = 0; i < 2; ++i) session.frame();
  Image shown;
  session.window().capture_next_frame(&shown);
  session.frame();
  EXPECT_LT(fraction_near(shown, {41, 74, 122}, 12), 0.0002) << "no ImGui title bars in presentation mode";

  // Fly-through overview -> plan: 3 frames per leg plus the last stop.
  const auto& marks = session.ui().bookmarks;
  ASSERT_GE(marks.size(), 2u);
  const auto result = write_flythrough(session.view(), marks, dir / "fly", 320, 200, 3, 1);
  EXPECT_EQ(result.frames, 4);
  const Image first = read_png(dir / "fly" / "frame_0001.png"), last = read_png(dir / "fly" / "frame_0004.png");
  session.view().apply_bookmark(marks[0]);
  const Image at_first = session.view().capture(320, 200);
  session.view().apply_bookmark(marks[1]);
  const Image at_last = session.view().capture(320, 200);
  EXPECT_GT(structural_similarity(first, at_first), 0.99);
  EXPECT_GT(structural_similarity(last, at_last), 0.99);
  EXPECT_LT(structural_similarity(first, last), 0.9);
  if (find_program("ffmpeg")) {
    ASSERT_TRUE(result.video.has_value()) << result.note;
    EXPECT_GT(std::filesystem::file_size(*result.video), 1000u);
  } else {
    EXPECT_FALSE(result.video.has_value());
    EXPECT_NE(result.note.find("ffmpeg"), std::string::npos);
  }
  EXPECT_THROW(write_flythrough(session.view(), {marks[0]}, dir / "fly1", 320, 200, 3, 1), InputError);
  // The command line does the same.
  const CommandResult r = run_view(quoted(dir) + " --flythrough " + quoted(dir / "fly2") + " --frames 2 --size 160x100");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "fly2" / "frame_0003.png"));
  EXPECT_FALSE(std::filesystem::exists(dir / "fly2" / "frame_0004.png"));
}
