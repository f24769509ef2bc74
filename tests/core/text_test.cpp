#include <gtest/gtest.h>

#include "core/text.h"

using namespace georeserve;

TEST(Text, ParseDouble) {
  EXPECT_EQ(parse_double(" 1.5 "), 1.5);
  EXPECT_EQ(parse_double("+2"), 2.0);
  EXPECT_EQ(parse_double("-1e3"), -1000.0);
  EXPECT_FALSE(parse_double("1,5"));
  EXPECT_FALSE(parse_double("abc"));
  EXPECT_FALSE(parse_double("inf"));
  EXPECT_FALSE(parse_double("nan"));
  EXPECT_FALSE(parse_double(""));
}

TEST(Text, FormatRoundTrips) {
  EXPECT_EQ(format_double(0.1), "0.1");
  EXPECT_EQ(parse_double(format_double(41512345.678901234)), 41512345.678901234);
  EXPECT_EQ(format_fixed(-0.0001, 2), "0.00");
  EXPECT_EQ(format_fixed(2.5, 0), "2");  // round half to even, as to_chars does
}

TEST(Text, Utf8) {
  EXPECT_TRUE(is_valid_utf8("调兵山市"));
  EXPECT_FALSE(is_valid_utf8("\xe8\xb0"));
  EXPECT_EQ(strip_utf8_bom("\xEF\xBB\xBFx"), "x");
  EXPECT_TRUE(iequals("Hole_ID", "hole_id"));
  EXPECT_TRUE(is_missing_value(" NA "));
}
