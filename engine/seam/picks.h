// Seam picks: one record per hole and seam from the seam interval table (seams.csv: hole_id, from,
// to, seam, ply, ash, sulfur, cv, density), with roof and floor elevations from the desurveyed
// hole, vertical coal thickness and qualities composited over the seam.
//
// Rules (documented in models/README-coal.md and the report):
//  - Thickness is vertical (roof z - floor z of each ply, summed over the plies): area in plan x
//    vertical thickness is the volume, whatever the dip.
//  - A seam written as several plies (column `ply` 1, 2, ...) is one seam: its coal is the sum of the
//    plies; the dirt partings between plies are excluded from the coal thickness and qualities and
//    reported as `parting`. Roof = top of the first ply, floor = base of the last.
//  - Qualities: ash Ad, sulfur St,d and Qnet,ar are per unit mass, so they are weighted by mass
//    (thickness x density); density by thickness. A missing value is left out of its own average;
//    a missing density weighs with the default density.
//  - Errors (InputError naming file:line:field): an unknown seam name, a seam repeated in a hole
//    (the same ply twice, or two unsplit rows), plies or seams out of stratigraphic order down the
//    hole. from >= to and overlaps are caught by the drillhole validation before this.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "drillhole/desurvey.h"
#include "drillhole/tables.h"

namespace georeserve::seam {

// Seams from top to bottom (e.g. "12" ... "17"), the stratigraphic order down a hole.
struct SeamList {
  std::vector<std::string> names;
  std::vector<std::string> names_cn;  // e.g. "12号煤"
  int index(std::string_view name) const;  // -1 when unknown
  std::size_t size() const { return names.size(); }
};

struct SeamFields {
  std::string table = "seams";
  std::string seam = "seam", ply = "ply";
  std::string ash = "ash", sulfur = "sulfur", cv = "cv", density = "density";
};

struct SeamPick {
  drillhole::HoleIndex hole = -1;
  int seam = -1;
  double x = 0, y = 0;          // at the roof
  double roof_z = 0, floor_z = 0;
  double thickness = 0;         // vertical coal thickness, partings excluded (m)
  double parting = 0;           // vertical thickness of partings between plies (m)
  int plies = 1;
  double ash = 0, sulfur = 0, cv = 0, density = 0;  // composited; NaN when no ply carries a value
  long line = 0;                // file line of the first ply
};

struct SeamPicks {
  std::vector<SeamPick> picks;  // by hole, then seam (top to bottom)
  std::string file;             // the seam table's file, for messages
  std::size_t split = 0;        // picks made of more than one ply
  // Index of the pick per hole and seam (-1: the hole has no pick of that seam).
  std::vector<std::vector<int>> by_hole;  // [hole][seam]
  const SeamPick* find(drillhole::HoleIndex hole, int seam) const;
};

// Throws InputError for the problems listed above.
SeamPicks extract_seam_picks(const drillhole::DrillholeDatabase& db, const std::vector<drillhole::HoleTrace>& traces,
                             const SeamList& seams, const SeamFields& fields, double default_density);

}  // namespace georeserve::seam
