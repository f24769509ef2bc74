#include "pipeline/planning_blocks.h"

#include "core/text.h"
#include "geometry/polygon.h"
#include "scene/geojson.h"

namespace georeserve {

std::vector<PlanningBlock> read_planning_blocks(const std::filesystem::path& path, const std::string& crs) {
  int epsg = 0;
  if (crs.size() > 5 && iequals(crs.substr(0, 5), "EPSG:"))
    if (auto e = parse_double(crs.substr(5)); e && *e > 0) epsg = static_cast<int>(*e);
  std::vector<PlanningBlock> out;
  for (const auto& f : scene::read_geojson(path, epsg).features) {
    if (f.polygons.empty()) continue;
    const auto id = f.property("id"), name = f.property("name");
    out.push_back({id, id.empty() ? name : name.empty() ? id : id + " " + name, f.polygons});
  }
  return out;
}

std::string planning_block_of(const std::vector<PlanningBlock>& blocks, geometry::Point2 p) {
  for (const auto& b : blocks)
    if (geometry::contains(b.shape, p)) return b.label;
  return "outside 规划区外";
}

}  // namespace georeserve
