#include "geostat/dense_cholesky.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/vector_clones.h"

namespace georeserve {

// Both kernels work four columns at a time: the trailing part takes the four columns' updates in one
// sweep (fewer loads and stores per flop, one loop instead of four), in the same order as one column
// at a time. (The solve's four new unknowns are found in an order of its own; see there.)
GEORESERVE_VECTOR_CLONES bool cholesky_lower(double* a, std::size_t n, std::size_t ld, double relative_tolerance,
                                             double* min_ratio) {
  double largest = 0;
  for (std::size_t k = 0; k < n; ++k) largest = std::max(largest, a[k * ld + k]);
  double worst = 1.0;
  bool ok = largest > 0;
  for (std::size_t k0 = 0; k0 < n && ok; k0 += 4) {
    const std::size_t k1 = std::min(n, k0 + 4);
    // The panel: columns k0..k1-1 in full, one after the other, updating only the panel's own columns.
    for (std::size_t k = k0; k < k1; ++k) {
      double* ck = a + k * ld;
      const double ratio = ck[k] / largest;
      worst = std::min(worst, ratio);
      if (!(ratio > relative_tolerance)) {
        ok = false;
        break;
      }
      const double inverse = 1.0 / std::sqrt(ck[k]);
      ck[k] = inverse;
      for (std::size_t i = k + 1; i < n; ++i) ck[i] *= inverse;
      for (std::size_t j = k + 1; j < k1; ++j) {
        const double ljk = ck[j];
        double* cj = a + j * ld;
        for (std::size_t i = j; i < n; ++i) cj[i] -= ck[i] * ljk;
      }
    }
    if (!ok || k1 == n) break;
    // The trailing columns: column j -= L(j, k) * column k for the panel's k, in order.
    const std::size_t width = k1 - k0;
    for (std::size_t j = k1; j < n; ++j) {
      double* cj = a + j * ld;
      if (width == 4) {
        const double* p0 = a + k0 * ld;
        const double *p1 = p0 + ld, *p2 = p1 + ld, *p3 = p2 + ld;
        const double l0 = p0[j], l1 = p1[j], l2 = p2[j], l3 = p3[j];
        for (std::size_t i = j; i < n; ++i) cj[i] = (((cj[i] - p0[i] * l0) - p1[i] * l1) - p2[i] * l2) - p3[i] * l3;
      } else {
        for (std::size_t k = k0; k < k1; ++k) {
          const double* ck = a + k * ld;
          const double ljk = ck[j];
          for (std::size_t i = j; i < n; ++i) cj[i] -= ck[i] * ljk;
        }
      }
    }
  }
  if (min_ratio) *min_ratio = ok ? worst : std::min(worst, 0.0);
  return ok;
}

GEORESERVE_VECTOR_CLONES void solve_lower(const double* l, std::size_t n, std::size_t ld, double* b) {
  std::size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    const double* c0 = l + k * ld;
    const double *c1 = c0 + ld, *c2 = c1 + ld, *c3 = c2 + ld;
    // y_j = d_j (b_j - ... - L(j, j-1) y_{j-1}) as d_j (b_j - ...) - (d_j L(j, j-1)) y_{j-1}: from one
    // y to the next, a multiply and a subtraction instead of a multiply, a subtraction and a multiply.
    const double y0 = b[k] * c0[k];
    const double y1 = b[k + 1] * c1[k + 1] - (c1[k + 1] * c0[k + 1]) * y0;
    const double y2 = (b[k + 2] - c0[k + 2] * y0) * c2[k + 2] - (c2[k + 2] * c1[k + 2]) * y1;
    const double y3 = ((b[k + 3] - c0[k + 3] * y0) - c1[k + 3] * y1) * c3[k + 3] - (c3[k + 3] * c2[k + 3]) * y2;
    b[k] = y0, b[k + 1] = y1, b[k + 2] = y2, b[k + 3] = y3;
    for (std::size_t i = k + 4; i < n; ++i) b[i] = (((b[i] - c0[i] * y0) - c1[i] * y1) - c2[i] * y2) - c3[i] * y3;
  }
  for (; k < n; ++k) {
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
    for (std::size_t i = k; i + 1 < n; ++i) cj[i] = cj[i + 1];  // a few entries: a loop, not a memmove call
  }
  const std::size_t m = n - k - 1;  // size of the trailing block
  // The rotations carry v = w / sqrt(u) (v: what is left of column k) with the scale apart: rotation
  // j, with d = 1 / L(j, j), t = d v_j and rho = 1 / sqrt(1 + t^2) (cosine rho, sine t rho), maps
  //   L(i, j) -> rho (L(i, j) + t v_i),   v_i -> rho (v_i - t L(i, j)),
  // which is, with a = d w_j,
  //   L(i, j) -> rho (L(i, j) + (a / u) w_i),   w_i -> w_i - a L(i, j),   u -> u + a^2,
  // and rho = sqrt(u / u_next). From one rotation to the next the chain is then a multiply-add (w)
  // and an addition (u); each rotation's division and square root lie off it (the plain rotations
  // chain a square root and a division, about four times as long). u ends as 1 + |L33^-1 l|^2, which
  // the condition of A bounds: nowhere near overflow for a factor cholesky_lower accepted.
  double* w = scratch;
  for (std::size_t i = 0; i < m; ++i) w[i] = l[k * ld + k + 1 + i];
  double wg = g[k], wh = h[k];
  double u = 1.0, inverse_u = 1.0;
  using Run4 = double __attribute__((vector_size(32)));  // GCC vector extension: four doubles
  // Column k + 1 + j of L moves to column k + j, one row up: dst = src - (ld + 1), read before written.
  for (std::size_t j = 0; j < m; ++j) {
    const double* src = l + (k + 1 + j) * ld + (k + 1 + j);
    double* dst = l + (k + j) * ld + (k + j);
    const double d = src[0];  // the diagonal holds 1 / L(j, j)
    const double a = d * w[j], b = a * inverse_u;
    const double u_next = u + a * a;
    const double inverse_next = 1.0 / u_next;
    const double rho = std::sqrt(u * inverse_next);
    u = u_next, inverse_u = inverse_next;
    dst[0] = d * rho;
    // Entry r of w is read here as the last rotation wrote it. Were w taken in runs of four from
    // j + 1, each run would straddle two runs stored by the last rotation, and a load that spans two
    // stores waits for them to reach the cache (no store forwarding): this alone cost more than the
    // rotation's arithmetic. So w goes in runs of four at fixed places (multiples of four), with a
    // scalar head before the first and the same scalar tail each time.
    auto rotate = [&](std::size_t r) {
      const double lij = src[r - j], wi = w[r];
      dst[r - j] = rho * (lij + b * wi);
      w[r] = wi - a * lij;
    };
    const std::size_t runs_end = m / 4 * 4;
    std::size_t r = j + 1;
    for (; r < m && r % 4 != 0; ++r) rotate(r);
    for (; r < runs_end; r += 4) {
      Run4 lij, wi;
      std::memcpy(&lij, src + (r - j), sizeof lij);
      std::memcpy(&wi, w + r, sizeof wi);
      const Run4 out = rho * (lij + b * wi), next = wi - a * lij;
      std::memcpy(dst + (r - j), &out, sizeof out);
      std::memcpy(w + r, &next, sizeof next);
    }
    for (; r < m; ++r) rotate(r);
    const double gj = g[k + 1 + j], hj = h[k + 1 + j];
    g[k + j] = rho * (gj + b * wg);
    wg -= a * gj;
    h[k + j] = rho * (hj + b * wh);
    wh -= a * hj;
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
