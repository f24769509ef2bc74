// Gridded seam models: per seam, kriged surfaces and qualities on the node grid, fault block by fault
// block (the search never crosses a fault: faults.h).
//
// Per seam, in order:
//  1. Roof elevation. With a structural marker logged in the holes (Tiefa: the black mudstone above
//     the lower unit), roof = marker surface - isochore: the marker's elevation as a polynomial trend
//     (plane or quadratic, least squares) plus kriged residuals, and the isochore (marker minus the
//     seam's roof, a smooth interval of interburden) kriged from the seam's picks. Seams hung from one
//     marker by their isochores keep their order far better than seams kriged one by one. Without a
//     marker: the seam's own roof as trend plus kriged residuals. Each fault block is estimated from
//     its own holes, so the block's residual mean carries the fault throw.
//  2. Thickness samples: the picks' vertical coal thickness, and 0 at every hole that reached the
//     seam's horizon without meeting coal: it has a pick of a deeper seam, or it ends more than
//     `reach_tolerance` below the seam's roof estimated at the hole. Holes inside a burnt zone that
//     burnt this seam are left out (the coal there was burnt, not absent), as are holes in a fault gap.
//  3. Thickness by ordinary kriging at every node of the field, clamped at 0; nodes in a fault gap
//     carry no coal. Method `zeros`: the samples above kriged as they are (pinch-outs come out of the
//     data, smoothly). Method `indicator`: presence (1 / 0 at the same holes) kriged, coal where it is
//     >= 0.5, and there the thickness kriged from the coal picks alone: sharper coal limits, so a
//     thickness cut-off is less smoothed away (Tiefa: mineable coal -3 % against the truth, not -8 %).
//  4. Roof, ash, sulfur, Qnet,ar and density kriged where the seam has coal. Floor = roof - thickness.
//  5. Crossing repair (repair_crossings): top down, a seam whose roof rises above the floor of a
//     seam above it at a node is moved down (thickness kept) to touch it; the nodes are counted.
// A fault block with fewer than `min_block_samples` samples of a variable is estimated from all the
// seam's samples (counted and reported): too few holes to stand alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "drillhole/desurvey.h"
#include "geostat/neighbour_search.h"
#include "geostat/variogram_model.h"
#include "seam/faults.h"
#include "seam/node_grid.h"
#include "seam/picks.h"

namespace georeserve {
class ProgressSink;
}

namespace georeserve::seam {

enum class Quality { ash, sulfur, cv, density };
inline constexpr Quality all_qualities[] = {Quality::ash, Quality::sulfur, Quality::cv, Quality::density};
const char* quality_name(Quality q);  // "ash", "sulfur", "cv", "density"

// zeros: thickness kriged with the zero-thickness holes (pinch-outs come out of the data, smoothly);
// indicator: presence (coal / no coal) kriged as an indicator, coal where it is >= 0.5, and there the
// thickness kriged from the coal picks alone (sharper coal limits, thickness not dragged to zero).
enum class ThicknessMethod { zeros, indicator };

struct SeamGridSettings {
  ThicknessMethod thickness_method = ThicknessMethod::zeros;
  SearchPlan search;                      // 2D passes, for every variable
  VariogramModel thickness, roof, isochore, ash, sulfur, cv, density;  // roof: the marker's (or roof's) residual
  int trend_degree = 2;                   // roof trend: 0 none, 1 plane, 2 quadratic
  double reach_tolerance = 2.0;           // m
  std::size_t min_block_samples = 3;
  double default_density = 1.35;          // t/m3 where no density is estimated
  const VariogramModel& model(Quality q) const;
};

// Everything the seam models are made from.
struct SeamInputs {
  NodeGrid grid;
  std::vector<std::uint8_t> inside;       // field mask
  geometry::Ring outline;                 // field outline (for extending fault lines)
  SeamList seams;
  SeamPicks picks;
  std::vector<geometry::Point2> hole_xy;  // collar position of each hole
  std::vector<double> hole_collar_z, hole_bottom_z;
  // The structural marker (base of the marker bed) per hole: position and elevation; NaN where not logged.
  std::vector<geometry::Point2> marker_xy;
  std::vector<double> marker_z;
  std::vector<drillhole::HoleTrace> const* traces = nullptr;
  std::vector<std::string> hole_ids;
  std::vector<Fault> faults;
  // Burnt zones and the seams each one burnt (indices into seams).
  geometry::MultiPolygon burnt;
  std::vector<std::uint8_t> burnt_seam;   // per seam: 1 when the burnt zone burnt it
  std::vector<std::uint8_t> burnt_mask;   // per node: inside the burnt zone
};

// One thickness (or quality) sample as used: for maps and tables.
struct SeamSample {
  std::int32_t hole = -1;
  double x = 0, y = 0, value = 0;
  int block = -1;
};

struct SeamSurface {
  int seam = -1;
  double mean_roof_z = 0;                 // of the picks: the elevation of the seam's fault lines
  FaultBlocks blocks;
  std::vector<geometry::Polyline> fault_lines;  // at the seam's elevation, extended
  std::vector<std::uint8_t> gap;          // per node: in a fault gap
  std::vector<double> thickness, roof, floor;
  std::vector<double> thickness_variance;  // kriging variance of the thickness (indicator: of the thickness where present)
  std::vector<double> quality[4];         // by Quality
  std::vector<float> nearest_hole, mean_hole_distance;  // m to the nearest / mean of 3 nearest seam holes (same block)
  std::vector<SeamSample> thickness_samples;
  std::size_t zero_samples = 0, burnt_holes_left_out = 0, gap_holes_left_out = 0, unreached_holes = 0;
  std::size_t fallback_blocks = 0;        // block x variable estimated from all samples
  std::size_t straddling_holes = 0;       // marker and seam on opposite sides of a fault: left out of the roof
  std::size_t coal_nodes = 0;
  std::size_t crossing_moves = 0;         // nodes moved down by the crossing repair
  double crossing_shift_sum = 0, crossing_shift_max = 0;  // m
  double crossing_thickness_sum = 0;      // m: coal thickness at the moved nodes (their coal volume / cell area)
  std::array<double, 6> trend{};          // roof trend coefficients (local coordinates, km)
  double trend_x0 = 0, trend_y0 = 0;         // roof trend, or the marker's when roof = marker - isochore
  double trend_at(double x, double y) const;
};

struct SeamModel {
  std::vector<SeamSurface> seams;
  std::size_t crossing_repairs = 0;
  std::vector<std::pair<std::string, double>> timing;  // step, seconds
};

// The whole seam model. Parallel over nodes inside each kriging run; identical for any thread count.
SeamModel build_seam_model(const SeamInputs& in, const SeamGridSettings& settings, ProgressSink* progress = nullptr);

// Step 5 above; returns the number of nodes moved.
std::size_t repair_crossings(std::vector<SeamSurface>& seams);

// Least-squares polynomial trend (degree 0, 1 or 2) in coordinates relative to (x0, y0) in km.
std::array<double, 6> fit_trend(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& z,
                                double x0, double y0, int degree);
double eval_trend(const std::array<double, 6>& c, double x, double y, double x0, double y0);

}  // namespace georeserve::seam
