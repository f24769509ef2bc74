// Block model geometry (with rotation), attributes, CSV output and the memory guard.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "blockmodel/block_model.h"
#include "core/error.h"
#include "io/csv.h"
#include "io/json_config.h"

using namespace georeserve;

TEST(BlockGrid, IndexRoundTripAndCentres) {
  BlockGrid g({100, 200, -50}, {10, 5, 2}, {4, 3, 2});
  EXPECT_EQ(g.block_count(), 24u);
  for (std::size_t b = 0; b < g.block_count(); ++b) EXPECT_EQ(g.index(g.ijk(b)), b);
  const auto c = g.centre(1, 2, 1);
  EXPECT_DOUBLE_EQ(c.x(), 115);
  EXPECT_DOUBLE_EQ(c.y(), 212.5);
  EXPECT_DOUBLE_EQ(c.z(), -47);
  const auto b = g.locate({119.9, 210.1, -46.5});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->i, 1);
  EXPECT_EQ(b->j, 2);
  EXPECT_EQ(b->k, 1);
  EXPECT_FALSE(g.locate({99.9, 201, -49}));
}

TEST(BlockGrid, RotationAboutTheOrigin) {
  BlockGrid g({0, 0, 0}, {10, 10, 10}, {10, 1, 1}, 90.0);  // model x axis points north
  const auto c = g.centre(2, 0, 0);
  EXPECT_NEAR(c.x(), -5, 1e-9);
  EXPECT_NEAR(c.y(), 25, 1e-9);
  const auto b = g.locate(c);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->i, 2);
  EXPECT_NEAR((g.to_world(g.to_model({3, 4, 5})) - Eigen::Vector3d(3, 4, 5)).norm(), 0, 1e-9);
  const auto box = g.bounds();
  EXPECT_NEAR(box[0].x(), -10, 1e-9);
  EXPECT_NEAR(box[1].y(), 100, 1e-9);
}

TEST(BlockGrid, ConfigErrorsNameTheKey) {
  const auto doc = parse_json_text(R"({"origin": [0,0,0], "block_size": [10, 0, 5], "count": [2,2,2]})", "m.json");
  try {
    BlockGrid::from_config(ConfigView(doc));
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.key_path(), "block_size");
  }
}

TEST(BlockModel, AttributesAndCsv) {
  BlockModel m(BlockGrid({0, 0, 0}, {10, 10, 10}, {2, 1, 1}));
  auto& grade = m.add("CaSiO3", "%", "硅灰石品位");
  auto& cls = m.add_categorical("class", {{1, "measured", "探明"}, {2, "indicated", "控制"}});
  grade.values = {72.5, NAN};
  cls.values = {1, 2};
  EXPECT_THROW(m.add("CaSiO3", "%"), Error);
  EXPECT_EQ(m.at("class").category(1)->name_cn, "探明");
  const auto path = std::filesystem::temp_directory_path() / "georeserve_bm.csv";
  m.write_csv(path);
  const auto t = read_csv_file(path);
  ASSERT_EQ(t.row_count(), 2u);
  EXPECT_EQ(t.cell(0, *t.find_column("CaSiO3")), "72.5000");
  EXPECT_EQ(t.cell(1, *t.find_column("CaSiO3")), "");
  EXPECT_EQ(t.cell(1, *t.find_column("class")), "2");
  std::filesystem::remove(path);
}

TEST(BlockModel, RefusesModelsTooLargeForMemory) {
  BlockGrid huge({0, 0, 0}, {1, 1, 1}, {100000, 100000, 1000});
  EXPECT_THROW(check_block_model_fits(huge, 10, "estimation"), ResourceError);
  BlockGrid small({0, 0, 0}, {1, 1, 1}, {10, 10, 10});
  EXPECT_NO_THROW(check_block_model_fits(small, 10, "estimation"));
}
