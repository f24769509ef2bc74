// Reading drillhole tables: BOM, CRLF, Chinese ids and text, case-insensitive and mapped column
// names, numeric versus text fields, sorting, and the row-level problems with file, line and field.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "drillhole/reader.h"
#include "io/csv.h"
#include "io/json_config.h"

using namespace georeserve;
using namespace georeserve::drillhole;

namespace {

struct Read {
  DrillholeDatabase db;
  Diagnostics diag;
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const auto& d : diag.items()) out.push_back(format_diagnostic(d));
    return out;
  }
};

Read read(const std::string& collar, const std::string& survey, std::vector<std::string> intervals = {},
          const ColumnMap& map = {}) {
  Read r;
  const CsvTable c = parse_csv(collar, "collar.csv");
  const CsvTable s = parse_csv(survey, "survey.csv");
  std::vector<CsvTable> tables;
  for (std::size_t i = 0; i < intervals.size(); ++i)
    tables.push_back(parse_csv(intervals[i], std::string("t").append(std::to_string(i)).append(".csv")));
  std::vector<const CsvTable*> ptrs;
  for (const auto& t : tables) ptrs.push_back(&t);
  r.db = read_drillholes(&c, &s, ptrs, map, r.diag);
  return r;
}

const std::string kCollar = "hole_id,x,y,z,max_depth\nA,0,0,100,50\nB,10,0,100,60\n";
const std::string kSurvey = "hole_id,depth,azimuth,dip\n";

}  // namespace

TEST(DrillholeReader, BomCrlfChineseAndCaseInsensitiveNames) {
  const std::string collar = "\xEF\xBB\xBFHOLE_ID,X,Y,Z,Max_Depth,Azimuth,DIP\r\n"
                             "钻孔ZK-1,41500100.5,4680200.25,65.3,120,,\r\n"
                             "\"ZK 2, 北\",41500200,4680200,64,80,90,-60\r\n";
  const std::string survey = "\xEF\xBB\xBFHole_Id,Depth,Azimuth,Dip\r\n钻孔ZK-1,0,0,-90\r\n钻孔ZK-1,60,10,-85\r\n";
  const std::string lith = "hole_id,FROM,To,岩性,CaSiO3\r\n钻孔ZK-1,0,10,大理岩,NA\r\n钻孔ZK-1,10,20,硅灰石矿,78.5\r\n"
                           "\"ZK 2, 北\",0,5,大理岩,-\r\n";
  const auto r = read(collar, survey, {lith});
  EXPECT_TRUE(r.diag.items().empty()) << r.lines().front();
  ASSERT_EQ(r.db.hole_count(), 2u);
  const auto zk1 = r.db.find_hole("钻孔ZK-1");
  ASSERT_TRUE(zk1);
  EXPECT_DOUBLE_EQ(r.db.collar(*zk1).x, 41500100.5);
  EXPECT_FALSE(r.db.collar(*zk1).dip.has_value());
  const auto zk2 = r.db.find_hole("ZK 2, 北");
  ASSERT_TRUE(zk2);
  EXPECT_EQ(*r.db.collar(*zk2).azimuth, 90);
  EXPECT_EQ(r.db.survey(*zk1).size(), 2u);
  const auto& t = r.db.tables().front();
  EXPECT_EQ(t.name(), "t0");
  const auto& lithf = t.require_field("岩性");
  EXPECT_FALSE(lithf.is_numeric());
  EXPECT_EQ(lithf.text(t.hole_begin(*zk1) + 1), "硅灰石矿");
  const auto& grade = t.require_field("casio3");  // field names match case-insensitively
  EXPECT_TRUE(grade.is_numeric());
  EXPECT_TRUE(std::isnan(grade.values[t.hole_begin(*zk2)]));  // "-" is missing
  EXPECT_DOUBLE_EQ(grade.values[t.hole_begin(*zk1) + 1], 78.5);
}

