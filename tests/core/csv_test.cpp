// The CSV reader: quoting, BOM, CRLF, Chinese text, missing values, structural problems.
#include <gtest/gtest.h>

#include <clocale>
#include <cmath>
#include <sstream>

#include "core/error.h"
#include "io/csv.h"

using namespace georeserve;

TEST(Csv, ReadsQuotedFieldsBomCrlfAndChinese) {
  const std::string text = "\xEF\xBB\xBFHole_ID,From,TO,lith\r\n"
                           "\"ZK0-1\",0,1.5,\"砂岩, 灰色\"\r\n"
                           "ZK0-1,1.5,3,\"say \"\"hi\"\"\"\r\n";
  const CsvTable t = parse_csv(text, "a.csv");
  ASSERT_TRUE(t.problems().empty());
  ASSERT_EQ(t.row_count(), 2u);
  EXPECT_EQ(*t.find_column("hole_id"), 0u);
  EXPECT_EQ(*t.find_column("to"), 2u);
  EXPECT_EQ(t.cell(0, 3), "砂岩, 灰色");
  EXPECT_EQ(t.cell(1, 3), "say \"hi\"");
  EXPECT_DOUBLE_EQ(*t.number(1, 1), 1.5);
  EXPECT_EQ(t.line(1), 3);
}

TEST(Csv, MissingValuesAreNullopt) {
  const CsvTable t = parse_csv("a,b,c\n,NA,-\n", "m.csv");
  for (std::size_t c = 0; c < 3; ++c) EXPECT_FALSE(t.number(0, c).has_value());
}

TEST(Csv, NonNumericNamesFileLineAndColumn) {
  const CsvTable t = parse_csv("hole_id,from\nA,1\nA,abc\n", "int.csv");
  try {
    t.number(1, 1);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "int.csv");
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.field(), "from");
    EXPECT_STREQ(e.what(), "int.csv:3: error: field 'from': 'abc' is not a number");
  }
}

TEST(Csv, QuotedNewlineKeepsLineNumbersRight) {
  const CsvTable t = parse_csv("a,b\n\"x\ny\",1\nz,2\n", "q.csv");
  ASSERT_EQ(t.row_count(), 2u);
  EXPECT_EQ(t.cell(0, 0), "x\ny");
  EXPECT_EQ(t.line(1), 4);
}

TEST(Csv, WrongFieldCountIsReportedAndRowDropped) {
  const CsvTable t = parse_csv("a,b\n1,2\n3\n4,5,6\n7,8\n", "w.csv");
  EXPECT_EQ(t.row_count(), 2u);
  ASSERT_EQ(t.problems().size(), 2u);
  EXPECT_EQ(t.problems()[0].line, 3);
  EXPECT_EQ(t.problems()[1].line, 4);
  EXPECT_THROW(t.throw_if_problems(), InputError);
}

TEST(Csv, EmptyFileAndUnterminatedQuote) {
  EXPECT_FALSE(parse_csv("", "e.csv").problems().empty());
  EXPECT_FALSE(parse_csv("a\n\"open\n", "u.csv").problems().empty());
}

TEST(Csv, InvalidUtf8IsAProblem) {
  const CsvTable t = parse_csv("a\n\xff\xfe\n", "b.csv");
  EXPECT_EQ(t.row_count(), 0u);
  EXPECT_EQ(t.problems().size(), 1u);
}

TEST(Csv, MissingRequiredColumnIsLineOne) {
  const CsvTable t = parse_csv("x,y\n1,2\n", "c.csv");
  try {
    t.require_column("hole_id");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 1);
    EXPECT_EQ(e.field(), "hole_id");
  }
}

TEST(Csv, NumbersIgnoreTheLocale) {
  // A German locale must not turn "1.5" into 15 or reject it (PDAL's lesson).
  const char* old = std::setlocale(LC_NUMERIC, nullptr);
  std::string saved = old ? old : "C";
  if (std::setlocale(LC_NUMERIC, "de_DE.UTF-8") == nullptr) GTEST_SKIP() << "de_DE locale not installed";
  const CsvTable t = parse_csv("v\n1.5\n", "l.csv");
  EXPECT_DOUBLE_EQ(*t.number(0, 0), 1.5);
  std::setlocale(LC_NUMERIC, saved.c_str());
}

TEST(Csv, WriterQuotesWhenNeeded) {
  std::ostringstream out;
  CsvWriter w(out);
  w.field("ZK1").field("a,b").field("调兵山").number(1.23456, 3).number(std::nan(""), 2).end_row();
  EXPECT_EQ(out.str(), "ZK1,\"a,b\",调兵山,1.235,\n");
}
