// Stationary Gaussian random fields with a known covariance, by the spectral (random cosines) method:
//   Y(p) = sum_j sqrt(2 sill / N) cos(k_j . p + phi_j),
// with wave vectors k_j drawn from the spectral density of the covariance and phases phi_j uniform.
// Exponential covariance sill * exp(-h) has a multivariate Cauchy spectral density, Gaussian covariance
// sill * exp(-h^2) a normal one (k ~ N(0, 2 I)); h is the anisotropic distance |T (p - q)| of
// geostat's Anisotropy (GSLIB angles, ranges), so the field's variogram is exactly R gstat's
// vgm(sill, "Exp"|"Gau", range, anis = ...) in expectation. Nested structures add up.
// The sum of N cosines is Gaussian only as N grows; N = 400-1000 gives variograms close to the model.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "geostat/anisotropy.h"

namespace georeserve::synth {

enum class CovarianceType { exponential, gaussian };

struct FieldStructure {
  CovarianceType type = CovarianceType::exponential;
  double sill = 1.0;
  Anisotropy anisotropy;  // ranges in gstat's parameterisation (Exp: exp(-h/range))
};

class SpectralField {
 public:
  SpectralField() = default;
  // dims 2 (x, y; z ignored) or 3. origin: any point near the data, to keep phases small.
  SpectralField(const std::vector<FieldStructure>& structures, int dims, std::uint64_t seed, std::string_view label,
                double origin_x, double origin_y, double origin_z = 0.0, int terms_per_structure = 512);

  double operator()(double x, double y, double z = 0.0) const;
  // Values at p0 + i * step (i < n) along a straight line: the same sum, evaluated by rotating each
  // cosine's phasor one step at a time (a few multiplications per term instead of a cosine).
  void evaluate_line(const std::array<double, 3>& p0, const std::array<double, 3>& step, std::size_t n,
                     double* out) const;
  // Row of a grid: (x0 + i * dx, y, z).
  void evaluate_row(double x0, double dx, std::size_t n, double y, double z, double* out) const {
    evaluate_line({x0, y, z}, {dx, 0.0, 0.0}, n, out);
  }

  double variance() const { return variance_; }  // total sill
  bool empty() const { return amp_.empty(); }
  std::size_t terms() const { return amp_.size(); }

 private:
  friend class SpectralLattice;
  std::vector<double> kx_, ky_, kz_, phase_, amp_;
  double ox_ = 0, oy_ = 0, oz_ = 0;
  double variance_ = 0;
};

// The field on a regular 3D lattice (x0 + i dx, y0 + j dy, z0 + k dz), for many scattered cells of it:
// each cosine term factors into per-axis phasors, tabulated once, so a cell costs a few multiplications
// per term instead of a cosine. Select a column (i, j), then ask values along it.
class SpectralLattice {
 public:
  SpectralLattice(const SpectralField& field, const std::array<double, 3>& first_node, const std::array<double, 3>& step,
                  const std::array<std::size_t, 3>& counts);
  void select_column(std::size_t i, std::size_t j);
  double value(std::size_t k) const;

 private:
  std::size_t terms_;
  std::vector<double> xr_, xi_, yr_, yi_, zr_, zi_;  // [index * terms + term]
  std::vector<double> cr_, ci_;                      // the selected column's phasors
};

}  // namespace georeserve::synth
