// Validation: the planted-problems fixture gives exactly the golden list; the clean set gives
// nothing; each cross-row rule (survey depths, dog-legs, overlaps, gaps, depth limits) on its own.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "drillhole/validate.h"
#include "io/csv.h"

using namespace georeserve;
using namespace georeserve::drillhole;

namespace {

const std::string kData = GEORESERVE_TEST_DATA "/drillhole/";

std::vector<std::string> lines_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(format_diagnostic(item));
  return out;
}

std::vector<std::string> file_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Validates tables given as text; file names are collar.csv, survey.csv and the given names.
std::vector<std::string> validate_text(const std::string& collar, const std::string& survey,
                                       const std::vector<std::pair<std::string, std::string>>& intervals = {},
                                       const ValidationOptions& options = {}) {
  const CsvTable c = parse_csv(collar, "collar.csv"), s = parse_csv(survey, "survey.csv");
  std::vector<CsvTable> tables;
  for (const auto& [name, text] : intervals) tables.push_back(parse_csv(text, name));
  std::vector<const CsvTable*> ptrs;
  for (const auto& t : tables) ptrs.push_back(&t);
  Diagnostics d;
  const auto db = read_drillholes(&c, &s, ptrs, {}, d);
  check_drillholes(db, options, d);
  std::vector<std::string> order{"collar.csv", "survey.csv"};
  for (const auto& [name, text] : intervals) order.push_back(name);
  sort_diagnostics(d, order);
  return lines_of(d);
}

const std::string kCollar = "hole_id,x,y,z,max_depth\nA,0,0,100,100\n";

}  // namespace

TEST(Validate, PlantedProblemsGiveTheGoldenList) {
  const std::string dir = kData + "planted/";
  DrillholeSources s;
  s.collar = dir + "collar.csv";
  s.survey = dir + "survey.csv";
  s.intervals = {dir + "assay.csv", dir + "lith.csv", dir + "header.csv"};
  Diagnostics d;
  load_drillholes(s, {}, {}, d);
  // The golden file was made in the fixture folder (relative paths): strip the folder from the messages.
  auto got = lines_of(d);
  for (auto& line : got)
    for (auto pos = line.find(dir); pos != std::string::npos; pos = line.find(dir)) line.erase(pos, dir.size());
  EXPECT_EQ(got, file_lines(dir + "expected.txt"));
  EXPECT_EQ(d.error_count(), 20u);
  EXPECT_EQ(d.warning_count(), 8u);
  EXPECT_EQ(summary_line(d, 5), "20 errors, 8 warnings in 5 files");
}

TEST(Validate, CleanSetHasNothingToSay) {
  const std::string dir = kData + "clean/";
  DrillholeSources s;
  s.collar = dir + "collar.csv";
  s.survey = dir + "survey.csv";
  s.intervals = {dir + "assay.csv", dir + "lith.csv"};
  Diagnostics d;
  const auto db = load_drillholes(s, {}, {}, d);
  EXPECT_TRUE(d.items().empty()) << lines_of(d).front();
  EXPECT_EQ(db.hole_count(), 4u);
  EXPECT_TRUE(db.find_hole("钻孔ZK1-1").has_value());
  EXPECT_EQ(summary_line(d, 1), "0 errors, 0 warnings in 1 file");
}

TEST(Validate, OverlapsGapsAndDepthLimits) {
  const auto lines = validate_text(kCollar, "hole_id,depth,azimuth,dip\nA,0,0,-90\n",
                                   {{"a.csv", "hole_id,from,to\nA,0,10\nA,2,4\nA,5,12\nA,12,13\nA,15,20\nA,95,101\n"}});
  const std::vector<std::string> expected{
      "a.csv:3: error: interval 2-4 of hole 'A' overlaps 0-10 (line 2)",
      "a.csv:4: error: interval 5-12 of hole 'A' overlaps 0-10 (line 2)",
      "a.csv:6: warning: gap 13-15 in hole 'A' before interval 15-20",
      "a.csv:7: error: interval 95-101 of hole 'A' goes below the hole's max_depth 100",
      "a.csv:7: warning: gap 20-95 in hole 'A' before interval 95-101",
  };
  EXPECT_EQ(lines, expected);
}

TEST(Validate, TouchingIntervalsWithinToleranceAreFine) {
  const auto lines = validate_text(kCollar, "hole_id,depth,azimuth,dip\nA,0,0,-90\n",
                                   {{"a.csv", "hole_id,from,to\nA,0,1.0000001\nA,1,2\nA,2.0000004,100.0000005\n"}});
  EXPECT_TRUE(lines.empty()) << lines.front();
}

TEST(Validate, SurveyRules) {
  const auto lines = validate_text(
      kCollar + "B,0,0,100,50\nC,0,0,100,50\nD,0,0,100,50\n",
      "hole_id,depth,azimuth,dip\n"
      "A,0,0,-90\nA,30,0,-80.5\nA,60,0,-70\nA,60,0,-70\nA,130,0,-70\n"
      "B,0,359,-60\nB,30,1,-60\n",
      {});
  // A: 9.5 degrees per 30 m passes, 10.5 does not; B: 359 -> 1 is a 1.0-degree dog-leg.
  const std::vector<std::string> expected{
      "collar.csv:4: warning: hole 'C' has no survey stations and no collar azimuth/dip; it is taken as vertical",
      "collar.csv:5: warning: hole 'D' has no survey stations and no collar azimuth/dip; it is taken as vertical",
      "survey.csv:4: warning: dog-leg of 10.5 degrees between depths 30 and 60 of hole 'A' (10.5 degrees per 30 m; limit 10)",
      "survey.csv:5: error: duplicate survey depth 60 of hole 'A' (also at line 4)",
      "survey.csv:6: warning: survey station at depth 130 of hole 'A' is below the hole's max_depth 100",
  };
  EXPECT_EQ(lines, expected);
}

TEST(Validate, DoglegLimitIsConfigurable) {
  ValidationOptions o;
  o.dogleg_limit = 3;
  const auto lines = validate_text(kCollar, "hole_id,depth,azimuth,dip\nA,0,0,-90\nA,60,0,-82\n", {}, o);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "survey.csv:3: warning: dog-leg of 8.0 degrees between depths 0 and 60 of hole 'A' "
                      "(4.0 degrees per 30 m; limit 3)");
}

TEST(Validate, CollarDipWithoutAzimuthAndHolesWithoutIntervals) {
  const auto lines = validate_text("hole_id,x,y,z,max_depth,azimuth,dip\nA,0,0,0,10,,-60\nB,0,0,0,10,45,-60\n",
                                   "hole_id,depth,azimuth,dip\n", {{"lith.csv", "hole_id,from,to,lith\nB,0,10,x\n"}});
  const std::vector<std::string> expected{
      "collar.csv:2: warning: hole 'A' has no survey stations and a collar dip without azimuth; azimuth 0 is assumed",
      "collar.csv:2: warning: hole 'A' has no intervals in lith.csv",
  };
  EXPECT_EQ(lines, expected);
}
