// The geological block method (地质块段法), block_method.h.
#include "seam/block_method.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace georeserve::seam {

std::vector<double> floor_dip(const NodeGrid& g, const std::vector<double>& floor) {
  std::vector<double> dip(g.size(), std::nan(""));
  auto at = [&](long i, long j) {
    if (i < 0 || j < 0 || i >= static_cast<long>(g.nx) || j >= static_cast<long>(g.ny)) return std::nan("");
    return floor[g.index(static_cast<std::size_t>(i), static_cast<std::size_t>(j))];
  };
  for (std::size_t j = 0; j < g.ny; ++j)
    for (std::size_t i = 0; i < g.nx; ++i) {
      const auto k = g.index(i, j);
      if (std::isnan(floor[k])) continue;
      const long li = static_cast<long>(i), lj = static_cast<long>(j);
      // One-sided differences at the edge of the coal.
      auto slope = [&](double minus, double plus, double step) {
        if (!std::isnan(minus) && !std::isnan(plus)) return (plus - minus) / (2 * step);
        if (!std::isnan(plus)) return (plus - floor[k]) / step;
        if (!std::isnan(minus)) return (floor[k] - minus) / step;
        return 0.0;
      };
      const double gx = slope(at(li - 1, lj), at(li + 1, lj), g.dx);
      const double gy = slope(at(li, lj - 1), at(li, lj + 1), g.dy);
      dip[k] = std::atan(std::hypot(gx, gy)) * 180 / std::numbers::pi;
    }
  return dip;
}

BlockMethodResult geological_blocks(const NodeGrid& g, const SeamSurface& s, const SeamStatus& st,
                                    const SeamPicks& picks, const std::vector<std::string>& hole_ids,
                                    const std::string& seam_name) {
  BlockMethodResult out;
  out.block_of_node.assign(g.size(), -1);
  const auto dip = floor_dip(g, s.floor);
  auto member = [&](std::size_t k) { return st.status[k] == NodeStatus::remaining && !std::isnan(st.class_code[k]); };
  std::vector<std::size_t> stack, nodes;
  for (std::size_t start = 0; start < g.size(); ++start) {
    if (!member(start) || out.block_of_node[start] >= 0) continue;
    const int id = static_cast<int>(out.blocks.size());
    GeoBlock b;
    b.class_code = static_cast<int>(st.class_code[start]);
    b.fault_block = s.blocks.block(start);
    nodes.clear();
    out.block_of_node[start] = id;
    stack.push_back(start);
    while (!stack.empty()) {
      const auto k = stack.back();
      stack.pop_back();
      nodes.push_back(k);
      const std::size_t i = k % g.nx, j = k / g.nx;
      auto visit = [&](std::size_t n) {
        if (out.block_of_node[n] < 0 && member(n) && static_cast<int>(st.class_code[n]) == b.class_code &&
            s.blocks.block(n) == b.fault_block) {
          out.block_of_node[n] = id;
          stack.push_back(n);
        }
      };
      if (i + 1 < g.nx) visit(k + 1);
      if (i > 0) visit(k - 1);
      if (j + 1 < g.ny) visit(k + g.nx);
      if (j > 0) visit(k - g.nx);
    }
    double cx = 0, cy = 0, dip_sum = 0, kriged = 0;
    for (auto k : nodes) {
      const auto p = g.node(k);
      cx += p.x, cy += p.y;
      dip_sum += std::isnan(dip[k]) ? 0.0 : dip[k];
      kriged += s.thickness[k] * g.cell_area() * s.quality[3][k];
    }
    const double n = static_cast<double>(nodes.size());
    b.nodes = nodes.size();
    b.area = n * g.cell_area();
    b.dip_deg = dip_sum / n;
    b.kriged_tonnes = kriged;
    const geometry::Point2 centroid{cx / n, cy / n};
    double best = std::numeric_limits<double>::infinity();
    for (auto k : nodes) {
      const double d = geometry::norm(g.node(k) - centroid);
      if (d < best) best = d, b.label_at = g.node(k);
    }
    out.blocks.push_back(std::move(b));
  }
  // Holes inside each block; else the nearest seam holes of its fault block.
  std::vector<std::vector<const SeamPick*>> inside(out.blocks.size());
  std::vector<const SeamPick*> seam_picks;
  for (const auto& p : picks.picks)
    if (p.seam == s.seam && p.thickness > 0) {
      seam_picks.push_back(&p);
      const auto k = g.locate({p.x, p.y});
      if (k < g.size() && out.block_of_node[k] >= 0) inside[static_cast<std::size_t>(out.block_of_node[k])].push_back(&p);
    }
  for (std::size_t i = 0; i < out.blocks.size(); ++i) {
    auto& b = out.blocks[i];
    auto used = inside[i];
    if (used.empty()) {
      b.nearest_holes = true;
      std::vector<std::pair<double, const SeamPick*>> near;
      for (auto* p : seam_picks)
        if (s.blocks.block_of({p->x, p->y}) == b.fault_block) near.push_back({geometry::norm(geometry::Point2{p->x, p->y} - b.label_at), p});
      std::sort(near.begin(), near.end(), [](const auto& a, const auto& c) { return a.first < c.first || (a.first == c.first && a.second->hole < c.second->hole); });
      for (std::size_t k = 0; k < near.size() && k < 3; ++k) used.push_back(near[k].second);
    }
    double t = 0, d = 0, dn = 0;
    for (auto* p : used) {
      t += p->thickness;
      if (!std::isnan(p->density)) d += p->density, dn += 1;
      b.holes.push_back(hole_ids[static_cast<std::size_t>(p->hole)]);
    }
    b.number = static_cast<int>(i) + 1;
    b.label = seam_name + "-" + std::to_string(b.number);
    b.thickness = used.empty() ? 0 : t / static_cast<double>(used.size());
    b.density = dn > 0 ? d / dn : 1.35;
    const double c = std::cos(b.dip_deg * std::numbers::pi / 180);
    b.true_thickness = b.thickness * c;
    b.slope_area = b.area / c;
    b.volume = b.slope_area * b.true_thickness;
    b.tonnes = b.volume * b.density;
    out.tonnes += b.tonnes;
    out.kriged_tonnes += b.kriged_tonnes;
  }
  return out;
}

}  // namespace georeserve::seam
