// Classification rules and the majority clean-up.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "io/json_config.h"
#include "resources/classification.h"

using namespace georeserve;

TEST(Classification, FirstMatchingRuleWins) {
  const auto rules = ClassificationRules::defaults_for_spacing(50);
  EstimateEvidence e;
  e.estimated = true;
  e.nearest_distance = 30;
  e.holes = 4;
  e.slope_of_regression = 0.9;
  EXPECT_TRUE(rules.rules[0].accepts(e));
  e.slope_of_regression = 0.6;
  EXPECT_FALSE(rules.rules[0].accepts(e));
  EXPECT_TRUE(rules.rules[1].accepts(e));
  e.nearest_distance = 150;
  EXPECT_TRUE(rules.rules[2].accepts(e));
  e.nearest_distance = 250;
  EXPECT_FALSE(rules.rules[2].accepts(e));
  e.estimated = false;
  EXPECT_FALSE(rules.rules[2].accepts(e));
}

TEST(Classification, CleanUpRemovesIsolatedBlocks) {
  BlockGrid g({0, 0, 0}, {10, 10, 10}, {5, 5, 1});
  std::vector<double> c(g.block_count(), 2.0);
  c[g.index(2, 2, 0)] = 1.0;  // one measured block inside indicated
  c[g.index(0, 0, 0)] = NAN;
  clean_up_classes(g, c, 1, 0.6);
  EXPECT_EQ(c[g.index(2, 2, 0)], 2.0);
  EXPECT_TRUE(std::isnan(c[g.index(0, 0, 0)]));  // unclassified stays so
}

TEST(Classification, ConfigRulesInOrder) {
  const auto doc = parse_json_text(R"({"rules": [{"class": "控制", "max_nearest_distance": 100},
                                                   {"class": "measured", "max_nearest_distance": 50}]})",
                                   "m.json");
  EXPECT_THROW(ClassificationRules::from_config(ConfigView(doc)), ConfigError);
  const auto ok = parse_json_text(R"({"rules": [{"class": "探明", "max_nearest_distance": 50, "min_holes": 3},
                                                {"class": "inferred", "max_nearest_distance": 200}],
                                      "cleanup": {"passes": 1}})",
                                  "m.json");
  const auto r = ClassificationRules::from_config(ConfigView(ok));
  ASSERT_EQ(r.rules.size(), 2u);
  EXPECT_EQ(r.rules[0].resource_class, ResourceClass::measured);
  EXPECT_EQ(r.rules[0].min_holes, 3);
  EXPECT_EQ(r.cleanup_passes, 1);
}
