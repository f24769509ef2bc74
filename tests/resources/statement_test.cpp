// Statements, reserves and grade-tonnage, checked by hand.
#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "resources/statement.h"

using namespace georeserve;

namespace {
ResourceItems three_blocks() {
  ResourceItems it;
  it.volume = {100, 100, 50};
  it.tonnes = {290, 290, 145};
  it.class_code = {1, 2, 1};
  it.grade_names = {"CaSiO3"};
  it.grade_units = {"%"};
  it.grades = {{80, 60, 50}};
  it.group_names = {"domain"};
  it.groups = {{"lens1", "lens1", "lens2"}};
  return it;
}
}  // namespace

TEST(Statement, TonnageWeightedGradesByClass) {
  const auto s = resource_statement(three_blocks(), {});
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[0].category_cn, "探明");
  EXPECT_DOUBLE_EQ(s.rows[0].tonnes, 435);
  EXPECT_DOUBLE_EQ(s.rows[0].grades[0], (290 * 80 + 145 * 50) / 435.0);
  EXPECT_DOUBLE_EQ(s.rows[0].density(), 2.9);
  EXPECT_EQ(s.rows[1].category, "indicated");
  const auto j = s.to_json();
  EXPECT_EQ(j[0]["class"], "measured");
  EXPECT_EQ(j[0]["class_cn"], "探明");
  EXPECT_DOUBLE_EQ(j[0]["grades"]["CaSiO3"].get<double>(), (290 * 80 + 145 * 50) / 435.0);
}

TEST(Statement, GroupsAndCutoff) {
  const auto it = three_blocks();
  const auto s = resource_statement(it, {"domain"}, [&](std::size_t i) { return it.grades[0][i] >= 55; });
  // measured: lens1 (block 0) and "all"; indicated: lens1 (block 1) and "all".
  ASSERT_EQ(s.rows.size(), 4u);
  for (const auto& r : s.rows) EXPECT_NE(r.group_values[0], "lens2");
}

TEST(Statement, ReservesNeverFromInferredAndApplyFactors) {
  auto it = three_blocks();
  it.class_code[2] = 3;  // inferred
  ModifyingFactors f;
  f.mining_recovery = 0.8;
  f.dilution = 0.1;
  f.dilution_grades = {20};
  const auto s = reserve_statement(it, f, {});
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[0].category_cn, "证实");
  EXPECT_NEAR(s.rows[0].tonnes, 290 * 0.8 * 1.1, 1e-9);
  EXPECT_NEAR(s.rows[0].grades[0], (80 + 0.1 * 20) / 1.1, 1e-9);
  EXPECT_EQ(s.rows[1].category_cn, "可信");
  f.measured_to_probable = true;
  const auto p = reserve_statement(it, f, {});
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0].category, "probable");
}

TEST(Statement, GradeTonnageCurveIsMonotone) {
  const auto it = three_blocks();
  const auto gt = grade_tonnage(it, 0, {0, 55, 70, 90});
  EXPECT_DOUBLE_EQ(gt[0].tonnes, 725);
  EXPECT_DOUBLE_EQ(gt[1].tonnes, 580);
  EXPECT_DOUBLE_EQ(gt[1].mean_grade, 70);
  EXPECT_DOUBLE_EQ(gt[2].tonnes, 290);
  EXPECT_DOUBLE_EQ(gt[3].tonnes, 0);
  EXPECT_TRUE(std::isnan(gt[3].mean_grade));
}
