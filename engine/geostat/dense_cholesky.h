// Small dense Cholesky factorisation and triangular solves for the kriging hot loop: in place, no
// allocation, lower triangle stored column-major with leading dimension ld (A = L L^T).
//
// The loops are written so that the compiler can vectorise them without reassociating sums
// (right-looking updates and column sweeps, no reductions), and the few reductions (dot) add in one
// fixed order: the results are the same bits whatever the vector width of the machine.
#pragma once

#include <cstddef>

namespace georeserve {

// Factorises the lower triangle of a (column j holds A(j..n-1, j) at a[j * ld + j ..]) into L, with
// 1 / L(k, k) stored on the diagonal (the solves multiply instead of divide: shorter chains). Returns
// false when a pivot falls to or below relative_tolerance times its original diagonal (numerically
// singular); a is then partly overwritten. *min_ratio receives the smallest pivot / diagonal ratio seen.
bool cholesky_lower(double* a, std::size_t n, std::size_t ld, double relative_tolerance, double* min_ratio);

// Solves L y = b in place (b becomes y), L as left by cholesky_lower.
void solve_lower(const double* l, std::size_t n, std::size_t ld, double* b);

// Sum of a[i] * b[i], added in a fixed order (four interleaved partial sums).
double dot(const double* a, const double* b, std::size_t n);

}  // namespace georeserve
