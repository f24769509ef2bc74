// The whole pipeline on a deposit made in code: the report.json contract, tonnage and grade against
// the known truth, outputs present, and a failing run that leaves nothing behind.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "pipeline/run.h"
#include "synthetic_deposit.h"

using namespace georeserve;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("georeserve_pipeline_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

DepositModel model_in(const fs::path& dir, const std::string& json_text) {
  std::ofstream(dir / "model.json") << json_text;
  return DepositModel::load(dir / "model.json");
}

}  // namespace

TEST(Pipeline, SyntheticDepositEndToEnd) {
  const auto dir = temp_dir("e2e");
  synthetic::write_synthetic_deposit(dir / "data");
  const auto model = model_in(dir, synthetic::synthetic_model_json((dir / "data").string()));
  RunOptions o;
  o.out = dir / "out";
  const auto summary = run_model(model, o);
  for (const char* f : {"report.json", "report.html", "blocks.csv", "blocks.vti", "solid_ore.obj", "solid_ore.ply",
                        "solid_ore.vtp", "drillholes.vtp", "composites.vtp", "scene.json", "figures/grade_tonnage.svg",
                        "figures/plan_class.svg", "figures/section_grade.svg", "figures/swath_x.svg"})
    EXPECT_TRUE(fs::exists(o.out / f)) << f;

  std::ifstream in(o.out / "report.json");
  const auto j = nlohmann::json::parse(in);
  ASSERT_TRUE(j["resources"].is_array());
  double tonnes = 0, grade_t = 0;
  for (const auto& r : j["resources"]) {
    ASSERT_TRUE(r.contains("class") && r.contains("class_cn") && r.contains("tonnes") && r.contains("grades"));
    EXPECT_TRUE(r["class"] == "measured" || r["class"] == "indicated" || r["class"] == "inferred");
    EXPECT_EQ(r["domain"], "ore");
    tonnes += r["tonnes"].get<double>();
    grade_t += r["tonnes"].get<double>() * r["grades"]["CaSiO3"].get<double>();
  }
  // The drilled square holds 200 x 200 x 20 m at 2.8 t/m3; the implicit solid may reach up to the
  // 15 m extrapolation limit beyond the outer holes: between the two.
  const double inner = 200.0 * 200 * 20 * 2.8, outer = 230.0 * 230 * 20 * 2.8;
  // Measured: 1.29 x the square (the solid reaches about 13 m of the allowed 15 m past the outer holes).
  EXPECT_GT(tonnes, inner);
  EXPECT_LT(tonnes, outer * 1.03);
  EXPECT_NEAR(summary.resource_tonnes, tonnes, 1e-6 * tonnes);
  // Mean grade: the grade field's mean over the square is about 70 %.
  EXPECT_NEAR(grade_t / tonnes, 70.0, 1.5);
  for (const auto& r : j["reserves"]) EXPECT_TRUE(r["class"] == "proved" || r["class"] == "probable");
  EXPECT_GT(j["mine_life_years"].get<double>(), 1.0);
  // Closely drilled (20 m) everywhere: mostly measured.
  double measured = 0;
  for (const auto& r : j["resources"])
    if (r["class"] == "measured") measured += r["tonnes"].get<double>();
  EXPECT_GT(measured / tonnes, 0.6);
  fs::remove_all(dir);
}

TEST(Pipeline, BadModelFailsBeforeWorkAndLeavesNoOutput) {
  const auto dir = temp_dir("bad");
  synthetic::write_synthetic_deposit(dir / "data");
  std::string text = synthetic::synthetic_model_json((dir / "data").string());
  // A wrong key is a clear error naming it.
  std::string typo = text;
  typo.replace(typo.find("\"cutoff\""), 8, "\"cutof\"");
  std::ofstream(dir / "typo.json") << typo;
  try {
    DepositModel::load(dir / "typo.json");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.key_path(), "cutof");
  }
  // A bad search pass names its index.
  std::string search = text;
  search.replace(search.find("\"max_samples\": 24"), 17, "\"max_samples\": 0");
  std::ofstream(dir / "search.json") << search;
  EXPECT_THROW(DepositModel::load(dir / "search.json"), ConfigError);
  // A domain code that nothing is logged with: fails in the domain stage; no output folder appears.
  std::string nodomain = text;
  nodomain.replace(nodomain.find("[\"ORE\"]"), 7, "[\"SKARN\"]");
  const auto model = model_in(dir, nodomain);
  RunOptions o;
  o.out = dir / "out";
  EXPECT_THROW(run_model(model, o), Error);
  EXPECT_FALSE(fs::exists(o.out));
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().filename().string().find("out.tmp"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Pipeline, MissingInputFileIsAnInputError) {
  const auto dir = temp_dir("missing");
  const auto model = model_in(dir, synthetic::synthetic_model_json((dir / "nowhere").string()));
  RunOptions o;
  o.out = dir / "out";
  EXPECT_THROW(run_model(model, o), InputError);
  EXPECT_FALSE(fs::exists(o.out));
  fs::remove_all(dir);
}

