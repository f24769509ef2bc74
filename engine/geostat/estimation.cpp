#include "geostat/estimation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"

namespace georeserve {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
// A global neighbourhood above this size would need N x N doubles per thread (about 290 MB at 6000).
constexpr std::size_t max_system_size = 6000;
// Targets per chunk of the parallel loop (see run()).
constexpr std::size_t chunk_size = 256;

bool is_kriging(EstimatorType t) { return t == EstimatorType::ordinary || t == EstimatorType::simple; }

EstimateRecord not_estimated(EstimateStatus status) {
  EstimateRecord r{nan, nan, nan, nan, nan, nan, nan, 0, 0, 0, status};
  return r;
}
}  // namespace

struct alignas(128) Estimator::ThreadState {  // no cache line shared between threads
  NeighbourSearch::Workspace search;
  KrigingWorkspacePtr kriging;
};

Estimator::Estimator(const KrigingSamples& samples, const VariogramModel* model, const EstimationOptions& options)
    : samples_(samples), options_(options) {
  const std::size_t n = samples.size();
  if (n == 0) throw Error("estimation: no samples");
  const std::vector<double>* axes[3] = {&samples.x, &samples.y, &samples.z};
  double diagonal2 = 0;
  for (int a = 0; a < 3; ++a) {
    const auto [lo, hi] = std::minmax_element(axes[a]->begin(), axes[a]->end());
    origin_[a] = std::floor(0.5 * (*lo + *hi) + 0.5);
    diagonal2 += (*hi - *lo) * (*hi - *lo);
  }
  xyz_.resize(3 * n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t a = 0; a < 3; ++a) xyz_[3 * i + a] = (*axes[a])[i] - origin_[a];
  max_neighbours_ = options.search.max_neighbours(n);
  auto build_search = [&] { search_ = std::make_unique<NeighbourSearch>(options.search, xyz_, samples.hole); };
  if (!is_kriging(options.type)) {
    if (options.block) throw Error("block support needs kriging (ordinary or simple)");
    build_search();
    return;
  }
  if (!model) throw Error("kriging needs a variogram model");
  if (options.type == EstimatorType::simple && !model->bounded())
    throw Error("simple kriging needs a bounded variogram model (the power model has no sill)");
  if (max_neighbours_ > max_system_size)
    throw ResourceError("a neighbourhood of " + std::to_string(max_neighbours_) + " samples needs " +
                        format_fixed(8.0 * static_cast<double>(max_neighbours_) * static_cast<double>(max_neighbours_) / 1e9, 1) +
                        " GB per thread for its kriging matrix; use a moving neighbourhood (search.max_samples) "
                        "of at most " + std::to_string(max_system_size) + " samples");
  const KrigingType type = options.type == EstimatorType::simple ? KrigingType::simple : KrigingType::ordinary;
  CovarianceFunction cov(*model, 2.0 * std::sqrt(diagonal2));
  // One after the other on this thread, not side by side: most of their cost is first touches of new
  // memory, which the thread's own heap can serve from what reading the input freed (a second
  // thread's heap cannot; side by side was twice as slow).
  build_search();
  system_ = std::make_unique<KrigingSystem>(std::move(cov), type, options.mean, xyz_, samples.value, options.block);
}

Estimator::~Estimator() = default;

// Euclidean distance to the nearest selected sample. The kriging system's packed sample records are
// read when there is one: the solve brings those lines into the cache anyway.
double Estimator::nearest_distance(const double target[3], const NeighbourSelection& sel) const {
  double nearest2 = std::numeric_limits<double>::infinity();
  if (sel.euclidean) {  // the search's own distances, computed the same way (the same bits)
    for (std::size_t k = 0; k < sel.count; ++k) nearest2 = std::min(nearest2, sel.dist2[k]);
    return std::sqrt(nearest2);
  }
  for (std::size_t k = 0; k < sel.count; ++k) {
    const double* p = system_ ? system_->sample(sel.indices[k]) : xyz_.data() + 3 * sel.indices[k];
    const double dx = p[0] - target[0], dy = p[1] - target[1], dz = p[2] - target[2];
    nearest2 = std::min(nearest2, dx * dx + dy * dy + dz * dz);
  }
  return std::sqrt(nearest2);
}

