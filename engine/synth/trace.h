// The true path of a synthetic drillhole: survey stations joined by minimum-curvature arcs, the
// default desurvey of DESIGN.md section 3, so that a reader desurveying survey.csv finds the samples
// exactly where the generator took them. Before the first station its direction applies, past the
// last station the last one's.
#pragma once

#include <array>
#include <vector>

namespace georeserve::synth {

struct Station {
  double depth = 0;    // metres along the hole
  double azimuth = 0;  // degrees clockwise from north
  double dip = -90;    // degrees, negative down
};

class DrillTrace {
 public:
  DrillTrace(std::array<double, 3> collar, std::vector<Station> stations);
  // Position (x, y, z) at a depth along the hole (>= 0).
  std::array<double, 3> at(double depth) const;
  const std::vector<Station>& stations() const { return stations_; }

 private:
  std::array<double, 3> collar_;
  std::vector<Station> stations_;
  std::vector<std::array<double, 3>> positions_;  // at each station
  std::vector<std::array<double, 3>> tangents_;   // unit direction at each station
};

}  // namespace georeserve::synth
