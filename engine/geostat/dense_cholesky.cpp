#include "geostat/dense_cholesky.h"

#include <algorithm>
#include <cmath>

namespace georeserve {

bool cholesky_lower(double* a, std::size_t n, std::size_t ld, double relative_tolerance, double* min_ratio) {
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

void solve_lower(const double* l, std::size_t n, std::size_t ld, double* b) {
  for (std::size_t k = 0; k < n; ++k) {
    const double* ck = l + k * ld;
    const double bk = b[k] * ck[k];
    b[k] = bk;
    for (std::size_t i = k + 1; i < n; ++i) b[i] -= ck[i] * bk;
  }
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
