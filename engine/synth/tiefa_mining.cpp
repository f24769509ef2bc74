// Mines and longwall panels of the synthetic Tiefa field (see tiefa_mining.h).
#include "synth/tiefa_mining.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "synth/random.h"

namespace georeserve::synth {
namespace {

constexpr double kFace = 200.0, kPillar = 25.0, kPanels = 10;

double segment_distance(const Point2& p, const Point2& a, const Point2& b) {
  const double dx = b[0] - a[0], dy = b[1] - a[1];
  const double t = std::clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
  return std::hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

// Sample points over a panel (corners, edge midpoints, centre, and a 5 x 9 grid).
std::vector<Point2> panel_points(const TiefaField& f, double e0, double s0, double len) {
  std::vector<Point2> pts;
  for (int i = 0; i <= 4; ++i)
    for (int j = 0; j <= 8; ++j) pts.push_back(f.to_world(e0 + kFace * i / 4.0, s0 + len * j / 8.0));
  return pts;
}

}  // namespace

std::vector<TiefaMine> tiefa_mines(const TiefaField& f) {
  struct M { const char* cn; const char* en; const char* code; double e, s; };
  const M defs[] = {{"晓南矿", "Xiaonan", "XN", -5.5, 3.5},   {"大明矿", "Daming", "DM", -3.0, -4.0},
                    {"小青矿", "Xiaoqing", "XQ", -4.5, 9.0},  {"晓明矿", "Xiaoming", "XM", 1.0, 4.5},
                    {"大兴矿", "Daxing", "DX", -0.5, -1.5},   {"大平矿", "Daping", "DP", 5.5, 5.0},
                    {"大隆矿", "Dalong", "DL", -6.0, -6.0},   {"三台子矿", "Santaizi", "ST", -2.0, -9.0}};
  std::vector<TiefaMine> out;
  for (const M& m : defs) {
    Point2 c = f.to_world(m.e * 1000.0, m.s * 1000.0);
    out.push_back({m.cn, m.en, m.code, {std::round(c[0] * 1000) / 1000, std::round(c[1] * 1000) / 1000}});
  }
  return out;
}

std::vector<TiefaPanel> layout_panels(const TiefaField& f, const std::vector<TiefaMine>& mines, std::uint64_t seed) {
  std::vector<TiefaPanel> panels;
  for (const TiefaMine& mine : mines) {
    Rng rng(seed, "tiefa/mine/" + mine.name_en);
    const Point2 lc = f.to_local(mine.centre[0], mine.centre[1]);
    const TiefaColumn col = f.column(mine.centre[0], mine.centre[1]);
    // The two thickest seams at the mine that are not burnt; the second is mined only if >= 1.3 m.
    std::vector<int> order{0, 1, 2, 3, 4, 5};
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return col.coal(a) > col.coal(b); });
    const int first_year = static_cast<int>(rng.integer(1985, 1998));
    const double len = rng.uniform(1500.0, 2200.0);
    for (int pass = 0; pass < 2; ++pass) {
      const int seam = order[static_cast<std::size_t>(pass)];
      if (col.coal(seam) < 1.3 || (col.burnt && seam <= 2)) continue;
      const double e_start = lc[0] - 0.5 * kPanels * (kFace + kPillar), s0 = lc[1] - 0.5 * len;
      for (int k = 0; k < static_cast<int>(kPanels); ++k) {
        const double e0 = e_start + k * (kFace + kPillar);
        bool ok = true;
        for (const Point2& p : panel_points(f, e0, s0, len)) {
          const TiefaColumn c = f.column(p[0], p[1]);
          if (!f.in_field(p[0], p[1]) || c.coal(seam) < 0.8 || (c.burnt && seam <= 2)) ok = false;
          for (const TiefaFault& fault : f.faults())
            if (segment_distance(p, fault.a, fault.b) < 300.0) ok = false;
        }
        if (!ok) continue;
        TiefaPanel p;
        char id[48];
        std::snprintf(id, sizeof id, "%s-%s-%02d", mine.code.c_str(), tiefa_seam_specs()[static_cast<std::size_t>(seam)].id, k + 1);
        p.id = id;
        p.mine = mine.name_cn;
        p.seam = seam;
        p.polygon = round_mm({f.to_world(e0, s0), f.to_world(e0 + kFace, s0), f.to_world(e0 + kFace, s0 + len), f.to_world(e0, s0 + len)});
        p.year = first_year + pass * 12 + k;
        panels.push_back(p);
      }
    }
  }
  return panels;
}

void describe_panels(const TiefaField& f, std::vector<TiefaPanel>& panels) {
  for (TiefaPanel& p : panels) {
    // Mean coal thickness over a 5 x 9 grid of the panel; depth and dip from the seam roof.
    const Point2 a = p.polygon[0], b = p.polygon[1], d = p.polygon[3];
    double sum = 0.0;
    int n = 0;
    for (int i = 0; i <= 4; ++i)
      for (int j = 0; j <= 8; ++j) {
        const double u = i / 4.0, v = j / 8.0;
        const Point2 q{a[0] + u * (b[0] - a[0]) + v * (d[0] - a[0]), a[1] + u * (b[1] - a[1]) + v * (d[1] - a[1])};
        sum += f.present_coal(p.seam, q[0], q[1], f.column(q[0], q[1]));
        ++n;
      }
    p.thickness = sum / n;
    const Point2 c = centroid(p.polygon);
    const TiefaColumn cc = f.column(c[0], c[1]);
    const auto s = static_cast<std::size_t>(p.seam);
    const double roof = f.present_elevation(c[0], c[1], cc.roof[s]);
    p.depth = cc.surface - (std::isnan(roof) ? cc.roof[s] : roof) + 0.5 * p.thickness;
    // Dip: steepest slope of the roof, from its elevations at the panel's corners.
    const TiefaColumn ca = f.column(a[0], a[1]), cb = f.column(b[0], b[1]), cd = f.column(d[0], d[1]);
    const double gx = (cb.roof[s] - ca.roof[s]) / std::hypot(b[0] - a[0], b[1] - a[1]);
    const double gy = (cd.roof[s] - ca.roof[s]) / std::hypot(d[0] - a[0], d[1] - a[1]);
    p.dip = std::atan(std::hypot(gx, gy)) * 180.0 / M_PI;
  }
}

}  // namespace georeserve::synth
