#include "geostat/spatial_index.h"

#include <algorithm>
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

// The k nearest within a bound, kept sorted by (distance, index) in the caller's buffer. worstDist()
// is nudged up by one ulp so that nanoflann's strict "<" still offers points tied with the current
// worst; addPoint() then decides the tie by index.
class BoundedKnn {
 public:
  BoundedKnn(std::size_t k, double bound, Neighbour* out) : k_(k), bound_(bound), out_(out) {}
  bool full() const { return count_ == k_; }
  double worstDist() const {
    const double w = full() ? out_[k_ - 1].dist2 : bound_;
    return std::nextafter(w, std::numeric_limits<double>::infinity());
  }
  bool addPoint(double d, std::uint32_t index) {
    if (d > bound_) return true;
    if (full() && !before(d, index, out_[k_ - 1].dist2, out_[k_ - 1].index)) return true;
    std::size_t i = full() ? k_ - 1 : count_++;
    while (i > 0 && before(d, index, out_[i - 1].dist2, out_[i - 1].index)) {
      out_[i] = out_[i - 1];
      --i;
    }
    out_[i] = {d, index};
    return true;
  }
  std::size_t count() const { return count_; }

 private:
  std::size_t k_, count_ = 0;
  double bound_;
  Neighbour* out_;
};

// Every point within the bound, unsorted (sorted afterwards).
class WithinBound {
 public:
  WithinBound(double bound, Neighbour* out) : bound_(bound), out_(out) {}
  bool full() const { return true; }
  double worstDist() const { return std::nextafter(bound_, std::numeric_limits<double>::infinity()); }
  bool addPoint(double d, std::uint32_t index) {
    if (d <= bound_) out_[count_++] = {d, index};
    return true;
  }
  std::size_t count() const { return count_; }

 private:
  double bound_;
  Neighbour* out_;
  std::size_t count_ = 0;
};

using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, PointCloud, double, std::uint32_t>,
                                                 PointCloud, 3, std::uint32_t>;

}  // namespace

struct SpatialIndex::Impl {
  PointCloud cloud;
  std::unique_ptr<Tree> tree;
};

SpatialIndex::SpatialIndex(std::vector<double> xyz) : impl_(std::make_unique<Impl>()) {
  impl_->cloud.xyz = std::move(xyz);
  impl_->tree = std::make_unique<Tree>(3, impl_->cloud, nanoflann::KDTreeSingleIndexAdaptorParams(12));
  if (size() > 0) impl_->tree->buildIndex();
}

SpatialIndex::~SpatialIndex() = default;

std::size_t SpatialIndex::size() const { return impl_->cloud.kdtree_get_point_count(); }

const double* SpatialIndex::point(std::size_t i) const { return impl_->cloud.xyz.data() + 3 * i; }

std::size_t SpatialIndex::nearest(const double query[3], std::size_t k, double max_dist2, Neighbour* out) const {
  if (k == 0 || size() == 0) return 0;
  const nanoflann::SearchParams params(0, 0.0f, false);
  if (k < size()) {
    BoundedKnn result(k, max_dist2, out);
    impl_->tree->findNeighbors(result, query, params);
    return result.count();
  }
  WithinBound result(max_dist2, out);
  impl_->tree->findNeighbors(result, query, params);
  std::sort(out, out + result.count(),
            [](const Neighbour& a, const Neighbour& b) { return before(a.dist2, a.index, b.dist2, b.index); });
  return result.count();
}

}  // namespace georeserve
