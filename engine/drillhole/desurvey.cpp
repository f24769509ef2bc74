// Desurvey by minimum curvature (positions follow the arc inside a segment), tangential and
// balanced tangential. See desurvey.h for the formulas.
#include "drillhole/desurvey.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"

namespace georeserve::drillhole {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;
// Below this dog-leg (radians) the arc is a straight line to machine precision.
constexpr double kStraight = 1e-9;
// Above pi minus this, the plane of the turn is undefined (the hole doubles back); such a segment
// is treated as balanced tangential. Validation warns about it as a dog-leg long before.
constexpr double kReversal = 1e-6;

// Where a turn's plane is defined: neither a straight segment nor a reversal.
bool curved(double beta) { return beta >= kStraight && beta <= std::numbers::pi - kReversal; }

}  // namespace

DesurveyMethod parse_desurvey_method(std::string_view name) {
  if (name == "minimum-curvature") return DesurveyMethod::minimum_curvature;
  if (name == "tangential") return DesurveyMethod::tangential;
  if (name == "balanced-tangential") return DesurveyMethod::balanced_tangential;
  throw Error("unknown desurvey method '" + std::string(name) +
              "' (use minimum-curvature, tangential or balanced-tangential)");
}

std::string_view to_string(DesurveyMethod m) {
  switch (m) {
    case DesurveyMethod::minimum_curvature: return "minimum-curvature";
    case DesurveyMethod::tangential: return "tangential";
    case DesurveyMethod::balanced_tangential: return "balanced-tangential";
  }
  return "?";
}

HoleTrace::HoleTrace(const Collar& collar, std::span<const SurveyStation> stations, DesurveyMethod method)
    : collar_(collar.x, collar.y, collar.z), max_depth_(collar.max_depth), method_(method) {
  depth_.clear();
  dir_.clear();
  std::vector<SurveyStation> sorted(stations.begin(), stations.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const SurveyStation& a, const SurveyStation& b) { return a.depth < b.depth; });
  for (const auto& s : sorted) {
    if (!(s.depth >= 0) || std::isnan(s.dip)) continue;           // rejected by validation
    if (!depth_.empty() && s.depth <= depth_.back()) continue;    // duplicate depth: the first counts
    depth_.push_back(s.depth);
    dir_.push_back(direction_vector(s.azimuth, s.dip));
  }
  if (depth_.empty()) {
    depth_.push_back(0);
    dir_.push_back(collar.dip ? direction_vector(collar.azimuth.value_or(0), *collar.dip)
                              : Eigen::Vector3d(0, 0, -1));
  } else if (depth_.front() > 0) {
    depth_.insert(depth_.begin(), 0.0);  // the first station's direction applies above it
    dir_.insert(dir_.begin(), dir_.front());
  }
  const std::size_t n = depth_.size();
  dogleg_.resize(n - 1);
  normal_.assign(n - 1, Eigen::Vector3d::Zero());
  offset_.assign(n, Eigen::Vector3d::Zero());
  for (std::size_t i = 0; i + 1 < n; ++i) {
    dogleg_[i] = angle_between(dir_[i], dir_[i + 1]);
    if (curved(dogleg_[i])) normal_[i] = (dir_[i + 1] - dir_[i].dot(dir_[i + 1]) * dir_[i]).normalized();
    offset_[i + 1] = offset_in(i, depth_[i + 1], nullptr);
  }
}

std::size_t HoleTrace::segment_of(double depth) const {
  const auto it = std::upper_bound(depth_.begin(), depth_.end(), depth);
  return it == depth_.begin() ? 0 : static_cast<std::size_t>(it - depth_.begin()) - 1;
}

