// Drilling of the synthetic Qianyu deposit (see qianyu_drilling.h). Every hole draws from its own named
// random stream, so adding or removing a hole changes nothing else.
#include "synth/qianyu_drilling.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "synth/logging.h"
#include "synth/random.h"
#include "synth/trace.h"

namespace georeserve::synth {
namespace {

constexpr double kDeg = M_PI / 180.0;
constexpr int kGap = -1;  // lost core: no log, no sample

double r2(double v) { return std::round(v * 100.0) / 100.0; }

struct Line {
  int number;  // Chinese convention: 0 at the base line, odd to the south-west, even to the north-east
  double a;    // position along strike (m)
};

std::vector<Line> exploration_lines() {
  std::vector<Line> lines;
  for (int k = -18; k <= 18; ++k) {
    const double a = 50.0 * k;
    if (std::abs(a) > 300.0 && k % 2 != 0) continue;  // 100 m apart outside the centre
    lines.push_back({k < 0 ? -2 * k - 1 : 2 * k, a});
  }
  return lines;
}

std::string hole_name(int line, int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "ZK%02d-%d", line, n);
  return buf;
}

struct Hole {
  std::string id;
  std::array<double, 3> collar;
  std::vector<Station> stations;
  double max_depth;
};

// Designs the hole to pierce the ore zone's mid-surface at the given depth below the plain, then
// drills it: the path drifts (flattening, right-hand walk) and stops 25 m into the intrusive.
Hole design_hole(const QianyuDeposit& dep, const std::string& id, double a, double depth, double dip, Rng& rng) {
  const double sd = std::sin(QianyuFacts::contact_dip * kDeg);
  const double b = depth / sd, n = 35.0;
  const Point2 c = dep.centre();
  const auto& u = dep.strike();
  const auto& d = dep.down_dip();
  const auto& nr = dep.normal();
  const std::array<double, 3> target{c[0] + a * u[0] + b * d[0] + n * nr[0], c[1] + a * u[1] + b * d[1] + n * nr[1],
                                     QianyuFacts::reference_z + a * u[2] + b * d[2] + n * nr[2]};
  const double az = std::fmod(QianyuFacts::strike_azimuth + 270.0, 360.0);  // against the dip
  const std::array<double, 3> dir{std::cos(dip * kDeg) * std::sin(az * kDeg), std::cos(dip * kDeg) * std::cos(az * kDeg),
                                  std::sin(dip * kDeg)};
  std::array<double, 3> collar{target[0], target[1], QianyuFacts::reference_z};
  for (int it = 0; it < 4; ++it) {
    const double len = (collar[2] - target[2]) / -dir[2];
    collar = {target[0] - len * dir[0], target[1] - len * dir[1], 0.0};
    collar[2] = dep.ground(collar[0], collar[1]);
  }
  collar = {std::round(collar[0] * 1000.0) / 1000.0, std::round(collar[1] * 1000.0) / 1000.0, r2(collar[2])};
  const double planned = (collar[2] - target[2]) / -dir[2];

  // Survey stations to well past the target; spacing 25, 30 or 50 m.
  const double spacing = std::array<double, 3>{25.0, 30.0, 50.0}[static_cast<std::size_t>(rng.integer(0, 2))];
  std::vector<Station> st{{0.0, r2(az + rng.normal(0.0, 0.4)), r2(dip + rng.normal(0.0, 0.3))}};
  while (st.back().depth < planned + 260.0) {
    const Station& p = st.back();
    st.push_back({p.depth + spacing, r2(p.azimuth + 0.012 * spacing + rng.normal(0.0, 0.25)),
                  r2(std::min(-45.0, p.dip + 0.006 * spacing + rng.normal(0.0, 0.12)))});
  }
  // Where the hole is 25 m into the intrusive, it stops.
  const DrillTrace probe(collar, st);
  double end = planned;
  while (end < st.back().depth) {
    const auto p = probe.at(end);
    if (dep.local(p[0], p[1], p[2]).n < -25.0) break;
    end += 2.0;
  }
  end = r2(end + rng.uniform(0.0, 2.0));
  Hole h{id, collar, {}, end};
  for (const Station& s : st)
    if (s.depth < end - 1.0) h.stations.push_back(s);
  // The closing survey at the bottom: the direction the drift had reached there.
  const std::size_t k = h.stations.size();
  const Station& next = st[std::min(k, st.size() - 1)];
  const double t = (end - h.stations.back().depth) / (next.depth - h.stations.back().depth);
  h.stations.push_back({end, r2(h.stations.back().azimuth + t * (next.azimuth - h.stations.back().azimuth)),
                        r2(h.stations.back().dip + t * (next.dip - h.stations.back().dip))});
  return h;
}

struct Sample {
  double from, to;
  bool ore;
};

// Waste within 6 m of ore is sampled as shoulders (about 3 m), ore at 1-2 m; cover and lost core never.
std::vector<Sample> plan_samples(const std::vector<LoggedRun>& runs) {
  const int ore = static_cast<int>(QianyuLith::ore), cover = static_cast<int>(QianyuLith::cover);
  std::vector<std::pair<double, double>> shoulders;
  for (const LoggedRun& r : runs)
    if (r.code == ore) shoulders.emplace_back(r.from - 6.0, r.to + 6.0);
  std::vector<Sample> out;
  for (const LoggedRun& r : runs) {
    if (r.code == kGap || r.code == cover) continue;
    if (r.code == ore) {
      const double len = r.to - r.from;
      const double target = std::max(len / std::max(std::round(len / 1.5), std::ceil(len / 2.0)), 1e-9);
      for (const auto& [f, t] : split_interval(r.from, r.to, target)) out.push_back({f, t, true});
      continue;
    }
    for (const auto& [lo, hi] : shoulders) {
      const double f = r2(std::max(lo, r.from)), t = r2(std::min(hi, r.to));
      if (t - f < 0.2) continue;
      for (const auto& [a, b] : split_interval(f, t, 3.0)) out.push_back({a, b, false});
    }
  }
  std::sort(out.begin(), out.end(), [](const Sample& a, const Sample& b) { return a.from < b.from; });
  // Overlapping shoulders of two close ore runs: keep the first piece of each overlap.
  std::vector<Sample> merged;
  for (const Sample& s : out) {
    if (!merged.empty() && s.from < merged.back().to) continue;
    merged.push_back(s);
  }
  return merged;
}

}  // namespace

