// Desurvey: the 3D path of each hole from its collar and survey stations.
// Angles as DESIGN.md section 2: azimuth clockwise from north, dip negative downward, so the unit
// direction is (cos(dip) sin(az), cos(dip) cos(az), sin(dip)) in (east, north, up).
//
// Methods between two stations i, i+1 with course length L and directions t0, t1:
//  - minimum curvature (default): the path is the circular arc of length L turning t0 into t1 in
//    their plane; a point at arc length s has direction t(s) = slerp(t0, t1, s/L) and lies at
//    (s/2) (t0 + t(s)) RF(beta s/L) from station i, RF(b) = tan(b/2) / (b/2), beta = angle(t0, t1):
//    the textbook formula with the partial dog-leg. It is evaluated in the equivalent form
//    R (sin(phi) t0 + (1 - cos(phi)) n), R = L / beta, phi = beta s / L, n the unit normal towards t1
//    in the plane of the turn: one sincos per point, exact for tiny dog-legs too.
//  - tangential: the whole segment follows t1 (the lower station's direction).
//  - balanced tangential: the first half follows t0, the second half t1.
// Above the first station the first station's direction applies (a straight segment from the
// collar); below the last, the last direction. A hole without stations uses the collar's
// azimuth/dip, else it is vertical.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include <Eigen/Core>

#include "core/direction.h"

#include "drillhole/tables.h"

namespace georeserve {
class ProgressSink;
}

namespace georeserve::drillhole {

enum class DesurveyMethod { minimum_curvature, tangential, balanced_tangential };

// "minimum-curvature", "tangential", "balanced-tangential"; Error for anything else.
DesurveyMethod parse_desurvey_method(std::string_view name);
std::string_view to_string(DesurveyMethod m);

// direction_vector() and angle_between() live in core/direction.h.

// The desurveyed path of one hole. Stations are strictly increasing in depth, the first at 0.
class HoleTrace {
 public:
  HoleTrace() = default;
  HoleTrace(const Collar& collar, std::span<const SurveyStation> stations, DesurveyMethod method);

  const Eigen::Vector3d& collar() const { return collar_; }
  double max_depth() const { return max_depth_; }
  DesurveyMethod method() const { return method_; }
  std::size_t station_count() const { return depth_.size(); }
  double station_depth(std::size_t i) const { return depth_[i]; }
  Eigen::Vector3d station_position(std::size_t i) const { return collar_ + offset_[i]; }
  const Eigen::Vector3d& station_direction(std::size_t i) const { return dir_[i]; }

  // Position at a depth along the hole (binary search over the stations).
  Eigen::Vector3d position_at(double depth) const;
  // Unit direction of the hole at a depth.
  Eigen::Vector3d direction_at(double depth) const;
  // Many positions at once; linear in the number of depths when they are sorted (any order works).
  void positions_at(std::span<const double> depths, std::span<Eigen::Vector3d> out) const;

 private:
  std::size_t segment_of(double depth) const;  // i with depth_[i] <= depth < depth_[i+1], clamped
  Eigen::Vector3d offset_in(std::size_t i, double depth, Eigen::Vector3d* direction) const;

  Eigen::Vector3d collar_ = Eigen::Vector3d::Zero();
  double max_depth_ = 0;
  DesurveyMethod method_ = DesurveyMethod::minimum_curvature;
  // A default trace is a vertical hole at the origin (one station), so every query is defined.
  std::vector<double> depth_{0.0};
  std::vector<Eigen::Vector3d> offset_{Eigen::Vector3d::Zero()};  // station position minus collar
  std::vector<Eigen::Vector3d> dir_{Eigen::Vector3d(0, 0, -1)};
  std::vector<double> dogleg_;           // per segment, radians
  std::vector<Eigen::Vector3d> normal_;  // per segment: unit normal towards the next direction (min. curvature)
};

// Every hole of the database, in hole order; parallel over holes, identical for any thread count.
std::vector<HoleTrace> desurvey_all(const DrillholeDatabase& db, DesurveyMethod method,
                                    ProgressSink* progress = nullptr);

// Depths at which `georeserve desurvey` reports a hole: with step > 0, 0, step, 2 step, ... and
// max_depth; without, 0, every survey station above max_depth, and max_depth.
std::vector<double> report_depths(const Collar& collar, std::span<const SurveyStation> stations, double step);

}  // namespace georeserve::drillhole
