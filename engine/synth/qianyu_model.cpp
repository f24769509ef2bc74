// The Qianyu deposit model (see qianyu_model.h). Numbers marked "invented" in assets/README.md are
// design choices; the ore tonnage is calibrated (thickness_scale) by qianyu_truth.cpp.
#include "synth/qianyu_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "synth/random.h"

namespace georeserve::synth {
namespace {
constexpr double kDeg = M_PI / 180.0;
// Extent of the tabulated plane fields (contact frame) and map fields (around the centre).
constexpr double kPlaneA = 1100.0, kPlaneBmin = -150.0, kPlaneBmax = 650.0, kMapHalf = 1500.0;

double dot(const std::array<double, 3>& a, double x, double y, double z) { return a[0] * x + a[1] * y + a[2] * z; }

FieldStructure structure(CovarianceType type, double sill, double major, double minor, double vertical,
                         std::array<double, 3> angles = {0, 0, 0}) {
  FieldStructure s;
  s.type = type;
  s.sill = sill;
  s.anisotropy.ranges = {major, minor, vertical};
  s.anisotropy.angles = angles;
  return s;
}

// Mineral mixture density (t/m3) from wollastonite W, calcite C and calc-silicates G (garnet, diopside,
// quartz), mass %; grain densities 2.92, 2.71 and 3.25, 1.5 % porosity.
double mixture_density(double w, double c, double g) {
  const double total = w + c + g;
  return 0.985 * total / (w / 2.92 + c / 2.71 + g / 3.25);
}
}  // namespace

const char* qianyu_lith_code(QianyuLith l) {
  switch (l) {
    case QianyuLith::cover: return "Q";
    case QianyuLith::marble: return "MB";
    case QianyuLith::skarn: return "SK";
    case QianyuLith::ore: return "WO";
    case QianyuLith::intrusive: return "IR";
  }
  return "?";
}

const char* qianyu_lith_chinese(QianyuLith l) {
  switch (l) {
    case QianyuLith::cover: return "第四系";
    case QianyuLith::marble: return "大理岩";
    case QianyuLith::skarn: return "矽卡岩";
    case QianyuLith::ore: return "硅灰石矿";
    case QianyuLith::intrusive: return "侵入岩";
  }
  return "?";
}

Anisotropy QianyuDeposit::grade_anisotropy(double major, double minor, double vertical) {
  // Major along strike (azimuth 45, horizontal); rake 75 turns the minor axis down the dip, so the
  // vertical (shortest) axis is normal to the lenses.
  Anisotropy a;
  a.ranges = {major, minor, vertical};
  a.angles = {QianyuFacts::strike_azimuth, 0.0, QianyuFacts::contact_dip};
  return a;
}

QianyuDeposit::QianyuDeposit(const Region& region, std::uint64_t seed, double thickness_scale)
    : centre_(region.qianyu_centre()), scale_(thickness_scale) {
  const double s = QianyuFacts::strike_azimuth * kDeg, dip = QianyuFacts::contact_dip * kDeg;
  u_ = {std::sin(s), std::cos(s), 0.0};
  const std::array<double, 3> v{std::sin(s + M_PI / 2), std::cos(s + M_PI / 2), 0.0};  // horizontal, down-dip side
  d_ = {std::cos(dip) * v[0], std::cos(dip) * v[1], -std::sin(dip)};
  nrm_ = {std::sin(dip) * v[0], std::sin(dip) * v[1], std::cos(dip)};

  lenses_ = {{"V1", -60, 190, 260, 215, 28, 16}, {"V2", 420, 170, 190, 160, 40, 12},
             {"V3", -470, 140, 170, 130, 22, 10}, {"V4", 170, 300, 120, 95, 60, 9},
             {"V5", 660, 95, 90, 75, 20, 7}};

  // Map fields around the centre: ground (from the region's terrain) and Quaternary cover thickness.
  const double x0 = centre_[0] - kMapHalf, y0 = centre_[1] - kMapHalf;
  ground_ = PlaneGrid(x0, y0, 10.0, 301, 301, [&](double a0, double da, std::size_t n, double y, double* out) {
    region.terrain_row(a0, da, n, y, out);
  });
  const SpectralField cover({structure(CovarianceType::gaussian, 1.0, 150, 150, 150)}, 2, seed, "qianyu/cover",
                            centre_[0], centre_[1], 0, 256);
  cover_ = PlaneGrid::from_field(cover, x0, y0, 5.0, 601, 601, [](double y) { return std::clamp(5.0 + 2.5 * y, 1.5, 14.0); });

  // Contact-plane fields: contact undulation, skarn width, and per lens its bending and thickness factor.
  const auto nb = static_cast<std::size_t>((kPlaneBmax - kPlaneBmin) / 4.0) + 1;
  const auto na = static_cast<std::size_t>(2 * kPlaneA / 4.0) + 1;
  const SpectralField contact({structure(CovarianceType::gaussian, 1.0, 250, 250, 250)}, 2, seed, "qianyu/contact", 0, 0, 0, 256);
  contact_ = PlaneGrid::from_field(contact, -kPlaneA, kPlaneBmin, 4.0, na, nb, [](double y) { return std::clamp(5.0 * y, -15.0, 15.0); });
  const SpectralField skarn({structure(CovarianceType::exponential, 1.0, 150, 150, 150)}, 2, seed, "qianyu/skarn", 0, 0, 0, 256);
  skarn_ = PlaneGrid::from_field(skarn, -kPlaneA, kPlaneBmin, 4.0, na, nb, [](double y) { return std::clamp(45.0 + 12.0 * y, 20.0, 75.0); });
  for (const QianyuLens& lens : lenses_) {
    const SpectralField bend({structure(CovarianceType::gaussian, 1.0, 120, 120, 120)}, 2, seed, "qianyu/bend/" + lens.id, 0, 0, 0, 256);
    const SpectralField thick({structure(CovarianceType::exponential, 1.0, 90, 90, 90)}, 2, seed, "qianyu/thickness/" + lens.id, 0, 0, 0, 256);
    const double a0 = lens.a0 - lens.half_a - 4, b0 = lens.b0 - lens.half_b - 4;
    const auto la = static_cast<std::size_t>((2 * lens.half_a + 8) / 2.0) + 2;
    const auto lb = static_cast<std::size_t>((2 * lens.half_b + 8) / 2.0) + 2;
    bend_.push_back(PlaneGrid::from_field(bend, a0, b0, 2.0, la, lb, [](double y) { return std::clamp(3.0 * y, -8.0, 8.0); }));
    thick_.push_back(PlaneGrid::from_field(thick, a0, b0, 2.0, la, lb, [](double y) { return std::clamp(1.0 + 0.3 * y, 0.0, 1.7); }));
  }

  // Latent grade fields: anisotropic exponential, long along strike, short across the lenses.
  FieldStructure w{CovarianceType::exponential, 1.0, grade_anisotropy(120, 80, 10)};
  FieldStructure f{CovarianceType::exponential, 1.0, grade_anisotropy(90, 60, 8)};
  yw_ = SpectralField({w}, 3, seed, "qianyu/latent-w", centre_[0], centre_[1], 0, 512);
  yf2_ = SpectralField({f}, 3, seed, "qianyu/latent-f", centre_[0], centre_[1], 0, 512);
}

QianyuDeposit::Local QianyuDeposit::local(double x, double y, double z) const {
  const double rx = x - centre_[0], ry = y - centre_[1], rz = z - QianyuFacts::reference_z;
  Local l{dot(u_, rx, ry, rz), dot(d_, rx, ry, rz), dot(nrm_, rx, ry, rz)};
  l.n -= contact_(l.a, l.b);
  return l;
}

double QianyuDeposit::lens_threshold(const Local& l, std::size_t i) const {
  constexpr double never = std::numeric_limits<double>::infinity();
  if (l.n <= 1.0) return never;  // ore stays at least a metre off the intrusive
  const QianyuLens& e = lenses_[i];
  const double ra = (l.a - e.a0) / e.half_a, rb = (l.b - e.b0) / e.half_b;
  const double r2 = ra * ra + rb * rb;
  if (r2 >= 1.0) return never;
  // Half thickness at scale s: 0.5 s t_max sqrt(1 - r2) f(a, b), the lens' profile times its field.
  const double full = e.t_max * std::sqrt(1.0 - r2) * thick_[i](l.a, l.b);
  if (!(full > 0.0)) return never;
  return 2.0 * std::abs(l.n - (e.zeta + bend_[i](l.a, l.b))) / full;
}

int QianyuDeposit::lens_at(const Local& l) const {
  for (std::size_t i = 0; i < lenses_.size(); ++i)
    if (lens_threshold(l, i) <= scale_) return static_cast<int>(i);
  return -1;
}

double QianyuDeposit::lens_slab_half_width(std::size_t i, double scale) const {
  return 0.5 * lenses_[i].t_max * scale * 1.7 + 8.0 + 15.0 + 1.0;  // thickness cap, bend, undulation, margin
}

QianyuLith QianyuDeposit::lithology(double x, double y, double z) const {
  if (z > bedrock(x, y)) return QianyuLith::cover;
  const Local l = local(x, y, z);
  if (l.n < 0.0) return QianyuLith::intrusive;
  if (lens_at(l) >= 0) return QianyuLith::ore;
  if (l.n < skarn_(l.a, l.b)) return QianyuLith::skarn;
  return QianyuLith::marble;
}

QianyuProperties QianyuDeposit::properties(double x, double y, double z) const {
  QianyuLith lith = QianyuLith::cover;
  int lens = -1;
  if (z <= bedrock(x, y)) {
    const Local l = local(x, y, z);
    lens = lens_at(l);
    lith = l.n < 0.0 ? QianyuLith::intrusive
           : lens >= 0 ? QianyuLith::ore
           : l.n < skarn_(l.a, l.b) ? QianyuLith::skarn
                                    : QianyuLith::marble;
  }
  return properties_from_latent(lith, lens, yw_(x, y, z), yf2_(x, y, z));
}

QianyuProperties QianyuDeposit::properties_from_latent(QianyuLith lith, int lens, double yw, double yf2) const {
  const double rho = QianyuFacts::rho_grade;
  const double yf = rho * yw + std::sqrt(1.0 - rho * rho) * yf2;
  const double uw = normal_cdf(yw), uf = normal_cdf(yf);
  QianyuProperties p;
  p.lith = lith;
  p.lens = lens;
  double w = 0, g = 0;
  switch (lith) {
    case QianyuLith::ore:  // 50-95 % wollastonite, mean about 70 %
      w = 50.0 + 45.0 * std::pow(uw, 1.25);
      g = 4.0 + 14.0 * uf;
      break;
    case QianyuLith::skarn:
      w = 15.0 + 30.0 * uw;
      g = 25.0 + 25.0 * uf;
      break;
    case QianyuLith::marble:
      w = 1.0 + 9.0 * uw * uw;
      g = 2.0 + 4.0 * uf;
      break;
    case QianyuLith::intrusive:  // granodiorite: no carbonate, some iron
      p.casio3 = 0.0;
      p.fe2o3 = 2.5 + 1.5 * uf;
      p.loi = 0.8 + 0.6 * uw;
      p.density = 2.66 + 0.06 * uf;
      return p;
    case QianyuLith::cover:
      p.density = 1.9;
      return p;
  }
  const double c = std::max(0.5, 100.0 - w - g);
  g = 100.0 - w - c;  // keeps W + C + G = 100 when calcite hits its floor
  p.casio3 = w;
  p.fe2o3 = (lith == QianyuLith::marble ? 0.05 : 0.09) * g;
  p.loi = 0.44 * c + 0.2;  // CO2 of calcite plus bound water
  p.density = mixture_density(w, c, g);
  return p;
}

}  // namespace georeserve::synth
