// Directions from azimuth and dip (DESIGN.md section 2): azimuth clockwise from north, dip negative
// below horizontal. Shared by desurvey, variography and anisotropy.
#pragma once

#include <Eigen/Core>

namespace georeserve {

// Unit vector (east, north, up) of an azimuth/dip in degrees. A NaN azimuth counts as 0 (it only
// matters when the dip is not vertical).
Eigen::Vector3d direction_vector(double azimuth_deg, double dip_deg);
// Angle in radians between two unit vectors, accurate also for tiny and near-180-degree angles.
double angle_between(const Eigen::Vector3d& a, const Eigen::Vector3d& b);

}  // namespace georeserve
