#include "geostat/dense_cholesky.h"

#include <algorithm>
#include <cmath>

#include "core/vector_clones.h"

namespace georeserve {

GEORESERVE_VECTOR_CLONES bool cholesky_lower(double* a, std::size_t n, std::size_t ld, double relative_tolerance, double* min_ratio) {
  double largest = 0;
  for (std::size_t k = 0; k < n; ++k) largest = std::max(largest, a[k * ld + k]);
  double worst = 1.0;
  bool ok = largest > 0;
  for (std::size_t k = 0; k < n && ok; ++k) {
    double* ck = a + k * ld;
    const double d = ck[k];
    const double ratio = d / largest;
    worst = std::min(worst, ratio);
    if (!(ratio > relative_tolerance)) {
      ok = false;
      break;
    }
    const double inverse = 1.0 / std::sqrt(d);
    ck[k] = inverse;
    for (std::size_t i = k + 1; i < n; ++i) ck[i] *= inverse;
    // Right-looking update of the trailing lower triangle: column j -= L(j, k) * column k.
    for (std::size_t j = k + 1; j < n; ++j) {
      const double ljk = ck[j];
      double* cj = a + j * ld;
      for (std::size_t i = j; i < n; ++i) cj[i] -= ck[i] * ljk;
    }
  }
  if (min_ratio) *min_ratio = ok ? worst : std::min(worst, 0.0);
  return ok;
}

GEORESERVE_VECTOR_CLONES void solve_lower(const double* l, std::size_t n, std::size_t ld, double* b) {
  for (std::size_t k = 0; k < n; ++k) {
    const double* ck = l + k * ld;
    const double bk = b[k] * ck[k];
    b[k] = bk;
    for (std::size_t i = k + 1; i < n; ++i) b[i] -= ck[i] * bk;
  }
}

GEORESERVE_VECTOR_CLONES void cholesky_remove(double* l, std::size_t n, std::size_t ld, std::size_t k, double* g,
                                              double* h, double* scratch) {
  // Rows above k: only row k leaves; g and h lose entry k.
  for (std::size_t j = 0; j < k; ++j) {
    double* cj = l + j * ld;
    std::copy(cj + k + 1, cj + n, cj + k);
  }
  const std::size_t m = n - k - 1;  // size of the trailing block
  double* v = scratch;
  std::copy(l + k * ld + k + 1, l + k * ld + n, v);
  double vg = g[k], vh = h[k];
  // Column k + 1 + j of L moves to column k + j, one row up: dst = src - (ld + 1), read before written.
  for (std::size_t j = 0; j < m; ++j) {
    const double* src = l + (k + 1 + j) * ld + (k + 1 + j);
    double* dst = l + (k + j) * ld + (k + j);
    const double ljj = 1.0 / src[0];  // the diagonal holds 1 / L(j, j)
    const double r = std::sqrt(ljj * ljj + v[j] * v[j]);  // covariances: no overflow to guard
    const double cosine = ljj / r, sine = v[j] / r;
    dst[0] = 1.0 / r;
    for (std::size_t i = 1; i < m - j; ++i) {
      const double lij = src[i], vi = v[j + i];
      dst[i] = cosine * lij + sine * vi;
      v[j + i] = cosine * vi - sine * lij;
    }
    const double gj = g[k + 1 + j], hj = h[k + 1 + j];
    g[k + j] = cosine * gj + sine * vg;
    vg = cosine * vg - sine * gj;
    h[k + j] = cosine * hj + sine * vh;
    vh = cosine * vh - sine * hj;
  }
}

GEORESERVE_VECTOR_CLONES bool cholesky_append(double* l, std::size_t n, std::size_t ld, const double* c, double a,
                                              double relative_tolerance, double* x, double* inverse_pivot) {
  std::copy(c, c + n, x);
  solve_lower(l, n, ld, x);
  const double pivot = a - dot(x, x, n);
  if (!(pivot > relative_tolerance * a)) return false;
  for (std::size_t j = 0; j < n; ++j) l[j * ld + n] = x[j];
  *inverse_pivot = 1.0 / std::sqrt(pivot);
  l[n * ld + n] = *inverse_pivot;
  return true;
}

double dot(const double* a, const double* b, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

}  // namespace georeserve
