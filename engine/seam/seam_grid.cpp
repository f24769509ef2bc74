// Gridded seam models (seam_grid.h): roof trend + residual kriging, thickness with zeros, qualities,
// fault block by fault block, and the crossing repair.
#include "seam/seam_grid.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include <Eigen/Dense>
#include <tbb/parallel_for.h>

#include "core/progress.h"
#include "geometry/polygon.h"
#include "geometry/validity.h"
#include "geostat/estimation.h"
#include "geostat/spatial_index.h"

namespace georeserve::seam {

const char* quality_name(Quality q) {
  switch (q) {
    case Quality::ash: return "ash";
    case Quality::sulfur: return "sulfur";
    case Quality::cv: return "cv";
    case Quality::density: return "density";
  }
  return "";
}

const VariogramModel& SeamGridSettings::model(Quality q) const {
  switch (q) {
    case Quality::ash: return ash;
    case Quality::sulfur: return sulfur;
    case Quality::cv: return cv;
    case Quality::density: return density;
  }
  return ash;
}

std::array<double, 6> fit_trend(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& z,
                                double x0, double y0, int degree) {
  std::array<double, 6> c{};
  const std::size_t n = z.size();
  if (n == 0) return c;
  const int terms = degree <= 0 ? 1 : degree == 1 ? 3 : 6;
  if (n < static_cast<std::size_t>(terms) * 2) {
    c[0] = std::accumulate(z.begin(), z.end(), 0.0) / static_cast<double>(n);
    return c;
  }
  Eigen::MatrixXd a(n, terms);
  Eigen::VectorXd b(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double u = (x[i] - x0) / 1000, v = (y[i] - y0) / 1000;
    const double row[6] = {1, u, v, u * u, u * v, v * v};
    for (int t = 0; t < terms; ++t) a(static_cast<Eigen::Index>(i), t) = row[t];
    b(static_cast<Eigen::Index>(i)) = z[i];
  }
  const Eigen::VectorXd sol = a.colPivHouseholderQr().solve(b);
  for (int t = 0; t < terms; ++t) c[static_cast<std::size_t>(t)] = sol(t);
  return c;
}

double eval_trend(const std::array<double, 6>& c, double x, double y, double x0, double y0) {
  const double u = (x - x0) / 1000, v = (y - y0) / 1000;
  return c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v + c[5] * v * v;
}

double SeamSurface::trend_at(double x, double y) const { return eval_trend(trend, x, y, trend_x0, trend_y0); }

namespace {

struct Points {
  std::vector<double> x, y, value;
  std::vector<std::int32_t> hole;
  std::vector<int> block;
  void add(double px, double py, double v, std::int32_t h, int b) {
    x.push_back(px), y.push_back(py), value.push_back(v), hole.push_back(h), block.push_back(b);
  }
  std::size_t size() const { return value.size(); }
};

struct Targets {
  std::vector<double> x, y;
  std::vector<int> block;
  std::vector<std::size_t> node;  // where the result goes
};

// Ordinary kriging of `s` at the targets, each fault block from its own samples.
std::vector<EstimateRecord> krige_by_block(const Points& s, const Targets& t, const VariogramModel& model,
                                           const SearchPlan& plan, std::size_t min_samples, std::size_t* fallbacks,
                                           ProgressSink* progress) {
  std::vector<EstimateRecord> out(t.x.size());
  for (auto& r : out) r.estimate = r.variance = r.nearest_distance = std::nan("");
  if (s.size() == 0 || t.x.empty()) return out;
  int max_block = 0;
  for (int b : t.block) max_block = std::max(max_block, b);
  std::vector<std::vector<std::size_t>> by_block(static_cast<std::size_t>(max_block) + 1);
  for (std::size_t i = 0; i < t.x.size(); ++i)
    if (t.block[i] >= 0) by_block[static_cast<std::size_t>(t.block[i])].push_back(i);
  EstimationOptions options;
  options.type = EstimatorType::ordinary;
  options.search = plan;
  for (std::size_t b = 0; b < by_block.size(); ++b) {
    const auto& idx = by_block[b];
    if (idx.empty()) continue;
    KrigingSamples ks;
    ks.dimension = 2;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s.block[i] == static_cast<int>(b)) {
        ks.x.push_back(s.x[i]), ks.y.push_back(s.y[i]), ks.z.push_back(0), ks.value.push_back(s.value[i]);
        ks.hole.push_back(s.hole[i]);
      }
    if (ks.size() < min_samples) {
      ++*fallbacks;
      ks = KrigingSamples{};
      ks.dimension = 2;
      ks.x = s.x, ks.y = s.y, ks.z.assign(s.size(), 0.0), ks.value = s.value, ks.hole = s.hole;
    }
    merge_coincident_samples(ks);
    KrigingTargets kt;
    kt.x.reserve(idx.size()), kt.y.reserve(idx.size());
    for (auto i : idx) kt.x.push_back(t.x[i]), kt.y.push_back(t.y[i]);
    kt.z.assign(idx.size(), 0.0);
    const Estimator est(ks, &model, options);
    const auto rec = est.estimate(kt, progress);
    for (std::size_t k = 0; k < idx.size(); ++k) out[idx[k]] = rec[k];
  }
  return out;
}

// Distance to the nearest and mean distance to the 3 nearest seam holes of the same fault block.
void hole_distances(const SeamInputs& in, SeamSurface& s) {
  const auto& g = in.grid;
  s.nearest_hole.assign(g.size(), std::numeric_limits<float>::quiet_NaN());
  s.mean_hole_distance.assign(g.size(), std::numeric_limits<float>::quiet_NaN());
  std::vector<std::vector<double>> xyz(static_cast<std::size_t>(s.blocks.count()));
  for (const auto& p : in.picks.picks)
    if (p.seam == s.seam && p.thickness > 0) {
      const int b = s.blocks.block_of({p.x, p.y});
      if (b < 0) continue;
      auto& v = xyz[static_cast<std::size_t>(b)];
      v.insert(v.end(), {p.x - g.x0, p.y - g.y0, 0.0});
    }
  std::vector<std::unique_ptr<SpatialIndex>> index;
  for (auto& v : xyz) index.push_back(v.empty() ? nullptr : std::make_unique<SpatialIndex>(v));
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, g.size(), 4096), [&](const auto& r) {
    Neighbour nb[3];
    for (std::size_t k = r.begin(); k < r.end(); ++k) {
      if (!(s.thickness[k] > 0)) continue;
      const int b = s.blocks.block(k);
      if (b < 0 || !index[static_cast<std::size_t>(b)]) continue;
      const auto p = g.node(k);
      const double q[3] = {p.x - g.x0, p.y - g.y0, 0.0};
      const auto n = index[static_cast<std::size_t>(b)]->nearest(q, 3, std::numeric_limits<double>::infinity(), nb);
      if (n == 0) continue;
      double sum = 0;
      for (std::size_t i = 0; i < n; ++i) sum += std::sqrt(nb[i].dist2);
      s.nearest_hole[k] = static_cast<float>(std::sqrt(nb[0].dist2));
      // Fewer than 3 holes in the block: the missing ones count as far away.
      s.mean_hole_distance[k] = static_cast<float>(n == 3 ? sum / 3 : std::numeric_limits<double>::infinity());
    }
  });
}

