// Implementation of damage.h. Grade I is the part of the basin where every indicator stays within
// its grade-I limits: the zone where min((W - 10 mm) / 10 mm, 1 - index) >= 0, a continuous field
// whose zero level is exactly the two boundaries, so it can be contoured like the others.
#include "subsidence/damage.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/parallel_for.h>

#include "geometry/contour.h"

namespace georeserve::subsidence {
namespace {

double indicator_index(double value, const std::array<double, 3>& limit) {
  const double v = std::abs(value);
  if (v <= limit[0]) return v / limit[0];
  if (v <= limit[1]) return 1.0 + (v - limit[0]) / (limit[1] - limit[0]);
  return 2.0 + (v - limit[1]) / (limit[2] - limit[1]);  // beyond limit III the last slope continues
}

int indicator_grade(double value, const std::array<double, 3>& limit) {
  const double v = std::abs(value);
  return v <= limit[0] ? 1 : (v <= limit[1] ? 2 : (v <= limit[2] ? 3 : 4));
}

}  // namespace

double damage_index(const Deformation& d, const DamageThresholds& t) {
  return std::max({indicator_index(d.tilt_max(), t.tilt), indicator_index(d.curvature_principal(), t.curvature),
                   indicator_index(d.strain_principal(), t.strain)});
}

int damage_grade(const Deformation& d, const DamageThresholds& t) {
  return std::max({indicator_grade(d.tilt_max(), t.tilt), indicator_grade(d.curvature_principal(), t.curvature),
                   indicator_grade(d.strain_principal(), t.strain)});
}

int grade_of_index(double index) { return index <= 1.0 ? 1 : (index <= 2.0 ? 2 : (index <= 3.0 ? 3 : 4)); }

std::string grade_name(int grade) {
  static const char* names[] = {"I", "II", "III", "IV"};
  return grade >= 1 && grade <= 4 ? names[grade - 1] : "-";
}

std::vector<double> damage_index_field(const DeformationGrid& grid, const DamageThresholds& t) {
  std::vector<double> index(grid.w.size());
  tbb::parallel_for(std::size_t{0}, index.size(), [&](std::size_t k) { index[k] = damage_index(grid.at(k), t); });
  return index;
}

DamageZones damage_zones(const DeformationGrid& grid, const std::vector<double>& index) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  DamageZones z;
  z.subsided = geometry::contour_band(grid.view(grid.w), kSubsidenceBoundaryMm, inf);
  std::vector<double> grade_one(index.size());
  for (std::size_t k = 0; k < index.size(); ++k)
    grade_one[k] = std::min((grid.w[k] - kSubsidenceBoundaryMm) / kSubsidenceBoundaryMm, 1.0 - index[k]);
  z.grades[0] = geometry::contour_band(grid.view(grade_one), 0.0, inf);
  z.grades[1] = geometry::contour_band(grid.view(index), 1.0, 2.0);
  z.grades[2] = geometry::contour_band(grid.view(index), 2.0, 3.0);
  z.grades[3] = geometry::contour_band(grid.view(index), 3.0, inf);
  return z;
}

}  // namespace georeserve::subsidence
