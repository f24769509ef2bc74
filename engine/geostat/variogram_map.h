// The variogram map: semivariance on a grid of horizontal lag vectors (dx east, dy north), for finding
// the directions of anisotropy before choosing directional variograms. Cell (i, j) is centred on
// (i * cell_x, j * cell_y), i in [-half_x, half_x], j in [-half_y, half_y], and holds the lag vectors
// with round(dx / cell_x) = i, round(dy / cell_y) = j (halves rounded away from zero). Each pair adds
// to the cells of both its vector and the opposite one, once to the centre cell: the map is symmetric,
// as gstat's variogram(map = TRUE).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <limits>
#include <vector>

#include "geostat/experimental_variogram.h"

namespace georeserve {

struct VariogramMapOptions {
  double cell_x = 1, cell_y = 1;  // lag cell size (m)
  int half_x = 10, half_y = 10;   // cells on each side of the zero lag
  // 3D data: only pairs whose vertical separation is at most this (m); infinite = all.
  double max_dz = std::numeric_limits<double>::infinity();
  PairSelection pairs = PairSelection::all;
  std::uint64_t min_pairs = 5;  // for the figure only: cells with fewer pairs are greyed out
};

struct VariogramMap {
  double cell_x = 1, cell_y = 1;
  int half_x = 0, half_y = 0;
  std::vector<std::uint64_t> pairs;  // row-major, row 0 = dy most negative (south), column 0 = dx most negative
  std::vector<double> gamma;         // NaN where no pair

  int columns() const { return 2 * half_x + 1; }
  int rows() const { return 2 * half_y + 1; }
  double dx(int column) const { return (column - half_x) * cell_x; }
  double dy(int row) const { return (row - half_y) * cell_y; }
  std::size_t index(int column, int row) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(columns()) + static_cast<std::size_t>(column);
  }
};

VariogramMap compute_variogram_map(const VariogramSamples& samples, const VariogramMapOptions& options,
                                   ProgressSink* progress = nullptr);

// CSV: dx,dy,pairs,gamma (cells without pairs have an empty gamma).
void write_variogram_map_csv(std::ostream& out, const VariogramMap& map);

}  // namespace georeserve
