// Block footprints: the blocks of a block model dissolved in plan into polygons (with holes), per
// category of a categorical attribute (resource class, domain), either per level (bench) or over all
// levels (the plan projection). The boundaries follow the block edges exactly, so the area of a
// footprint is the number of plan cells times the block's plan area; rotated models are handled.
#pragma once

#include <string>
#include <vector>

#include "blockmodel/block_model.h"
#include "geometry/types.h"

namespace georeserve {

// The plan cells (i, j) with mask[j * nx + i] true, dissolved into polygons in CRS coordinates, in
// normal orientation (outer counter-clockwise, holes clockwise). Cells touching only at a corner
// become separate polygons, so every ring is simple.
geometry::MultiPolygon dissolve_plan_cells(const BlockGrid& grid, const std::vector<bool>& mask);

struct Footprint {
  int code = 0;               // category code
  std::string name, name_cn;  // category names ("measured", "探明")
  int level = -1;             // block layer k, or -1 for all levels
  double z_lo = 0, z_hi = 0;  // elevation range of the blocks counted, m
  std::size_t blocks = 0;     // blocks of the category counted
  std::size_t cells = 0;      // plan cells covered
  double area = 0;            // m2 (cells times the block's plan area)
  double tonnes = 0;          // sum of the model's "tonnes" attribute over the blocks (0 without one)
  geometry::MultiPolygon shape;
};

// One footprint per category present (and per level when per_level), in code then level order.
// Blocks count when keep(index) is true (all when keep is empty), e.g. blocks inside the ore.
// InputError when the attribute is missing or not categorical.
std::vector<Footprint> block_footprints(const BlockModel& model, const std::string& attribute, bool per_level,
                                        const std::function<bool(std::size_t)>& keep = {});

}  // namespace georeserve
