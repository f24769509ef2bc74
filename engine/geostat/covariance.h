// The variogram model as the covariance the kriging system needs, prepared once for fast evaluation
// in the hot loop: each structure keeps its anisotropy matrix M (|M d| = 1 at the range), so that
// callers may transform coordinates once per sample instead of once per pair.
//
//   bounded models:   C(d) = total_sill - gamma(d) = nugget * [d == 0] + sum_s sill_s (1 - f_s(|M_s d|))
//   unbounded (power) C(d) = K - gamma(d): a generalised covariance for ordinary kriging, where the
//                     constant K (gamma at the extent of the data) cancels out of every result but
//                     keeps the matrices positive definite, as gstat's max_val - gamma does.
//
// Block averages follow gstat (vario_io.c): within a block the nugget never counts, because gstat
// moves coincident discretisation points a tiny distance apart (its "zero-effect" avoidance).
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "geostat/variogram_model.h"

namespace georeserve {

struct PreparedStructure {
  StructureType type = StructureType::spherical;
  double sill = 0;      // partial sill (power: coefficient)
  double exponent = 1;  // power only
  Eigen::Matrix3d transform = Eigen::Matrix3d::Identity();  // anisotropy transform M_s
};

class CovarianceFunction {
 public:
  // extent: the largest separation that will be met (metres); sets K for unbounded models.
  explicit CovarianceFunction(const VariogramModel& model, double extent = 0.0);

  std::size_t structure_count() const { return structures_.size(); }
  const PreparedStructure& structure(std::size_t s) const { return structures_[s]; }
  double nugget() const { return nugget_; }
  bool bounded() const { return bounded_; }
  // K: added to every covariance (0 for bounded models).
  double constant() const { return constant_; }
  // C(0) = K + nugget + sum of the bounded sills.
  double at_zero() const { return at_zero_; }

  // C(d) between two points; the nugget counts only when d is exactly zero.
  double operator()(const Eigen::Vector3d& d) const;
  // C(d) without the nugget's jump at zero (block-to-point and block-to-block averages).
  double continuous(const Eigen::Vector3d& d) const;

  // The unit covariance of structure s at normalised distance h: 1 - f(h) (power: -h^exponent).
  double unit(std::size_t s, double h) const;

  // The hot-loop kernel: out[j] += weight * sill_s * unit_s(|p_j - q|) for j in [0, n), with p and q
  // already transformed by structure s's matrix (p as three coordinate arrays).
  void accumulate(std::size_t s, const double* px, const double* py, const double* pz, std::size_t n,
                  const double q[3], double weight, double* out) const;

 private:
  std::vector<PreparedStructure> structures_;
  double nugget_ = 0;
  double constant_ = 0;
  double at_zero_ = 0;
  bool bounded_ = true;
};

}  // namespace georeserve
