// The synthetic Qianyu wollastonite deposit (调兵山前裕硅灰石矿): steeply dipping wollastonite lenses in
// skarn and marble on the carbonate side of an intrusive contact, under a thin Quaternary cover. The
// model answers, for any point, its rock type and its true CaSiO3, Fe2O3, loss on ignition and density;
// the truth grids and the drillholes both ask it, so they agree by construction.
//
// Local frame: a along strike (azimuth 45), b down the contact's dip (75 degrees towards 135) from the
// contact's outcrop line at the reference level, n normal to the contact, positive into the carbonate.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "synth/plane_grid.h"
#include "synth/region.h"
#include "synth/spectral_field.h"

namespace georeserve::synth {

enum class QianyuLith { cover, marble, skarn, ore, intrusive };
const char* qianyu_lith_code(QianyuLith l);     // Q, MB, SK, WO, IR
const char* qianyu_lith_chinese(QianyuLith l);  // 第四系, 大理岩, 矽卡岩, 硅灰石矿, 侵入岩

struct QianyuLens {
  std::string id;      // e.g. "V1"
  double a0, b0;       // centre in the contact plane (m)
  double half_a, half_b;  // half extents along strike and down dip (m)
  double zeta;         // distance of the lens' mid-surface from the contact (m)
  double t_max;        // true thickness at the centre before scaling (m)
};

struct QianyuProperties {
  QianyuLith lith = QianyuLith::marble;
  int lens = -1;            // index into lenses() when lith == ore
  double casio3 = 0;        // wollastonite, mass %
  double fe2o3 = 0;         // mass %
  double loi = 0;           // loss on ignition, mass %
  double density = 0;       // t/m3
};

struct QianyuFacts {
  static constexpr double target_ore_kt = 10365.9;  // the plan's 专栏四 (查明资源量矿石量)
  static constexpr double strike_azimuth = 45.0;    // invented
  static constexpr double contact_dip = 75.0;       // invented; dips towards strike + 90
  static constexpr double reference_z = 65.0;       // the plain's level (m)
  static constexpr double rho_grade = -0.6;         // correlation of the latent CaSiO3 and impurity fields
};

class QianyuDeposit {
 public:
  QianyuDeposit(const Region& region, std::uint64_t seed, double thickness_scale);

  struct Local {
    double a, b, n;
  };
  Point2 centre() const { return centre_; }
  const std::vector<QianyuLens>& lenses() const { return lenses_; }
  double thickness_scale() const { return scale_; }
  // The scale only stretches the lenses' thickness; the tabulated fields stay (calibration reuses them).
  void set_thickness_scale(double s) { scale_ = s; }
  // Unit vectors (east, north, up) of the frame.
  const std::array<double, 3>& strike() const { return u_; }
  const std::array<double, 3>& down_dip() const { return d_; }
  const std::array<double, 3>& normal() const { return nrm_; }

  double ground(double x, double y) const { return ground_(x, y); }
  double bedrock(double x, double y) const { return ground_(x, y) - cover_(x, y); }
  Local local(double x, double y, double z) const;  // n measured from the undulating contact
  // The lens containing a point given in the local frame (the first in order), or -1.
  int lens_at(const Local& l) const;
  // The smallest thickness scale at which the point lies in lens i (infinity when it never does):
  // a point is ore of lens i exactly when lens_threshold(l, i) <= thickness_scale().
  double lens_threshold(const Local& l, std::size_t i) const;
  // Half-width (m, along the contact normal) of the slab around lens i's mid-surface that contains all
  // of its ore up to the given thickness scale (contact undulation and bending included).
  double lens_slab_half_width(std::size_t i, double scale) const;

  QianyuLith lithology(double x, double y, double z) const;
  // Rock type and true grades at a point (the latent fields are evaluated here: the expensive part).
  QianyuProperties properties(double x, double y, double z) const;
  // Same, with the latent values supplied (the truth grid evaluates them a line at a time).
  QianyuProperties properties_from_latent(QianyuLith lith, int lens, double yw, double yf) const;
  // The latent grade fields (standard Gaussian): wollastonite and the impurity field.
  const SpectralField& latent_wollastonite() const { return yw_; }
  const SpectralField& latent_impurity() const { return yf2_; }
  // The anisotropy of the latent fields (for the README's variogram table).
  static Anisotropy grade_anisotropy(double major, double minor, double vertical);

 private:
  Point2 centre_;
  std::array<double, 3> u_{}, d_{}, nrm_{};
  double scale_;
  std::vector<QianyuLens> lenses_;
  PlaneGrid ground_, cover_, contact_, skarn_;
  std::vector<PlaneGrid> bend_, thick_;
  SpectralField yw_, yf2_;
};

}  // namespace georeserve::synth
