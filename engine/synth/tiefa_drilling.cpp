// Drilling of the synthetic Tiefa field (see tiefa_drilling.h).
#include "synth/tiefa_drilling.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "synth/logging.h"
#include "synth/random.h"
#include "synth/trace.h"

namespace georeserve::synth {
namespace {

double r2(double v) { return std::round(v * 100.0) / 100.0; }
double azimuth2(double a) {  // to [0, 360) after rounding to 0.01
  a = r2(std::fmod(std::fmod(a, 360.0) + 360.0, 360.0));
  return a >= 360.0 ? 0.0 : a;
}

// Classification codes for logging: lithology * 10 + seam index (9 = none), so that runs break at seams.
int code(TiefaLith l, int seam) { return static_cast<int>(l) * 10 + seam; }

// Which seam (index) a pre-fault elevation lies in, or 9.
int seam_at(const TiefaColumn& c, double z0) {
  for (int i = 0; i < kTiefaSeams; ++i)
    if (z0 < c.roof[static_cast<std::size_t>(i)] && z0 >= c.floor[static_cast<std::size_t>(i)]) return i;
  return 9;
}

// The column at the hole's current position, recomputed when the hole has moved 0.25 m sideways.
class ColumnCache {
 public:
  explicit ColumnCache(const TiefaField& f) : f_(f) {}
  const TiefaColumn& at(double x, double y) {
    if (!valid_ || std::hypot(x - x_, y - y_) > 0.25) {
      col_ = f_.column(x, y);
      x_ = x, y_ = y, valid_ = true;
    }
    return col_;
  }

