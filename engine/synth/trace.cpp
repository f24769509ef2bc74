// Minimum-curvature drillhole paths (see trace.h). Along each arc the direction turns at a constant
// rate in the plane of the two station directions; positions between stations lie on that arc.
#include "synth/trace.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace georeserve::synth {
namespace {
using Vec = std::array<double, 3>;

Vec direction(double azimuth_deg, double dip_deg) {
  const double az = azimuth_deg * M_PI / 180.0, dip = dip_deg * M_PI / 180.0;
  return {std::cos(dip) * std::sin(az), std::cos(dip) * std::cos(az), std::sin(dip)};
}

// Position reached after going a length l along the arc from direction t1 towards t2 (total arc length
// total), as a fraction of the way: s = l / total.
Vec arc_offset(const Vec& t1, const Vec& t2, double total, double s) {
  const double dot = std::clamp(t1[0] * t2[0] + t1[1] * t2[1] + t1[2] * t2[2], -1.0, 1.0);
  const double beta = std::acos(dot);
  Vec out{};
  if (beta < 1e-7) {  // straight: tangents (almost) equal
    for (int i = 0; i < 3; ++i) out[i] = total * (s * t1[i] + 0.5 * s * s * (t2[i] - t1[i]));
    return out;
  }
  const double sb = std::sin(beta);
  const double c1 = (std::cos((1.0 - s) * beta) - std::cos(beta)) / (beta * sb);
  const double c2 = (1.0 - std::cos(s * beta)) / (beta * sb);
  for (int i = 0; i < 3; ++i) out[i] = total * (c1 * t1[i] + c2 * t2[i]);
  return out;
}
}  // namespace

DrillTrace::DrillTrace(std::array<double, 3> collar, std::vector<Station> stations)
    : collar_(collar), stations_(std::move(stations)) {
  if (stations_.empty()) throw std::invalid_argument("DrillTrace: needs at least one station");
  for (std::size_t i = 1; i < stations_.size(); ++i)
    if (!(stations_[i].depth > stations_[i - 1].depth)) throw std::invalid_argument("DrillTrace: depths not increasing");
  for (const Station& s : stations_) tangents_.push_back(direction(s.azimuth, s.dip));
  // Straight from the collar to the first station in its direction.
  Vec p = collar_;
  for (int i = 0; i < 3; ++i) p[i] += stations_[0].depth * tangents_[0][i];
  positions_.push_back(p);
  for (std::size_t k = 1; k < stations_.size(); ++k) {
    const double len = stations_[k].depth - stations_[k - 1].depth;
    const Vec d = arc_offset(tangents_[k - 1], tangents_[k], len, 1.0);
    for (int i = 0; i < 3; ++i) p[i] += d[i];
    positions_.push_back(p);
  }
}

std::array<double, 3> DrillTrace::at(double depth) const {
  Vec p;
  if (depth <= stations_.front().depth) {
    p = collar_;
    for (int i = 0; i < 3; ++i) p[i] += depth * tangents_.front()[i];
    return p;
  }
  if (depth >= stations_.back().depth) {
    p = positions_.back();
    const double extra = depth - stations_.back().depth;
    for (int i = 0; i < 3; ++i) p[i] += extra * tangents_.back()[i];
    return p;
  }
  const auto it = std::upper_bound(stations_.begin(), stations_.end(), depth,
                                   [](double d, const Station& s) { return d < s.depth; });
  const std::size_t k = static_cast<std::size_t>(it - stations_.begin());  // stations k-1 .. k bracket depth
  const double len = stations_[k].depth - stations_[k - 1].depth;
  const Vec d = arc_offset(tangents_[k - 1], tangents_[k], len, (depth - stations_[k - 1].depth) / len);
  p = positions_[k - 1];
  for (int i = 0; i < 3; ++i) p[i] += d[i];
  return p;
}

}  // namespace georeserve::synth
