// `georeserve krige` and `georeserve crossval` end to end: outputs, thread-count invariance of the
// written file, UTF-8 names, and bad configurations (one clear error line naming the file and the key
// path, exit 1, no output file).
#include <gtest/gtest.h>

#include <algorithm>

#include "kriging_test_util.h"

using namespace georeserve::test;

namespace {

const char* samples_csv =
    "x,y,V,hole\n"
    "0,0,1.0,A\n10,0,2.0,A\n0,10,3.0,B\n10,10,4.0,B\n5,5,2.5,C\n20,5,3.5,C\n5,20,1.5,D\n";

// A valid configuration; `replace` swaps the text of one part for a broken variant.
std::string config(const std::string& variogram = R"({"nugget": 0.1, "structures": [{"type": "spherical", "sill": 1, "ranges": [30, 20]}]})",
                   const std::string& extra = R"("targets": {"file": "t.csv"},)",
                   const std::string& search = R"({"max_samples": 6})",
                   const std::string& samples = R"({"file": "s.csv", "value": "V", "hole": "hole"})") {
  return "{\n  \"samples\": " + samples + ",\n  " + extra + "\n  \"variogram\": " + variogram +
         ",\n  \"search\": " + search + ",\n  \"output\": \"out.csv\"\n}\n";
}

class KrigeCli : public ::testing::Test {
 protected:
  void SetUp() override {
    write_text(dir / "s.csv", samples_csv);
    write_text(dir / "t.csv", "x,y\n2,3\n10,10\n30,30\n");
  }
  CommandResult krige(const std::string& cfg, const std::string& args = "") {
    write_text(dir / "k.json", cfg);
    return run_cli("krige '" + (dir / "k.json").string() + "' " + args, dir.path());
  }
  // The error line must name the configuration file and `key` (or a data file), exit 1, write nothing.
  void expect_config_error(const std::string& cfg, const std::string& key, const std::string& words) {
    fs::remove(dir / "out.csv");
    const auto r = krige(cfg);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(key), std::string::npos) << "expected '" << key << "' in: " << r.err;
    EXPECT_NE(r.err.find(words), std::string::npos) << "expected '" << words << "' in: " << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.csv"));
  }
  ScratchDir dir{"krige-cli"};
};