QianyuDrilling drill_qianyu(const QianyuDeposit& dep, std::uint64_t seed) {
  QianyuDrilling out;
  const std::string short_hole = "ZK04-3", missing_value_hole = "ZK02-2";
  bool core_lost = false;
  for (const Line& line : exploration_lines()) {
    const bool central = std::abs(line.a) <= 300.0;
    // Four holes on every line, piercing the ore zone 50, 150, 250 and 350 m below the plain: a 详查
    // grid (lines 50 m apart in the centre, 100 m outside, about 100 m down dip) that reaches the
    // bottom of the lenses everywhere, so what is reported as identified has been drilled. (Two holes
    // per outer line left the lenses open between 90 and 240 m and the resources 10 % short.)
    const std::vector<double> depths{50, 150, 250, 350};
    Rng line_rng(seed, "qianyu/line/" + std::to_string(line.number));
    const double dip = line_rng.chance(0.5) ? -65.0 : -70.0;
    for (std::size_t n = 0; n < depths.size(); ++n) {
      const std::string id = hole_name(line.number, static_cast<int>(n + 1));
      Rng rng(seed, "qianyu/hole/" + id);
      Hole h = design_hole(dep, id, line.a, depths[n], depths[n] < 100 ? -60.0 : dip, rng);
      if (id == short_hole) {  // flaw: abandoned early (stuck rods), well short of its target
        h.max_depth = r2(h.max_depth * 0.42);
        while (h.stations.size() > 1 && h.stations.back().depth >= h.max_depth) h.stations.pop_back();
        out.flaws.push_back(id + ": abandoned at " + format_fixed(h.max_depth, 2) + " m, short of its target (a short hole)");
      }
      const DrillTrace trace(h.collar, h.stations);
      std::vector<LoggedRun> runs = log_hole(trace, h.max_depth, 0.25, 0.05, [&](double x, double y, double z) {
        return static_cast<int>(dep.lithology(x, y, z));
      });
      // Flaw: lost core in the middle of the first long ore intersection of a central hole.
      if (!core_lost && central && id != short_hole) {
        for (std::size_t r = 0; r < runs.size(); ++r) {
          if (runs[r].code != static_cast<int>(QianyuLith::ore) || runs[r].to - runs[r].from < 8.0) continue;
          const double mid = r2(0.5 * (runs[r].from + runs[r].to));
          const LoggedRun lower{runs[r].code, r2(mid + 1.1), runs[r].to};
          runs[r].to = r2(mid - 1.1);
          runs.insert(runs.begin() + static_cast<long>(r) + 1, {LoggedRun{kGap, r2(mid - 1.1), r2(mid + 1.1)}, lower});
          out.flaws.push_back(id + ": core lost from " + format_fixed(mid - 1.1, 2) + " to " + format_fixed(mid + 1.1, 2) +
                              " m in ore; no log and no sample there (a missing interval)");
          core_lost = true;
          break;
        }
      }

      out.collar.add_row().text(id).number(h.collar[0], 3).number(h.collar[1], 3).number(h.collar[2], 2)
          .number(h.max_depth, 2).number(h.stations.front().azimuth, 2).number(h.stations.front().dip, 2);
      for (const Station& s : h.stations) out.survey.add_row().text(id).number(s.depth, 2).number(s.azimuth, 2).number(s.dip, 2);
      for (const LoggedRun& r : runs) {
        if (r.code == kGap) continue;
        const auto lith = static_cast<QianyuLith>(r.code);
        out.lithology.add_row().text(id).number(r.from, 2).number(r.to, 2).text(qianyu_lith_code(lith)).text(qianyu_lith_chinese(lith));
      }
      int sample_no = 0, ore_no = 0, waste_no = 0;
      for (const Sample& s : plan_samples(runs)) {
        // The assay: the sample's mean over three points, plus analytical error.
        double w = 0, fe = 0, loi = 0, rho = 0;
        for (double q : {1.0 / 6.0, 0.5, 5.0 / 6.0}) {
          const auto p = trace.at(s.from + q * (s.to - s.from));
          const QianyuProperties pr = dep.properties(p[0], p[1], p[2]);
          w += pr.casio3 / 3, fe += pr.fe2o3 / 3, loi += pr.loi / 3, rho += pr.density / 3;
        }
        w = std::clamp(w + rng.normal(0.0, QianyuSampling::casio3_sd), 0.0, 99.5);
        fe = fe * std::exp(rng.normal(0.0, QianyuSampling::fe2o3_rel_sd));
        loi = std::max(0.05, loi + rng.normal(0.0, QianyuSampling::loi_sd));
        ++sample_no;
        char sid[48];
        std::snprintf(sid, sizeof sid, "%s-H%03d", id.c_str(), sample_no);
        auto row = out.assay.add_row();
        row.text(id).number(s.from, 2).number(s.to, 2).text(sid).number(w, 2);
        if (id == missing_value_hole && s.ore && ore_no == 4) {
          row.text("NA");
          out.flaws.push_back(std::string(sid) + ": Fe2O3 not reported (NA)");
        } else {
          row.number(fe, 3);
        }
        row.number(loi, 2);
        const bool measure = s.ore ? (ore_no++ % 4 == 0) : (waste_no++ % 3 == 0);
        if (measure)
          out.density.add_row().text(id).number(s.from, 2).number(s.to, 2).number(rho + rng.normal(0.0, QianyuSampling::density_sd), 2);
      }
      ++out.holes;
      out.metres += h.max_depth;
    }
  }
  return out;
}

}  // namespace georeserve::synth
