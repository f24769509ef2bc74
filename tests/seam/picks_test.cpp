// Seam picks from interval tables made in code: composited qualities, plies and partings, elevations
// from the desurveyed hole, and each kind of bad input named by file, line and field.
#include <gtest/gtest.h>

#include "core/error.h"
#include "drillhole/reader.h"
#include "drillhole/validate.h"
#include "io/csv.h"
#include "seam/picks.h"

using namespace georeserve;
using namespace georeserve::seam;

namespace {

struct Data {
  drillhole::DrillholeDatabase db;
  std::vector<drillhole::HoleTrace> traces;
  Diagnostics diag;
};

Data load(const std::string& seams_csv) {
  const auto collar = parse_csv("hole_id,x,y,z,max_depth\nA,1000,2000,65,400\nB,1500,2000,60,400\n", "collar.csv");
  const auto seams = parse_csv(seams_csv, "seams.csv");
  Data d;
  d.db = drillhole::read_drillholes(&collar, nullptr, {&seams}, {}, d.diag);
  drillhole::check_drillholes(d.db, {}, d.diag);
  d.traces = drillhole::desurvey_all(d.db, drillhole::DesurveyMethod::minimum_curvature);
  return d;
}

SeamList list() {
  SeamList s;
  s.names = {"12", "13", "15"};
  return s;
}

std::string error_of(const std::string& csv) {
  auto d = load(csv);
  try {
    extract_seam_picks(d.db, d.traces, list(), {}, 1.35);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(SeamPicks, PliesPartingsAndMassWeightedQualities) {
  auto d = load(
      "hole_id,from,to,seam,ply,ash,sulfur,cv,density\n"
      "A,100,101,12,,20,0.5,21,1.30\n"
      "A,200,201,13,1,10,0.4,22,1.20\n"
      "A,202,205,13,2,30,0.8,18,1.40\n"
      "B,300,302,15,,25,,19,\n");
  ASSERT_FALSE(d.diag.has_errors());
  const auto p = extract_seam_picks(d.db, d.traces, list(), {}, 1.35);
  ASSERT_EQ(p.picks.size(), 3u);
  EXPECT_EQ(p.split, 1u);
  const auto* a12 = p.find(0, 0);
  ASSERT_TRUE(a12);
  EXPECT_NEAR(a12->roof_z, 65 - 100, 1e-9);
  EXPECT_NEAR(a12->floor_z, 65 - 101, 1e-9);
  EXPECT_NEAR(a12->thickness, 1, 1e-9);
  const auto* a13 = p.find(0, 1);
  ASSERT_TRUE(a13);
  EXPECT_EQ(a13->plies, 2);
  EXPECT_NEAR(a13->thickness, 4, 1e-9);  // 1 + 3, the 1 m parting excluded
  EXPECT_NEAR(a13->parting, 1, 1e-9);
  EXPECT_NEAR(a13->roof_z, 65 - 200, 1e-9);
  EXPECT_NEAR(a13->floor_z, 65 - 205, 1e-9);
  // Mass weights 1 x 1.2 and 3 x 1.4: ash (1.2 x 10 + 4.2 x 30) / 5.4; density by thickness (1.2 + 4.2) / 4.
  EXPECT_NEAR(a13->ash, (1.2 * 10 + 4.2 * 30) / 5.4, 1e-9);
  EXPECT_NEAR(a13->sulfur, (1.2 * 0.4 + 4.2 * 0.8) / 5.4, 1e-9);
  EXPECT_NEAR(a13->cv, (1.2 * 22 + 4.2 * 18) / 5.4, 1e-9);
  EXPECT_NEAR(a13->density, 5.4 / 4, 1e-9);
  EXPECT_EQ(p.find(0, 2), nullptr);
  const auto* b15 = p.find(1, 2);
  ASSERT_TRUE(b15);
  EXPECT_TRUE(std::isnan(b15->sulfur));
  EXPECT_TRUE(std::isnan(b15->density));
  EXPECT_NEAR(b15->ash, 25, 1e-9);
}

TEST(SeamPicks, UnknownSeamNamesFileLineAndField) {
  const auto e = error_of("hole_id,from,to,seam,ply,ash,sulfur,cv,density\nA,100,101,12,,20,0.5,21,1.3\nA,150,151,14,,20,0.5,21,1.3\n");
  EXPECT_NE(e.find("seams.csv:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("field 'seam'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown seam '14'"), std::string::npos) << e;
}

TEST(SeamPicks, RepeatedSeamIsAnError) {
  const auto e = error_of("hole_id,from,to,seam,ply,ash,sulfur,cv,density\nA,100,101,13,,20,0.5,21,1.3\nA,110,111,13,,20,0.5,21,1.3\n");
  EXPECT_NE(e.find("seams.csv:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("repeated in hole A"), std::string::npos) << e;
}

TEST(SeamPicks, PicksOutOfOrderAreAnError) {
  const auto e = error_of("hole_id,from,to,seam,ply,ash,sulfur,cv,density\nA,100,101,15,,20,0.5,21,1.3\nA,110,111,12,,20,0.5,21,1.3\n");
  EXPECT_NE(e.find("seams.csv:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("out of stratigraphic order"), std::string::npos) << e;
  const auto plies = error_of(
      "hole_id,from,to,seam,ply,ash,sulfur,cv,density\nA,100,101,13,2,20,0.5,21,1.3\nA,110,111,13,1,20,0.5,21,1.3\n");
  EXPECT_NE(plies.find("seams.csv:3:"), std::string::npos) << plies;
  EXPECT_NE(plies.find("field 'ply'"), std::string::npos) << plies;
}

TEST(SeamPicks, FloorAboveRoofIsCaughtByValidation) {
  auto d = load("hole_id,from,to,seam,ply,ash,sulfur,cv,density\nA,101,100,12,,20,0.5,21,1.3\n");
  ASSERT_TRUE(d.diag.has_errors());
  bool found = false;
  for (const auto& item : d.diag.items())
    if (item.severity == Severity::error && item.file == "seams.csv" && item.line == 2) found = true;
  EXPECT_TRUE(found);
}
