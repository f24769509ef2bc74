// A field tabulated on a regular 2D grid with bilinear lookup (clamped at the edges). The generator
// tabulates slowly varying fields once, and both the truth grids and the drillholes read the same table,
// so samples and truth agree exactly.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <vector>

#include "synth/spectral_field.h"

namespace georeserve::synth {

class PlaneGrid {
 public:
  PlaneGrid() = default;
  // Nodes at (u0 + i * step, v0 + j * step), i < nu, j < nv, values from a row function:
  // fill_row(u0, step, nu, v, out) writes the nu values of row v.
  PlaneGrid(double u0, double v0, double step, std::size_t nu, std::size_t nv,
            const std::function<void(double, double, std::size_t, double, double*)>& fill_row)
      : u0_(u0), v0_(v0), step_(step), nu_(nu), nv_(nv), values_(nu * nv) {
    for (std::size_t j = 0; j < nv; ++j) fill_row(u0, step, nu, v0 + static_cast<double>(j) * step, &values_[j * nu]);
  }
  // The same from a spectral field in (u, v) coordinates, mapped through f(value).
  static PlaneGrid from_field(const SpectralField& field, double u0, double v0, double step, std::size_t nu,
                              std::size_t nv, const std::function<double(double)>& f) {
    return PlaneGrid(u0, v0, step, nu, nv, [&](double a0, double da, std::size_t n, double v, double* out) {
      field.evaluate_row(a0, da, n, v, 0.0, out);
      for (std::size_t i = 0; i < n; ++i) out[i] = f(out[i]);
    });
  }

  double operator()(double u, double v) const {
    double fu = std::clamp((u - u0_) / step_, 0.0, static_cast<double>(nu_ - 1));
    double fv = std::clamp((v - v0_) / step_, 0.0, static_cast<double>(nv_ - 1));
    const std::size_t i = std::min(static_cast<std::size_t>(fu), nu_ - 2);
    const std::size_t j = std::min(static_cast<std::size_t>(fv), nv_ - 2);
    fu -= static_cast<double>(i);
    fv -= static_cast<double>(j);
    const double* r0 = &values_[j * nu_ + i];
    const double* r1 = r0 + nu_;
    return (r0[0] * (1 - fu) + r0[1] * fu) * (1 - fv) + (r1[0] * (1 - fu) + r1[1] * fu) * fv;
  }

 private:
  double u0_ = 0, v0_ = 0, step_ = 1;
  std::size_t nu_ = 2, nv_ = 2;
  std::vector<double> values_ = std::vector<double>(4, 0.0);
};

}  // namespace georeserve::synth
