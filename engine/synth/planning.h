// The spatial objects of the Tieling mineral resources plan (2021-2025) as GeoJSON feature collections
// (assets/planning/*.geojson). Names, minerals, counties and the one published area come from the plan;
// positions are not published, so every shape is placed near the towns it names and flagged
// illustrative. The 昌图大四家子镇-古榆树镇 coal-bed methane area matches its published 3101.7624 km2.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "synth/geojson.h"
#include "synth/qianyu_model.h"
#include "synth/region.h"

namespace georeserve::synth {

struct PlanningFacts {
  static constexpr double cbm_area_km2 = 3101.7624;  // the plan, 第四章第三节
};

struct PlanningLayer {
  std::string file;  // e.g. "planning/exploration_blocks.geojson"
  Json collection;
};

std::vector<PlanningLayer> planning_layers(const Region& region, const LonLatToGrid& proj, const QianyuDeposit& qianyu,
                                           std::uint64_t seed);

}  // namespace georeserve::synth
