// Estimation of many targets from samples: kriging (kriging_system.h) and its baselines, inverse
// distance and nearest neighbour, all through the same neighbour search (neighbour_search.h).
//
// Targets are estimated in parallel (TBB) into pre-sized result arrays; each target's result depends
// only on its own inputs, so results are identical for any thread count. Each thread keeps one
// workspace with fixed buffers: nothing is allocated per target (except on the rare near-singular
// path, see kriging_system.h).
//
// Internally coordinates are taken relative to the centre of the samples' bounding box (large
// projected coordinates such as 41,500,000 m lose no precision in differences that way).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/fresh_memory.h"
#include "geostat/block_support.h"
#include "geostat/kriging_data.h"
#include "geostat/kriging_system.h"
#include "geostat/neighbour_search.h"
#include "geostat/variogram_model.h"

namespace georeserve {

class ProgressSink;

enum class EstimatorType { ordinary, simple, inverse_distance, nearest };

struct EstimationOptions {
  EstimatorType type = EstimatorType::ordinary;
  double mean = 0;   // simple kriging
  double power = 2;  // inverse distance: weights 1 / d^power, d the search distance (anisotropic with an ellipsoid)
  std::optional<BlockSupport> block;  // kriging only
  SearchPlan search;
};

// One estimate. Fields that do not apply are NaN (variance for the baselines, slope and efficiency
// for unbounded models, everything but status for targets not estimated).
struct EstimateRecord {
  double estimate, variance;
  double nearest_distance;  // Euclidean distance to the nearest sample used (m)
  double slope, efficiency; // slope of regression, kriging efficiency (kriging_system.h)
  double sum_weights, lagrange;
  std::uint32_t n_samples = 0, n_holes = 0;
  int pass = 0;             // 1-based search pass; 0 when not estimated
  EstimateStatus status = EstimateStatus::too_few_samples;
};

struct CrossValidationOptions {
  // Leave out the sample's whole drillhole, not only the sample (needs a hole column); this tests
  // the estimate of an undrilled place rather than interpolation along a hole.
  bool exclude_hole = false;
};

// Room for n estimate records, left untouched until the estimation writes them: a std::vector is
// zero-filled by one thread first, and the first touch of fresh memory is costly here (page faults;
// see FreshMemory). Written by the estimating threads, the pages are touched in parallel instead,
// and in 2 MB pages where the kernel grants them. (EstimateRecord is an aggregate with a trivial
// destructor, so the raw storage holds such objects implicitly, C++20.)
class EstimateBuffer {
 public:
  explicit EstimateBuffer(std::size_t n) : memory_(n * sizeof(EstimateRecord)), n_(n) {}
  std::span<EstimateRecord> span() { return {static_cast<EstimateRecord*>(memory_.data()), n_}; }
  std::span<const EstimateRecord> span() const { return {static_cast<const EstimateRecord*>(memory_.data()), n_}; }

 private:
  FreshMemory memory_;
  std::size_t n_;
};

class Estimator {
 public:
  // model may be null for inverse distance and nearest neighbour. Throws Error when the options do not
  // fit (kriging without a model, simple kriging with an unbounded model, a global search too large).
  // The samples are referred to, not copied: they must outlive the Estimator.
  Estimator(const KrigingSamples& samples, const VariogramModel* model, const EstimationOptions& options);
  ~Estimator();

  std::vector<EstimateRecord> estimate(const KrigingTargets& targets, ProgressSink* progress = nullptr) const;
  // The same into out (out.size() == targets.size()), whose memory may be fresh and untouched: each
  // record is written once, by the thread that estimates it (see EstimateBuffer).
  void estimate_into(const KrigingTargets& targets, std::span<EstimateRecord> out,
                     ProgressSink* progress = nullptr) const;
  // Leave-one-out at every sample, in sample order.
  std::vector<EstimateRecord> cross_validate(const CrossValidationOptions& options,
                                             ProgressSink* progress = nullptr) const;

  // Kriging systems factorised afresh / updated from the previous target's / reused unchanged by the
  // last run (a measure of reuse, for benchmarks).
  std::uint64_t last_factorisations() const { return factorisations_; }
  std::uint64_t last_updates() const { return updates_; }
  std::uint64_t last_reuses() const { return reuses_; }

 private:
  struct ThreadState;
  template <class TargetAt>
  void run(std::size_t count, TargetAt target_at, const char* task, ProgressSink* progress, EstimateRecord* out) const;
  EstimateRecord estimate_one(const double target[3], const SearchExclusion& exclude, ThreadState& state) const;
  double nearest_distance(const double target[3], const NeighbourSelection& selection) const;

  const KrigingSamples& samples_;
  EstimationOptions options_;
  double origin_[3] = {0, 0, 0};
  std::vector<double> xyz_;  // local sample coordinates
  std::unique_ptr<NeighbourSearch> search_;
  std::unique_ptr<KrigingSystem> system_;
  std::size_t max_neighbours_ = 0;
  mutable std::uint64_t factorisations_ = 0, updates_ = 0, reuses_ = 0;
};

}  // namespace georeserve
