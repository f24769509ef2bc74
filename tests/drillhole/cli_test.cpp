// End to end: `georeserve validate|desurvey|composite` on the fixture sets, checking exit codes
// (0 success, 1 bad input, 2 bad usage), printed problems, output contents, and that a failed run
// leaves no output file behind.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>

#include "io/csv.h"

using namespace georeserve;
namespace fs = std::filesystem;

namespace {

const std::string kData = GEORESERVE_TEST_DATA "/drillhole/";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(GEORESERVE_CLI)) << GEORESERVE_CLI << " is missing: build the georeserve target first";
    tmp_ = fs::temp_directory_path() /
           ("georeserve_drillhole_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(tmp_);
    fs::create_directories(tmp_);
  }
  void TearDown() override { fs::remove_all(tmp_); }

  // Runs `georeserve -q ARGS` in folder `cwd`; returns the exit code and fills out_/err_.
  int run(const std::string& args, const std::string& cwd) {
    const std::string cmd = "cd '" + cwd + "' && '" GEORESERVE_CLI "' -q " + args + " >'" +
                            (tmp_ / "stdout").string() + "' 2>'" + (tmp_ / "stderr").string() + "'";
    const int status = std::system(cmd.c_str());
    out_ = slurp(tmp_ / "stdout");
    err_ = slurp(tmp_ / "stderr");
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  static std::string tables(const std::string& set) {
    const std::string d = kData + set + "/";
    return "--collar '" + d + "collar.csv' --survey '" + d + "survey.csv'";
  }
  std::string out(const std::string& name) const { return (tmp_ / name).string(); }

  fs::path tmp_;
  std::string out_, err_;
};

}  // namespace

TEST_F(Cli, ValidatePlantedPrintsTheGoldenListAndExits1) {
  EXPECT_EQ(run("validate --collar collar.csv --survey survey.csv --intervals assay.csv lith.csv header.csv",
                kData + "planted"),
            1);
  EXPECT_EQ(out_, slurp(kData + "planted/expected.txt"));
  EXPECT_NE(err_.find("20 errors, 8 warnings in 5 files"), std::string::npos) << err_;
}

TEST_F(Cli, ValidateCleanExits0Silently) {
  EXPECT_EQ(run("validate --collar collar.csv --survey survey.csv --intervals assay.csv --intervals lith.csv",
                kData + "clean"),
            0)
      << out_;
  EXPECT_EQ(out_, "");
  EXPECT_NE(err_.find("0 errors, 0 warnings in 4 files"), std::string::npos) << err_;
}

TEST_F(Cli, ValidateListsUnreadableFiles) {
  EXPECT_EQ(run("validate --collar nope.csv --survey survey.csv", kData + "clean"), 1);
  EXPECT_EQ(out_, "nope.csv: error: cannot open file\n");
}

TEST_F(Cli, ValidateBadUsageExits2) {
  EXPECT_EQ(run("validate --survey survey.csv", kData + "clean"), 2);
  EXPECT_EQ(run("validate " + tables("clean") + " --dogleg-limit abc", kData), 2);
  EXPECT_EQ(run("validate " + tables("clean") + " --no-such-option", kData), 2);
}

TEST_F(Cli, DesurveyWithStep) {
  ASSERT_EQ(run("desurvey " + tables("clean") + " --step 10 --out '" + out("trace.csv") + "'", kData), 0) << err_;
  const CsvTable t = read_csv_file(out("trace.csv"));
  ASSERT_TRUE(t.problems().empty());
  EXPECT_EQ(t.header(), (std::vector<std::string>{"hole_id", "depth", "x", "y", "z"}));
  EXPECT_EQ(t.row_count(), 13u + 16u + 11u + 7u);  // 0, 10, ... and max_depth per hole
  // 钻孔ZK1-1 has no survey rows: straight along the collar's azimuth 135, dip -70.
  bool found = false;
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    if (t.cell(r, 0) != "钻孔ZK1-1" || t.cell(r, 1) != "100") continue;
    found = true;
    const double h = 100 * std::cos(70 * std::numbers::pi / 180), s = std::sqrt(0.5);
    EXPECT_NEAR(*t.number(r, 2), 41512350 + h * s, 0.0006);
    EXPECT_NEAR(*t.number(r, 3), 4686170 - h * s, 0.0006);
    EXPECT_NEAR(*t.number(r, 4), 70.9 - 100 * std::sin(70 * std::numbers::pi / 180), 0.0006);
  }
  EXPECT_TRUE(found);
}

