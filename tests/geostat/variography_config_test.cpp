// `georeserve variogram CONFIG.json` end to end (files, the fitted model pasteable into a kriging
// config, identical output for any thread count) and its configuration errors: one line each, naming
// the key path, nothing written.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "geostat/variography_config.h"
#include "geostat/variography_run.h"
#include "io/csv.h"
#include "io/json_config.h"

using namespace georeserve;
namespace fs = std::filesystem;

namespace {

const fs::path fixtures = fs::path(GEORESERVE_TEST_DATA) / "variography";

// A fresh scratch folder holding a copy of the meuse samples.
fs::path scratch(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / "georeserve_variography_test" / name;
  fs::remove_all(p);
  fs::create_directories(p);
  fs::copy_file(fixtures / "meuse_logzinc.csv", p / "meuse.csv");
  return p;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CliRun {
  int code;
  std::string out, err;
};

CliRun run_georeserve(const std::string& args, const fs::path& dir) {
  const std::string cmd = std::string("'") + GEORESERVE_CLI + "' -q " + args + " >'" + (dir / "stdout").string() +
                          "' 2>'" + (dir / "stderr").string() + "'";
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "stdout"), slurp(dir / "stderr")};
}

const char* kMeuseConfig = R"json({
  // log(zinc) of the meuse data set
  "samples": {"file": "meuse.csv", "x": "x", "y": "y", "value": "logzinc"},
  "lags": {"width": 100, "cutoff": 1500},
  "directions": [{"name": "N", "azimuth": 0, "tolerance": 22.5}, {"name": "NE", "azimuth": 45},
                 {"name": "E", "azimuth": 90}, {"name": "SE", "azimuth": 135}],
  "model": {"nugget": 0.05, "structures": [{"type": "spherical", "sill": 0.6, "ranges": [1200, 800],
                                            "angles": [45]}]},
  "fit": {"method": 7, "ranges": "independent"},
  "map": {"cell": 100, "cells": 10},
  "title": "log(zinc) 锌", "unit": "log(ppm)"
})json";

}  // namespace

TEST(VariographyConfig, EndToEndWritesPointsModelAndFigures) {
  const fs::path dir = scratch("e2e");
  write(dir / "v.json", kMeuseConfig);
  const CliRun r = run_georeserve("variogram '" + (dir / "v.json").string() + "'", dir);
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* f : {"variogram_points.csv", "variogram_model.json", "variogram.svg", "variogram_map.csv",
                        "variogram_map.svg"})
    EXPECT_TRUE(fs::exists(dir / f)) << f;

  // The model file is exactly a kriging config's "variogram": it parses with the same reader.
  const JsonDocument model_doc = load_json_file(dir / "variogram_model.json");
  const VariogramModel fitted = VariogramModel::from_config(ConfigView(model_doc));
  ASSERT_EQ(fitted.structures.size(), 1u);
  EXPECT_EQ(fitted.structures[0].anisotropy.angles[0], 45);
  EXPECT_GT(fitted.structures[0].anisotropy.ranges[0], fitted.structures[0].anisotropy.ranges[1]);  // meuse: NE longer

  // The points are those of the engine, with the fitted model beside them.
  const JsonDocument doc = load_json_file(dir / "v.json");
  const VariographyConfig config = read_variography_config(doc);
  const auto ev = compute_experimental_variograms(config.samples, config.experimental);
  const CsvTable t = read_csv_file(dir / "variogram_points.csv");
  std::size_t row = 0;
  for (const auto& v : ev)
    for (const auto& l : v.lags) {
      if (l.pairs == 0) continue;
      ASSERT_LT(row, t.row_count());
      EXPECT_EQ(t.cell(row, t.require_column("direction")), v.direction.name);
      EXPECT_EQ(*t.number(row, t.require_column("pairs")), static_cast<double>(l.pairs));
      EXPECT_EQ(*t.number(row, t.require_column("gamma")), l.gamma);
      EXPECT_NEAR(*t.number(row, t.require_column("model")), fitted.variogram(v.direction.unit_vector() * l.distance), 1e-12);
      ++row;
    }
  EXPECT_EQ(row, t.row_count());
  const std::string svg = slurp(dir / "variogram.svg");
  EXPECT_NE(svg.find("实验变异函数"), std::string::npos);
  EXPECT_NE(svg.find("log(zinc) 锌"), std::string::npos);
  EXPECT_NE(svg.find("滞后距离 lag distance (m)"), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);  // the sample variance
  EXPECT_NE(r.out.find("wrote"), std::string::npos);
}

