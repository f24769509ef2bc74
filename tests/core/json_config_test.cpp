// Checked JSON configuration access: comments, key paths in errors, ranges, unknown keys.
#include <gtest/gtest.h>

#include "core/error.h"
#include "io/json_config.h"

using namespace georeserve;

TEST(JsonConfig, CommentsAllowedAndKeyPathsInErrors) {
  const auto doc = parse_json_text(R"({
    // a comment
    "estimation": {"search": [{"max_samples": 24}, {"max_samples": -1}]}
  })", "m.json");
  ConfigView root(doc);
  auto s1 = root.at("estimation").at("search").at(1);
  try {
    s1.integer_in("max_samples", 24, 1, 1000);
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.key_path(), "estimation.search[1].max_samples");
    EXPECT_NE(std::string(e.what()).find("m.json: error: estimation.search[1].max_samples"), std::string::npos);
  }
  EXPECT_EQ(root.at("estimation").at("search").at(0).integer_in("max_samples", 1, 1, 1000), 24);
}

TEST(JsonConfig, SyntaxErrorHasLine) {
  try {
    parse_json_text("{\n\"a\": 1,\n\"b\": }\n", "bad.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3);
  }
}

TEST(JsonConfig, UnknownKeyAndWrongType) {
  const auto doc = parse_json_text(R"({"nuget": 1, "sill": "x"})", "v.json");
  ConfigView root(doc);
  EXPECT_THROW(root.allow_only({"nugget", "sill"}), ConfigError);
  EXPECT_THROW(root.number("sill"), ConfigError);
  EXPECT_THROW(root.number("missing"), ConfigError);
  EXPECT_DOUBLE_EQ(root.number("missing", 2.5), 2.5);
}

TEST(JsonConfig, PathsResolveFromTheFilesFolder) {
  const auto doc = parse_json_text(R"({"file": "s.csv", "abs": "/tmp/x"})", "cfg/k.json", "cfg");
  ConfigView root(doc);
  EXPECT_EQ(root.path("file"), std::filesystem::path("cfg/s.csv"));
  EXPECT_EQ(root.path("abs"), std::filesystem::path("/tmp/x"));
}
