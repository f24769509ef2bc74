#include "geostat/spatial_index.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include <nanoflann.hpp>

namespace georeserve {

namespace {

bool before(double d1, std::uint32_t i1, double d2, std::uint32_t i2) { return d1 < d2 || (d1 == d2 && i1 < i2); }

struct PointCloud {
  std::vector<double> xyz;
  std::size_t kdtree_get_point_count() const { return xyz.size() / 3; }
  double kdtree_get_pt(std::uint32_t i, std::size_t dim) const { return xyz[3 * i + dim]; }
  template <class Box>
  bool kdtree_get_bbox(Box&) const { return false; }
};

// The next double above a non-negative x (std::nextafter without the library call); inf stays inf.
inline double next_up(double x) {
  if (!(x < std::numeric_limits<double>::infinity())) return x;
  return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) + 1);
}

// The k nearest within a bound, kept sorted by (distance, index) in the caller's buffer. worstDist()
// is one ulp above the current worst so that nanoflann's strict "<" still offers points tied with
// it; addPoint() then decides the tie by index.
// nanoflann hands over positions in the (leaf-ordered) cloud; `original` maps them to sample indices.
class BoundedKnn {
 public:
  BoundedKnn(std::size_t k, double bound, const std::uint32_t* original, Neighbour* out)
      : k_(k), bound_(bound), worst_(next_up(bound)), original_(original), out_(out) {}
  bool full() const { return count_ == k_; }
  double worstDist() const { return worst_; }
  bool addPoint(double d, std::uint32_t position) {
    if (d > bound_) return true;
    const std::uint32_t index = original_[position];
    if (full() && !before(d, index, out_[k_ - 1].dist2, out_[k_ - 1].index)) return true;
    std::size_t i = full() ? k_ - 1 : count_++;
    while (i > 0 && before(d, index, out_[i - 1].dist2, out_[i - 1].index)) {
      out_[i] = out_[i - 1];
      --i;
    }
    out_[i] = {d, index};
    if (full()) worst_ = next_up(out_[k_ - 1].dist2);
    return true;
  }
  std::size_t count() const { return count_; }

 private:
  std::size_t k_, count_ = 0;
  double bound_, worst_;
  const std::uint32_t* original_;
  Neighbour* out_;
};

// Every point within the bound, unsorted, at most `capacity` of them: one more stops the search.
class WithinBound {
 public:
  WithinBound(double bound, const std::uint32_t* original, Neighbour* out, std::size_t capacity)
      : bound_(bound), original_(original), out_(out), capacity_(capacity) {}
  bool full() const { return true; }
  double worstDist() const { return next_up(bound_); }
  bool addPoint(double d, std::uint32_t position) {
    if (!(d <= bound_)) return true;
    if (count_ == capacity_) {
      overflow_ = true;
      return false;
    }
    out_[count_++] = {d, original_[position]};
    return true;
  }
  // capacity + 1 after an overflow.
  std::size_t count() const { return overflow_ ? capacity_ + 1 : count_; }

 private:
  double bound_;
  const std::uint32_t* original_;
  Neighbour* out_;
  std::size_t capacity_, count_ = 0;
  bool overflow_ = false;
};

using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, PointCloud, double, std::uint32_t>,
                                                 PointCloud, 3, std::uint32_t>;

}  // namespace

struct SpatialIndex::Impl {
  PointCloud cloud;                    // points in leaf order
  std::vector<std::uint32_t> original; // cloud position -> sample index
  std::vector<std::uint32_t> position; // sample index -> cloud position
  std::unique_ptr<Tree> tree;
};

// After building, the points are stored in the order the tree's leaves visit them (and the tree's
// index array made the identity), so that a leaf scans contiguous memory instead of jumping through
// the whole sample array: a large saving on cache misses with 10^5 - 10^6 samples.
SpatialIndex::SpatialIndex(std::vector<double> xyz) : impl_(std::make_unique<Impl>()) {
  const std::size_t n = xyz.size() / 3;
  impl_->cloud.xyz = std::move(xyz);
  impl_->tree = std::make_unique<Tree>(3, impl_->cloud, nanoflann::KDTreeSingleIndexAdaptorParams(20));
  impl_->original.resize(n);
  impl_->position.resize(n);
  if (n == 0) return;
  impl_->tree->buildIndex();
  auto& order = impl_->tree->vAcc;
  std::vector<double> relaid(3 * n);
  for (std::size_t p = 0; p < n; ++p) {
    const std::uint32_t i = order[p];
    impl_->original[p] = i;
    impl_->position[i] = static_cast<std::uint32_t>(p);
    for (std::size_t a = 0; a < 3; ++a) relaid[3 * p + a] = impl_->cloud.xyz[3 * i + a];
    order[p] = static_cast<std::uint32_t>(p);
  }
  impl_->cloud.xyz = std::move(relaid);
}

SpatialIndex::~SpatialIndex() = default;

std::size_t SpatialIndex::size() const { return impl_->cloud.kdtree_get_point_count(); }

const double* SpatialIndex::point(std::size_t i) const { return impl_->cloud.xyz.data() + 3 * impl_->position[i]; }

std::size_t SpatialIndex::nearest(const double query[3], std::size_t k, double max_dist2, Neighbour* out,
                                  double hint2) const {
  if (k == 0 || size() == 0) return 0;
  const nanoflann::SearchParams params(0, 0.0f, false);
  if (k < size()) {
    if (hint2 < max_dist2) {
      BoundedKnn hinted(k, hint2, impl_->original.data(), out);
      impl_->tree->findNeighbors(hinted, query, params);
      if (hinted.full()) return k;  // the k nearest lie within the hint: the same result, found sooner
    }
    BoundedKnn result(k, max_dist2, impl_->original.data(), out);
    impl_->tree->findNeighbors(result, query, params);
    return result.count();
  }
  const std::size_t count = within(query, max_dist2, out, size());
  std::sort(out, out + count,
            [](const Neighbour& a, const Neighbour& b) { return before(a.dist2, a.index, b.dist2, b.index); });
  return count;
}

std::size_t SpatialIndex::within(const double query[3], double max_dist2, Neighbour* out, std::size_t capacity) const {
  if (size() == 0) return 0;
  WithinBound result(max_dist2, impl_->original.data(), out, capacity);
  impl_->tree->findNeighbors(result, query, nanoflann::SearchParams(0, 0.0f, false));
  return result.count();
}

}  // namespace georeserve
