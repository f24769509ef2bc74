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

// Updates for a neighbour set that changes by a few samples (a target moving along a grid row): a
// removal costs O((n - k)^2) and an append O(n^2), against O(n^3) for a new factorisation.
//
// cholesky_remove: L (n x n, as left by cholesky_lower) is the factor of A; afterwards the leading
// (n - 1) x (n - 1) block is the factor of A without row and column k. The trailing block takes the
// rank-one update L33' L33'^T = L33 L33^T + l l^T (l: column k below the diagonal) by Givens
// rotations (the rotated vector's scale carried apart, see the .cpp). g and h hold L^-1 b for two
// right-hand sides; they become L'^-1 b' (b without entry k) through the same rotations. scratch: n
// doubles.
void cholesky_remove(double* l, std::size_t n, std::size_t ld, std::size_t k, double* g, double* h, double* scratch);

// cholesky_append: extends the factor of the n x n matrix A (in l, as left by cholesky_lower) to that of
// [A c; c^T a]: row n becomes x = L^-1 c (also left in x, n doubles) and the pivot a - x'x. Returns false,
// changing nothing, when that pivot is not above relative_tolerance * a (a near-dependent sample: the
// caller then factorises afresh, which decides about near-singularity); *inverse_pivot receives
// 1 / sqrt(a - x'x) otherwise.
bool cholesky_append(double* l, std::size_t n, std::size_t ld, const double* c, double a, double relative_tolerance,
                     double* x, double* inverse_pivot);

// Sum of a[i] * b[i], added in a fixed order (four interleaved partial sums).
double dot(const double* a, const double* b, std::size_t n);

}  // namespace georeserve