TEST_F(Cli, DesurveyAtStationsWithEachMethod) {
  for (const char* m : {"minimum-curvature", "tangential", "balanced-tangential"}) {
    ASSERT_EQ(run("desurvey " + tables("clean") + " --method " + m + " --out '" + out("t.csv") + "'", kData), 0) << err_;
    const CsvTable t = read_csv_file(out("t.csv"));
    EXPECT_EQ(t.row_count(), 4u + 4u + 2u + 2u);  // 0, stations, max_depth
    EXPECT_EQ(t.cell(3, 1), "120");
  }
}

TEST_F(Cli, DesurveyRefusesBadTablesAndWritesNothing) {
  EXPECT_EQ(run("desurvey --collar collar.csv --survey survey.csv --out '" + out("t.csv") + "'", kData + "planted"), 1);
  EXPECT_FALSE(fs::exists(out("t.csv")));
  EXPECT_NE(err_.find("collar.csv:4: error: duplicate hole id 'ZK02' (first at line 3)"), std::string::npos) << err_;
  EXPECT_NE(err_.find("nothing written"), std::string::npos);
  EXPECT_EQ(err_.find(": warning:"), std::string::npos);  // only the errors are listed
}

TEST_F(Cli, DesurveyBadUsageExits2AndWritesNothing) {
  EXPECT_EQ(run("desurvey " + tables("clean") + " --method spline --out '" + out("t.csv") + "'", kData), 2);
  EXPECT_EQ(run("desurvey " + tables("clean") + " --step 0 --out '" + out("t.csv") + "'", kData), 2);
  EXPECT_EQ(run("desurvey " + tables("clean"), kData), 2);  // no --out
  EXPECT_FALSE(fs::exists(out("t.csv")));
}

TEST_F(Cli, AFailedRunKeepsTheOldOutput) {
  { std::ofstream(out("t.csv")) << "old\n"; }
  EXPECT_EQ(run("desurvey --collar collar.csv --survey survey.csv --out '" + out("t.csv") + "'", kData + "planted"), 1);
  EXPECT_EQ(slurp(out("t.csv")), "old\n");
  // A place that cannot be written (below a plain file): exit 1, the message names the path.
  EXPECT_EQ(run("desurvey " + tables("clean") + " --out '" + out("t.csv/x.csv") + "'", kData), 1);
  EXPECT_NE(err_.find("t.csv"), std::string::npos) << err_;
  EXPECT_EQ(slurp(out("t.csv")), "old\n");
}

TEST_F(Cli, CompositeWithBreaksAndDensity) {
  const std::string d = kData + "clean/";
  ASSERT_EQ(run("composite " + tables("clean") + " --intervals '" + d + "assay.csv' --field CaSiO3 --length 4 " +
                    "--break-on lith --density-field density --out '" + out("c.csv") + "'",
                kData),
            0)
      << err_;
  const CsvTable t = read_csv_file(out("c.csv"));
  EXPECT_EQ(t.header(), (std::vector<std::string>{"hole_id", "from", "to", "length", "x", "y", "z", "lith", "CaSiO3",
                                                  "CaSiO3_coverage"}));
  // ZK0-1: 38-40 marble (2 m kept: 0.5 * 4), 40-44, 44-48, 48-52 ore; 52-53 skarn (1 m) dropped.
  ASSERT_GE(t.row_count(), 4u);
  EXPECT_EQ(t.cell(0, 7), "大理岩");
  EXPECT_EQ(t.cell(1, 1), "40");
  EXPECT_EQ(t.cell(1, 2), "44");
  // (2 * 2.92 * 61.5 + 2 * 2.95 * 72.0) / (2 * 2.92 + 2 * 2.95)
  EXPECT_NEAR(*t.number(1, 8), (2 * 2.92 * 61.5 + 2 * 2.95 * 72.0) / (2 * 2.92 + 2 * 2.95), 1e-6);
  // 44-48: 44-45.5 missing, 45.5-48 is 80.2: coverage 2.5 / 4.
  EXPECT_EQ(t.cell(2, 8), "80.2");
  EXPECT_EQ(t.cell(2, 9), "0.625");
  EXPECT_EQ(t.cell(3, 1), "48");
  EXPECT_EQ(t.cell(4, 0), "ZK0-2");
}

