// Small dense Cholesky factorisation and triangular solves for the kriging hot loop: in place, no
// allocation, column-major upper triangle (A = U^T U), leading dimension ld. Inner products use
// Eigen's vectorised dot, so results are deterministic for given inputs.
#pragma once

#include <cstddef>

namespace georeserve {

// Factorises the upper triangle of a (column j holds A(0..j, j)) into U. Returns false when a pivot
// falls to or below relative_tolerance times its original diagonal (numerically singular); a is then
// partly overwritten. *min_ratio receives the smallest pivot / diagonal ratio seen.
bool cholesky_upper(double* a, std::size_t n, std::size_t ld, double relative_tolerance, double* min_ratio);

// Solves U^T y = b in place (b becomes y).
void solve_upper_transposed(const double* u, std::size_t n, std::size_t ld, double* b);

// Solves U x = y in place (y becomes x).
void solve_upper(const double* u, std::size_t n, std::size_t ld, double* y);

}  // namespace georeserve