TEST(DrillholeReader, ColumnMappingFromJson) {
  const auto doc = parse_json_text(
      R"({"hole_id": "BHID", "collar": {"x": "EAST", "y": "NORTH", "z": "RL", "max_depth": "EOH"},
          "survey": {"depth": "AT", "azimuth": "BRG"}, "intervals": {"from": "FROM_M", "to": "TO_M"}})",
      "model.json");
  const ColumnMap map = column_map_from_config(ConfigView(doc));
  const auto r = read("bhid,east,north,rl,eoh\nH1,1,2,3,40\n", "BHID,AT,BRG,DIP\nH1,0,45,-60\n",
                      {"BHID,FROM_M,TO_M,AU\nH1,0,1,0.5\n"}, map);
  EXPECT_TRUE(r.diag.items().empty());
  ASSERT_EQ(r.db.hole_count(), 1u);
  EXPECT_EQ(r.db.collar(0).max_depth, 40);
  EXPECT_EQ(r.db.survey(0)[0].azimuth, 45);
  EXPECT_EQ(r.db.tables()[0].row_count(), 1u);
  EXPECT_THROW(column_map_from_config(ConfigView(parse_json_text(R"({"colar": {}})", "m.json"))), ConfigError);
}

TEST(DrillholeReader, IntervalsAndStationsAreSortedPerHole) {
  const auto r = read(kCollar, kSurvey + "B,40,0,-80\nA,30,0,-85\nB,0,0,-90\nA,0,0,-90\n",
                      {"hole_id,from,to,v\nB,5,6,3\nA,2,3,2\nB,0,5,1\nA,0,2,4\n"});
  ASSERT_TRUE(r.diag.items().empty());
  const auto a = *r.db.find_hole("A"), b = *r.db.find_hole("B");
  EXPECT_EQ(r.db.survey(a)[1].depth, 30);
  EXPECT_EQ(r.db.survey(b)[0].depth, 0);
  const auto& t = r.db.tables()[0];
  ASSERT_EQ(t.hole_end(a) - t.hole_begin(a), 2u);
  EXPECT_EQ(t.from(t.hole_begin(a)), 0);
  EXPECT_EQ(t.require_field("v").values[t.hole_begin(a)], 4);
  EXPECT_EQ(t.line(t.hole_begin(a)), 5);  // lines follow their rows
  EXPECT_EQ(t.from(t.hole_begin(b) + 1), 5);
}

TEST(DrillholeReader, NumericFieldsNeedEveryValueToBeANumber) {
  const auto r = read(kCollar, kSurvey, {"hole_id,from,to,au,lith,code\nA,0,1,1.5,sand,1\nA,1,2,2.5,clay,2\n"
                                         "A,2,3,3.5,,3\nA,3,4,4.5,NA,x7\n"});
  const auto& t = r.db.tables()[0];
  EXPECT_TRUE(t.require_field("au").is_numeric());
  EXPECT_FALSE(t.require_field("lith").is_numeric());
  EXPECT_EQ(t.require_field("lith").categories.size(), 2u);
  EXPECT_TRUE(t.require_field("lith").missing(3));
  // Mostly numbers with one text value: read as text, with a warning pointing at the value.
  EXPECT_FALSE(t.require_field("code").is_numeric());
  ASSERT_EQ(r.diag.items().size(), 1u);
  EXPECT_EQ(r.lines()[0],
            "t0.csv:5: warning: field 'code': 'x7' is not a number, so the whole field is read as text "
            "(1 of 4 values are not numbers)");
  EXPECT_THROW(t.require_field("cu"), InputError);
}

