#include "geostat/dense_cholesky.h"

#include <algorithm>
#include <cmath>

#include <Eigen/Core>

namespace georeserve {

namespace {
inline double dot(const double* a, const double* b, std::size_t n) {
  if (n == 0) return 0.0;
  const auto k = static_cast<Eigen::Index>(n);
  return Eigen::Map<const Eigen::VectorXd>(a, k).dot(Eigen::Map<const Eigen::VectorXd>(b, k));
}
}  // namespace

bool cholesky_upper(double* a, std::size_t n, std::size_t ld, double relative_tolerance, double* min_ratio) {
  double worst = 1.0;
  bool ok = true;
  for (std::size_t j = 0; j < n; ++j) {
    double* cj = a + j * ld;
    for (std::size_t i = 0; i < j; ++i) {
      const double* ci = a + i * ld;
      cj[i] = (cj[i] - dot(ci, cj, i)) / ci[i];
    }
    const double diagonal = cj[j];
    const double d = diagonal - dot(cj, cj, j);
    const double ratio = diagonal > 0 ? d / diagonal : -1.0;
    worst = std::min(worst, ratio);
    if (!(ratio > relative_tolerance)) {
      ok = false;
      break;
    }
    cj[j] = std::sqrt(d);
  }
  if (min_ratio) *min_ratio = worst;
  return ok;
}

void solve_upper_transposed(const double* u, std::size_t n, std::size_t ld, double* b) {
  for (std::size_t i = 0; i < n; ++i) {
    const double* ci = u + i * ld;
    b[i] = (b[i] - dot(ci, b, i)) / ci[i];
  }
}

void solve_upper(const double* u, std::size_t n, std::size_t ld, double* y) {
  for (std::size_t i = n; i-- > 0;) {
    const double* ci = u + i * ld;
    y[i] /= ci[i];
    const double xi = y[i];
    for (std::size_t k = 0; k < i; ++k) y[k] -= xi * ci[k];
  }
}

}  // namespace georeserve
