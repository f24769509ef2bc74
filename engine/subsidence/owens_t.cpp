// Implementation of owens_t.h. The Gauss-Legendre nodes are computed once by Newton's method on the
// Legendre polynomial rather than pasted in as a table.
#include "subsidence/owens_t.h"

#include <array>
#include <cmath>

namespace georeserve::subsidence {
namespace {

constexpr int kNodes = 12;

struct GaussLegendre {
  std::array<double, kNodes> x{}, w{};
  GaussLegendre() {
    for (int i = 0; i < kNodes; ++i) {
      double z = std::cos(M_PI * (i + 0.75) / (kNodes + 0.5));
      double dp = 1.0;
      for (int iter = 0; iter < 100; ++iter) {
        double p0 = 1.0, p1 = z;
        for (int k = 2; k <= kNodes; ++k) {
          const double p2 = ((2.0 * k - 1.0) * z * p1 - (k - 1.0) * p0) / k;
          p0 = p1;
          p1 = p2;
        }
        dp = kNodes * (z * p1 - p0) / (z * z - 1.0);
        const double step = p1 / dp;
        z -= step;
        if (std::abs(step) < 1e-16) break;
      }
      x[i] = z;
      w[i] = 2.0 / ((1.0 - z * z) * dp * dp);
    }
  }
};

const GaussLegendre& rule() {
  static const GaussLegendre r;
  return r;
}

// T(h, a) for h >= 0 and 0 < a <= 1 by quadrature of the definition.
double owens_t_small_a(double h, double a) {
  const GaussLegendre& gl = rule();
  const double half_h2 = 0.5 * h * h;
  double sum = 0.0;
  for (int i = 0; i < kNodes; ++i) {
    const double x = 0.5 * a * (1.0 + gl.x[i]);
    const double one_x2 = 1.0 + x * x;
    sum += gl.w[i] * std::exp(-half_h2 * one_x2) / one_x2;
  }
  return sum * 0.5 * a / (2.0 * M_PI);
}

}  // namespace

double normal_upper_tail(double x) { return 0.5 * std::erfc(x / M_SQRT2); }

double owens_t(double h, double a) {
  h = std::abs(h);
  const double sign = a < 0.0 ? -1.0 : 1.0;
  a = std::abs(a);
  if (a == 0.0) return 0.0;
  if (h == 0.0) return sign * std::atan(a) / (2.0 * M_PI);
  if (a <= 1.0) return sign * owens_t_small_a(h, a);
  const double ah = a * h;
  const double qh = normal_upper_tail(h), qah = normal_upper_tail(ah);
  const double big = 0.5 * ((1.0 - qh) * qah + (1.0 - qah) * qh);
  return sign * (big - (std::isinf(a) ? 0.0 : owens_t_small_a(ah, 1.0 / a)));
}

}  // namespace georeserve::subsidence
