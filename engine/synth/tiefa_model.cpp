// The Tiefa coal field model (see tiefa_model.h). Sizes are from DESIGN.md section 5; seam thickness
// and quality statistics are invented within the ranges typical of the field's long-flame coal (see
// assets/README.md), and the thickness multiplier is calibrated by tiefa_truth.cpp.
#include "synth/tiefa_model.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include <tbb/parallel_for.h>

#include "synth/random.h"

namespace georeserve::synth {
namespace {
constexpr double kDeg = M_PI / 180.0;
constexpr double kAxisAzimuth = 8.0;  // the basin's long axis, degrees east of north
constexpr double kMoisture = 10.0;    // Mt, % (as received)

double smoothstep(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

FieldStructure make(CovarianceType type, double range, double ratio = 1.0) {
  FieldStructure s;
  s.type = type;
  s.sill = 1.0;
  s.anisotropy.ranges = {range, range * ratio, range};
  s.anisotropy.angles = {kAxisAzimuth, 0.0, 0.0};
  return s;
}

double distance_to_ring(const Ring& ring, double x, double y) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point2& a = ring[i];
    const Point2& b = ring[(i + 1) % ring.size()];
    const double dx = b[0] - a[0], dy = b[1] - a[1];
    const double t = std::clamp(((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
    best = std::min(best, std::hypot(x - a[0] - t * dx, y - a[1] - t * dy));
  }
  return best;
}
}  // namespace

const std::array<TiefaSeamSpec, kTiefaSeams>& tiefa_seam_specs() {
  static const std::array<TiefaSeamSpec, kTiefaSeams> specs{{
      {"12", 1.5, 0.55, 3000, 0.30, 18, 5, 27, 0.45},
      {"13", 2.2, 0.80, 3500, 0.40, 14, 4, 24, 0.40},
      {"14", 1.1, 0.45, 2500, 0.25, 22, 6, 30, 0.50},
      {"15", 2.8, 1.00, 4000, 0.45, 16, 5, 22, 0.38},
      {"16", 0.9, 0.40, 2000, 0.20, 20, 6, 31, 0.55},
      {"17", 1.8, 0.70, 3000, 0.30, 35, 10, 26, 0.75},
  }};
  return specs;
}

const char* tiefa_lith_code(TiefaLith l) {
  static const char* codes[] = {"Q", "SS", "SL", "MS", "BM", "C", "NC", "DB", "CG", "GN"};
  return codes[static_cast<int>(l)];
}

const char* tiefa_lith_chinese(TiefaLith l) {
  static const char* names[] = {"第四系", "砂岩", "粉砂岩", "泥岩", "黑色泥岩标志层", "煤", "天然焦", "辉绿岩", "砾岩", "片麻岩"};
  return names[static_cast<int>(l)];
}

double TiefaColumn::coal(int i) const {
  const auto k = static_cast<std::size_t>(i);
  double t = roof[k] - floor[k];
  if (i == 1) t -= parting_top - parting_base;
  return t;
}

Point2 TiefaField::to_local(double x, double y) const {
  const double a = kAxisAzimuth * kDeg, dx = x - centre_[0], dy = y - centre_[1];
  return {dx * std::cos(a) - dy * std::sin(a), dx * std::sin(a) + dy * std::cos(a)};
}

Point2 TiefaField::to_world(double e, double s) const {
  const double a = kAxisAzimuth * kDeg;
  return {centre_[0] + e * std::cos(a) + s * std::sin(a), centre_[1] - e * std::sin(a) + s * std::cos(a)};
}

TiefaField::TiefaField(const Region& region, std::uint64_t seed) : region_(region) {
  centre_ = centroid(region.tiefa_boundary());
  const auto bb = region.tiefa_bbox();
  x0_ = std::floor((bb[0] - 2000.0) / lattice_step) * lattice_step;
  y0_ = std::floor((bb[1] - 2000.0) / lattice_step) * lattice_step;
  nx_ = static_cast<std::size_t>(std::ceil((bb[2] + 2000.0 - x0_) / lattice_step)) + 1;
  ny_ = static_cast<std::size_t>(std::ceil((bb[3] + 2000.0 - y0_) / lattice_step)) + 1;

  // Faults (local km: e across, s along the basin), dipping to the east (+1) or west (-1).
  struct F { const char* id; double e1, s1, e2, s2; int side; double dip, throw_; };
  const F defs[] = {{"F1", -6.0, -12.5, -2.5, 1.5, +1, 65, 110}, {"F2", 1.0, -6.0, 4.0, 9.0, -1, 62, 75},
                    {"F3", -5.0, 5.0, -1.5, 13.0, +1, 68, 45},   {"F4", 3.5, -13.5, 6.0, -3.5, -1, 60, 35},
                    {"F5", -1.0, 9.5, 3.5, 13.5, -1, 65, 60}};
  for (const F& f : defs) {
    TiefaFault t;
    t.id = f.id;
    t.a = to_world(f.e1 * 1000, f.s1 * 1000);
    t.b = to_world(f.e2 * 1000, f.s2 * 1000);
    for (Point2* p : {&t.a, &t.b}) *p = {std::round((*p)[0] * 1000) / 1000, std::round((*p)[1] * 1000) / 1000};
    // Dip direction: the trace's normal on the chosen side (east: positive x component).
    double nx = t.b[1] - t.a[1], ny = -(t.b[0] - t.a[0]);
    if ((nx > 0) != (f.side > 0)) nx = -nx, ny = -ny;
    t.dip_azimuth = std::round(std::fmod(std::atan2(nx, ny) / kDeg + 360.0, 360.0) * 100) / 100;
    t.dip = f.dip;
    t.max_throw = f.throw_;
    faults_.push_back(t);
  }
  // The burnt zone: a lobate patch in the south around the diabase feeder.
  {
    Rng rng(seed, "tiefa/burnt-zone");
    const double p2 = rng.uniform(0, 2 * M_PI), p3 = rng.uniform(0, 2 * M_PI);
    for (int k = 0; k < 48; ++k) {
      const double th = 2 * M_PI * k / 48;
      const double r = 3000.0 * (1.0 + 0.22 * std::cos(2 * th + p2) + 0.1 * std::cos(3 * th + p3));
      burnt_.push_back(to_world(1000.0 + r * std::cos(th), -10500.0 + 0.8 * r * std::sin(th)));
    }
    burnt_ = round_mm(burnt_);
  }

  // Tabulated fields. Each is independent, so they are built in parallel without changing any value.
  struct Job {
    PlaneGrid* grid;
    FieldStructure structure;
    std::string label;
    std::function<double(double, double, double)> map;  // (value, x, y) -> stored value
  };
  std::vector<Job> jobs;
  const auto& boundary = region.tiefa_boundary();
  auto margin = [this, &boundary](double x, double y) {
    if (!region_.in_tiefa(x, y)) return 0.0;
    return smoothstep(distance_to_ring(boundary, x, y) / 4000.0);
  };
  auto shape = [this](double x, double y) {  // 0 at the margins, 1 on the basin's axis
    const Point2 l = to_local(x, y);
    return std::max(0.0, 1.0 - std::pow(l[0] / 9500.0, 2)) * std::max(0.0, 1.0 - 0.5 * std::pow(l[1] / 16000.0, 2));
  };
  jobs.push_back({&cover_, make(CovarianceType::gaussian, 3000), "tiefa/cover",
                  [](double v, double, double) { return std::clamp(25.0 + 8.0 * v, 8.0, 50.0); }});
  jobs.push_back({&marker_depth_, make(CovarianceType::gaussian, 5000, 0.7), "tiefa/folds",
                  [shape](double v, double x, double y) { return 250.0 + 450.0 * shape(x, y) + std::clamp(40.0 * v, -100.0, 100.0); }});
  jobs.push_back({&marker_thick_, make(CovarianceType::gaussian, 6000), "tiefa/marker",
                  [](double v, double, double) { return std::clamp(10.0 + 2.0 * v, 6.0, 16.0); }});
  jobs.push_back({&gap12_, make(CovarianceType::exponential, 4000), "tiefa/gap12",
                  [](double v, double, double) { return std::clamp(30.0 + 8.0 * v, 12.0, 50.0); }});
  jobs.push_back({&parting13_, make(CovarianceType::gaussian, 3000), "tiefa/parting13", [this](double v, double x, double y) {
                    const double s = to_local(x, y)[1] / 14750.0;  // -1 south end .. 1 north end
                    const double p = std::clamp(3.5 * (s - 0.25) / 0.5 + 1.2 * v, 0.0, 5.0);
                    return p < 0.3 ? 0.0 : p;
                  }});
  for (std::size_t i = 0; i < kTiefaSeams; ++i) {
    const TiefaSeamSpec& sp = tiefa_seam_specs()[i];
    const std::string id = sp.id;
    jobs.push_back({&thick_[i], make(CovarianceType::exponential, sp.range, 0.6), "tiefa/thickness/" + id,
                    [sp, margin](double v, double x, double y) { return std::max(0.0, sp.mean + sp.sd * v) * margin(x, y); }});
    jobs.push_back({&presence_[i], make(CovarianceType::gaussian, 5000), "tiefa/presence/" + id, [sp](double v, double, double) {
                      // Present over the given fraction of the field; pinches out over a short distance.
                      return smoothstep(0.5 + (v - normal_quantile(1.0 - sp.presence)) / 0.4);
                    }});
    jobs.push_back({&below_[i], make(CovarianceType::exponential, 4000), "tiefa/interburden/" + id, [sp](double v, double, double) {
                      return std::max(3.0, sp.below_mean + sp.below_sd * v);
                    }});
    jobs.push_back({&ash_[i], make(CovarianceType::exponential, 3000, 0.7), "tiefa/ash/" + id,
                    [sp](double v, double, double) { return std::clamp(sp.ash_mean + 5.0 * v, 8.0, 45.0); }});
    jobs.push_back({&sulfur_[i], make(CovarianceType::exponential, 2500), "tiefa/sulfur/" + id,
                    [sp](double v, double, double) { return std::clamp(sp.sulfur_median * std::exp(0.35 * v), 0.12, 3.0); }});
    jobs.push_back({&qdaf_[i], make(CovarianceType::gaussian, 5000), "tiefa/qdaf/" + id,
                    [](double v, double, double) { return 29.0 + 0.5 * v; }});
  }
  ground_ = PlaneGrid(x0_, y0_, lattice_step, nx_, ny_, [&](double a0, double da, std::size_t n, double y, double* out) {
    region.terrain_row(a0, da, n, y, out);
  });
  tbb::parallel_for(std::size_t{0}, jobs.size(), [&](std::size_t k) {
    const Job& job = jobs[k];
    const SpectralField field({job.structure}, 2, seed, job.label, centre_[0], centre_[1], 0, 256);
    *job.grid = PlaneGrid(x0_, y0_, lattice_step, nx_, ny_, [&](double a0, double da, std::size_t n, double y, double* out) {
      field.evaluate_row(a0, da, n, y, 0.0, out);
      for (std::size_t i = 0; i < n; ++i) out[i] = job.map(out[i], a0 + static_cast<double>(i) * da, y);
    });
  });
}

TiefaColumn TiefaField::column(double x, double y) const {
  TiefaColumn c;
  c.surface = ground_(x, y);
  c.cover_base = c.surface - cover_(x, y);
  c.marker_base = 65.0 - marker_depth_(x, y);
  c.marker_top = c.marker_base + marker_thick_(x, y);
  double roof = c.marker_base - gap12_(x, y);
  for (std::size_t i = 0; i < kTiefaSeams; ++i) {
    const double t = thick_[i](x, y) * presence_[i](x, y) * multiplier_;
    c.roof[i] = roof;
    double floor = roof - t;
    if (i == 1) {  // seam 13 splits in the north: the parting sits 45 % of the coal down
      const double p = t > 0.0 ? parting13_(x, y) : 0.0;
      c.parting_top = roof - 0.45 * t;
      c.parting_base = c.parting_top - p;
      floor -= p;
    }
    c.floor[i] = floor;
    roof = floor - below_[i](x, y);
  }
  c.conglomerate_top = roof;
  c.basement_top = roof - 20.0;
  c.burnt = point_in_ring(burnt_, x, y);
  if (c.burnt) {
    const double room = c.roof[2] - c.floor[1] - 3.0;  // interburden between 13 and 14, less 1.5 m each side
    const double t = std::min(room, 2.0 + 10.0 * smoothstep(distance_to_ring(burnt_, x, y) / 800.0));
    c.sill_top = c.floor[1] - 1.5;
    c.sill_base = c.sill_top - std::max(0.0, t);
  } else {
    c.sill_top = c.sill_base = c.floor[1] - 1.5;
  }
  return c;
}

TiefaQuality TiefaField::quality(int seam, double x, double y) const {
  const auto i = static_cast<std::size_t>(seam);
  TiefaQuality q;
  q.ash = ash_[i](x, y);
  q.sulfur = sulfur_[i](x, y);
  // Net calorific value as received from the dry ash-free value, ash and moisture (GB/T 213 relations).
  q.cv = qdaf_[i](x, y) * (1.0 - q.ash / 100.0) * (1.0 - kMoisture / 100.0) - 0.02443 * kMoisture;
  q.density = 1.24 + 0.0045 * (q.ash - 10.0);
  return q;
}

std::vector<TiefaField::Plane> TiefaField::planes_at(double x, double y) const {
  std::vector<Plane> out;
  for (const TiefaFault& f : faults_) {
    const double dx = f.b[0] - f.a[0], dy = f.b[1] - f.a[1];
    const double len2 = dx * dx + dy * dy;
    const double t = ((x - f.a[0]) * dx + (y - f.a[1]) * dy) / len2;
    if (t <= 0.0 || t >= 1.0) continue;
    const double az = f.dip_azimuth * kDeg;
    const double d = (x - f.a[0]) * std::sin(az) + (y - f.a[1]) * std::cos(az);  // towards the dip
    const double u = 2.0 * t - 1.0;
    out.push_back({TiefaFault::reference_z - d * std::tan(f.dip * kDeg), f.max_throw * (1.0 - u * u)});
  }
  std::sort(out.begin(), out.end(), [](const Plane& a, const Plane& b) { return a.z < b.z; });
  return out;
}

double TiefaField::restore(double x, double y, double z, const TiefaColumn& col) const {
  if (z > col.cover_base) return z;  // the cover is younger than the faults
  double shift = 0.0;
  for (const Plane& p : planes_at(x, y))
    if (z > p.z) shift += p.throw_;
  return z + shift;
}

double TiefaField::present_elevation(double x, double y, double z0) const {
  const std::vector<Plane> planes = planes_at(x, y);
  double shift = 0.0;
  for (std::size_t k = 0; k <= planes.size(); ++k) {
    // Interval k: above the k lowest planes (restore adds their throws), below plane k.
    if (k > 0) shift += planes[k - 1].throw_;
    const double z = z0 - shift;
    const bool above = k == 0 || z > planes[k - 1].z;
    const bool below = k == planes.size() || z <= planes[k].z;
    if (above && below) return z;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

double TiefaField::present_coal(int seam, double x, double y, const TiefaColumn& c) const {
  const auto i = static_cast<std::size_t>(seam);
  // Pre-fault coal intervals of the seam (two plies when split).
  std::vector<std::pair<double, double>> coal;
  if (seam == 1 && c.parting_top > c.parting_base) {
    coal = {{c.parting_top, c.roof[i]}, {c.floor[i], c.parting_base}};
  } else {
    coal = {{c.floor[i], c.roof[i]}};
  }
  const std::vector<Plane> planes = planes_at(x, y);
  double total = 0.0, shift = 0.0;
  for (std::size_t k = 0; k <= planes.size(); ++k) {
    if (k > 0) shift += planes[k - 1].throw_;
    const double lo = (k == 0 ? -1e9 : planes[k - 1].z) + shift;  // this present interval, restored
    const double hi = (k == planes.size() ? 1e9 : planes[k].z) + shift;
    for (const auto& [a, b] : coal) total += std::max(0.0, std::min(b, hi) - std::max(a, lo));
  }
  return total;
}

TiefaLith TiefaField::lithology(double x, double y, double z, const TiefaColumn& c) const {
  if (z > c.cover_base) return TiefaLith::cover;
  const double z0 = restore(x, y, z, c);
  if (z0 >= c.marker_top) {  // the upper strata: layer-cake beds of about 22 m
    static const TiefaLith cycle[] = {TiefaLith::sandstone, TiefaLith::siltstone, TiefaLith::mudstone, TiefaLith::siltstone};
    const auto band = static_cast<long>(std::floor((z0 - c.marker_top) / 22.0));
    return cycle[((band % 4) + 4) % 4];
  }
  if (z0 >= c.marker_base) return TiefaLith::marker;
  if (c.burnt && z0 < c.sill_top && z0 >= c.sill_base) return TiefaLith::diabase;
  for (std::size_t i = 0; i < kTiefaSeams; ++i) {
    if (z0 < c.roof[i] && z0 >= c.floor[i]) {
      if (i == 1 && z0 < c.parting_top && z0 >= c.parting_base) return TiefaLith::mudstone;  // dirt parting
      return c.burnt && i <= 2 ? TiefaLith::burnt_coal : TiefaLith::coal;
    }
  }
  if (z0 < c.basement_top) return TiefaLith::gneiss;
  if (z0 < c.conglomerate_top) return TiefaLith::conglomerate;
  // Between seams (or the marker and seam 12): mudstone roof and floor, sandstone then siltstone between.
  double above = c.marker_base, below = c.conglomerate_top;
  for (std::size_t i = 0; i < kTiefaSeams; ++i) {
    if (z0 < c.floor[i]) above = c.floor[i];
    if (z0 >= c.roof[i]) {
      below = c.roof[i];
      break;
    }
  }
  const double from_top = above - z0, to_bottom = z0 - below, len = above - below;
  if (from_top < 1.5 || to_bottom < 2.0) return TiefaLith::mudstone;
  return from_top / len < 0.45 ? TiefaLith::sandstone : TiefaLith::siltstone;
}

}  // namespace georeserve::synth