Eigen::Vector3d HoleTrace::offset_in(std::size_t i, double depth, Eigen::Vector3d* direction) const {
  const double s = depth - depth_[i];
  if (i + 1 >= depth_.size() || s < 0) {  // below the last station, or above the collar
    if (direction) *direction = dir_[i];
    return offset_[i] + s * dir_[i];
  }
  const Eigen::Vector3d& t0 = dir_[i];
  const Eigen::Vector3d& t1 = dir_[i + 1];
  const double length = depth_[i + 1] - depth_[i], beta = dogleg_[i];
  auto method = method_;
  if (method == DesurveyMethod::minimum_curvature && beta > std::numbers::pi - kReversal)
    method = DesurveyMethod::balanced_tangential;
  switch (method) {
    case DesurveyMethod::minimum_curvature: {
      if (beta < kStraight) {  // straight to machine precision
        if (direction) *direction = ((length - s) * t0 + s * t1).normalized();
        return offset_[i] + s * t0;
      }
      // Half-angle form: sin(phi) = 2 sh ch, 1 - cos(phi) = 2 sh^2, so nothing cancels for small phi.
      const double radius = length / beta, phi = beta * std::min(s / length, 1.0);
      const double sh = std::sin(phi / 2), ch = std::cos(phi / 2);
      const Eigen::Vector3d& n = normal_[i];
      if (direction) *direction = (1 - 2 * sh * sh) * t0 + 2 * sh * ch * n;
      return offset_[i] + radius * (2 * sh * ch * t0 + 2 * sh * sh * n);
    }
    case DesurveyMethod::tangential:
      if (direction) *direction = t1;
      return offset_[i] + s * t1;
    case DesurveyMethod::balanced_tangential:
      if (s <= length / 2) {
        if (direction) *direction = t0;
        return offset_[i] + s * t0;
      }
      if (direction) *direction = t1;
      return offset_[i] + (length / 2) * t0 + (s - length / 2) * t1;
  }
  return offset_[i];
}

Eigen::Vector3d HoleTrace::position_at(double depth) const {
  return collar_ + offset_in(segment_of(depth), depth, nullptr);
}

Eigen::Vector3d HoleTrace::direction_at(double depth) const {
  Eigen::Vector3d t;
  offset_in(segment_of(depth), depth, &t);
  return t;
}

void HoleTrace::positions_at(std::span<const double> depths, std::span<Eigen::Vector3d> out) const {
  if (out.size() < depths.size()) throw Error("HoleTrace::positions_at: output is shorter than the input");
  const std::size_t n = depth_.size();
  std::size_t i = 0;
  for (std::size_t k = 0; k < depths.size(); ++k) {
    const double d = depths[k];
    if (d < depth_[i]) {
      i = segment_of(d);  // unsorted input: search again
    } else {
      while (i + 1 < n && depth_[i + 1] <= d) ++i;  // sorted input: walk forward
    }
    out[k] = collar_ + offset_in(i, d, nullptr);
  }
}

std::vector<HoleTrace> desurvey_all(const DrillholeDatabase& db, DesurveyMethod method, ProgressSink* progress) {
  std::vector<HoleTrace> traces(db.hole_count());
  ProgressTask task(progress, "desurvey", db.hole_count());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, db.hole_count(), 64), [&](const auto& r) {
    for (std::size_t h = r.begin(); h != r.end(); ++h) {
      const auto hi = static_cast<HoleIndex>(h);
      traces[h] = HoleTrace(db.collar(hi), db.survey(hi), method);
    }
    task.advance(r.size());
  });
  return traces;
}

std::vector<double> report_depths(const Collar& collar, std::span<const SurveyStation> stations, double step) {
  constexpr double eps = 1e-9;
  std::vector<double> out;
  if (step > 0 && collar.max_depth / step > 1e7)
    throw ResourceError("a step of " + format_double(step) + " m gives more than 10 million points along hole '" +
                        collar.hole_id + "'; use a longer --step");
  if (step > 0) {
    for (std::size_t k = 0;; ++k) {
      const double d = static_cast<double>(k) * step;
      if (d >= collar.max_depth - eps) break;
      out.push_back(d);
    }
  } else {
    out.push_back(0);
    for (const auto& s : stations)
      if (s.depth > out.back() + eps && s.depth < collar.max_depth - eps) out.push_back(s.depth);
  }
  out.push_back(collar.max_depth);
  return out;
}

}  // namespace georeserve::drillhole
