// Truth of the Qianyu deposit on a fine grid (see qianyu_truth.h).
//
// Every lens is visited through the slab of cells that can hold its ore: per grid column the slab is
// one run of z found analytically (the frame is linear in z), so only a few million cells are tested.
// Each candidate cell records the smallest thickness scale at which it becomes ore; the tonnage as a
// function of the scale is then a sorted cumulative sum, and the calibration picks the scale exactly.
#include "synth/qianyu_truth.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/atomic_file.h"
#include "core/error.h"
#include "io/csv.h"

namespace georeserve::synth {
namespace {

struct Candidate {
  long i, j, k;        // lattice indices
  double threshold;    // smallest thickness scale at which the cell is ore
};

struct Lattice {
  double x0, y0, h;  // cell (i, j, k) is centred at (x0 + (i + .5) h, y0 + (j + .5) h, (k + .5) h)
  double x(long i) const { return x0 + (static_cast<double>(i) + 0.5) * h; }
  double y(long j) const { return y0 + (static_cast<double>(j) + 0.5) * h; }
  double z(long k) const { return (static_cast<double>(k) + 0.5) * h; }
};

Lattice lattice_of(const QianyuDeposit& dep, double h) {
  return {std::floor(dep.centre()[0]) - 2000.0, std::floor(dep.centre()[1]) - 2000.0, h};
}

// Cells that are ore at some thickness scale <= max_scale, each listed once (under the first lens
// reaching the smallest threshold), sorted by (i, j, k).
std::vector<Candidate> candidates(const QianyuDeposit& dep, const Lattice& g, double max_scale) {
  const Point2 c = dep.centre();
  const auto& u = dep.strike();
  const auto& d = dep.down_dip();
  const auto& nr = dep.normal();
  const double zr = QianyuFacts::reference_z, h = g.h;
  const std::size_t lens_count = dep.lenses().size();
  std::vector<Candidate> out;
  for (std::size_t li = 0; li < lens_count; ++li) {
    const QianyuLens& L = dep.lenses()[li];
    const double H = dep.lens_slab_half_width(li, max_scale);
    double bx[2] = {1e300, -1e300}, by[2] = {1e300, -1e300};
    for (int sa = -1; sa <= 1; sa += 2)
      for (int sb = -1; sb <= 1; sb += 2)
        for (int sn = -1; sn <= 1; sn += 2) {
          const double a = L.a0 + sa * L.half_a, b = L.b0 + sb * L.half_b, n = L.zeta + sn * H;
          const double x = c[0] + a * u[0] + b * d[0] + n * nr[0];
          const double y = c[1] + a * u[1] + b * d[1] + n * nr[1];
          bx[0] = std::min(bx[0], x), bx[1] = std::max(bx[1], x);
          by[0] = std::min(by[0], y), by[1] = std::max(by[1], y);
        }
    const long i0 = static_cast<long>(std::floor((bx[0] - g.x0) / h)), i1 = static_cast<long>(std::ceil((bx[1] - g.x0) / h));
    const long j0 = static_cast<long>(std::floor((by[0] - g.y0) / h)), j1 = static_cast<long>(std::ceil((by[1] - g.y0) / h));
    for (long j = j0; j <= j1; ++j) {
      const double y = g.y(j);
      for (long i = i0; i <= i1; ++i) {
        const double x = g.x(i);
        const double rx = x - c[0], ry = y - c[1];
        const double a = u[0] * rx + u[1] * ry;  // strike is horizontal
        if (std::abs(a - L.a0) >= L.half_a) continue;
        // n(z) = n0 + nr[2] (z - zr) and b(z) = b0 + d[2] (z - zr), with nr[2] > 0 and d[2] < 0.
        const double n0 = nr[0] * rx + nr[1] * ry, b0 = d[0] * rx + d[1] * ry;
        double zlo = zr + (L.zeta - H - n0) / nr[2], zhi = zr + (L.zeta + H - n0) / nr[2];
        zlo = std::max(zlo, zr + (L.b0 + L.half_b - b0) / d[2]);
        zhi = std::min(zhi, zr + (L.b0 - L.half_b - b0) / d[2]);
        zhi = std::min(zhi, dep.bedrock(x, y));
        const long k0 = static_cast<long>(std::ceil(zlo / h - 0.5)), k1 = static_cast<long>(std::floor(zhi / h - 0.5));
        const double reach = 0.5 * L.t_max * max_scale * 1.7 + 8.0;  // thickness cap and bending bound
        for (long k = k0; k <= k1; ++k) {
          const QianyuDeposit::Local l = dep.local(x, y, g.z(k));
          if (std::abs(l.n - L.zeta) > reach) continue;  // cheap rejection before the lens' own fields
          const double t = dep.lens_threshold(l, li);
          if (!(t <= max_scale)) continue;
          bool first = true;  // list the cell under the first lens with the smallest threshold only
          for (std::size_t o = 0; o < lens_count && first; ++o) {
            if (o == li) continue;
            const double to = dep.lens_threshold(l, o);
            first = o < li ? to > t : to >= t;
          }
          if (first) out.push_back({i, j, k, t});
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.i, a.j, a.k) < std::tie(b.i, b.j, b.k);
  });
  return out;
}

// True grades of every candidate (ore rules), through lattice tables of the latent fields.
std::vector<QianyuProperties> ore_properties(const QianyuDeposit& dep, const Lattice& g, const std::vector<Candidate>& cs) {
  std::vector<QianyuProperties> props(cs.size());
  if (cs.empty()) return props;
  long i0 = cs.front().i, i1 = i0, j0 = cs.front().j, j1 = j0, k0 = cs.front().k, k1 = k0;
  for (const Candidate& c : cs) {
    i0 = std::min(i0, c.i), i1 = std::max(i1, c.i);
    j0 = std::min(j0, c.j), j1 = std::max(j1, c.j);
    k0 = std::min(k0, c.k), k1 = std::max(k1, c.k);
  }
  const std::array<double, 3> first{g.x(i0), g.y(j0), g.z(k0)}, step{g.h, g.h, g.h};
  const std::array<std::size_t, 3> counts{static_cast<std::size_t>(i1 - i0 + 1), static_cast<std::size_t>(j1 - j0 + 1),
                                          static_cast<std::size_t>(k1 - k0 + 1)};
  SpectralLattice w(dep.latent_wollastonite(), first, step, counts);
  SpectralLattice f(dep.latent_impurity(), first, step, counts);
  long ci = -1, cj = -1;
  for (std::size_t n = 0; n < cs.size(); ++n) {
    const Candidate& c = cs[n];
    if (c.i != ci || c.j != cj) {
      ci = c.i, cj = c.j;
      w.select_column(static_cast<std::size_t>(c.i - i0), static_cast<std::size_t>(c.j - j0));
      f.select_column(static_cast<std::size_t>(c.i - i0), static_cast<std::size_t>(c.j - j0));
    }
    const auto k = static_cast<std::size_t>(c.k - k0);
    props[n] = dep.properties_from_latent(QianyuLith::ore, -1, w.value(k), f.value(k));
  }
  return props;
}

void add_to(QianyuLensSummary& s, const QianyuProperties& p, double z, double cell_volume) {
  const double t = p.density * cell_volume;
  s.cells += 1;
  s.volume_m3 += cell_volume;
  s.tonnes += t;
  s.casio3 += t * p.casio3;
  s.fe2o3 += t * p.fe2o3;
  s.loi += t * p.loi;
  s.top_z = std::max(s.top_z, z);
  s.bottom_z = std::min(s.bottom_z, z);
}

void finish(QianyuLensSummary& s) {
  if (s.tonnes > 0) {
    s.casio3 /= s.tonnes;
    s.fe2o3 /= s.tonnes;
    s.loi /= s.tonnes;
  }
}

// Rounds to a decimal unit (0.01, 1e-4, ...) as the nearest double to the decimal, so JSON shows it short.
double round_to(double v, double unit) {
  const double scale = std::round(1.0 / unit);
  return std::round(v * scale) / scale;
}

nlohmann::ordered_json lens_json(const QianyuLensSummary& s, double h) {
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["cells"] = s.cells;
  j["volume_m3"] = std::round(s.volume_m3);
  j["ore_kt"] = round_to(s.tonnes / 1000.0, 0.1);
  j["density_t_m3"] = round_to(s.tonnes / s.volume_m3, 1e-4);
  j["CaSiO3_pct"] = round_to(s.casio3, 0.01);
  j["Fe2O3_pct"] = round_to(s.fe2o3, 0.001);
  j["LOI_pct"] = round_to(s.loi, 0.01);
  j["top_z_m"] = round_to(s.top_z + h / 2, 0.1);
  j["bottom_z_m"] = round_to(s.bottom_z - h / 2, 0.1);
  return j;
}

// Summary (and cells) of the candidates that are ore at the deposit's scale.
QianyuTruth summarise(const QianyuDeposit& dep, const Lattice& g, const std::vector<Candidate>& cs,
                      const std::vector<QianyuProperties>& props, bool keep_cells) {
  QianyuTruth truth;
  truth.cell_size = g.h;
  truth.thickness_scale = dep.thickness_scale();
  for (const QianyuLens& l : dep.lenses()) truth.lenses.push_back(QianyuLensSummary{l.id});
  truth.total.id = "total";
  const double v = g.h * g.h * g.h;
  for (std::size_t n = 0; n < cs.size(); ++n) {
    if (!(cs[n].threshold <= dep.thickness_scale())) continue;
    const double x = g.x(cs[n].i), y = g.y(cs[n].j), z = g.z(cs[n].k);
    const int lens = dep.lens_at(dep.local(x, y, z));
    if (lens < 0) throw std::logic_error("Qianyu truth: candidate below threshold is not in a lens");
    const QianyuProperties& p = props[n];
    add_to(truth.lenses[static_cast<std::size_t>(lens)], p, z, v);
    add_to(truth.total, p, z, v);
    if (keep_cells) truth.cells.push_back({x, y, z, lens, p.casio3, p.fe2o3, p.loi, p.density});
  }
  for (auto& s : truth.lenses) finish(s);
  finish(truth.total);
  return truth;
}

}  // namespace

double qianyu_ore_volume(const QianyuDeposit& deposit, double h) {
  const Lattice g = lattice_of(deposit, h);
  long long n = 0;
  for (const Candidate& c : candidates(deposit, g, deposit.thickness_scale())) n += c.threshold <= deposit.thickness_scale();
  return static_cast<double>(n) * h * h * h;
}

QianyuTruth qianyu_truth(const QianyuDeposit& deposit, bool keep_cells, double h) {
  const Lattice g = lattice_of(deposit, h);
  const std::vector<Candidate> cs = candidates(deposit, g, deposit.thickness_scale());
  return summarise(deposit, g, cs, ore_properties(deposit, g, cs), keep_cells);
}

QianyuTruth calibrate_qianyu(QianyuDeposit& deposit, bool keep_cells, ProgressSink* progress) {
  ProgressTask task(progress, "Qianyu: calibrating the ore tonnage", 3);
  constexpr double max_scale = 1.6;
  const Lattice g = lattice_of(deposit, 2.0);
  std::vector<Candidate> cs = candidates(deposit, g, max_scale);
  task.advance();
  const double target = QianyuFacts::target_ore_kt * 1000.0, v = g.h * g.h * g.h;
  auto by_threshold = [&](std::vector<std::size_t>& order) {
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return cs[a].threshold != cs[b].threshold ? cs[a].threshold < cs[b].threshold : a < b;
    });
  };
  // Geometry first, at a nominal density: the grades (the costly part) are then needed only for cells
  // whose threshold is within 8 % of that scale (the mean density varies by far less).
  std::vector<std::size_t> order(cs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  by_threshold(order);
  const std::size_t nominal = std::min(order.size() - 1, static_cast<std::size_t>(target / (2.86 * v)));
  const double bound = std::min(max_scale, cs[order[nominal]].threshold * 1.08);
  std::erase_if(cs, [&](const Candidate& c) { return !(c.threshold <= bound); });
  const std::vector<QianyuProperties> props = ore_properties(deposit, g, cs);
  task.advance();
  order.resize(cs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  by_threshold(order);
  double tonnes = 0.0;
  for (std::size_t r = 0; r < order.size(); ++r) {
    const double next = tonnes + props[order[r]].density * v;
    if (next < target) {
      tonnes = next;
      continue;
    }
    // Stop before or after this cell, whichever lands closer; the scale sits between two thresholds.
    const std::size_t last = (target - tonnes < next - target && r > 0) ? r - 1 : r;
    if (last + 1 >= order.size()) break;
    deposit.set_thickness_scale(0.5 * (cs[order[last]].threshold + cs[order[last + 1]].threshold));
    task.advance();
    return summarise(deposit, g, cs, props, keep_cells);
  }
  throw ResourceError("Qianyu calibration: the lenses cannot hold " + std::to_string(QianyuFacts::target_ore_kt) +
                      " kt below thickness scale " + std::to_string(max_scale) + " (try another seed)");
}

nlohmann::ordered_json qianyu_truth_summary_json(const QianyuTruth& truth, std::uint64_t seed) {
  nlohmann::ordered_json j;
  j["deposit"] = "调兵山前裕硅灰石矿 Qianyu wollastonite (SYNTHETIC)";
  j["seed"] = seed;
  j["crs"] = "EPSG:4529";
  j["grid_cell_m"] = truth.cell_size;
  j["method"] = "ore = cells of the grid whose centre lies in a lens; tonnes = sum of cell volume x true density";
  j["target_ore_kt"] = QianyuFacts::target_ore_kt;
  j["thickness_scale"] = round_to(truth.thickness_scale, 1e-6);
  j["total"] = lens_json(truth.total, truth.cell_size);
  nlohmann::ordered_json lenses = nlohmann::ordered_json::array();
  for (const auto& l : truth.lenses) lenses.push_back(lens_json(l, truth.cell_size));
  j["lenses"] = lenses;
  return j;
}

void write_qianyu_truth_cells(const std::filesystem::path& path, const QianyuTruth& truth) {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvWriter w(out);
    w.row({"x", "y", "z", "lens", "CaSiO3", "Fe2O3", "LOI", "density"});
    for (const QianyuTruthCell& c : truth.cells) {
      w.number(c.x, 1).number(c.y, 1).number(c.z, 1).field(truth.lenses[static_cast<std::size_t>(c.lens)].id);
      w.number(c.casio3, 2).number(c.fe2o3, 3).number(c.loi, 2).number(c.density, 3);
      w.end_row();
    }
  });
}

}  // namespace georeserve::synth
