// Tests of damage grading: the thresholds of the regulation (inclusive limits, worst indicator
// wins), the continuous index agreeing with the grades, and zones nested as they must be.
#include <gtest/gtest.h>

#include "geometry/overlay.h"
#include "geometry/polygon.h"
#include "subsidence/damage.h"

namespace georeserve::subsidence {
namespace {

Deformation with(double tilt, double curvature, double strain) {
  Deformation d;
  d.tilt_x = tilt;
  d.curv_xx = curvature;
  d.strain_xx = strain;
  return d;
}

TEST(Damage, GradesFollowTheBrickBuildingThresholds) {
  const DamageThresholds t;
  EXPECT_EQ(damage_grade(with(0, 0, 0), t), 1);
  EXPECT_EQ(damage_grade(with(3.0, 0.2, 2.0), t), 1);  // limits are inclusive
  EXPECT_EQ(damage_grade(with(3.01, 0, 0), t), 2);
  EXPECT_EQ(damage_grade(with(0, 0.21, 0), t), 2);
  EXPECT_EQ(damage_grade(with(0, 0, -2.5), t), 2);     // compression counts by magnitude
  EXPECT_EQ(damage_grade(with(6.0, 0.4, 4.0), t), 2);
  EXPECT_EQ(damage_grade(with(1, 0.45, 1), t), 3);     // the worst indicator wins
  EXPECT_EQ(damage_grade(with(10, 0.6, 6), t), 3);
  EXPECT_EQ(damage_grade(with(0, 0, 6.1), t), 4);
  EXPECT_EQ(damage_grade(with(12, 0.1, 1), t), 4);
  // Tilt is judged by |grad W|: 2.5 east and 2.5 north is 3.54 mm/m.
  Deformation diagonal;
  diagonal.tilt_x = diagonal.tilt_y = 2.5;
  EXPECT_EQ(damage_grade(diagonal, t), 2);
}

TEST(Damage, IndexAgreesWithGrades) {
  const DamageThresholds t;
  for (double tilt = 0; tilt < 15; tilt += 0.37)
    for (double curv = -0.9; curv < 0.9; curv += 0.047)
      for (double strain = -8; strain < 8; strain += 0.53) {
        const Deformation d = with(tilt, curv, strain);
        ASSERT_EQ(grade_of_index(damage_index(d, t)), damage_grade(d, t)) << tilt << " " << curv << " " << strain;
      }
  EXPECT_DOUBLE_EQ(damage_index(with(3, 0, 0), t), 1.0);
  EXPECT_DOUBLE_EQ(damage_index(with(0, 0.5, 0), t), 2.5);
  EXPECT_DOUBLE_EQ(damage_index(with(0, 0, 8), t), 4.0);
  EXPECT_EQ(grade_name(3), "III");
}

TEST(Damage, ZonesOfARealBasinAreNestedAndConsistent) {
  Panel panel;
  panel.id = "W1";
  panel.polygon = {{0, 0}, {200, 0}, {200, 1200}, {0, 1200}};
  panel.thickness = 3.0;
  panel.depth = 300.0;
  Parameters p;
  p.q = 0.8;
  const SubsidenceModel model({panel}, p);
  const GridSpec spec{-600, -600, 10, 10, 141, 241};
  const DeformationGrid grid = predict_grid(model, spec);
  const DamageThresholds t;
  const std::vector<double> index = damage_index_field(grid, t);
  const DamageZones z = damage_zones(grid, index);
  const double basin = geometry::area(z.subsided);
  ASSERT_GT(basin, 200.0 * 1200.0);
  double sum = 0.0;
  for (int g = 0; g < 4; ++g) {
    EXPECT_FALSE(z.grades[g].empty()) << grade_name(g + 1);
    sum += geometry::area(z.grades[g]);
  }
  // Grades I-IV tile the basin (II-IV lie within it here), up to the grid's resolution.
  EXPECT_NEAR(sum, basin, 0.01 * basin);
  // Node grades agree with the zone each node falls in (away from zone edges).
  int checked = 0;
  for (std::size_t k = 0; k < grid.w.size(); k += 7) {
    const geometry::Point2 pt{spec.x(k % spec.nx), spec.y(k / spec.nx)};
    const int grade = damage_grade(grid.at(k), t);
    if (grid.w[k] < 12.0 || std::abs(index[k] - std::round(index[k])) < 0.05) continue;
    EXPECT_TRUE(geometry::contains(z.grades[grade - 1], pt)) << "node " << k << " grade " << grade;
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace georeserve::subsidence
