// Internal to the variography code: visits every pair of samples closer than a radius exactly once,
// without ever holding the pairs in memory, in parallel and deterministically.
//
// Samples are sorted into cubic cells of about radius / 2 (keys sorted, so memory follows the samples,
// not the bounding box). A cell is paired with itself and with the neighbouring cells of a half
// stencil (later in key order), so each pair is seen once; cell rows whose nearest corner is beyond
// the radius are skipped. Down-hole-only scans group the samples by hole instead.
// The sum over cells is tbb::parallel_deterministic_reduce with a grain fixed by the cell count: the
// same split and the same order of floating-point additions for any number of threads.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include "core/progress.h"
#include "geostat/experimental_variogram.h"

namespace georeserve::variography_detail {

class PairScanner {
 public:
  // Sorts a copy of the samples. scope: which pairs exist at all (hole ids needed unless `all`).
  PairScanner(const VariogramSamples& samples, double radius, PairSelection scope);

  std::size_t size() const { return x_.size(); }
  double radius() const { return radius_; }
  // Sorted copies; index i here is sample original_index(i) of the input.
  const std::vector<double>& x() const { return x_; }
  const std::vector<double>& y() const { return y_; }
  const std::vector<double>& z() const { return z_; }
  const std::vector<double>& value() const { return v_; }
  std::size_t original_index(std::size_t i) const { return order_[i]; }

  // Calls visit(acc, i, j, dx, dy, dz, h) for every pair i < j (sorted indices) with h <= radius,
  // where (dx, dy, dz) = sample i - sample j and h = sqrt(dx*dx + dy*dy + dz*dz) (gstat's arithmetic).
  // Acc needs a copy constructor and merge(const Acc&). progress counts samples (may be null).
  template <class Acc, class Visit>
  Acc reduce(const Acc& identity, const Visit& visit, ProgressTask* progress) const {
    const std::size_t units = groups_.size() - 1;
    const std::size_t grain = std::max<std::size_t>(1, units / 512);
    return tbb::parallel_deterministic_reduce(
        tbb::blocked_range<std::size_t>(0, units, grain), identity,
        [&](const tbb::blocked_range<std::size_t>& r, Acc acc) {
          std::vector<Range> ranges;
          for (std::size_t g = r.begin(); g != r.end(); ++g) {
            neighbour_ranges(g, &ranges);
            // Candidates in blocks: a branch-free pass keeps those within the radius (most are
            // not: a random branch there would cost more than the distance itself).
            constexpr std::size_t block = 256;
            std::size_t near[block];
            for (std::size_t i = groups_[g]; i < groups_[g + 1]; ++i) {
              const double xi = x_[i], yi = y_[i], zi = z_[i];
              for (const Range& rg : ranges) {
                for (std::size_t j0 = rg.self ? i + 1 : rg.begin; j0 < rg.end; j0 += block) {
                  const std::size_t j1 = std::min(rg.end, j0 + block);
                  std::size_t m = 0;
                  for (std::size_t j = j0; j < j1; ++j) {
                    const double dx = xi - x_[j], dy = yi - y_[j], dz = zi - z_[j];
                    near[m] = j;
                    m += (dx * dx + dy * dy + dz * dz <= radius2_) ? 1 : 0;
                  }
                  for (std::size_t t = 0; t < m; ++t) {
                    const std::size_t j = near[t];
                    if (scope_ == PairSelection::different_holes && hole_[i] == hole_[j]) continue;
                    const double dx = xi - x_[j], dy = yi - y_[j], dz = zi - z_[j];
                    const double h = std::sqrt(dx * dx + dy * dy + dz * dz);
                    if (h > radius_) continue;
                    visit(acc, i, j, dx, dy, dz, h);
                  }
                }
              }
            }
            if (progress) progress->advance(groups_[g + 1] - groups_[g]);
          }
          return acc;
        },
        [](Acc a, const Acc& b) {
          a.merge(b);
          return a;
        });
  }

 private:
  struct Range {
    std::size_t begin, end;
    bool self;  // the group's own row: start after i
  };
  struct Row {
    int oy, oz, mx;
  };
  void build_cells(const VariogramSamples& s);
  void build_holes(const VariogramSamples& s);
  void neighbour_ranges(std::size_t group, std::vector<Range>* out) const;

  double radius_, radius2_;
  PairSelection scope_;
  std::vector<double> x_, y_, z_, v_;
  std::vector<int> hole_;
  std::vector<std::size_t> order_;
  // Groups: cells (sorted by key) or holes. groups_[g] .. groups_[g+1] are the samples of group g.
  std::vector<std::size_t> groups_;
  std::vector<std::uint64_t> keys_;  // cell key of each group (cell scans only)
  std::int64_t nx_ = 1, ny_ = 1, nz_ = 1;
  std::vector<Row> rows_;
  bool by_hole_ = false;
};

}  // namespace georeserve::variography_detail
