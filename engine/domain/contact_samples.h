// Turns logged drillhole intervals into samples of a signed distance to a domain boundary, measured
// along each hole: positive inside the domain (e.g. intervals logged as ore), negative outside, zero
// exactly at each logged contact. These samples feed the implicit model (implicit_domain.h), which
// therefore honours every drillhole contact.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "drillhole/desurvey.h"
#include "drillhole/tables.h"

namespace georeserve {

struct ContactSamples {
  std::vector<Eigen::Vector3d> position;
  std::vector<double> signed_distance;  // m along the hole, capped at +-cap
  std::vector<std::int32_t> hole;
  std::size_t contacts = 0;       // logged boundary crossings
  std::size_t holes_inside = 0;   // holes with at least one interval in the domain
  std::size_t size() const { return position.size(); }
};

struct ContactSampleOptions {
  double step = 2.0;   // m between samples along the hole
  double cap = 50.0;   // m: distances beyond are capped (far from any contact the sign is what matters)
};

// Intervals of `table` whose text field `field` has one of `codes` are inside. Unlogged gaps give no
// samples (unknown is not outside). traces: one per hole of the database.
ContactSamples contact_samples(const drillhole::IntervalTable& table, const std::string& field,
                               const std::vector<std::string>& codes, std::span<const drillhole::HoleTrace> traces,
                               const ContactSampleOptions& options);

}  // namespace georeserve
