// Cell declustering (GSLIB declus): each sample's weight is inversely proportional to the number of
// samples sharing its cell, averaged over several grid origins so the result does not hinge on
// where the cell boundaries fall. Used for declustered means in swath plots and global checks.
#pragma once

#include <array>
#include <vector>

namespace georeserve {

// Weights (summing to the number of samples) for samples at (x, y, z) with cells of `cell` metres;
// `offsets` origins per axis (offsets^3 grids in 3D; a cell size <= 0 on an axis ignores it).
std::vector<double> cell_declustering_weights(const std::vector<double>& x, const std::vector<double>& y,
                                              const std::vector<double>& z, std::array<double, 3> cell,
                                              int offsets = 4);

double weighted_mean(const std::vector<double>& values, const std::vector<double>& weights);

}  // namespace georeserve
