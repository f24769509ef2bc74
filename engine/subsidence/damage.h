// Building damage grades I-IV from ground deformation, after the brick-building criteria of the
// national pillar-design regulation 《建筑物、水体、铁路及主要井巷煤柱留设与压煤开采规范》: each of
// tilt, curvature and horizontal strain gives a grade by its thresholds, and a point's grade is the
// worst of the three. Also the zones of each grade and the 10 mm subsidence boundary as polygons.
//
// Magnitudes are direction-free: tilt = |grad W|, curvature and strain = the principal value of
// largest magnitude (the worst direction), so a building of any orientation is judged by its worst case.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "geometry/types.h"
#include "subsidence/deformation.h"
#include "subsidence/grid.h"

namespace georeserve::subsidence {

// Upper limits of grades I, II and III (grade IV beyond), increasing.
struct DamageThresholds {
  std::array<double, 3> tilt{3.0, 6.0, 10.0};       // mm/m
  std::array<double, 3> curvature{0.2, 0.4, 0.6};   // 1e-3/m
  std::array<double, 3> strain{2.0, 4.0, 6.0};      // mm/m
};

// Surface subsidence is counted from this value (the edge of the subsidence basin).
inline constexpr double kSubsidenceBoundaryMm = 10.0;

// A continuous index whose grade boundaries are 1, 2 and 3: each indicator is mapped piecewise
// linearly through its thresholds (0 -> 0, limit I -> 1, limit II -> 2, limit III -> 3, and on with
// the last slope), and the index is the largest of the three. Grade = 1 + number of boundaries passed.
double damage_index(const Deformation& d, const DamageThresholds& t);
// Grade 1..4 (I..IV) of a point: the worst of the three indicators, each "up to" its limits inclusive.
int damage_grade(const Deformation& d, const DamageThresholds& t);
// Grade 1..4 from a damage index.
int grade_of_index(double index);
// "I", "II", "III", "IV".
std::string grade_name(int grade);

struct DamageZones {
  geometry::MultiPolygon subsided;  // W >= 10 mm: the subsidence basin
  // grades[0] = grade I inside the subsidence basin; grades[1..3] = grades II-IV wherever they occur.
  std::array<geometry::MultiPolygon, 4> grades;
};

// The damage index of every node (for zones, rasters and the grade column).
std::vector<double> damage_index_field(const DeformationGrid& grid, const DamageThresholds& t);
// Zones from the grid; `index` is damage_index_field(grid, t).
DamageZones damage_zones(const DeformationGrid& grid, const std::vector<double>& index);

}  // namespace georeserve::subsidence