 private:
  const TiefaField& f_;
  TiefaColumn col_;
  double x_ = 0, y_ = 0;
  bool valid_ = false;
};

}  // namespace

TiefaDrilling drill_tiefa(const TiefaField& f, const std::vector<TiefaMine>& mines, std::uint64_t seed) {
  TiefaDrilling out;
  const auto& specs = tiefa_seam_specs();
  std::vector<Point2> mine_local;
  for (const TiefaMine& m : mines) mine_local.push_back(f.to_local(m.centre[0], m.centre[1]));
  // Lines every 500 m along the axis (numbered from the south), holes every 500 m along them (from the
  // west); the 1 km grid everywhere, the 500 m infill within 2.5 km of a mine.
  for (int line = 0; line <= 64; ++line) {
    const double s = -16000.0 + 500.0 * line;
    for (int n = 0; n <= 44; ++n) {
      const double e = -11000.0 + 500.0 * n;
      const bool coarse = line % 2 == 0 && n % 2 == 0;
      bool near_mine = false;
      for (const Point2& m : mine_local) near_mine = near_mine || std::hypot(e - m[0], s - m[1]) < 2500.0;
      if (!coarse && !near_mine) continue;
      char id[32];
      std::snprintf(id, sizeof id, "TF%02d-%02d", line, n);
      Rng rng(seed, std::string("tiefa/hole/") + id);
      // The drill site is placed within 40 m of the grid node.
      Point2 p = f.to_world(e + rng.uniform(-40.0, 40.0), s + rng.uniform(-40.0, 40.0));
      p = {std::round(p[0] * 1000.0) / 1000.0, std::round(p[1] * 1000.0) / 1000.0};
      if (!f.in_field(p[0], p[1])) continue;
      ColumnCache cache(f);
      const TiefaColumn& c0 = cache.at(p[0], p[1]);
      const std::array<double, 3> collar{p[0], p[1], r2(c0.surface)};
      // Target: 25 m below the lowest seam (or into the basement where the seams are thin).
      const double stop_z0 = std::max(c0.floor[kTiefaSeams - 1] - 25.0, c0.basement_top - 5.0);
      // Surveys every 100 m: one hole in ten deviates a few degrees, the others well under one.
      const bool deviated = rng.chance(0.1);
      const double drift = deviated ? rng.uniform(0.25, 0.5) : rng.uniform(0.02, 0.08);  // degrees per 100 m
      double az = rng.uniform(0.0, 360.0), dip = -90.0 + (deviated ? rng.uniform(0.2, 0.8) : rng.uniform(0.0, 0.1));
      std::vector<Station> st;
      for (double d = 0.0; d <= 2000.0; d += 100.0) {
        st.push_back({d, azimuth2(az), r2(std::clamp(dip, -90.0, -80.0))});
        az += rng.normal(0.0, 4.0);
        dip = std::max(-90.0, dip + drift + rng.normal(0.0, 0.03));
      }
      // Depth: walk the path until the stop level (pre-fault) is passed.
      const DrillTrace probe(collar, st);
      double depth = 50.0;
      for (; depth < 1990.0; depth += 1.0) {
        const auto q = probe.at(depth);
        const TiefaColumn& c = cache.at(q[0], q[1]);
        if (f.restore(q[0], q[1], q[2], c) < stop_z0) break;
      }
      const double max_depth = r2(depth + rng.uniform(0.0, 3.0));
      std::vector<Station> kept;
      for (const Station& s2 : st)
        if (s2.depth < max_depth - 5.0) kept.push_back(s2);
      const Station& next = st[kept.size()];
      kept.push_back({max_depth, next.azimuth, next.dip});
      const DrillTrace trace(collar, kept);

      const std::vector<LoggedRun> runs = log_hole(trace, max_depth, 0.25, 0.05, [&](double x, double y, double z) {
        const TiefaColumn& c = cache.at(x, y);
        const TiefaLith l = f.lithology(x, y, z, c);
        const bool coal = l == TiefaLith::coal || l == TiefaLith::burnt_coal;
        return code(l, coal ? seam_at(c, f.restore(x, y, z, c)) : 9);
      });

      out.collar.add_row().text(id).number(collar[0], 3).number(collar[1], 3).number(collar[2], 2).number(max_depth, 2)
          .number(kept.front().azimuth, 2).number(kept.front().dip, 2);
      for (const Station& s2 : kept) out.survey.add_row().text(id).number(s2.depth, 2).number(s2.azimuth, 2).number(s2.dip, 2);
      int last_seam = -1, ply = 0;
      for (std::size_t k = 0; k < runs.size(); ++k) {
        const LoggedRun& r = runs[k];
        const auto lith = static_cast<TiefaLith>(r.code / 10);
        const int seam = r.code % 10;
        auto row = out.lithology.add_row();
        row.text(id).number(r.from, 2).number(r.to, 2).text(tiefa_lith_code(lith)).text(tiefa_lith_chinese(lith));
        row.text(seam == 9 ? "" : specs[static_cast<std::size_t>(seam)].id);
        if (lith != TiefaLith::coal) continue;
        // A split seam shows as two plies of the same seam around its dirt parting.
        ply = seam == last_seam ? ply + 1 : 1;
        last_seam = seam;
        const bool split = (ply > 1) || (k + 2 < runs.size() && runs[k + 2].code == r.code);
        const auto mid = trace.at(0.5 * (r.from + r.to));
        const TiefaQuality q = f.quality(seam, mid[0], mid[1]);
        const double ash = std::clamp(q.ash + rng.normal(0.0, TiefaSampling::ash_sd), 3.0, 60.0);
        auto s2 = out.seams.add_row();
        s2.text(id).number(r.from, 2).number(r.to, 2).text(specs[static_cast<std::size_t>(seam)].id);
        if (split) s2.integer(ply);
        else s2.text("");
        s2.number(ash, 2).number(q.sulfur * std::exp(rng.normal(0.0, TiefaSampling::sulfur_rel_sd)), 3)
            .number(q.cv + rng.normal(0.0, TiefaSampling::cv_sd), 2).number(q.density + rng.normal(0.0, TiefaSampling::density_sd), 3);
      }
      ++out.holes;
      out.metres += max_depth;
    }
  }
  return out;
}

}  // namespace georeserve::synth