TEST(VariographyConfig, SameFilesForOneAndTwoThreads) {
  const fs::path dir = scratch("threads");
  write(dir / "v.json", kMeuseConfig);
  ASSERT_EQ(run_georeserve("variogram --threads 1 '" + (dir / "v.json").string() + "'", dir).code, 0);
  const std::string points = slurp(dir / "variogram_points.csv"), model = slurp(dir / "variogram_model.json");
  const std::string map = slurp(dir / "variogram_map.csv");
  ASSERT_EQ(run_georeserve("variogram --threads 2 '" + (dir / "v.json").string() + "'", dir).code, 0);
  EXPECT_EQ(points, slurp(dir / "variogram_points.csv"));
  EXPECT_EQ(model, slurp(dir / "variogram_model.json"));
  EXPECT_EQ(map, slurp(dir / "variogram_map.csv"));
}

TEST(VariographyConfig, AFitThatFailsIsAClearErrorAndWritesNoModel) {
  const fs::path dir = scratch("nofit");
  // The meuse sill (about 0.65) lies above the sample variance (0.52): a limit of 1x rejects it.
  write(dir / "v.json", R"({"samples": {"file": "meuse.csv", "value": "logzinc"},
    "lags": {"width": 100, "cutoff": 1500},
    "model": {"nugget": 0.05, "structures": [{"type": "spherical", "sill": 0.6, "range": 1000}]},
    "fit": {"max_sill_ratio": 1.0}})");
  write(dir / "variogram_model.json", "{\"old\": true}");
  const CliRun r = run_georeserve("variogram '" + (dir / "v.json").string() + "'", dir);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("variogram fit rejected"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("times the sample variance"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_TRUE(fs::exists(dir / "variogram_points.csv"));
  EXPECT_TRUE(fs::exists(dir / "variogram.svg"));
  EXPECT_FALSE(fs::exists(dir / "variogram_model.json"));  // the stale one is gone too
}

TEST(VariographyConfig, BadConfigsNameTheKeyPath) {
  const fs::path dir = scratch("bad");
  write(dir / "empty.csv", "x,y,logzinc\n");
  write(dir / "holes.csv", "x,y,v,hole\n0,0,1,A\n1,0,2,A\n");
  const std::string s = R"("samples": {"file": "meuse.csv", "value": "logzinc"})";
  const std::string m = R"("model": {"structures": [{"type": "spherical", "sill": 0.6, "range": 900}]})";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{" + s + R"(, "model": {"structures": [{"type": "sphere", "sill": 1, "range": 9}]}})", "model.structures[0].type"},
      {"{" + s + R"(, "model": {"structures": [{"type": "Sph", "sill": -1, "range": 9}]}})", "model.structures[0].sill"},
      {"{" + s + R"(, "model": {"structures": [{"type": "Exp", "sill": 1, "ranges": [9, 0]}]}})", "model.structures[0].ranges"},
      {R"({"samples": {"file": "meuse.csv", "value": "zn"}})", "samples.value"},
      {R"({"samples": {"file": "meuse.csv", "x": "east", "value": "logzinc"}})", "samples.x"},
      {R"({"samples": {"file": "empty.csv", "value": "logzinc"}})", "samples.file"},
      {R"({"samples": {"file": "meuse.csv"}})", "samples.value"},
      {"{" + s + R"(, "lagz": {}})", "lagz"},
      {"{" + s + R"(, "lags": {"width": 10, "spacing": 10}})", "lags"},
      {"{" + s + R"(, "lags": {"width": 0, "cutoff": 100}})", "lags.width"},
      {"{" + s + R"(, "lags": {"spacing": 10}})", "lags.count"},
      {"{" + s + R"(, "directions": [{"azimuth": 30, "tolerance": 0}]})", "directions[0].tolerance"},
      {"{" + s + R"(, "directions": [{"azimuth": 30, "dip": -100}]})", "directions[0].dip"},
      {"{" + s + R"(, "directions": [{"name": "a", "azimuth": 0}, {"name": "a", "azimuth": 90}]})", "directions[1]"},
      {"{" + s + R"(, "directions": ["sideways"]})", "directions[0]"},
      {"{" + s + R"(, "pairs": "same_hole"})", "pairs"},
      {"{" + s + R"(, "pairs": "some"})", "pairs"},
      {"{" + s + R"(, "fit": {"method": 7}})", "fit"},
      {"{" + s + ", " + m + R"(, "fit": {"method": 3}})", "fit.method"},
      {"{" + s + ", " + m + R"(, "fit": {"fixed": ["structures[0].rang"]}})", "fit.fixed[0]"},
      {"{" + s + ", " + m + R"(, "fit": {"fixed": ["structures[1].sill"]}})", "fit.fixed[0]"},
      {"{" + s + ", " + m + R"(, "fit": {"fixed": ["nugget"], "free": ["nugget"]}})", "fit.free[0]"},
      {"{" + s + ", " + m + R"(, "fit": {"fixed": "nugget"}})", "fit.fixed"},
      {"{" + s + R"(, "map": {"cell": -5}})", "map.cell"},
      {"{" + s + R"(, "map": {"cells": 2.5}})", "map.cells"},
      {"{" + s + R"(, "output": {"points": "p.csv"}})", "output.points"},
  };
  for (const auto& [text, key] : cases) {
    SCOPED_TRACE(text);
    const JsonDocument doc = parse_json_text(text, (dir / "v.json").string(), dir);
    try {
      read_variography_config(doc);
      ADD_FAILURE() << "no error; expected one at " << key;
    } catch (const Error& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("error: " + key + ":"), std::string::npos) << what;
      EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
  }
}