TEST(DrillholeReader, EveryRowProblemIsReportedWithFileLineAndField) {
  const auto r = read("hole_id,x,y,z,max_depth,azimuth,dip\n"
                      "A,0,0,100,50,,\n"
                      "A,1,1,1,10,,\n"
                      "C,abc,0,100,0,360,-91\n"
                      ",0,0,0,10,,\n",
                      "hole_id,depth,azimuth,dip\n"
                      "A,-1,0,-90\n"
                      "A,10,,-60\n"
                      "A,20,,-90\n"
                      "C,0,0,-90\n"
                      "Q,0,0,-90\nQ,5,0,-90\n",
                      {"hole_id,from,to\nA,5,5\nA,1,\nZ,0,1\n"});
  const std::vector<std::string> expected{
      "collar.csv:3: error: duplicate hole id 'A' (first at line 2)",
      "collar.csv:4: error: field 'x': 'abc' is not a number",
      "collar.csv:4: error: field 'max_depth': must be greater than 0, not 0",
      "collar.csv:4: error: field 'azimuth': 360 is outside [0, 360)",
      "collar.csv:4: error: field 'dip': -91 is outside [-90, 90]",
      "collar.csv:5: error: field 'hole_id': value is missing",
      "survey.csv:2: error: field 'depth': -1 is a negative depth",
      "survey.csv:3: error: field 'azimuth': value is missing (allowed only for a vertical station, dip -90 or 90)",
      "survey.csv:6: error: hole 'Q' is not in collar.csv (2 rows, lines 6, 7)",
      "t0.csv:2: error: interval 5-5: from must be less than to",
      "t0.csv:3: error: field 'to': value is missing",
      "t0.csv:4: error: hole 'Z' is not in collar.csv",
  };
  EXPECT_EQ(r.lines(), expected);
  // Only the good rows are in the database; C (broken collar) raised no "unknown hole".
  EXPECT_EQ(r.db.hole_count(), 1u);
  EXPECT_EQ(r.db.survey(0).size(), 1u);  // A at 20, vertical without azimuth
  EXPECT_TRUE(std::isnan(r.db.survey(0)[0].azimuth));
  EXPECT_EQ(r.db.tables()[0].row_count(), 0u);
}

TEST(DrillholeReader, MissingColumnsAndStructuralProblems) {
  const auto r = read("hole_id,x,y,max_depth\nA,0,0,50\n", "hole_id,depth,azimuth,dip\nA,0,0\n",
                      {"hole_id,from,lith\nA,0,x\n", "hole_id,from,to,,au,AU\nA,0,1,,1,2\n"});
  const std::vector<std::string> expected{
      "collar.csv:1: error: missing required column 'z'",
      "survey.csv:2: error: row has 3 fields, the header has 4",
      "t0.csv:1: error: missing required column 'to'",
      "t1.csv:1: warning: column 4 has no name; it is ignored",
      "t1.csv:1: warning: column 'AU' appears more than once; only the first is used",
  };
  EXPECT_EQ(r.lines(), expected);
  EXPECT_EQ(r.db.hole_count(), 0u);
}

TEST(DrillholeReader, AnEmptyFileIsOneProblem) {
  const auto r = read("", kSurvey);
  ASSERT_EQ(r.lines().size(), 1u);
  EXPECT_EQ(r.lines()[0], "collar.csv:1: error: file is empty: no header line");
}

TEST(DrillholeReader, UnreadableFilesAreDiagnostics) {
  Diagnostics diag;
  DrillholeSources s;
  s.collar = "/nonexistent/collar.csv";
  s.survey = "/nonexistent/survey.csv";
  s.intervals = {"/nonexistent/assay.csv"};
  const auto db = read_drillhole_files(s, {}, diag);
  ASSERT_EQ(diag.error_count(), 3u);
  EXPECT_EQ(format_diagnostic(diag.items()[0]), "/nonexistent/collar.csv: error: cannot open file");
  EXPECT_EQ(db.hole_count(), 0u);
}

TEST(DrillholeTables, BuiltInCode) {
  DrillholeDatabase db;
  Collar c;
  c.hole_id = "H";
  c.max_depth = 10;
  ASSERT_EQ(db.add_collar(c), 0);
  EXPECT_FALSE(db.add_collar(c).has_value());  // duplicate
  IntervalTable t("assay", "assay.csv");
  t.add(0, 5, 10);
  t.add(0, 0, 5);
  t.add_numeric_field("au", {2, 1});
  t.add_text_field("lith", {"b", "a"});
  EXPECT_THROW(t.add_numeric_field("cu", {1}), Error);
  db.add_table(std::move(t));
  db.finalize();
  const auto& tt = db.table("ASSAY");
  EXPECT_EQ(tt.from(0), 0);
  EXPECT_EQ(tt.require_field("au").values[0], 1);
  EXPECT_EQ(tt.require_field("lith").text(0), "a");
  EXPECT_THROW(db.table("lith"), Error);
}
