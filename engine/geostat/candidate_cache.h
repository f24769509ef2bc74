// A per-thread cache of the index points around recent queries: targets come in grid order, so a run
// of nearby k-nearest queries is answered by scanning a hundred or so cached points instead of
// walking the KD-tree each time. The answers are SpatialIndex::nearest's, bit for bit: the same
// points, the same squared distances (the same formula on the same coordinates), the same order.
//
// Why that is exact: the cache holds every point p with |p - c| <= R. A point outside it is farther
// than R - |q - c| from the query q (triangle inequality). So when the k-th nearest cached point
// lies within r < R - |q - c| of q (with a relative margin far above round-off), no uncached point
// can come before it or tie with it; when fewer than k cached points qualify, the answer is all of
// them only if the whole bound (radius sqrt(max_dist2)) lies inside the cache's ball. Otherwise the
// cache is refilled around q, or the tree answers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geostat/spatial_index.h"

namespace georeserve {

// Aligned to 128 bytes: each thread's cache is written on every query, and must share no cache line
// with another thread's (see KrigingWorkspace).
class alignas(128) CandidateCache {
 public:
  // Exactly index.nearest(query, k, max_dist2, out); out must hold k entries (size() when
  // k >= size()). Allocation-free once the cache has grown to its working size.
  // ranked = false: the same neighbours in any order (usually by index), which saves sorting them.
  std::size_t nearest(const SpatialIndex& index, const double query[3], std::size_t k, double max_dist2,
                      Neighbour* out, bool ranked = true);

  // Caches every point of index within radius of centre, replacing what was cached; false when
  // that is more than capacity points (then nothing is). nearest() does this itself as the queries
  // move; whatever ball is cached, its answers stay exact.
  bool fill(const SpatialIndex& index, const double centre[3], double radius, std::size_t capacity);

  // Whether scans use the AVX-512 kernel (where the processor has it, unless disallowed). Tests
  // disallow it to check the portable kernel too; both give the same answers.
  static bool wide_kernel();
  static void allow_wide_kernel(bool allow);

  // How many queries the cache answered, and how many balls were filled (for tests and tuning).
  std::size_t hits() const { return hits_; }
  std::size_t fills() const { return fills_; }

 private:
  bool answer(const double query[3], std::size_t k, double max_dist2, double floor2, double ceiling2, Neighbour* out,
              bool ranked, std::size_t* found);
  std::size_t scan(const double query[3], std::size_t k, double limit2, double floor2, Neighbour* out, bool ranked);
  void use(const SpatialIndex& index);
  void remember(const double query[3], std::size_t k, std::size_t found, const Neighbour* out);

  const SpatialIndex* index_ = nullptr;  // the index the cached points come from
  double centre_[3] = {0, 0, 0};
  double radius_ = 0;                    // 0: nothing cached
  std::size_t size_ = 0;
  std::vector<double> x_, y_, z_;        // the cached points (index coordinates), by ascending index
  std::vector<std::uint32_t> id_;        // their point indices
  std::vector<double> d2_;               // their squared distances to the query
  std::vector<std::uint32_t> packed_id_; // scratch of the AVX-512 scan
  std::vector<Neighbour> candidates_, spare_;  // scratch
  // The last answer with k found: its k-th distance plus the step bounds the next k-th distance.
  double last_query_[3] = {0, 0, 0};
  std::size_t last_k_ = 0;
  double last_kth2_ = 0;
  std::size_t hits_ = 0, fills_ = 0;
};

}  // namespace georeserve
