// Spectral Gaussian random fields (see spectral_field.h for the method and its covariance).
#include "synth/spectral_field.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "synth/random.h"

namespace georeserve::synth {

SpectralField::SpectralField(const std::vector<FieldStructure>& structures, int dims, std::uint64_t seed,
                             std::string_view label, double origin_x, double origin_y, double origin_z,
                             int terms_per_structure)
    : ox_(origin_x), oy_(origin_y), oz_(origin_z) {
  if (dims != 2 && dims != 3) throw std::invalid_argument("SpectralField: dims must be 2 or 3");
  if (terms_per_structure < 1) throw std::invalid_argument("SpectralField: needs at least one term");
  Rng rng(seed, label);
  for (const FieldStructure& s : structures) {
    if (!(s.sill >= 0.0)) throw std::invalid_argument("SpectralField: negative sill");
    variance_ += s.sill;
    const Eigen::Matrix3d t = s.anisotropy.transform();
    const double amp = std::sqrt(2.0 * s.sill / terms_per_structure);
    for (int j = 0; j < terms_per_structure; ++j) {
      // Wave vector in the isotropic (unit-range) space.
      Eigen::Vector3d k(rng.normal(), rng.normal(), dims == 3 ? rng.normal() : 0.0);
      if (s.type == CovarianceType::exponential) {
        double w;
        do w = std::abs(rng.normal());
        while (w < 1e-12);
        k /= w;  // multivariate Cauchy: characteristic function exp(-|h|)
      } else {
        k *= std::sqrt(2.0);  // N(0, 2 I): characteristic function exp(-|h|^2)
      }
      // k . (T p) = (T^T k) . p: the wave vector in world coordinates.
      const Eigen::Vector3d kw = t.transpose() * k;
      kx_.push_back(kw.x());
      ky_.push_back(kw.y());
      kz_.push_back(dims == 3 ? kw.z() : 0.0);
      phase_.push_back(rng.uniform(0.0, 2.0 * M_PI));
      amp_.push_back(amp);
    }
  }
}

double SpectralField::operator()(double x, double y, double z) const {
  const double dx = x - ox_, dy = y - oy_, dz = z - oz_;
  double sum = 0.0;
  for (std::size_t j = 0; j < amp_.size(); ++j)
    sum += amp_[j] * std::cos(kx_[j] * dx + ky_[j] * dy + kz_[j] * dz + phase_[j]);
  return sum;
}

void SpectralField::evaluate_line(const std::array<double, 3>& p0, const std::array<double, 3>& step,
                                  std::size_t n, double* out) const {
  // Every term's phasor is rotated by its own fixed angle per step. The loop runs over terms inside,
  // so the terms' updates are independent (no latency chain); four partial sums keep the adds busy.
  const std::size_t m = amp_.size();
  std::vector<double> re(m), im(m), cs(m), sn(m);
  const double rx = p0[0] - ox_, ry = p0[1] - oy_, rz = p0[2] - oz_;
  for (std::size_t j = 0; j < m; ++j) {
    const double a0 = kx_[j] * rx + ky_[j] * ry + kz_[j] * rz + phase_[j];
    re[j] = amp_[j] * std::cos(a0);
    im[j] = amp_[j] * std::sin(a0);
    const double da = kx_[j] * step[0] + ky_[j] * step[1] + kz_[j] * step[2];
    cs[j] = std::cos(da);
    sn[j] = std::sin(da);
  }
  for (std::size_t i = 0; i < n; ++i) {
    double s[4] = {0, 0, 0, 0};
    std::size_t j = 0;
    for (; j + 4 <= m; j += 4)
      for (std::size_t q = 0; q < 4; ++q) s[q] += re[j + q];
    for (; j < m; ++j) s[0] += re[j];
    out[i] = (s[0] + s[1]) + (s[2] + s[3]);
    if (i + 1 == n) break;
    for (std::size_t t = 0; t < m; ++t) {
      const double nre = re[t] * cs[t] - im[t] * sn[t];
      im[t] = re[t] * sn[t] + im[t] * cs[t];
      re[t] = nre;
    }
  }
}

SpectralLattice::SpectralLattice(const SpectralField& f, const std::array<double, 3>& first,
                                 const std::array<double, 3>& step, const std::array<std::size_t, 3>& counts)
    : terms_(f.amp_.size()), cr_(terms_), ci_(terms_) {
  const double origin[3] = {f.ox_, f.oy_, f.oz_};
  const std::vector<double>* k[3] = {&f.kx_, &f.ky_, &f.kz_};
  std::vector<double>* re[3] = {&xr_, &yr_, &zr_};
  std::vector<double>* im[3] = {&xi_, &yi_, &zi_};
  for (int axis = 0; axis < 3; ++axis) {
    re[axis]->resize(counts[axis] * terms_);
    im[axis]->resize(counts[axis] * terms_);
    for (std::size_t n = 0; n < counts[axis]; ++n) {
      const double c = first[axis] + static_cast<double>(n) * step[axis] - origin[axis];
      for (std::size_t t = 0; t < terms_; ++t) {
        double a = (*k[axis])[t] * c;
        double amp = 1.0;
        if (axis == 0) {  // the x table carries the amplitude and the phase
          a += f.phase_[t];
          amp = f.amp_[t];
        }
        (*re[axis])[n * terms_ + t] = amp * std::cos(a);
        (*im[axis])[n * terms_ + t] = amp * std::sin(a);
      }
    }
  }
}

void SpectralLattice::select_column(std::size_t i, std::size_t j) {
  const double* ar = &xr_[i * terms_];
  const double* ai = &xi_[i * terms_];
  const double* br = &yr_[j * terms_];
  const double* bi = &yi_[j * terms_];
  for (std::size_t t = 0; t < terms_; ++t) {
    cr_[t] = ar[t] * br[t] - ai[t] * bi[t];
    ci_[t] = ar[t] * bi[t] + ai[t] * br[t];
  }
}

double SpectralLattice::value(std::size_t k) const {
  const double* zr = &zr_[k * terms_];
  const double* zi = &zi_[k * terms_];
  double s[4] = {0, 0, 0, 0};
  std::size_t t = 0;
  for (; t + 4 <= terms_; t += 4)
    for (std::size_t q = 0; q < 4; ++q) s[q] += cr_[t + q] * zr[t + q] - ci_[t + q] * zi[t + q];
  for (; t < terms_; ++t) s[0] += cr_[t] * zr[t] - ci_[t] * zi[t];
  return (s[0] + s[1]) + (s[2] + s[3]);
}

}  // namespace georeserve::synth