TEST_F(KrigeCli, WritesTheContractColumnsAndIsThreadCountInvariant) {
  auto r = krige(config(), "--threads 1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string one = read_text(dir / "out.csv");
  EXPECT_EQ(one.substr(0, one.find('\n')),
            "x,y,estimate,variance,n_samples,n_holes,nearest_distance,pass,slope_of_regression,kriging_efficiency,"
            "sum_weights,lagrange,status");
  EXPECT_NE(r.out.find("estimated 3 of 3 targets"), std::string::npos) << r.out;
  r = krige(config(), "--threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_text(dir / "out.csv"), one);
  const auto n = csv_column(dir / "out.csv", "n_samples");
  EXPECT_EQ(n, (std::vector<double>{6, 6, 6}));
}

TEST_F(KrigeCli, NotEstimatedTargetsHaveEmptyValuesAndZeroSamples) {
  const auto r = krige(config(R"({"nugget": 0.1, "structures": [{"type": "spherical", "sill": 1, "range": 30}]})",
                              R"("grid": {"origin": [0, 0], "spacing": [100, 100], "count": [2, 1]},)",
                              R"({"max_samples": 6, "min_samples": 2, "ranges": [30, 30]})"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = read_text(dir / "out.csv");
  EXPECT_NE(text.find("\n100,0,,,0,0,,,,,,,too_few_samples\n"), std::string::npos) << text;
  EXPECT_NE(r.out.find("1 targets not estimated"), std::string::npos) << r.out;
}

TEST_F(KrigeCli, BadConfigurationsGiveOneClearLine) {
  expect_config_error(config(R"({"structures": [{"type": "sphere", "sill": 1, "range": 30}]})"),
                      "variogram.structures[0].type", "unknown structure type");
  expect_config_error(config(R"({"structures": [{"type": "spherical", "sill": -1, "range": 30}]})"),
                      "variogram.structures[0].sill", "negative");
  expect_config_error(config(R"({"structures": [{"type": "spherical", "sill": 1, "ranges": [30, 0]}]})"),
                      "variogram.structures[0].ranges", "positive");
  expect_config_error(config(R"({"nugget": 1, "structures": []})", R"("targets": {"file": "t.csv"},)",
                             R"({"max_samples": 6})", R"({"file": "s.csv", "value": "Au"})"),
                      "samples.value", "column 'Au' not found");
  expect_config_error(config(R"({"nugget": 1, "structures": []})", R"("targets": {"file": "t.csv"}, "grid": {},)"),
                      "k.json: error: grid", "not both");
  expect_config_error(config(R"({"nugget": 1, "structures": []})", ""), "k.json: error: targets", "required");
  expect_config_error(config(R"({"nugget": 1, "structures": []})", R"("targets": {"file": "t.csv"}, "colour": 1,)"),
                      "k.json: error: colour", "unknown key");
  expect_config_error(config(R"({"nugget": 1, "structures": []})", R"("targets": {"file": "t.csv"},)",
                             R"({"max_sample": 6})"),
                      "search.max_sample", "unknown key");
  expect_config_error(config(R"({"structures": [{"type": "power", "sill": 1, "range": 1, "exponent": 1.5}]})",
                             R"("targets": {"file": "t.csv"}, "kriging": {"type": "simple", "mean": 2},)"),
                      "kriging.type", "bounded");
  expect_config_error(config(R"({"nugget": 1, "structures": []})", R"("targets": {"file": "t.csv"},)",
                             R"({"max_samples": 6, "max_per_hole": 2})", R"({"file": "s.csv", "value": "V"})"),
                      "search.max_per_hole", "samples.hole");
  expect_config_error(config(R"({"nugget": 1, "structures": []})",
                             R"("targets": {"file": "t.csv"}, "kriging": {"type": "nearest"}, "block": {"size": [5, 5]},)"),
                      "k.json: error: block", "kriging");
}

TEST_F(KrigeCli, EmptyAndBrokenSampleFiles) {
  write_text(dir / "s.csv", "x,y,V,hole\n");
  expect_config_error(config(), "samples.file", "no samples");
  write_text(dir / "s.csv", "");
  expect_config_error(config(), "samples.file", "empty");
  write_text(dir / "s.csv", "x,y,V,hole\n0,0,1,A\n1,1,abc,A\n");
  expect_config_error(config(), "s.csv:3", "'V'");
}

TEST_F(KrigeCli, CoincidentSamplesAreMergedWithANote) {
  write_text(dir / "s.csv", std::string(samples_csv) + "0,0,3.0,A\n");
  const auto r = krige(config());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 samples at 1 coincident places were merged"), std::string::npos) << r.err;
}

TEST_F(KrigeCli, CrossValidationWritesTableAndSummaryWithUtf8Names) {
  write_text(dir / "样品.csv", "x,y,品位,孔号\n0,0,1.0,钻孔1\n10,0,2.0,钻孔1\n0,10,3.0,钻孔2\n10,10,4.0,钻孔2\n"
                               "5,5,2.5,钻孔3\n20,5,3.5,钻孔3\n5,20,1.5,钻孔4\n");
  write_text(dir / "cv.json", R"({"samples": {"file": "样品.csv", "value": "品位", "hole": "孔号"},
    "variogram": {"nugget": 0.1, "structures": [{"type": "spherical", "sill": 1, "range": 30}]},
    "search": {"max_samples": 6}, "crossval": {"exclude_hole": true}, "output": "交叉验证.csv"})");
  const auto r = run_cli("crossval '" + (dir / "cv.json").string() + "'", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("RMSE"), std::string::npos) << r.out;
  const std::string table = read_text(dir / "交叉验证.csv");
  EXPECT_EQ(table.substr(0, table.find('\n')), "x,y,value,estimate,error,variance,zscore,n_samples,hole,status");
  EXPECT_NE(table.find(",钻孔3,ok\n"), std::string::npos) << table;
  // Leaving out hole 钻孔1 leaves 5 samples for its two samples.
  EXPECT_EQ(csv_column(dir / "交叉验证.csv", "n_samples")[0], 5);
  const std::string summary = read_text(dir / "交叉验证_summary.json");
  for (const char* key : {"\"rmse\"", "\"mean_error\"", "\"variance_zscore\"", "\"correlation\""})
    EXPECT_NE(summary.find(key), std::string::npos) << key;
}

TEST_F(KrigeCli, CrossValidationRejectsTargets) {
  write_text(dir / "cv.json", config());
  const auto r = run_cli("crossval '" + (dir / "cv.json").string() + "'", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cv.json: error: targets"), std::string::npos) << r.err;
}

}  // namespace
