// Mineability, classification and resource items of a seam model.
//
// Per node with coal, in order of precedence: burnt (inside a burnt zone that burnt the seam), mined
// (inside a mined-out panel of the seam), below the limits (thinner than the minimum mineable
// thickness, ash above the maximum, sulfur above the maximum, Qnet,ar below the minimum), too deep
// (roof deeper below the surface than the maximum depth), else a remaining resource.
// In situ = every node with coal except burnt ones (the generator's definition); mineable = in situ
// nodes at or above the minimum thickness; remaining = mineable minus mined.
//
// Classes (探明/控制/推断) from the drill-hole spacing: for each node, the distance to the nearest
// seam hole and the mean distance to the 3 nearest seam holes of its fault block (seam_grid.h), against
// the model file's rules (resources/classification.h), with the usual clean-up of isolated nodes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "geometry/types.h"
#include "resources/classification.h"
#include "resources/statement.h"
#include "seam/seam_grid.h"

namespace georeserve::seam {

struct MineabilityLimits {
  double min_thickness = 0.7;  // m
  double max_ash = 40;         // Ad %
  double max_sulfur = 3;       // St,d %
  double min_cv = 17;          // Qnet,ar MJ/kg
  double max_depth = 1500;     // m below the surface
};

enum class NodeStatus : std::uint8_t { no_coal = 0, remaining = 1, below_limits = 2, too_deep = 3, burnt = 4, mined = 5 };
const char* status_name(NodeStatus s);     // "remaining", ...
const char* status_name_cn(NodeStatus s);  // "保有资源量", ...

struct ThicknessClass {
  double below = 0;        // upper bound (m); infinity for the last class
  double recovery = 0.8;   // mining recovery for seams of this class
  std::string label;       // e.g. "< 1.3 m"
};
// Coal practice defaults: >= 85 % below 1.3 m, >= 80 % 1.3-3.5 m, >= 75 % above 3.5 m.
std::vector<ThicknessClass> default_thickness_classes();
std::size_t thickness_class_of(const std::vector<ThicknessClass>& classes, double thickness);

// What each node of one seam is.
struct SeamStatus {
  std::vector<NodeStatus> status;
  std::vector<double> depth;       // m below the surface at the roof (NaN without coal)
  std::vector<double> class_code;  // ResourceClass code, NaN where not classified
  // Tonnages (t) of the seam by the definitions above.
  double insitu = 0, mineable = 0, burnt = 0, mined = 0, remaining = 0, below_limits = 0, too_deep = 0;
  double resources = 0;            // remaining and within every limit (= the statement's total)
  double area_coal = 0;            // m2 with coal
};

struct StatusInputs {
  const NodeGrid* grid = nullptr;
  const std::vector<double>* surface = nullptr;     // ground elevation per node
  const std::vector<std::uint8_t>* burnt = nullptr; // per node: inside a burnt zone
  bool seam_burnt = false;                          // the zone burnt this seam
  geometry::MultiPolygon panels;                    // this seam's mined-out panels
  MineabilityLimits limits;
  ClassificationRules rules;
};

SeamStatus seam_status(const SeamSurface& s, const StatusInputs& in);

// Labels of the statement's groups per node.
struct NodeLabels {
  std::vector<std::string> depth_bands;      // e.g. "600-800 m"
  std::vector<double> depth_edges;           // ascending, metres below the surface
  std::vector<std::string> planning_names;   // index 0 = "outside"
  std::vector<std::int16_t> planning;        // per node: index into planning_names
  std::string depth_band(double depth) const;
};

// Resource items of the remaining resources, aggregated by seam x class x depth band x planning block
// x thickness class (a statement over the items equals the sum over the nodes, tonnage-weighted
// qualities included). recovery_per_item holds each item's recovery from its thickness class.
struct CoalItems {
  ResourceItems items;
  std::vector<double> recovery;
};
CoalItems resource_items(const NodeGrid& grid, const SeamList& seams, const std::vector<SeamSurface>& surfaces,
                         const std::vector<SeamStatus>& status, const NodeLabels& labels,
                         const std::vector<ThicknessClass>& thickness_classes);

}  // namespace georeserve::seam
