// Compositing: intervals regularised to a fixed length down each hole.
//
// Rules:
//  - Composites start at the top of a hole's first interval and run down in steps of `length`.
//    With a break field, they restart at every change of that field's value (a domain or seam),
//    so no composite straddles a boundary; intervals with a missing break value form their own runs.
//  - The short residual at the end of a run: `merge` adds it to the run's last composite; `keep`
//    keeps it as a composite when it is at least min_fraction * length, otherwise drops it. A run
//    shorter than `length` is one composite if it reaches min_fraction * length, under either rule.
//  - Values are averaged weighted by overlap length, or by overlap length times density when a
//    density field is given (the density field itself is always length-weighted). Missing values
//    are left out, and so are intervals without a density when density-weighting.
//  - coverage = length that had a value / composite length (0..1). A composite that no interval
//    touches at all (inside a gap of the sampling) is not written.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "drillhole/desurvey.h"
#include "drillhole/tables.h"

namespace georeserve {
class ProgressSink;
}

namespace georeserve::drillhole {

enum class ResidualRule { merge, keep };
ResidualRule parse_residual_rule(std::string_view name);  // "merge" | "keep"; Error otherwise

struct CompositeOptions {
  double length = 0;                      // metres along the hole, > 0
  ResidualRule residual = ResidualRule::keep;
  double min_fraction = 0.5;              // in [0, 1]
  std::vector<std::string> fields;        // numeric fields to average
  std::string break_field;                // empty: no domain breaks
  std::string density_field;              // empty: length weights only
};

struct Composites {
  std::vector<HoleIndex> hole;
  std::vector<double> from, to;
  std::vector<Eigen::Vector3d> mid;              // position at mid depth along the hole
  std::string break_name;                        // the break field's name; empty without breaks
  std::vector<std::int32_t> break_code;          // per composite: index into break_values, -1 = missing
  std::vector<std::string> break_values;         // distinct values of the break field
  std::vector<std::string> field_names;
  std::vector<std::vector<double>> value;        // [field][composite]; NaN when nothing was sampled
  std::vector<std::vector<double>> coverage;     // [field][composite]

  std::size_t size() const { return from.size(); }
  // The break field's value of composite i ("" when missing or without breaks).
  std::string_view break_value(std::size_t i) const;
};

// traces: one per hole of the database. Throws InputError for unknown or text fields and for
// densities <= 0, Error for bad options. Parallel over holes; the result does not depend on the
// number of threads.
Composites composite(const IntervalTable& table, std::span<const HoleTrace> traces, const CompositeOptions& options,
                     ProgressSink* progress = nullptr);

}  // namespace georeserve::drillhole
