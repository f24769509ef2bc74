// The geological block method (地质块段法), block_method.h.
#include "seam/block_method.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>

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

namespace {

// Connected components of the resource nodes: same class, same fault block, 4-neighbours.
std::vector<int> components(const NodeGrid& g, const SeamSurface& s, const SeamStatus& st, int* count) {
  std::vector<int> label(g.size(), -1);
  auto member = [&](std::size_t k) { return st.status[k] == NodeStatus::remaining && !std::isnan(st.class_code[k]); };
  std::vector<std::size_t> stack;
  int n = 0;
  for (std::size_t start = 0; start < g.size(); ++start) {
    if (!member(start) || label[start] >= 0) continue;
    const int id = n++;
    const double cls = st.class_code[start];
    const int fb = s.blocks.block(start);
    label[start] = id;
    stack.push_back(start);
    while (!stack.empty()) {
      const auto k = stack.back();
      stack.pop_back();
      const std::size_t i = k % g.nx, j = k / g.nx;
      auto visit = [&](std::size_t m) {
        if (label[m] < 0 && member(m) && st.class_code[m] == cls && s.blocks.block(m) == fb) {
          label[m] = id;
          stack.push_back(m);
        }
      };
      if (i + 1 < g.nx) visit(k + 1);
      if (i > 0) visit(k - 1);
      if (j + 1 < g.ny) visit(k + g.nx);
      if (j > 0) visit(k - g.nx);
    }
  }
  *count = n;
  return label;
}

}  // namespace

BlockMethodResult geological_blocks(const NodeGrid& g, const SeamSurface& s, SeamStatus& st, const SeamPicks& picks,
                                    const std::vector<std::string>& hole_ids, const std::string& seam_name,
                                    double min_area) {
  BlockMethodResult out;
  const auto dip = floor_dip(g, s.floor);
  // Slivers under the minimum size join their longest-bordering neighbour (same fault block), smallest
  // first, until none is left that has a neighbour.
  int count = 0;
  auto label = components(g, s, st, &count);
  if (min_area > 0) {
    for (int round = 0; round < 8; ++round) {
      std::vector<std::size_t> size(static_cast<std::size_t>(count), 0);
      for (int l : label)
        if (l >= 0) ++size[static_cast<std::size_t>(l)];
      const auto min_nodes = static_cast<std::size_t>(std::ceil(min_area / g.cell_area()));
      // Border lengths between components: (small, neighbour) -> shared edges.
      std::map<std::pair<int, int>, std::size_t> border;
      for (std::size_t k = 0; k < g.size(); ++k) {
        const int a = label[k];
        if (a < 0) continue;
        const std::size_t i = k % g.nx, j = k / g.nx;
        auto edge = [&](std::size_t m) {
          const int b = label[m];
          if (b < 0 || b == a || s.blocks.block(m) != s.blocks.block(k)) return;
          if (size[static_cast<std::size_t>(a)] < min_nodes) ++border[{a, b}];
          if (size[static_cast<std::size_t>(b)] < min_nodes) ++border[{b, a}];
        };
        if (i + 1 < g.nx) edge(k + 1);
        if (j + 1 < g.ny) edge(k + g.nx);
      }
      std::vector<int> target(static_cast<std::size_t>(count), -1);
      std::vector<std::size_t> best(static_cast<std::size_t>(count), 0);
      for (const auto& [ab, n] : border) {
        const auto a = static_cast<std::size_t>(ab.first);
        // Prefer the longest border; ties to the larger neighbour, then the lower id.
        const auto b = static_cast<std::size_t>(ab.second);
        if (n > best[a] || (n == best[a] && target[a] >= 0 && size[b] > size[static_cast<std::size_t>(target[a])])) {
          best[a] = n;
          target[a] = ab.second;
        }
      }
      // Each component's class, before anything moves.
      std::vector<double> cls(static_cast<std::size_t>(count), std::nan(""));
      for (std::size_t k = 0; k < g.size(); ++k)
        if (label[k] >= 0) cls[static_cast<std::size_t>(label[k])] = st.class_code[k];
      // A sliver never merges into another sliver that is itself merging this round (no chains);
      // its nodes take the class of the block they join.
      bool changed = false;
      for (std::size_t k = 0; k < g.size(); ++k) {
        const int a = label[k];
        if (a < 0 || target[static_cast<std::size_t>(a)] < 0) continue;
        const int b = target[static_cast<std::size_t>(a)];
        if (target[static_cast<std::size_t>(b)] >= 0 && size[static_cast<std::size_t>(b)] <= size[static_cast<std::size_t>(a)]) continue;
        st.class_code[k] = cls[static_cast<std::size_t>(b)];
        changed = true;
      }
      if (!changed) break;
      out.merged_slivers += static_cast<std::size_t>(std::count_if(target.begin(), target.end(), [](int t) { return t >= 0; }));
      label = components(g, s, st, &count);
    }
  }
  // Blocks in map order: north to south, then west to east (by each block's northernmost node).
  std::vector<std::vector<std::size_t>> nodes(static_cast<std::size_t>(count));
  for (std::size_t k = 0; k < g.size(); ++k)
    if (label[k] >= 0) nodes[static_cast<std::size_t>(label[k])].push_back(k);
  std::vector<std::size_t> order(nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto ka = nodes[a].back(), kb = nodes[b].back();  // largest index = northernmost row
    const auto ja = ka / g.nx, jb = kb / g.nx;
    return ja != jb ? ja > jb : ka % g.nx < kb % g.nx;
  });
  out.block_of_node.assign(g.size(), -1);
  for (std::size_t o = 0; o < order.size(); ++o) {
    const auto& ns = nodes[order[o]];
    for (auto k : ns) out.block_of_node[k] = static_cast<int>(o);
    GeoBlock b;
    b.class_code = static_cast<int>(st.class_code[ns.front()]);
    b.fault_block = s.blocks.block(ns.front());
    double cx = 0, cy = 0, dip_sum = 0, kriged = 0;
    for (auto k : ns) {
      const auto p = g.node(k);
      cx += p.x, cy += p.y;
      dip_sum += std::isnan(dip[k]) ? 0.0 : dip[k];
      kriged += s.thickness[k] * g.cell_area() * s.quality[3][k];
    }
    const double n = static_cast<double>(ns.size());
    b.nodes = ns.size();
    b.area = n * g.cell_area();
    b.dip_deg = dip_sum / n;
    b.kriged_tonnes = kriged;
    const geometry::Point2 centroid{cx / n, cy / n};
    double best = std::numeric_limits<double>::infinity();
    for (auto k : ns) {
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
