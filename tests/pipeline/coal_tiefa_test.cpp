// The Tiefa coal model end to end on the bundled data (the model file as shipped, on a 50 m grid to
// keep the test short): the report.json contract, tonnage against the generator's truth (in situ by
// seam within 10 %, remaining within 5 % in total; 探明 within 3 % of the exhaustive truth at the same
// nodes), the outputs, and a failing run (a seam missing from the model) that leaves nothing behind.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/json_config.h"
#include "pipeline/coal_run.h"

using namespace georeserve;
namespace fs = std::filesystem;

namespace {

const fs::path kModels = fs::path(GEORESERVE_SOURCE_DIR) / "models";

fs::path temp_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("georeserve_coal_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// The shipped model file with some keys changed; relative paths still resolve from models/.
CoalModel shipped_model(const std::function<void(nlohmann::json&)>& change) {
  std::ifstream in(kModels / "tiefa-coal.json");
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, true, true);
  change(j);
  return CoalModel::parse(parse_json_text(j.dump(), (kModels / "tiefa-coal.json").string(), kModels));
}

const nlohmann::json& truth_summary() {
  static const nlohmann::json t = [] {
    std::ifstream in(fs::path(GEORESERVE_SOURCE_DIR) / "assets/tiefa/truth_summary.json");
    return nlohmann::json::parse(in);
  }();
  return t;
}

}  // namespace

TEST(CoalTiefa, EndToEndAgainstTheTruth) {
  const auto dir = temp_dir("e2e");
  // The exhaustive truth grids of the bundled realisation (the generator is deterministic).
  const std::string synth = std::string(GEORESERVE_CLI) + " synth --out " + (dir / "assets").string() + " --truth " +
                            (dir / "truth").string() + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(synth.c_str()), 0);
  const auto model = shipped_model([&](nlohmann::json& j) {
    j["grid"]["cell"] = 50;
    j["report"]["truth_grids"] = (dir / "truth").string();
  });
  RunOptions o;
  o.out = dir / "out";
  const auto summary = run_coal_model(model, o);
  EXPECT_GT(summary.resource_tonnes, 0);
  for (const char* f : {"report.json", "report.html", "resources_by_seam.csv", "reserves_by_seam.csv",
                        "resources_by_seam_depth_planning.csv", "block_method_blocks.csv", "truth_by_class.csv",
                        "seam_blocks.vtu", "seam_15_surfaces.vtp", "drillholes.vtp", "scene.json",
                        "figures/seam_15_floor_blocks.svg", "figures/seam_15_isopach.svg", "figures/seam_15_ash.svg",
                        "figures/seam_15_cv.svg", "figures/seam_15_classes.svg"})
    EXPECT_TRUE(fs::exists(o.out / f)) << f;

  std::ifstream in(o.out / "report.json");
  const auto j = nlohmann::json::parse(in);
  // Contract (DESIGN.md section 4): leaf rows with class, class_cn, tonnes, grades, domain = seam.
  ASSERT_FALSE(j["resources"].empty());
  double resources = 0;
  for (const auto& r : j["resources"]) {
    EXPECT_TRUE(r["class"] == "measured" || r["class"] == "indicated" || r["class"] == "inferred");
    EXPECT_FALSE(r["class_cn"].get<std::string>().empty());
    EXPECT_EQ(r["domain"], r["seam"]);
    EXPECT_TRUE(r["grades"].contains("Ad") && r["grades"].contains("St,d") && r["grades"].contains("Qnet,ar"));
    resources += r["tonnes"].get<double>();
  }
  EXPECT_NEAR(resources, j["total_resource_tonnes"].get<double>(), 1e-6 * resources);
  for (const auto& r : j["reserves"]) EXPECT_TRUE(r["class"] == "proved" || r["class"] == "probable");
  // Reserves: recovery 75-85 % of the measured and indicated resources.
  double mi = 0;
  for (const auto& r : j["resources"])
    if (r["class"] != "inferred") mi += r["tonnes"].get<double>();
  EXPECT_GT(j["total_reserve_tonnes"].get<double>(), 0.75 * mi);
  EXPECT_LT(j["total_reserve_tonnes"].get<double>(), 0.85 * mi);

  // In situ tonnage by seam within 10 % of the truth summary.
  const auto& t = truth_summary();
  for (const auto& s : j["seams"]) {
    const auto seam = s["seam"].get<std::string>();
    for (const auto& ts : t["seams"])
      if (ts["seam"] == seam) {
        const double truth = ts["insitu_Mt"].get<double>() * 1e6;
        EXPECT_NEAR(s["insitu_t"].get<double>(), truth, 0.10 * truth) << "seam " << seam;
      }
  }
  // Remaining coal (>= 0.7 m, not burnt, not mined) of the whole field within 5 % of the truth.
  for (const auto& r : j["truth_comparison"])
    if (r["seam"] == "total") {
      const double truth = r["true_remaining_t"].get<double>();
      EXPECT_NEAR(r["remaining_t"].get<double>(), truth, 0.05 * truth);
    }
  // 探明 within 3 % of the exhaustive truth at the same nodes, every seam; all classes within 10 %.
  int measured = 0;
  for (const auto& r : j["truth_by_class"]) {
    const double est = r["tonnes"].get<double>(), truth = r["true_tonnes"].get<double>();
    if (r["class"] == "measured") {
      ++measured;
      EXPECT_NEAR(est, truth, 0.03 * truth) << "seam " << r["seam"];
    }
    if (r["class"] == "all") {
      EXPECT_NEAR(est, truth, 0.10 * truth) << "seam " << r["seam"];
    }
  }
  EXPECT_EQ(measured, 6);
  // The block method beside kriging: per seam within 15 % of the kriged tonnage of the same blocks.
  for (const auto& b : j["block_method"])
    EXPECT_NEAR(b["tonnes"].get<double>(), b["kriged_tonnes"].get<double>(), 0.15 * b["kriged_tonnes"].get<double>());
}

TEST(CoalTiefa, FailingRunLeavesNothingBehind) {
  const auto dir = temp_dir("fail");
  // Seam 17 is left out of the model: the picks name an unknown seam.
  const auto model = shipped_model([](nlohmann::json& j) {
    j["seams"]["names"] = {"12", "13", "14", "15", "16"};
    j["grid"]["cell"] = 200;
  });
  RunOptions o;
  o.out = dir / "out";
  try {
    run_coal_model(model, o);
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown seam '17'"), std::string::npos) << e.what();
    EXPECT_EQ(e.field(), "seam");
  }
  EXPECT_FALSE(fs::exists(o.out));
  for (const auto& entry : fs::directory_iterator(dir)) ADD_FAILURE() << "left behind: " << entry.path();
}

TEST(CoalModelFile, ErrorsNameTheKeyPath) {
  try {
    shipped_model([](nlohmann::json& j) { j["limits"]["min_thickness"] = -1; });
    FAIL() << "expected an error";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("limits.min_thickness"), std::string::npos) << e.what();
  }
  try {
    shipped_model([](nlohmann::json& j) { j["burnt"]["seams"] = {"99"}; });
    FAIL() << "expected an error";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("burnt.seams"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(CoalModel::is_coal_model(kModels / "tiefa-coal.json"));
  EXPECT_FALSE(CoalModel::is_coal_model(kModels / "qianyu-wollastonite.json"));
}