TEST_F(Cli, CompositeMergeWithoutBreaks) {
  const std::string d = kData + "clean/";
  ASSERT_EQ(run("composite " + tables("clean") + " --intervals '" + d + "assay.csv' --field CaSiO3 --field density " +
                    "--length 4 --residual merge --out '" + out("c.csv") + "'",
                kData),
            0)
      << err_;
  const CsvTable t = read_csv_file(out("c.csv"));
  // ZK0-1 38-53: 38-42, 42-46, 46-53 (the 3 m residual merged).
  EXPECT_EQ(t.cell(2, 1), "46");
  EXPECT_EQ(t.cell(2, 2), "53");
  EXPECT_EQ(t.cell(2, 3), "7");
  EXPECT_NEAR(*t.number(0, 7), (2 * 12.4 + 2 * 61.5) / 4, 1e-6);  // no break column: CaSiO3 is column 8
  EXPECT_NEAR(*t.number(0, 9), (2.71 + 2.92) / 2, 1e-6);
}

TEST_F(Cli, CompositeBadInputExits1AndWritesNothing) {
  const std::string d = kData + "clean/";
  EXPECT_EQ(run("composite " + tables("clean") + " --intervals '" + d + "assay.csv' --field lith --length 2 --out '" +
                    out("c.csv") + "'",
                kData),
            1);
  EXPECT_NE(err_.find("field 'lith': is a text field"), std::string::npos) << err_;
  EXPECT_EQ(run("composite " + tables("clean") + " --intervals '" + d + "assay.csv' --field Cu --length 2 --out '" +
                    out("c.csv") + "'",
                kData),
            1);
  EXPECT_NE(err_.find("no such field"), std::string::npos) << err_;
  EXPECT_EQ(run("composite " + tables("planted") + " --intervals '" + kData + "planted/lith.csv' --field x --length 2 --out '" +
                    out("c.csv") + "'",
                kData),
            1);
  EXPECT_FALSE(fs::exists(out("c.csv")));
}

TEST_F(Cli, CompositeBadUsageExits2) {
  const std::string base = "composite " + tables("clean") + " --intervals assay.csv --field CaSiO3 --out '" + out("c.csv") + "'";
  EXPECT_EQ(run(base, kData + "clean"), 2);                        // no --length
  EXPECT_EQ(run(base + " --length -1", kData + "clean"), 2);
  EXPECT_EQ(run(base + " --length 2 --residual drop", kData + "clean"), 2);
  EXPECT_EQ(run(base + " --length 2 --min-fraction 1.5", kData + "clean"), 2);
  EXPECT_FALSE(fs::exists(out("c.csv")));
}

TEST_F(Cli, ColumnMappingFile) {
  std::ofstream(tmp_ / "collar.csv") << "BHID,EAST,NORTH,RL,EOH\nH1,100,200,50,30\n";
  std::ofstream(tmp_ / "survey.csv") << "BHID,AT,BRG,DIP\nH1,0,90,-90\n";
  std::ofstream(tmp_ / "assay.csv") << "BHID,FROM_M,TO_M,AU\nH1,0,3,1.5\n";
  std::ofstream(tmp_ / "map.json") << R"({"hole_id": "BHID", // comments are allowed
    "collar": {"x": "EAST", "y": "NORTH", "z": "RL", "max_depth": "EOH"},
    "survey": {"depth": "AT", "azimuth": "BRG"}, "intervals": {"from": "FROM_M", "to": "TO_M"}})";
  EXPECT_EQ(run("validate --collar collar.csv --survey survey.csv --intervals assay.csv --columns map.json",
                tmp_.string()),
            0)
      << out_;
  EXPECT_EQ(run("validate --collar collar.csv --survey survey.csv --intervals assay.csv", tmp_.string()), 1);
  EXPECT_NE(out_.find("collar.csv:1: error: missing required column 'hole_id'"), std::string::npos) << out_;
  ASSERT_EQ(run("composite --collar collar.csv --survey survey.csv --intervals assay.csv --columns map.json "
                "--field AU --length 3 --out c.csv",
                tmp_.string()),
            0)
      << err_;
  EXPECT_EQ(slurp(tmp_ / "c.csv"), "hole_id,from,to,length,x,y,z,AU,AU_coverage\nH1,0,3,3,100.000,200.000,48.500,1.5,1\n");
}

TEST_F(Cli, HelpTeaches) {
  for (const char* cmd : {"validate", "desurvey", "composite"}) {
    EXPECT_EQ(run(std::string(cmd) + " --help", kData), 0);
    EXPECT_NE(out_.find("Example: georeserve"), std::string::npos) << cmd;
  }
}
