#include "geostat/candidate_cache.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(__SANITIZE_ADDRESS__)
#define GEORESERVE_SCAN_AVX512
#include <immintrin.h>
#endif

#include "core/radix_sort.h"

namespace georeserve {

namespace {
constexpr double infinity = std::numeric_limits<double>::infinity();
// A refill caches the ball of (1 + beta) times a bound on the k-th distance: a larger ball serves
// more queries before the next refill, but costs more to fill and to scan.
constexpr double beta = 1.0;
// Refill only when the targets step at most 1 / min_steps of the spare radius (beta times the k-th
// distance) from one query to the next: otherwise too few queries would use it to repay it (as
// with sparse neighbours, or a coarse grid), and the tree answers alone.
constexpr double min_steps = 3;
// How far ahead of the query a refilled ball is centred, as a share of the spare radius (beta times
// the bound on the k-th distance): the query itself keeps (1 - ahead_share) of it.
constexpr double ahead_share = 0.8;
// Relative margin in the exactness test, far above the few ulps of round-off in the distances.
constexpr double margin = 1e-9;
// At most this many cached points; a denser ball is not cached.
std::size_t capacity(std::size_t k) { return std::max<std::size_t>(256, 8 * k); }

// As nanoflann's L2_Simple_Adaptor computes it (((0 + dx^2) + dy^2) + dz^2): the same bits.
double distance2(const double a[3], const double b[3]) {
  const double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
  return dx * dx + dy * dy + dz * dz;
}

// The canonical ranking, by (distance, index), without branches; a function object, which the
// sorts inline.
constexpr auto before = [](const Neighbour& a, const Neighbour& b) {
  return (a.dist2 < b.dist2) | ((a.dist2 == b.dist2) & (a.index < b.index));
};

// The k-th of c[0..m) in the canonical ranking (0 < k < m), c being in index order. Those nearer
// than sqrt(floor2), a lower bound on the k-th distance, are in for sure: only the others, a thin
// shell, are ranked, by counting (no branch to mispredict). Any floor2 gives the same answer (a
// wrong bound only costs time).
Neighbour kth_smallest(const Neighbour* c, std::size_t m, std::size_t k, double floor2, Neighbour* shell) {
  std::size_t inside = 0, n = 0;
  for (std::size_t i = 0; i < m; ++i) {
    shell[n] = c[i];
    const bool in = c[i].dist2 < floor2;
    inside += in ? 1 : 0;
    n += in ? 0 : 1;
  }
  if (inside >= k) return kth_smallest(c, m, k, 0, shell);  // not a lower bound after all
  const std::size_t rank = k - 1 - inside;  // wanted among the shell
  if (n > 32) {
    std::nth_element(shell, shell + rank, shell + n, before);
    return shell[rank];
  }
  for (std::size_t a = 0;; ++a) {  // a rank: those nearer, and those as near with a lower index
    std::size_t r = 0;
    for (std::size_t b = 0; b < a; ++b) r += shell[b].dist2 <= shell[a].dist2 ? 1 : 0;
    for (std::size_t b = a + 1; b < n; ++b) r += shell[b].dist2 < shell[a].dist2 ? 1 : 0;
    if (r == rank) return shell[a];
  }
}

#if defined(GEORESERVE_SCAN_AVX512)
// scan() for machines with AVX-512 (F and VL): eight distances per instruction, and the points
// within a bound packed by compress-stores instead of one at a time. The same answer bit for bit
// (the same products and sums, in the same order; no fused multiply-add). Returns the count found,
// the points in index order in d2[0..found) and ids[0..found); c and shell: scratch for
// kth_smallest().
__attribute__((target("avx512f,avx512vl"))) std::size_t scan_avx512(const double* x, const double* y,
                                                                     const double* z, const std::uint32_t* id,
                                                                     std::size_t n, const double query[3],
                                                                     std::size_t k, double limit2, double floor2,
                                                                     double* d2, std::uint32_t* ids, Neighbour* c,
                                                                     Neighbour* shell) {
  const __m512d qx = _mm512_set1_pd(query[0]), qy = _mm512_set1_pd(query[1]), qz = _mm512_set1_pd(query[2]);
  const __m512d limit = _mm512_set1_pd(limit2);
  std::size_t m = 0;
  for (std::size_t j = 0; j < n; j += 8) {
    const __mmask8 valid = n - j >= 8 ? __mmask8(0xFF) : __mmask8((1u << (n - j)) - 1);
    const __m512d dx = _mm512_sub_pd(qx, _mm512_maskz_loadu_pd(valid, x + j));
    const __m512d dy = _mm512_sub_pd(qy, _mm512_maskz_loadu_pd(valid, y + j));
    const __m512d dz = _mm512_sub_pd(qz, _mm512_maskz_loadu_pd(valid, z + j));
    const __m512d e = _mm512_add_pd(_mm512_add_pd(_mm512_mul_pd(dx, dx), _mm512_mul_pd(dy, dy)), _mm512_mul_pd(dz, dz));
    const __mmask8 in = _mm512_mask_cmp_pd_mask(valid, e, limit, _CMP_LE_OQ);
    _mm512_mask_compressstoreu_pd(d2 + m, in, e);
    _mm256_mask_compressstoreu_epi32(ids + m, in, _mm256_maskz_loadu_epi32(valid, id + j));
    m += static_cast<std::size_t>(__builtin_popcount(in));
  }
  if (m <= k) return m;
  for (std::size_t i = 0; i < m; ++i) c[i] = {d2[i], ids[i]};
  const Neighbour kth = kth_smallest(c, m, k, floor2, shell);
  // Keep those not after the k-th: d2 < kth.dist2, or d2 == kth.dist2 and an index up to kth.index.
  const __m512d kd = _mm512_set1_pd(kth.dist2);
  const __m256i ki = _mm256_set1_epi32(static_cast<int>(kth.index));
  std::size_t kept = 0;
  for (std::size_t i = 0; i < m; i += 8) {
    const __mmask8 valid = m - i >= 8 ? __mmask8(0xFF) : __mmask8((1u << (m - i)) - 1);
    const __m512d e = _mm512_maskz_loadu_pd(valid, d2 + i);
    const __m256i v = _mm256_maskz_loadu_epi32(valid, ids + i);
    const __mmask8 below = _mm512_mask_cmp_pd_mask(valid, e, kd, _CMP_LT_OQ);
    const __mmask8 tie = _mm512_mask_cmp_pd_mask(valid, e, kd, _CMP_EQ_OQ) & _mm256_cmple_epu32_mask(v, ki);
    const __mmask8 keep = below | tie;
    _mm512_mask_compressstoreu_pd(d2 + kept, keep, e);  // kept <= i: reads ahead of writes
    _mm256_mask_compressstoreu_epi32(ids + kept, keep, v);
    kept += static_cast<std::size_t>(__builtin_popcount(keep));
  }
  return kept;
}

bool has_avx512() {
  static const bool yes = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl");
  return yes;
}
#endif

std::atomic<bool> wide_allowed{true};
}  // namespace

std::size_t CandidateCache::nearest(const SpatialIndex& index, const double query[3], std::size_t k, double max_dist2,
                                    Neighbour* out, bool ranked) {
  if (k == 0 || k >= index.size()) return index.nearest(query, k, max_dist2, out);
  use(index);
  // The last answer's k-th distance r and the step s bound this k-th distance to [r - s, r + s]
  // (triangle inequality; with a margin for round-off). The bounds narrow what is searched and
  // sorted, they do not change the answer.
  double step = infinity, floor2 = 0, ceiling2 = infinity;
  if (last_k_ >= k) {
    step = std::sqrt(distance2(query, last_query_));
    const double r = std::sqrt(last_kth2_);
    ceiling2 = (r + step) * (r + step) * (1 + margin) + 1e-300;
    if (last_k_ == k && r > step) floor2 = (r - step) * (r - step) * (1 - margin);
  }
  std::size_t found = 0;
  if (answer(query, k, max_dist2, floor2, ceiling2, out, ranked, &found)) {
    ++hits_;
  } else {
    // A new ball around the query, with room beyond the bound: it holds this answer and serves the
    // next few queries. Without a bound (no nearby last answer), or for a long step, the tree answers.
    if (ceiling2 < infinity && min_steps * step < beta * std::sqrt(last_kth2_)) {
      // Centred ahead of the query, in the direction it moves: the queries to come stay inside
      // twice as long as in a ball centred on this one (whose back half they leave behind).
      const double reach = std::sqrt(ceiling2), ahead = step > 0 ? ahead_share * beta * reach / step : 0.0;
      double centre[3];
      for (int a = 0; a < 3; ++a) centre[a] = query[a] + ahead * (query[a] - last_query_[a]);
      fill(index, centre, (1 + beta) * reach, capacity(k));
    } else
      radius_ = 0;
    if (!answer(query, k, max_dist2, floor2, ceiling2, out, ranked, &found))
      found = index.nearest(query, k, max_dist2, out, ceiling2);
  }
  remember(query, k, found, out);
  return found;
}

// The answer from the cache alone, when it is exact (see the header).
bool CandidateCache::answer(const double query[3], std::size_t k, double max_dist2, double floor2, double ceiling2,
                            Neighbour* out, bool ranked, std::size_t* found) {
  if (!(radius_ > 0)) return false;
  const double inner = radius_ * (1 - margin) - std::sqrt(distance2(query, centre_));
  if (!(inner > 0)) return false;
  const double limit2 = std::min({max_dist2, inner * inner, ceiling2});
  *found = scan(query, k, limit2, floor2, out, ranked);
  return *found == k || limit2 >= max_dist2;
}

// The k nearest cached points within limit2: in canonical order if ranked, else by index. floor2:
// see kth_smallest().
std::size_t CandidateCache::scan(const double query[3], std::size_t k, double limit2, double floor2, Neighbour* out,
                                 bool ranked) {
#if defined(GEORESERVE_SCAN_AVX512)
  if (wide_kernel()) {
    const std::size_t found = scan_avx512(x_.data(), y_.data(), z_.data(), id_.data(), size_, query, k, limit2, floor2,
                                          d2_.data(), packed_id_.data(), candidates_.data(), spare_.data());
    for (std::size_t i = 0; i < found; ++i) out[i] = {d2_[i], packed_id_[i]};
    if (ranked) std::sort(out, out + found, before);
    return found;
  }
#endif
  const double qx = query[0], qy = query[1], qz = query[2];
  for (std::size_t j = 0; j < size_; ++j) {
    const double dx = qx - x_[j], dy = qy - y_[j], dz = qz - z_[j];
    d2_[j] = dx * dx + dy * dy + dz * dz;  // as distance2(), in a loop that vectorises
  }
  Neighbour* c = candidates_.data();
  std::size_t m = 0;
  for (std::size_t j = 0; j < size_; ++j) {  // in index order; branch-free, like kth_smallest()
    c[m] = {d2_[j], id_[j]};
    m += d2_[j] <= limit2 ? 1 : 0;
  }
  const std::size_t found = std::min(m, k);
  if (m > k) {  // the k nearest, kept in index order: those up to the k-th
    const Neighbour kth = kth_smallest(c, m, k, floor2, spare_.data());
    std::size_t n = 0;
    for (std::size_t i = 0; i < m; ++i) {
      c[n] = c[i];  // n <= i
      n += before(kth, c[i]) ? 0 : 1;
    }
  }
  if (ranked) std::sort(c, c + found, before);
  std::copy(c, c + found, out);
  return found;
}

bool CandidateCache::wide_kernel() {
#if defined(GEORESERVE_SCAN_AVX512)
  return has_avx512() && wide_allowed.load(std::memory_order_relaxed);
#else
  return false;
#endif
}

void CandidateCache::allow_wide_kernel(bool allow) { wide_allowed.store(allow, std::memory_order_relaxed); }

bool CandidateCache::fill(const SpatialIndex& index, const double centre[3], double radius, std::size_t capacity) {
  ++fills_;
  use(index);
  radius_ = 0;
  size_ = 0;
  if (candidates_.size() < capacity) {
    for (auto* v : {&x_, &y_, &z_, &d2_}) v->resize(capacity);
    id_.resize(capacity);
    packed_id_.resize(capacity);
    for (auto* v : {&candidates_, &spare_}) v->resize(capacity);
  }
  Neighbour* c = candidates_.data();
  const std::size_t m = index.within(centre, radius * radius, c, capacity);
  if (m > capacity) return false;
  radix_sort(c, m, spare_.data(), [](const Neighbour& x) { return x.index; });  // into index order
  for (std::size_t j = 0; j < m; ++j) {
    const double* p = index.point(c[j].index);
    x_[j] = p[0];
    y_[j] = p[1];
    z_[j] = p[2];
    id_[j] = c[j].index;
  }
  std::copy(centre, centre + 3, centre_);
  radius_ = radius;
  size_ = m;
  return true;
}

void CandidateCache::use(const SpatialIndex& index) {
  if (&index == index_) return;
  index_ = &index;  // what is cached and remembered is another index's
  radius_ = 0;
  last_k_ = 0;
}

void CandidateCache::remember(const double query[3], std::size_t k, std::size_t found, const Neighbour* out) {
  last_k_ = found == k ? k : 0;
  if (found < k) return;
  std::copy(query, query + 3, last_query_);
  last_kth2_ = 0;  // the largest distance: out may be unranked
  for (std::size_t i = 0; i < k; ++i) last_kth2_ = std::max(last_kth2_, out[i].dist2);
}

}  // namespace georeserve
