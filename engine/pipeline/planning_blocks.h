// Planning blocks (规划区块) of a run: polygons read from the model's GeoJSON, and the block that
// holds a point, so that statements can be grouped by the city plan's blocks.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geometry/types.h"

namespace georeserve {

struct PlanningBlock {
  std::string id;     // the feature's "id" property (may be empty)
  std::string label;  // "id name", e.g. "KC01 调兵山前裕硅灰石矿"
  geometry::MultiPolygon shape;
};

// Polygon features of the GeoJSON, in file order; crs like "EPSG:4529" (the run's).
std::vector<PlanningBlock> read_planning_blocks(const std::filesystem::path& path, const std::string& crs);

// Label of the first block containing p, else "outside 规划区外".
std::string planning_block_of(const std::vector<PlanningBlock>& blocks, geometry::Point2 p);

}  // namespace georeserve
