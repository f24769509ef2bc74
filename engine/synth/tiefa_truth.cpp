// Truth of the synthetic Tiefa field (see tiefa_truth.h). A lattice cell counts when its centre lies
// in the field; its tonnage is cell area x present vertical coal thickness x density.
#include "synth/tiefa_truth.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"

namespace georeserve::synth {
namespace {

constexpr double kCellArea = TiefaField::lattice_step * TiefaField::lattice_step;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Rounds to a decimal unit (0.01, 1e-4, ...) as the nearest double to the decimal, so JSON shows it short.
double round_to(double v, double unit) {
  const double scale = std::round(1.0 / unit);
  return std::round(v * scale) / scale;
}

// Per cell inside the field: column and present coal per seam (at the field's current multiplier).
struct CellVisit {
  std::size_t index, col, row;  // index = row * nx + col, row 0 = south
  double x, y;
};

template <typename F>
void for_each_cell(const TiefaField& f, F&& visit) {
  for (std::size_t j = 0; j < f.lattice_ny(); ++j)
    for (std::size_t i = 0; i < f.lattice_nx(); ++i) {
      const double x = f.lattice_x0() + static_cast<double>(i) * TiefaField::lattice_step;
      const double y = f.lattice_y0() + static_cast<double>(j) * TiefaField::lattice_step;
      if (f.in_field(x, y)) visit(CellVisit{j * f.lattice_nx() + i, i, j, x, y});
    }
}

}  // namespace

std::vector<std::vector<float>> mined_fractions(const TiefaField& f, const std::vector<TiefaPanel>& panels) {
  const std::size_t n = f.lattice_nx() * f.lattice_ny();
  std::vector<std::vector<float>> out(kTiefaSeams, std::vector<float>(n, 0.0f));
  const double h = TiefaField::lattice_step;
  for (const TiefaPanel& p : panels) {
    double bx0 = 1e300, by0 = 1e300, bx1 = -1e300, by1 = -1e300;
    for (const Point2& q : p.polygon) bx0 = std::min(bx0, q[0]), by0 = std::min(by0, q[1]), bx1 = std::max(bx1, q[0]), by1 = std::max(by1, q[1]);
    const auto i0 = static_cast<long>(std::floor((bx0 - f.lattice_x0()) / h)), i1 = static_cast<long>(std::ceil((bx1 - f.lattice_x0()) / h));
    const auto j0 = static_cast<long>(std::floor((by0 - f.lattice_y0()) / h)), j1 = static_cast<long>(std::ceil((by1 - f.lattice_y0()) / h));
    for (long j = std::max(0L, j0); j <= j1 && j < static_cast<long>(f.lattice_ny()); ++j)
      for (long i = std::max(0L, i0); i <= i1 && i < static_cast<long>(f.lattice_nx()); ++i) {
        // The cell around node (i, j), sampled at 10 x 10 points.
        const double cx = f.lattice_x0() + static_cast<double>(i) * h, cy = f.lattice_y0() + static_cast<double>(j) * h;
        int inside = 0;
        for (int a = 0; a < 10; ++a)
          for (int b = 0; b < 10; ++b)
            inside += point_in_ring(p.polygon, cx + (a - 4.5) * h / 10, cy + (b - 4.5) * h / 10);
        float& cell = out[static_cast<std::size_t>(p.seam)][static_cast<std::size_t>(j) * f.lattice_nx() + static_cast<std::size_t>(i)];
        cell = std::min(1.0f, cell + static_cast<float>(inside) / 100.0f);
      }
  }
  return out;
}

TiefaTruth tiefa_truth(const TiefaField& f, const std::vector<std::vector<float>>& mined, bool keep_grids) {
  TiefaTruth t;
  t.multiplier = f.thickness_multiplier();
  for (const TiefaSeamSpec& s : tiefa_seam_specs()) t.seams.push_back(TiefaSeamTruth{s.id});
  t.total.seam = "total";
  const double h = TiefaField::lattice_step;
  if (keep_grids) {
    t.grids.resize(kTiefaSeams);
    const double north = f.lattice_y0() + (static_cast<double>(f.lattice_ny()) - 0.5) * h;
    for (auto& seam : t.grids)
      for (RasterGrid& g : seam) {
        g = RasterGrid(f.lattice_nx(), f.lattice_ny(), f.lattice_x0() - 0.5 * h, north, h, h, kGridEpsg, kNaN);
        g.nodata = std::nullopt;  // NaN marks no data
      }
  }
  std::vector<double> thick_area(kTiefaSeams, 0.0);
  for_each_cell(f, [&](const CellVisit& v) {
    const TiefaColumn col = f.column(v.x, v.y);
    for (int s = 0; s < kTiefaSeams; ++s) {
      const auto si = static_cast<std::size_t>(s);
      const double coal = f.present_coal(s, v.x, v.y, col);
      if (coal <= 0.0) continue;
      const TiefaQuality q = f.quality(s, v.x, v.y);
      const double tonnes = kCellArea * coal * q.density / 1e6;  // Mt
      TiefaSeamTruth& st = t.seams[si];
      const bool burnt = col.burnt && s <= 2;
      if (keep_grids) {
        const std::size_t r = f.lattice_ny() - 1 - v.row;  // raster rows run south from the north edge
        auto& g = t.grids[si];
        g[0].at(v.col, r) = static_cast<float>(burnt ? 0.0 : coal);
        g[1].at(v.col, r) = static_cast<float>(f.present_elevation(v.x, v.y, col.roof[si]));
        g[2].at(v.col, r) = static_cast<float>(q.ash);
        g[3].at(v.col, r) = static_cast<float>(q.sulfur);
        g[4].at(v.col, r) = static_cast<float>(q.cv);
        g[5].at(v.col, r) = static_cast<float>(q.density);
      }
      if (burnt) {
        st.burnt_mt += tonnes;
        continue;
      }
      st.area_km2 += kCellArea / 1e6;
      st.insitu_mt += tonnes;
      thick_area[si] += coal * kCellArea;
      st.ash += tonnes * q.ash, st.sulfur += tonnes * q.sulfur, st.cv += tonnes * q.cv, st.density += tonnes * q.density;
      if (coal >= TiefaFacts::min_thickness) {
        const double m = mined[si][v.index];
        st.mineable_mt += tonnes;
        st.mined_mt += tonnes * m;
        st.remaining_mt += tonnes * (1.0 - m);
      }
    }
  });
  for (std::size_t s = 0; s < t.seams.size(); ++s) {
    TiefaSeamTruth& st = t.seams[s];
    TiefaSeamTruth& tot = t.total;
    tot.area_km2 = std::max(tot.area_km2, st.area_km2);
    tot.insitu_mt += st.insitu_mt, tot.mineable_mt += st.mineable_mt, tot.burnt_mt += st.burnt_mt;
    tot.mined_mt += st.mined_mt, tot.remaining_mt += st.remaining_mt;
    tot.ash += st.ash, tot.sulfur += st.sulfur, tot.cv += st.cv, tot.density += st.density;
    tot.thickness_mean += thick_area[s];
    st.thickness_mean = st.area_km2 > 0 ? thick_area[s] / (st.area_km2 * 1e6) : 0.0;
    if (st.insitu_mt > 0) st.ash /= st.insitu_mt, st.sulfur /= st.insitu_mt, st.cv /= st.insitu_mt, st.density /= st.insitu_mt;
  }
  TiefaSeamTruth& tot = t.total;
  if (tot.insitu_mt > 0) tot.ash /= tot.insitu_mt, tot.sulfur /= tot.insitu_mt, tot.cv /= tot.insitu_mt, tot.density /= tot.insitu_mt;
  // Total: cumulative coal thickness averaged over the field's area.
  tot.area_km2 = planar_area(f.region().tiefa_boundary()) / 1e6;
  tot.thickness_mean /= tot.area_km2 * 1e6;
  return t;
}

double calibrate_tiefa(TiefaField& f, const std::vector<std::vector<float>>& mined, ProgressSink* progress) {
  ProgressTask task(progress, "Tiefa: calibrating the remaining coal", 2);
  // One pass at multiplier 1 tabulates every cell's coal (tonnes per metre of multiplier) and the
  // multiplier at which it reaches the minimum thickness; the remaining tonnage is then a cheap sum,
  // solved by bisection. (Coal thickness scales with the multiplier; fault cut-outs shift a little.)
  struct Cell {
    double coal, tonnes_per_m;  // coal thickness and unmined tonnes at multiplier 1
  };
  std::vector<Cell> cells;
  f.set_thickness_multiplier(1.0);
  for_each_cell(f, [&](const CellVisit& v) {
    const TiefaColumn col = f.column(v.x, v.y);
    for (int s = 0; s < kTiefaSeams; ++s) {
      if (col.burnt && s <= 2) continue;
      const double coal = f.present_coal(s, v.x, v.y, col);
      if (coal <= 0.0) continue;
      const double unmined = 1.0 - mined[static_cast<std::size_t>(s)][v.index];
      cells.push_back({coal, kCellArea * coal * f.quality(s, v.x, v.y).density * unmined / 1e6});
    }
  });
  task.advance();
  auto remaining = [&](double m) {
    double sum = 0.0;
    for (const Cell& c : cells)
      if (m * c.coal >= TiefaFacts::min_thickness) sum += m * c.tonnes_per_m;
    return sum;
  };
  double lo = 0.05, hi = 5.0;
  if (remaining(hi) < TiefaFacts::target_remaining_mt) throw ResourceError("Tiefa calibration: the seams cannot hold the target tonnage");
  for (int it = 0; it < 60 && hi - lo > 1e-7; ++it) {
    const double mid = 0.5 * (lo + hi);
    (remaining(mid) < TiefaFacts::target_remaining_mt ? lo : hi) = mid;
  }
  const double m = round_to(0.5 * (lo + hi), 1e-5);
  f.set_thickness_multiplier(m);
  task.advance();
  return m;
}

nlohmann::ordered_json tiefa_truth_summary_json(const TiefaTruth& t, const std::vector<TiefaPanel>& panels, std::uint64_t seed) {
  auto seam_json = [](const TiefaSeamTruth& s) {
    nlohmann::ordered_json j;
    j["seam"] = s.seam;
    j["coal_area_km2"] = round_to(s.area_km2, 0.01);
    j["mean_thickness_m"] = round_to(s.thickness_mean, 0.001);
    j["insitu_Mt"] = round_to(s.insitu_mt, 0.01);
    j["mineable_Mt"] = round_to(s.mineable_mt, 0.01);
    j["burnt_Mt"] = round_to(s.burnt_mt, 0.01);
    j["mined_Mt"] = round_to(s.mined_mt, 0.01);
    j["remaining_Mt"] = round_to(s.remaining_mt, 0.01);
    j["ash_Ad_pct"] = round_to(s.ash, 0.01);
    j["sulfur_Std_pct"] = round_to(s.sulfur, 0.001);
    j["cv_Qnet_ar_MJ_kg"] = round_to(s.cv, 0.01);
    j["density_t_m3"] = round_to(s.density, 0.0001);
    return j;
  };
  nlohmann::ordered_json j;
  j["field"] = "铁法煤田 Tiefa coal field (SYNTHETIC)";
  j["seed"] = seed;
  j["crs"] = "EPSG:4529";
  j["grid_cell_m"] = TiefaField::lattice_step;
  j["method"] = "cells of the 100 m lattice whose centre is in the field; tonnes = area x present vertical coal thickness x density";
  j["definitions"] = {{"insitu", "all coal, not burnt"},
                      {"mineable", "cells with coal thickness >= 0.7 m, not burnt"},
                      {"remaining", "mineable minus the mined-out panels"},
                      {"burnt", "coal of seams 12-14 inside the burnt zone (lost)"}};
  j["target_remaining_Mt"] = TiefaFacts::target_remaining_mt;
  j["thickness_multiplier"] = t.multiplier;
  j["field_area_km2"] = round_to(t.total.area_km2, 0.0001);
  nlohmann::ordered_json total = seam_json(t.total);
  total.erase("coal_area_km2");
  total["mean_thickness_m"] = round_to(t.total.thickness_mean, 0.001);
  j["total"] = total;
  nlohmann::ordered_json seams = nlohmann::ordered_json::array();
  for (const auto& s : t.seams) seams.push_back(seam_json(s));
  j["seams"] = seams;
  j["panels"] = panels.size();
  return j;
}

std::vector<std::string> write_tiefa_truth_grids(const std::filesystem::path& dir, const TiefaTruth& t) {
  static const char* names[] = {"thickness", "roof_z", "ash", "sulfur", "cv", "density"};
  std::vector<std::string> files;
  for (std::size_t s = 0; s < t.grids.size(); ++s)
    for (std::size_t k = 0; k < 6; ++k) {
      const std::string name = "tiefa_seam_" + t.seams[s].seam + "_" + names[k] + ".tif";
      write_geotiff(dir / name, t.grids[s][k]);
      files.push_back(name);
    }
  return files;
}

}  // namespace georeserve::synth
