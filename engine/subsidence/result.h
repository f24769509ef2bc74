// Everything a subsidence run computes, kept together so that the writers of the different output
// files (CSV, GeoTIFF, GeoJSON, DXF, overlay table, map) all draw from the same numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "subsidence/damage.h"
#include "subsidence/fit.h"
#include "subsidence/grid.h"
#include "subsidence/job.h"
#include "subsidence/model.h"

namespace georeserve::subsidence {

struct ContourLevel {
  double level = 0.0;                       // mm
  geometry::MultiPolygon area;              // W >= level
  std::vector<geometry::Polyline> lines;    // W = level
};

// One planning block against the prediction.
struct BlockOverlay {
  std::string name;
  double area = 0.0;                 // m2
  double subsided_area = 0.0;        // m2 with W >= 10 mm
  std::array<double, 4> grade_area{};  // m2 in grades I (within the basin), II, III, IV
  double max_w = 0.0;                // mm, over the grid nodes inside and the block's vertices
  int worst_grade = 0;               // 0 = no subsidence reaches it, else 1..4
};

struct SubsidenceResult {
  Parameters parameters;             // as used (fitted ones when a fit asked for it)
  std::optional<FitResult> fit;
  std::optional<SubsidenceModel> model;
  DeformationGrid grid;
  std::vector<double> damage_index;  // per node
  DamageZones zones;
  std::vector<ContourLevel> contours;
  std::vector<BlockOverlay> overlay;
  double max_w = 0.0;                // mm, largest node value
  geometry::Point2 max_w_at;
};

// The value of a named field (raster_field_names()) at node k.
double field_value(const SubsidenceResult& r, const std::string& field, std::size_t k);
// Damage grade of node k: 0 outside the basin while within grade-I limits, else 1..4.
int node_grade(const SubsidenceResult& r, std::size_t k);

// The contour levels to draw: the configured ones, or 10, 100, 500 mm and every 500 mm after, up
// to the largest subsidence.
std::vector<double> contour_levels_for(const std::vector<double>& configured, double max_w);

// Areas and maxima of each planning block.
std::vector<BlockOverlay> overlay_blocks(const SubsidenceResult& r, const std::vector<PlanningBlock>& blocks);

}  // namespace georeserve::subsidence