double seconds_since(double t0) { return monotonic_seconds() - t0; }

// The roof of one seam: either marker surface minus isochore (when the holes log a structural marker),
// or a polynomial trend plus kriged residuals.
struct RoofModel {
  const SeamGridSettings* st = nullptr;
  const SeamSurface* s = nullptr;
  bool marker = false;
  Points residual;  // roof (or marker) minus its trend
  Points isochore;  // marker minus roof (marker method)
  std::size_t* fallbacks = nullptr;

  std::vector<double> at(const Targets& t) const {
    const auto r = krige_by_block(residual, t, st->roof, st->search, st->min_block_samples, fallbacks, nullptr);
    std::vector<double> out(t.x.size());
    std::vector<EstimateRecord> iso;
    if (marker) iso = krige_by_block(isochore, t, st->isochore, st->search, st->min_block_samples, fallbacks, nullptr);
    for (std::size_t i = 0; i < out.size(); ++i) {
      out[i] = s->trend_at(t.x[i], t.y[i]) + (std::isnan(r[i].estimate) ? 0.0 : r[i].estimate);
      if (marker) out[i] -= std::isnan(iso[i].estimate) ? 0.0 : iso[i].estimate;
    }
    return out;
  }
};

SeamSurface build_one(const SeamInputs& in, const SeamGridSettings& st, int seam, SeamModel& model,
                      ProgressSink* progress) {
  const auto& g = in.grid;
  const std::string tag = "seam " + in.seams.names[static_cast<std::size_t>(seam)] + ": ";
  SeamSurface s;
  s.seam = seam;
  double t0 = monotonic_seconds();
  // Picks of this seam; the fault lines at the seam's mean roof elevation.
  std::vector<const SeamPick*> picks;
  for (const auto& p : in.picks.picks)
    if (p.seam == seam) picks.push_back(&p);
  {
    double z = 0;
    for (auto* p : picks) z += p->roof_z;
    s.mean_roof_z = picks.empty() ? 0 : z / static_cast<double>(picks.size());
  }
  std::vector<geometry::Polyline> lines;
  for (const auto& f : in.faults) lines.push_back(f.line_at(s.mean_roof_z));
  const double diag = std::hypot(static_cast<double>(g.nx) * g.dx, static_cast<double>(g.ny) * g.dy);
  s.fault_lines = extend_to_barriers(lines, in.outline, diag);
  s.blocks = FaultBlocks(g, in.inside, s.fault_lines);
  s.gap = fault_gap_mask(g, in.faults, s.mean_roof_z);
  model.timing.emplace_back(tag + "fault blocks", seconds_since(t0));

  // 1. Roof: marker surface minus isochore, or trend plus residuals.
  t0 = monotonic_seconds();
  RoofModel roof;
  roof.st = &st;
  roof.s = &s;
  roof.fallbacks = &s.fallback_blocks;
  std::vector<int> pick_block;
  for (auto* p : picks) pick_block.push_back(s.blocks.block_of({p->x, p->y}));
  {
    std::size_t markers = 0;
    for (double z : in.marker_z) markers += std::isnan(z) ? 0 : 1;
    roof.marker = markers >= st.min_block_samples;
    std::vector<double> x, y, z;
    s.trend_x0 = g.x0 + 0.5 * g.dx * static_cast<double>(g.nx);
    s.trend_y0 = g.y0 + 0.5 * g.dy * static_cast<double>(g.ny);
    if (roof.marker) {
      std::vector<std::size_t> holes;
      for (std::size_t h = 0; h < in.marker_z.size(); ++h)
        if (!std::isnan(in.marker_z[h])) {
          x.push_back(in.marker_xy[h].x), y.push_back(in.marker_xy[h].y), z.push_back(in.marker_z[h]);
          holes.push_back(h);
        }
      s.trend = fit_trend(x, y, z, s.trend_x0, s.trend_y0, st.trend_degree);
      // A hole between a fault's line at the marker's elevation and its line at the seam's meets the
      // marker on one side of the fault and the seam on the other: its marker belongs to no block of
      // this seam, so it is left out of the marker surface and the isochore.
      std::vector<std::uint8_t> straddles(in.marker_z.size(), 0);
      for (std::size_t h = 0; h < in.marker_z.size(); ++h) {
        if (std::isnan(in.marker_z[h])) continue;
        for (std::size_t f = 0; f < in.faults.size(); ++f) {
          const auto& ft = in.faults[f];
          if (ft.zone || ft.dip_deg >= 90) continue;
          const double shift = (in.marker_z[h] - s.mean_roof_z) / std::tan(ft.dip_deg * std::numbers::pi / 180);
          const geometry::Point2 d{std::sin(ft.dip_azimuth_deg * std::numbers::pi / 180),
                                   std::cos(ft.dip_azimuth_deg * std::numbers::pi / 180)};
          const auto a = in.marker_xy[h], b = a + shift * d;
          const auto& line = s.fault_lines[f];
          for (std::size_t k = 0; k + 1 < line.size() && !straddles[h]; ++k)
            if (geometry::segments_touch(a, b, line[k], line[k + 1])) straddles[h] = 1;
        }
        s.straddling_holes += straddles[h];
      }
      for (std::size_t i = 0; i < holes.size(); ++i)
        if (!straddles[holes[i]])
          roof.residual.add(x[i], y[i], z[i] - s.trend_at(x[i], y[i]), static_cast<std::int32_t>(holes[i]),
                            s.blocks.block_of({x[i], y[i]}));
      for (std::size_t i = 0; i < picks.size(); ++i) {
        const auto h = static_cast<std::size_t>(picks[i]->hole);
        if (!std::isnan(in.marker_z[h]) && !straddles[h])
          roof.isochore.add(picks[i]->x, picks[i]->y, in.marker_z[h] - picks[i]->roof_z, picks[i]->hole, pick_block[i]);
      }
    } else {
      for (auto* p : picks) x.push_back(p->x), y.push_back(p->y), z.push_back(p->roof_z);
      s.trend = fit_trend(x, y, z, s.trend_x0, s.trend_y0, st.trend_degree);
      for (std::size_t i = 0; i < picks.size(); ++i)
        roof.residual.add(picks[i]->x, picks[i]->y, picks[i]->roof_z - s.trend_at(picks[i]->x, picks[i]->y), picks[i]->hole,
                          pick_block[i]);
    }
  }
  // 2. Thickness samples: picks, and zeros at holes that reached the horizon without coal.
  Points thick;
  for (std::size_t i = 0; i < picks.size(); ++i) {
    const auto* p = picks[i];
    const auto k = g.locate({p->x, p->y});
    if (k < g.size() && s.gap[k]) {
      ++s.gap_holes_left_out;
      continue;
    }
    thick.add(p->x, p->y, p->thickness, p->hole, pick_block[i]);
  }
  {
    Targets holes;
    std::vector<std::int32_t> which;
    for (std::size_t h = 0; h < in.hole_xy.size(); ++h) {
      if (in.picks.by_hole[h][static_cast<std::size_t>(seam)] >= 0) continue;
      holes.x.push_back(in.hole_xy[h].x), holes.y.push_back(in.hole_xy[h].y);
      holes.block.push_back(s.blocks.block_of(in.hole_xy[h]));
      which.push_back(static_cast<std::int32_t>(h));
    }
    const auto roof_at_hole = roof.at(holes);
    for (std::size_t i = 0; i < which.size(); ++i) {
      const auto h = static_cast<std::size_t>(which[i]);
      const auto xy = in.hole_xy[h];
      if (holes.block[i] < 0) continue;  // outside the field
      bool deeper = false;
      for (std::size_t d = static_cast<std::size_t>(seam) + 1; d < in.seams.size(); ++d)
        if (in.picks.by_hole[h][d] >= 0) deeper = true;
      const double roof_here = roof_at_hole[i];
      if (!deeper && !(in.hole_bottom_z[h] < roof_here - st.reach_tolerance)) {
        ++s.unreached_holes;
        continue;
      }
      const auto k = g.locate(xy);
      if (in.burnt_seam[static_cast<std::size_t>(seam)] && geometry::contains(in.burnt, xy)) {
        ++s.burnt_holes_left_out;
        continue;
      }
      if (k < g.size() && s.gap[k]) {
        ++s.gap_holes_left_out;
        continue;
      }
      // Where the hole crosses the horizon (vertical holes: at the collar's x, y).
      Eigen::Vector3d at(xy.x, xy.y, roof_here);
      if (in.traces) at = (*in.traces)[h].position_at(std::max(0.0, in.hole_collar_z[h] - roof_here));
      thick.add(at.x(), at.y(), 0.0, static_cast<std::int32_t>(h), holes.block[i]);
      ++s.zero_samples;
    }
  }
  for (std::size_t i = 0; i < thick.size(); ++i)
    s.thickness_samples.push_back({thick.hole[i], thick.x[i], thick.y[i], thick.value[i], thick.block[i]});
  model.timing.emplace_back(tag + "roof trend and samples", seconds_since(t0));

  // 3. Thickness at every node of the field.
  t0 = monotonic_seconds();
  Targets all;
  for (std::size_t k = 0; k < g.size(); ++k)
    if (in.inside[k]) {
      const auto p = g.node(k);
      all.x.push_back(p.x), all.y.push_back(p.y), all.block.push_back(s.blocks.block(k)), all.node.push_back(k);
    }
  s.thickness.assign(g.size(), std::nan(""));
  s.thickness_variance.assign(g.size(), std::nan(""));
  {
    ProgressTask task(progress, tag + "thickness", 1);
    std::vector<EstimateRecord> rec;
    if (st.thickness_method == ThicknessMethod::indicator) {
      // Presence (1 with coal, 0 without) kriged; thickness where present from the coal picks alone.
      Points coal_only, presence = thick;
      for (std::size_t i = 0; i < thick.size(); ++i) {
        presence.value[i] = thick.value[i] > 0 ? 1.0 : 0.0;
        if (thick.value[i] > 0) coal_only.add(thick.x[i], thick.y[i], thick.value[i], thick.hole[i], thick.block[i]);
      }
      const auto p = krige_by_block(presence, all, st.thickness, st.search, st.min_block_samples, &s.fallback_blocks, nullptr);
      rec = krige_by_block(coal_only, all, st.thickness, st.search, st.min_block_samples, &s.fallback_blocks, nullptr);
      for (std::size_t i = 0; i < rec.size(); ++i)
        if (!(p[i].estimate >= 0.5)) rec[i].estimate = 0.0;
    } else {
      rec = krige_by_block(thick, all, st.thickness, st.search, st.min_block_samples, &s.fallback_blocks, nullptr);
    }
    for (std::size_t i = 0; i < rec.size(); ++i) {
      const auto k = all.node[i];
      const double v = rec[i].estimate;
      s.thickness[k] = s.gap[k] ? 0.0 : (std::isnan(v) ? 0.0 : std::max(0.0, v));
      s.thickness_variance[k] = rec[i].variance;
    }
    task.advance(1);
  }
  model.timing.emplace_back(tag + "thickness", seconds_since(t0));

  // 4. Roof and qualities where there is coal.
  t0 = monotonic_seconds();
  Targets coal;
  for (std::size_t i = 0; i < all.node.size(); ++i)
    if (s.thickness[all.node[i]] > 0) {
      coal.x.push_back(all.x[i]), coal.y.push_back(all.y[i]), coal.block.push_back(all.block[i]);
      coal.node.push_back(all.node[i]);
    }
  s.coal_nodes = coal.node.size();
  s.roof.assign(g.size(), std::nan(""));
  s.floor.assign(g.size(), std::nan(""));
  {
    const auto z = roof.at(coal);
    for (std::size_t i = 0; i < z.size(); ++i) {
      const auto k = coal.node[i];
      s.roof[k] = z[i];
      s.floor[k] = s.roof[k] - s.thickness[k];
    }
  }
  model.timing.emplace_back(tag + "roof", seconds_since(t0));
  t0 = monotonic_seconds();
  for (auto q : all_qualities) {
    Points qs;
    for (std::size_t i = 0; i < picks.size(); ++i) {
      const auto* p = picks[i];
      const double v = q == Quality::ash ? p->ash : q == Quality::sulfur ? p->sulfur : q == Quality::cv ? p->cv : p->density;
      if (!std::isnan(v) && p->thickness > 0) qs.add(p->x, p->y, v, p->hole, pick_block[i]);
    }
    auto& out = s.quality[static_cast<int>(q)];
    out.assign(g.size(), std::nan(""));
    const auto rec = krige_by_block(qs, coal, st.model(q), st.search, st.min_block_samples, &s.fallback_blocks, nullptr);
    for (std::size_t i = 0; i < rec.size(); ++i) out[coal.node[i]] = rec[i].estimate;
    if (q == Quality::density)
      for (auto k : coal.node)
        if (std::isnan(out[k])) out[k] = st.default_density;
  }
  model.timing.emplace_back(tag + "qualities", seconds_since(t0));
  t0 = monotonic_seconds();
  hole_distances(in, s);
  model.timing.emplace_back(tag + "hole distances", seconds_since(t0));
  return s;
}

}  // namespace

