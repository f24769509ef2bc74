// Interval geometry: the 3D points where each interval of a table starts, ends and has its middle
// (the middle along the hole, not the chord's midpoint).
#pragma once

#include <span>
#include <vector>

#include <Eigen/Core>

#include "drillhole/desurvey.h"
#include "drillhole/tables.h"

namespace georeserve::drillhole {

struct IntervalGeometry {
  std::vector<Eigen::Vector3d> from, to, mid;  // one per row of the table, in its sorted order
};

// traces: one per hole of the database (desurvey_all). Parallel over holes.
IntervalGeometry interval_geometry(const IntervalTable& table, std::span<const HoleTrace> traces);

}  // namespace georeserve::drillhole