EstimateRecord Estimator::estimate_one(const double target[3], const SearchExclusion& exclude, ThreadState& st) const {
  const NeighbourSelection sel = search_->select(target, exclude, st.search);
  if (sel.count == 0) return not_estimated(EstimateStatus::too_few_samples);
  EstimateRecord r = not_estimated(EstimateStatus::ok);
  r.n_samples = static_cast<std::uint32_t>(sel.count);
  r.n_holes = static_cast<std::uint32_t>(sel.holes);
  r.pass = sel.pass;
  r.nearest_distance = nearest_distance(target, sel);
  const auto& z = samples_.value;

  switch (options_.type) {
    case EstimatorType::nearest:
      r.estimate = z[sel.nearest];
      r.sum_weights = 1;
      return r;
    case EstimatorType::inverse_distance: {
      double sw = 0, swz = 0, s0 = 0, s0z = 0;
      const double half_power = 0.5 * options_.power;
      for (std::size_t k = 0; k < sel.count; ++k) {
        const double d2 = sel.dist2[k];
        const double v = z[sel.indices[k]];
        if (d2 == 0) {  // exact at a sample: the estimate is that sample (mean of coincident ones)
          s0 += 1;
          s0z += v;
          continue;
        }
        const double w = std::exp(-half_power * std::log(d2));
        sw += w;
        swz += w * v;
      }
      r.estimate = s0 > 0 ? s0z / s0 : swz / sw;
      r.sum_weights = 1;
      return r;
    }
    case EstimatorType::ordinary:
    case EstimatorType::simple: break;
  }
  const KrigingResult k = system_->solve(sel.indices, sel.count, target, *st.kriging);
  if (!estimated(k.status)) return not_estimated(k.status);
  r.estimate = k.estimate;
  r.variance = k.variance;
  r.slope = k.slope;
  r.efficiency = k.efficiency;
  r.sum_weights = k.sum_weights;
  r.lagrange = k.lagrange;
  r.status = k.status;
  return r;
}

template <class TargetAt>
void Estimator::run(std::size_t count, TargetAt target_at, const char* task, ProgressSink* progress,
                    EstimateRecord* records) const {
  tbb::enumerable_thread_specific<ThreadState> states([this] {
    return ThreadState{search_->make_workspace(), system_ ? system_->make_workspace(max_neighbours_) : nullptr};
  });
  ProgressTask counter(progress, task, count);
  // Fixed chunks, each starting from a fresh factorisation: which thread takes a chunk never changes
  // a result (KrigingSystem's updates depend on the targets before, within the chunk only).
  const std::size_t chunks = (count + chunk_size - 1) / chunk_size;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, chunks), [&](const tbb::blocked_range<std::size_t>& chunk_range) {
    ThreadState& st = states.local();
    for (std::size_t chunk = chunk_range.begin(); chunk != chunk_range.end(); ++chunk) {
      if (st.kriging) KrigingSystem::forget(*st.kriging);
      const std::size_t end = std::min(count, (chunk + 1) * chunk_size);
      for (std::size_t i = chunk * chunk_size; i != end; ++i) {
        double target[3];
        SearchExclusion exclude;
        target_at(i, target, exclude);
        records[i] = estimate_one(target, exclude, st);
      }
      counter.advance(end - chunk * chunk_size);
    }
  });
  factorisations_ = updates_ = reuses_ = 0;
  for (const auto& st : states)
    if (st.kriging) {
      factorisations_ += KrigingSystem::factorisations(*st.kriging);
      updates_ += KrigingSystem::updates(*st.kriging);
      reuses_ += KrigingSystem::reuses(*st.kriging);
    }
}

// Target i in local coordinates.
namespace {
auto local_targets(const KrigingTargets& targets, const double* origin) {
  return [&targets, origin](std::size_t i, double* t, SearchExclusion&) {
    t[0] = targets.x[i] - origin[0];
    t[1] = targets.y[i] - origin[1];
    t[2] = targets.z[i] - origin[2];
  };
}
}  // namespace

std::vector<EstimateRecord> Estimator::estimate(const KrigingTargets& targets, ProgressSink* progress) const {
  std::vector<EstimateRecord> records(targets.size());
  run(targets.size(), local_targets(targets, origin_), "kriging", progress, records.data());
  return records;
}

void Estimator::estimate_into(const KrigingTargets& targets, std::span<EstimateRecord> out,
                              ProgressSink* progress) const {
  if (out.size() != targets.size())
    throw Error("estimation: room for " + std::to_string(out.size()) + " estimates, " +
                std::to_string(targets.size()) + " targets");
  run(targets.size(), local_targets(targets, origin_), "kriging", progress, out.data());
}

std::vector<EstimateRecord> Estimator::cross_validate(const CrossValidationOptions& options,
                                                      ProgressSink* progress) const {
  if (options.exclude_hole && !samples_.has_holes())
    throw Error("cross-validation by drillhole needs the samples' hole column (samples.hole)");
  std::vector<EstimateRecord> records(samples_.size());
  run(
      samples_.size(),
      [&](std::size_t i, double* t, SearchExclusion& exclude) {
        for (std::size_t a = 0; a < 3; ++a) t[a] = xyz_[3 * i + a];
        exclude.sample = static_cast<std::int64_t>(i);
        if (options.exclude_hole) exclude.hole = samples_.hole[i];
      },
      "cross-validation", progress, records.data());
  return records;
}

}  // namespace georeserve