namespace {

// Sum of blocks.csv tonnes whose centre satisfies `keep` (the brute-force oracle for statements).
double block_tonnes(const fs::path& csv, const std::function<bool(double x, double y)>& keep) {
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  std::size_t tonnes = 0;
  {
    std::stringstream ss(line);
    for (std::string name; std::getline(ss, name, ',') && name != "tonnes";) ++tonnes;
  }
  double sum = 0;
  while (std::getline(in, line)) {
    std::vector<double> v;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) v.push_back(cell.empty() ? 0 : std::stod(cell));
    if (keep(v[0], v[1])) sum += v.at(tonnes);  // x and y first
  }
  return sum;
}

double total_tonnes(const nlohmann::json& rows) {
  double t = 0;
  for (const auto& r : rows) t += r["tonnes"].get<double>();
  return t;
}

}  // namespace

// Statements by planning block (a polygon over the west half of the deposit) match the brute-force
// sum of the blocks whose centre lies inside; and the solid written by one run, given back as a
// wireframe made elsewhere, gives the same resources.
TEST(Pipeline, PlanningBlocksAndWireframeDomain) {
  const auto dir = temp_dir("planning");
  synthetic::write_synthetic_deposit(dir / "data");
  std::ofstream(dir / "planning.geojson") << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
    "properties": {"id": "W1", "name": "西区 west block"}, "geometry": {"type": "Polygon", "coordinates":
    [[[41499900, 4699900], [41500100, 4699900], [41500100, 4700300], [41499900, 4700300], [41499900, 4699900]]]}}]})";
  std::string text = synthetic::synthetic_model_json((dir / "data").string());
  const std::string report = R"("report": {"level_interval": 10)";
  text.replace(text.find(report), report.size(), report + R"(, "planning_blocks": "planning.geojson")");
  RunOptions o;
  o.out = dir / "out";
  run_model(model_in(dir, text), o);
  std::ifstream in(o.out / "report.json");
  const auto j = nlohmann::json::parse(in);
  ASSERT_TRUE(j.contains("resources_by_planning_block"));
  double west = 0, outside = 0;
  for (const auto& r : j["resources_by_planning_block"])
    (r["planning_block"] == "W1 西区 west block" ? west : outside) += r["tonnes"].get<double>();
  const double total = total_tonnes(j["resources"]);
  EXPECT_NEAR(west + outside, total, 1e-9 * total);
  const double x0 = 41500100;
  EXPECT_NEAR(west, block_tonnes(o.out / "blocks.csv", [x0](double x, double) { return x < x0; }), 1e-6 * total);
  EXPECT_NEAR(west / total, 0.5, 0.1);

  // The solid back in as a wireframe: the same ore within the sub-cell sampling's accuracy.
  fs::copy_file(o.out / "solid_ore.obj", dir / "solid.obj");
  const std::string implicit = R"("implicit": {"resolution": 4, "max_extrapolation": 15, "padding": 8,
                            "variogram": {"structures": [{"type": "cubic", "sill": 1, "ranges": [120, 120, 60]}]}})";
  std::string wire = synthetic::synthetic_model_json((dir / "data").string());
  ASSERT_NE(wire.find(implicit), std::string::npos);
  wire.replace(wire.find(implicit), implicit.size(), R"("wireframe": "solid.obj")");
  RunOptions o2;
  o2.out = dir / "out_wireframe";
  run_model(model_in(dir, wire), o2);
  std::ifstream in2(o2.out / "report.json");
  const auto j2 = nlohmann::json::parse(in2);
  EXPECT_NEAR(total_tonnes(j2["resources"]), total, 0.01 * total);
  fs::remove_all(dir);
}
