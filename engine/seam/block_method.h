// The geological block method (地质块段法) beside kriging, as Chinese review panels expect.
//
// Blocks (块段) of one seam: the connected areas of remaining resources of one class within one fault
// block (the class boundaries, the faults and the field boundary bound them), as drawn on the floor
// contour map. For each block:
//   area S (plan, m2) = nodes x cell area;
//   mean dip a = mean over the block of the floor surface's slope;
//   mean thickness m = arithmetic mean of the vertical coal thickness of the seam holes inside the
//   block (holes with coal, the block's 工程点); a block without a hole inside takes the 3 nearest
//   seam holes of its fault block (counted);
//   true thickness m_t = m cos(a), slope area S_t = S / cos(a), volume V = S_t m_t (= S m for vertical
//   holes: the dip correction of the area and of the thickness cancel);
//   density d = mean density of the same holes; tonnage Q = V d.
// Minimum block size: a connected area smaller than `min_area` (slivers along class boundaries) joins
// the neighbouring block of the same fault block with which it shares the longest boundary, and its
// nodes take that block's class (the status's class codes are updated, so the statement agrees with
// the map). Blocks are numbered from north to south, then west to east.
// The kriged tonnage of the same nodes is kept beside it, so each seam's difference between the two
// methods can be reported.
#pragma once

#include <string>
#include <vector>

#include "seam/mineability.h"

namespace georeserve::seam {

struct GeoBlock {
  int number = 0;               // 1-based within the seam
  std::string label;            // e.g. "15-3"
  int class_code = 0;           // ResourceClass code
  int fault_block = -1;
  std::size_t nodes = 0;
  std::size_t merged = 0;       // slivers merged into it
  double area = 0;              // plan, m2
  double dip_deg = 0;
  double thickness = 0;         // mean vertical thickness of the holes, m
  double true_thickness = 0, slope_area = 0, volume = 0, density = 0, tonnes = 0;
  double kriged_tonnes = 0;
  std::vector<std::string> holes;  // the holes used
  bool nearest_holes = false;   // no hole inside: the nearest holes were used
  geometry::Point2 label_at;    // a node of the block near its centroid
};

struct BlockMethodResult {
  std::vector<GeoBlock> blocks;
  std::vector<int> block_of_node;  // -1 outside every block
  double tonnes = 0, kriged_tonnes = 0;
  std::size_t merged_slivers = 0;  // areas under the minimum block size merged into a neighbour
};

// Dip of the floor at each node (degrees), from central differences where the neighbours have coal.
std::vector<double> floor_dip(const NodeGrid& grid, const std::vector<double>& floor);

BlockMethodResult geological_blocks(const NodeGrid& grid, const SeamSurface& surface, SeamStatus& status,
                                    const SeamPicks& picks, const std::vector<std::string>& hole_ids,
                                    const std::string& seam_name, double min_area = 0);

}  // namespace georeserve::seam
