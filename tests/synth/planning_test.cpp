// The plan's spatial objects: every one the plan names, with the required properties, and the
// coal-bed methane area's polygon at its published 3101.7624 km2 (planar grid area, within 0.01 %).
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "core/text.h"
#include "synth/generate.h"
#include "synth/planning.h"

using namespace georeserve::synth;

namespace {
Ring ring_of(const Json& feature) {
  Ring r;
  const Json& coords = feature["geometry"]["coordinates"][0];
  for (std::size_t i = 0; i + 1 < coords.size(); ++i) r.push_back({coords[i][0].get<double>(), coords[i][1].get<double>()});
  return r;
}
}  // namespace

TEST(Planning, EveryNamedObjectWithItsProperties) {
  const LonLatToGrid proj;
  const Region region(kDefaultSeed, proj);
  const QianyuDeposit qianyu(region, kDefaultSeed, 1.0);
  std::map<std::string, std::size_t> counts;
  for (const PlanningLayer& layer : planning_layers(region, proj, qianyu, kDefaultSeed)) {
    EXPECT_EQ(layer.collection["crs"]["properties"]["name"], "urn:ogc:def:crs:EPSG::4529");
    for (const Json& f : layer.collection["features"]) {
      const Json& p = f["properties"];
      for (const char* key : {"id", "name", "kind", "mineral", "county", "source"}) {
        ASSERT_TRUE(p.contains(key)) << layer.file << " lacks " << key;
        EXPECT_FALSE(p[key].get<std::string>().empty());
        EXPECT_TRUE(georeserve::is_valid_utf8(p[key].get<std::string>()));
      }
      EXPECT_EQ(p["illustrative"], true);
      ++counts[p["kind"].get<std::string>()];
      // Closed rings of at least four corners, inside zone 41's false-easting range.
      const Json& ring = f["geometry"]["coordinates"][0];
      EXPECT_GE(ring.size(), 5u);
      EXPECT_EQ(ring.front(), ring.back());
      EXPECT_GT(ring[0][0].get<double>(), 41400000.0);
      EXPECT_LT(ring[0][0].get<double>(), 41700000.0);
    }
  }
  EXPECT_EQ(counts["exploration_planning_block"], 8u);
  EXPECT_EQ(counts["mining_planning_block"], 2u);
  EXPECT_EQ(counts["key_mining_zone"], 2u);
  EXPECT_EQ(counts["sand_gravel_zone"], 29u);
  EXPECT_EQ(counts["major_exploration_project"], 10u);
  EXPECT_EQ(counts["major_development_project"], 1u);
  EXPECT_EQ(counts["national_planning_mining_area"], 1u);
  EXPECT_EQ(counts["key_exploration_area"], 1u);
}

TEST(Planning, CoalBedMethaneAreaIsThePublishedArea) {
  // The committed file, as a user reads it.
  std::ifstream in(std::string(GEORESERVE_SOURCE_DIR) + "/assets/planning/key_exploration_areas.geojson");
  ASSERT_TRUE(in) << "assets/planning/key_exploration_areas.geojson missing";
  const Json j = Json::parse(in);
  ASSERT_EQ(j["features"].size(), 1u);
  const Json& f = j["features"][0];
  EXPECT_EQ(f["properties"]["name"], "辽宁昌图大四家子镇-古榆树镇");
  const double area_km2 = planar_area(ring_of(f)) / 1e6;
  EXPECT_NEAR(area_km2, PlanningFacts::cbm_area_km2, 1e-4 * PlanningFacts::cbm_area_km2);
  EXPECT_NEAR(area_km2, PlanningFacts::cbm_area_km2, 0.001);  // in fact to the square metre's rounding
  EXPECT_EQ(f["properties"]["area_km2"].get<double>(), 3101.7624);
}
