// The one catalogue of variogram models (gstat's parameterisation, DESIGN.md section 4) and nested
// sums of them. Each structure has its own sill, ranges and angles (anisotropy.h).
//   nugget:      sill                               for h > 0, 0 at h = 0
//   spherical:   sill * (1.5 h - 0.5 h^3), h < 1; sill beyond         (h = distance / range)
//   exponential: sill * (1 - exp(-h))            practical range ~ 3 * range
//   gaussian:    sill * (1 - exp(-h^2))          practical range ~ sqrt(3) * range
//   cubic:       sill * (7h^2 - 8.75h^3 + 3.5h^5 - 0.75h^7), h < 1; sill beyond
//   power:       sill * h^exponent (0 < exponent < 2), unbounded: ordinary kriging only
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Core>
#include <nlohmann/json_fwd.hpp>

#include "geostat/anisotropy.h"

namespace georeserve {

class ConfigView;

enum class StructureType { nugget, spherical, exponential, gaussian, cubic, power };

std::string_view structure_type_name(StructureType t);
// gstat's short names (Nug, Sph, Exp, Gau, Cub, Pow) and ours are both accepted, case-insensitively.
bool parse_structure_type(std::string_view name, StructureType* out);

// Unit variogram of a structure type at normalised distance h >= 0 (1 at the range for bounded types).
double unit_variogram(StructureType type, double h, double exponent = 1.0);

struct VariogramStructure {
  StructureType type = StructureType::spherical;
  double sill = 1.0;        // partial sill (for power: the coefficient)
  Anisotropy anisotropy;    // ranges (metres) and angles (degrees)
  double exponent = 1.0;    // power model only

  // Normalised distance for a separation vector (east, north, up).
  double normalised_distance(const Eigen::Vector3d& d) const;
  double variogram(const Eigen::Vector3d& d) const;
};

class VariogramModel {
 public:
  double nugget = 0.0;
  std::vector<VariogramStructure> structures;

  // gamma(d); 0 at d = 0 (the nugget applies only to separations > 0).
  double variogram(const Eigen::Vector3d& d) const;
  double variogram(double dx, double dy, double dz) const { return variogram(Eigen::Vector3d(dx, dy, dz)); }
  // Nugget plus every partial sill; for unbounded models (power) infinite.
  double total_sill() const;
  bool bounded() const;
  // C(d) = total_sill - gamma(d) for bounded models; C(0) = total_sill.
  double covariance(const Eigen::Vector3d& d) const;
  // Largest range over all structures and directions (metres); for search defaults.
  double max_range() const;

  // Reads {"nugget": c0, "structures": [{"type", "sill", "ranges"|"range", "angles", "exponent"}]}.
  // Errors (unknown type, negative sill, zero range, ...) name the key path.
  static VariogramModel from_config(const ConfigView& v);
  nlohmann::json to_json() const;
  std::string describe() const;  // e.g. "2 Nug + 40 Sph(300/150/30 @ 30/0/0)"
};

}  // namespace georeserve