TEST(VariographyConfig, CommandLineErrorsAreOneLineAndWriteNothing) {
  const fs::path dir = scratch("cli_bad");
  write(dir / "v.json", R"({"samples": {"file": "meuse.csv", "value": "logzinc"},
    "model": {"structures": [{"type": "sphere", "sill": 1, "range": 9}]}})");
  CliRun r = run_georeserve("variogram '" + (dir / "v.json").string() + "'", dir);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("model.structures[0].type"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(fs::exists(dir / "variogram_points.csv"));
  // A bad number in the data: file, line and column.
  write(dir / "bad.csv", "x,y,logzinc\n1,2,3.5\n4,5,abc\n");
  write(dir / "v.json", R"({"samples": {"file": "bad.csv", "value": "logzinc"}})");
  r = run_georeserve("variogram '" + (dir / "v.json").string() + "'", dir);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("bad.csv:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("logzinc"), std::string::npos) << r.err;
  // --help teaches the configuration.
  r = run_georeserve("variogram --help", dir);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("EXAMPLE"), std::string::npos);
  EXPECT_NE(r.out.find("\"fixed\""), std::string::npos);
}

TEST(VariographyConfig, DownHolePairsAndGslibLags) {
  const fs::path dir = scratch("holes");
  write(dir / "h.csv",
        "hole,x,y,z,v\nA,0,0,0,1\nA,0,0,-2,2\nA,0,0,-4,4\nB,10,0,0,3\nB,10,0,-2,NA\nB,10,0,-4,1\n");
  write(dir / "v.json", R"({"samples": {"file": "h.csv", "x": "x", "y": "y", "z": "z", "value": "v", "hole": "hole"},
    "lags": {"spacing": 2, "count": 3, "tolerance": 1}, "pairs": "same_hole",
    "directions": [{"name": "down-hole", "dip": -90, "dip_tolerance": 10}]})");
  const JsonDocument doc = load_json_file(dir / "v.json");
  const VariographyConfig c = read_variography_config(doc);
  EXPECT_EQ(c.samples.size(), 5u);
  EXPECT_EQ(c.missing_values, 1u);
  EXPECT_EQ(c.samples.dimension, 3);
  const auto ev = compute_experimental_variograms(c.samples, c.experimental);
  // Lag 1 (2 +/- 1 m): A 0-2 and A 2-4; lag 2 (4 m): A 0-4 and B 0-4. No pair across holes.
  EXPECT_EQ(ev[0].lags[1].pairs, 2u);
  EXPECT_DOUBLE_EQ(ev[0].lags[1].gamma, (1.0 + 4.0) / 4);
  EXPECT_EQ(ev[0].lags[2].pairs, 2u);
  EXPECT_DOUBLE_EQ(ev[0].lags[2].gamma, (9.0 + 4.0) / 4);
}
