// A KD-tree over sample points for neighbour search (nanoflann inside; no nanoflann type leaks out).
// The points are given already transformed by the caller: by the search ellipsoid's matrix M for an
// anisotropic search (the ellipsoid becomes the unit ball), unchanged for a Euclidean one.
//
// Queries return neighbours in a canonical order, ascending by (squared distance, index), so that
// ties never depend on the tree's shape, the query order or the thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace georeserve {

struct Neighbour {
  double dist2;         // squared distance in the index's (transformed) coordinates
  std::uint32_t index;  // sample index
};

class SpatialIndex {
 public:
  // xyz: 3 * n coordinates, point i at [3 i, 3 i + 2]; copied.
  explicit SpatialIndex(std::vector<double> xyz);
  ~SpatialIndex();
  SpatialIndex(const SpatialIndex&) = delete;
  SpatialIndex& operator=(const SpatialIndex&) = delete;

  std::size_t size() const;
  const double* point(std::size_t i) const;

  // The (at most) k nearest points with squared distance <= max_dist2, written to out[0..) in
  // canonical order; returns how many. out must hold k entries. Allocation-free when
  // k < size(); with k >= size() every point within max_dist2 is returned (out must hold size()).
  // hint2: a squared distance within which the caller knows at least k points lie (from a nearby
  // earlier query, by the triangle inequality); it only prunes the search, the result is the same.
  std::size_t nearest(const double query[3], std::size_t k, double max_dist2, Neighbour* out,
                      double hint2 = std::numeric_limits<double>::infinity()) const;

  // Every point with squared distance <= max_dist2, unsorted, written to out[0..capacity); returns
  // how many, or capacity + 1 when there are more (out then holds an arbitrary part of them).
  std::size_t within(const double query[3], double max_dist2, Neighbour* out, std::size_t capacity) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace georeserve
