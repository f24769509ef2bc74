// The one kriging system: simple and ordinary kriging, point and block support, 2D and 3D, as
// configurations of the same generalised least-squares solve (after gstat's gls.c).
//
// Notation (n selected samples): C the n x n sample covariance matrix, c0 the sample-to-target
// covariances (point-to-block averages for a block), C00 the target's own variance (C(0) for a point,
// the block-to-block average C_bb for a block), z the sample values, 1 a vector of ones.
//   factorised once per neighbour set:  C = L L^T (Cholesky),  g = L^-1 z',  h = L^-1 1,  t = h'h = 1'C^-1 1
//   per target:                          y = L^-1 c0,  q = y'y = c0'C^-1 c0,  s = y'h = 1'C^-1 c0
//   simple (mean m, z' = z - m):         Z* = m + y'g,  var = C00 - q,  weights a = C^-1 c0
//   ordinary (z' = z):                   mu = (s - 1) / t,  w = a - mu C^-1 1  (so C w + mu 1 = c0, 1'w = 1)
//                                        Z* = y'g - mu h'g,  var = C00 - q + (s - 1)^2 / t
// Only forward substitutions are needed, one per target.
// These are gstat's BLP and BLUP with its variance (MSPE); with a block, var is the block variance.
// Per estimate also: slope of regression SoR = cov(Z, Z*) / var(Z*) = w'c0 / w'Cw, which is
// (q - mu s) / (q - mu s - mu) for ordinary kriging (= (C00 - var - mu) / (C00 - var - 2 mu)) and 1
// for simple kriging; kriging efficiency KE = (C00 - var) / C00. Both are left empty (NaN) for
// unbounded (power) models, whose covariances hold an arbitrary constant.
//
// Consecutive targets with the same neighbour set (a global search, blocks in one drillhole fan)
// reuse the factorisation, g and h: a target then costs one triangular solve. When the set changes by
// a few samples (the usual step along a grid row), the factor is updated instead of rebuilt: leaving
// samples are removed by Givens rotations, arriving ones appended as new rows, g and h carried along
// (dense_cholesky.h); this is chosen only when its flop count is below a new factorisation's, and
// a new factorisation is forced after max_updates updates in a row. The factor's order is then the
// order in which samples arrived, so results depend on the workspace's history at round-off level:
// callers that need the same bits for any thread count call forget() at fixed target boundaries
// (Estimator restarts every chunk of 256 targets).
//
// Near-singular systems: when a Cholesky pivot falls below 1e-10 of its diagonal (coincident or
// collinear samples without a nugget), C is replaced by its pseudo-inverse from an eigen-decomposition
// (eigenvalues below 1e-12 of the largest dropped) and the estimate is flagged `pseudo_inverse`; if
// nothing remains it is `singular` and not estimated. Round-off below zero in the variance becomes 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "geostat/block_support.h"
#include "geostat/covariance.h"

namespace georeserve {

enum class KrigingType { ordinary, simple };

enum class EstimateStatus : std::uint8_t {
  ok,
  pseudo_inverse,   // estimated through the pseudo-inverse of a near-singular matrix
  too_few_samples,  // not estimated: no pass found min_samples
  singular,         // not estimated: the system could not be solved
};
std::string_view status_name(EstimateStatus s);
inline bool estimated(EstimateStatus s) { return s == EstimateStatus::ok || s == EstimateStatus::pseudo_inverse; }

struct KrigingResult {
  double estimate = 0, variance = 0;
  double sum_weights = 0, lagrange = 0;  // lagrange: mu (0 for simple kriging)
  double slope = 0, efficiency = 0;      // NaN for unbounded models
  EstimateStatus status = EstimateStatus::singular;
};

struct KrigingWorkspace;  // per thread; defined in kriging_system.cpp
struct KrigingWorkspaceDeleter {
  void operator()(KrigingWorkspace* w) const;
};
using KrigingWorkspacePtr = std::unique_ptr<KrigingWorkspace, KrigingWorkspaceDeleter>;

class KrigingSystem {
 public:
  // xyz: 3 * n local sample coordinates; values: n sample values; block: nullopt for point kriging.
  KrigingSystem(CovarianceFunction covariance, KrigingType type, double mean, const std::vector<double>& xyz,
                const std::vector<double>& values, std::optional<BlockSupport> block);

  // A workspace for up to max_neighbours samples per target (all buffers allocated here, once).
  KrigingWorkspacePtr make_workspace(std::size_t max_neighbours) const;

  // Krige at target (local coordinates) from the samples ids[0..n) (ascending, n >= 1).
  KrigingResult solve(const std::uint32_t* ids, std::size_t n, const double target[3], KrigingWorkspace& ws) const;

  // Sample i's local coordinates (x, y, z), from the packed records.
  const double* sample(std::size_t i) const { return record(i); }
  // C00: the target's own (block) variance.
  double target_variance() const { return c00_; }
  const CovarianceFunction& covariance() const { return cov_; }
  KrigingType type() const { return type_; }
  // Drops the workspace's factorisation: the next solve factorises afresh.
  static void forget(KrigingWorkspace& ws);
  // Factorisations done, updated and reused by a workspace (for benchmarks and tests).
  static std::uint64_t factorisations(const KrigingWorkspace& ws);
  static std::uint64_t updates(const KrigingWorkspace& ws);
  static std::uint64_t reuses(const KrigingWorkspace& ws);
  // Updates in a row before a new factorisation bounds the round-off they gather.
  static constexpr std::size_t max_updates = 64;

 private:
  void factorise(const std::uint32_t* ids, std::size_t n, const double target[3], KrigingWorkspace& ws) const;
  bool update(const std::uint32_t* ids, std::size_t n, KrigingWorkspace& ws) const;
  void remove_at(std::size_t k, KrigingWorkspace& ws) const;
  bool append(std::uint32_t id, KrigingWorkspace& ws) const;
  void gather(std::uint32_t id, std::size_t j, KrigingWorkspace& ws) const;
  void covariances(std::size_t j, std::size_t begin, std::size_t end, const KrigingWorkspace& ws, double* out) const;
  void pseudo_inverse(std::size_t n, KrigingWorkspace& ws) const;
  void fill_matrix(std::size_t n, KrigingWorkspace& ws) const;
  void target_covariances(std::size_t n, const double target[3], KrigingWorkspace& ws) const;

  CovarianceFunction cov_;
  KrigingType type_;
  double mean_;
  std::size_t n_;
  // Everything a neighbour needs, one record per sample: x, y, z, value, then M_s x per structure,
  // padded to whole cache lines: gathering a neighbour touches one line, not 4 + 3 S scattered arrays.
  std::vector<double> packed_;  // 8 doubles longer than needed: records start on a 64-byte boundary
  std::size_t first_ = 0;       // the first record's offset in packed_ (the boundary)
  std::size_t stride_ = 0;
  double* record(std::size_t i) { return packed_.data() + first_ + stride_ * i; }
  const double* record(std::size_t i) const { return packed_.data() + first_ + stride_ * i; }
  bool block_ = false;
  std::vector<double> toffsets_;  // per structure and axis: M_s o_k for the block discretisation
  std::size_t block_points_ = 1;
  double c00_ = 0;
  bool coincident_ = false;  // some samples share coordinates (their nugget covariance counts)
};

}  // namespace georeserve