std::size_t repair_crossings(std::vector<SeamSurface>& seams) {
  if (seams.empty()) return 0;
  const std::size_t n = seams.front().thickness.size();
  std::size_t repaired = 0;
  for (std::size_t k = 0; k < n; ++k) {
    double lowest_floor = std::numeric_limits<double>::infinity();
    for (auto& s : seams) {
      if (!(s.thickness[k] > 0) || std::isnan(s.roof[k])) continue;
      if (s.roof[k] > lowest_floor) {
        const double shift = s.roof[k] - lowest_floor;
        s.roof[k] -= shift;
        s.floor[k] -= shift;
        ++repaired;
        ++s.crossing_moves;
        s.crossing_shift_sum += shift;
        s.crossing_shift_max = std::max(s.crossing_shift_max, shift);
        s.crossing_thickness_sum += s.thickness[k];
      }
      lowest_floor = s.floor[k];
    }
  }
  return repaired;
}

SeamModel build_seam_model(const SeamInputs& in, const SeamGridSettings& settings, ProgressSink* progress) {
  SeamModel m;
  for (std::size_t s = 0; s < in.seams.size(); ++s) m.seams.push_back(build_one(in, settings, static_cast<int>(s), m, progress));
  const double t0 = monotonic_seconds();
  m.crossing_repairs = repair_crossings(m.seams);
  m.timing.emplace_back("crossing repair", seconds_since(t0));
  return m;
}

}  // namespace georeserve::seam
