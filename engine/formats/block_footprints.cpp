// Implementation of block_footprints.h. The boundary of a set of grid cells is the set of cell edges
// with a cell on one side only; taking each such edge with the cell on its left and chaining them
// gives counter-clockwise outer rings and clockwise holes. Where two cells touch only at a corner,
// the chain turns left, which keeps to the current cell and so keeps every ring simple.
#include "formats/block_footprints.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.h"
#include "geometry/polygon.h"

namespace georeserve {
namespace {

using geometry::Point2;

constexpr int kDx[4] = {1, 0, -1, 0}, kDy[4] = {0, 1, 0, -1};  // east, north, west, south (grid axes)

struct IndexRing {
  std::vector<std::array<long, 2>> nodes;
  double signed_area = 0;  // in cell units
};

// A chain that passes a node twice (a ring pinched where a hole touches the outside at a corner) is
// cut there into simple rings; each ring keeps only its corners and gets its signed area.
void split_at_pinches(const std::vector<std::array<long, 2>>& chain, std::vector<IndexRing>& rings) {
  auto emit = [&](const std::vector<std::array<long, 2>>& loop) {
    IndexRing r;
    const std::size_t n = loop.size();
    for (std::size_t k = 0; k < n; ++k) {
      const auto& p = loop[(k + n - 1) % n];
      const auto& c = loop[k];
      const auto& q = loop[(k + 1) % n];
      r.signed_area += 0.5 * static_cast<double>(c[0] * q[1] - q[0] * c[1]);
      const long cross = (c[0] - p[0]) * (q[1] - c[1]) - (c[1] - p[1]) * (q[0] - c[0]);
      if (cross != 0) r.nodes.push_back(c);  // corners only
    }
    if (r.nodes.size() >= 3) rings.push_back(std::move(r));
  };
  std::vector<std::array<long, 2>> stack;
  std::map<std::array<long, 2>, std::size_t> position;
  for (const auto& n : chain) {
    auto it = position.find(n);
    if (it != position.end()) {
      // The nodes after the earlier visit form a closed loop of their own.
      std::vector<std::array<long, 2>> loop(stack.begin() + static_cast<long>(it->second), stack.end());
      for (std::size_t k = it->second + 1; k < stack.size(); ++k) position.erase(stack[k]);
      stack.resize(it->second + 1);
      emit(loop);
      continue;
    }
    position[n] = stack.size();
    stack.push_back(n);
  }
  emit(stack);
}

std::vector<IndexRing> boundary_rings(long nx, long ny, const std::vector<bool>& mask) {
  auto in = [&](long i, long j) { return i >= 0 && j >= 0 && i < nx && j < ny && mask[static_cast<std::size_t>(j * nx + i)]; };
  const long nodes_x = nx + 1;
  // out[node][dir]: a boundary edge leaves this node in direction dir (not yet used).
  std::vector<std::array<bool, 4>> out(static_cast<std::size_t>(nodes_x * (ny + 1)), {false, false, false, false});
  auto node = [&](long i, long j) { return static_cast<std::size_t>(j * nodes_x + i); };
  for (long j = 0; j < ny; ++j)
    for (long i = 0; i < nx; ++i) {
      if (!in(i, j)) continue;
      if (!in(i, j - 1)) out[node(i, j)][0] = true;          // south side, eastward
      if (!in(i + 1, j)) out[node(i + 1, j)][1] = true;      // east side, northward
      if (!in(i, j + 1)) out[node(i + 1, j + 1)][2] = true;  // north side, westward
      if (!in(i - 1, j)) out[node(i, j + 1)][3] = true;      // west side, southward
    }
  std::vector<IndexRing> rings;
  for (long j = 0; j <= ny; ++j)
    for (long i = 0; i <= nx; ++i)
      for (int d0 = 0; d0 < 4; ++d0) {
        if (!out[node(i, j)][d0]) continue;
        // Every node of the closed chain, the start not repeated.
        std::vector<std::array<long, 2>> chain;
        long ci = i, cj = j;
        int d = d0;
        while (true) {
          out[node(ci, cj)][d] = false;
          chain.push_back({ci, cj});
          ci += kDx[d];
          cj += kDy[d];
          int next = -1;  // left turn first, then straight, then right
          for (int turn : {1, 0, 3})
            if (out[node(ci, cj)][(d + turn) % 4]) {
              next = (d + turn) % 4;
              break;
            }
          if (next < 0) break;  // back at the start (its edge is used already)
          d = next;
        }
        split_at_pinches(chain, rings);
      }
  return rings;
}

}  // namespace

geometry::MultiPolygon dissolve_plan_cells(const BlockGrid& grid, const std::vector<bool>& mask) {
  const long nx = grid.count()[0], ny = grid.count()[1];
  if (mask.size() != static_cast<std::size_t>(nx * ny)) throw InputError("", 0, "", "dissolve_plan_cells: one flag per plan cell expected");
  const auto rings = boundary_rings(nx, ny, mask);
  auto index_ring = [](const IndexRing& r) {
    geometry::Ring out;
    for (const auto& n : r.nodes) out.push_back({static_cast<double>(n[0]), static_cast<double>(n[1])});
    return out;
  };
  // Outer rings are counter-clockwise in index space (and stay so: the rotation keeps orientation).
  std::vector<std::size_t> outers;
  geometry::MultiPolygon polys;  // index space for now
  for (std::size_t k = 0; k < rings.size(); ++k)
    if (rings[k].signed_area > 0) {
      outers.push_back(k);
      polys.push_back({index_ring(rings[k]), {}});
    }
  for (const auto& r : rings) {
    if (r.signed_area > 0) continue;
    // The middle of the hole's first edge lies strictly inside its outer ring's area (rings share
    // corners at most, never edges); the smallest outer ring containing it is the one.
    const auto a = r.nodes[0], b = r.nodes[1 % r.nodes.size()];
    const Point2 mid{(static_cast<double>(a[0]) + static_cast<double>(std::clamp(b[0], a[0] - 1, a[0] + 1))) / 2.0,
                     (static_cast<double>(a[1]) + static_cast<double>(std::clamp(b[1], a[1] - 1, a[1] + 1))) / 2.0};
    std::size_t best = outers.size();
    double best_area = INFINITY;
    for (std::size_t o = 0; o < outers.size(); ++o)
      if (rings[outers[o]].signed_area < best_area && geometry::contains(polys[o].outer, mid)) {
        best = o;
        best_area = rings[outers[o]].signed_area;
      }
    if (best < outers.size()) polys[best].holes.push_back(index_ring(r));
  }
  // A hole may touch its outer ring or another hole at a block corner. Valid for OGC, but strict
  // readers (ours among them) reject rings that touch, so such a hole corner is cut off by a chamfer
  // 1e-4 of a block long (1 mm for 10 m blocks): the area changes by 5e-9 of a block per corner.
  for (auto& p : polys) {
    std::map<std::pair<double, double>, int> uses;
    for (Point2 q : p.outer) ++uses[{q.x, q.y}];
    for (const auto& h : p.holes)
      for (Point2 q : h) ++uses[{q.x, q.y}];
    for (auto& h : p.holes) {
      geometry::Ring cut;
      for (std::size_t k = 0; k < h.size(); ++k) {
        const Point2 v = h[k];
        if (uses[{v.x, v.y}] < 2) {
          cut.push_back(v);
          continue;
        }
        const Point2 prev = h[(k + h.size() - 1) % h.size()], next = h[(k + 1) % h.size()];
        cut.push_back(v + (1e-4 / geometry::norm(prev - v)) * (prev - v));
        cut.push_back(v + (1e-4 / geometry::norm(next - v)) * (next - v));
      }
      h = std::move(cut);
    }
  }
  const double dx = grid.block_size().x(), dy = grid.block_size().y();
  auto to_world = [&](geometry::Ring& r) {
    for (Point2& q : r) {
      const Eigen::Vector3d w = grid.to_world({q.x * dx, q.y * dy, 0.0});
      q = {w.x(), w.y()};
    }
  };
  for (auto& p : polys) {
    to_world(p.outer);
    for (auto& h : p.holes) to_world(h);
  }
  return polys;
}

std::vector<Footprint> block_footprints(const BlockModel& model, const std::string& attribute, bool per_level,
                                        const std::function<bool(std::size_t)>& keep) {
  const BlockAttribute* attr = model.find(attribute);
  if (!attr) throw InputError("", 0, attribute, "the block model has no attribute '" + attribute + "'");
  if (!attr->categorical) throw InputError("", 0, attribute, "footprints need a categorical attribute (class, domain)");
  const BlockGrid& g = model.grid();
  const std::size_t nx = static_cast<std::size_t>(g.count()[0]), ny = static_cast<std::size_t>(g.count()[1]);
  const BlockAttribute* tonnes = model.find("tonnes");
  // (code, level) -> mask, counts.
  struct Acc {
    std::vector<bool> mask;
    std::size_t blocks = 0;
    double tonnes = 0;
    int k_lo = 1 << 30, k_hi = -1;
  };
  std::map<std::pair<int, int>, Acc> acc;
  for (std::size_t b = 0; b < model.size(); ++b) {
    const double v = attr->values[b];
    if (std::isnan(v) || (keep && !keep(b))) continue;
    const BlockIndex ix = g.ijk(b);
    Acc& a = acc[{static_cast<int>(v), per_level ? ix.k : -1}];
    if (a.mask.empty()) a.mask.assign(nx * ny, false);
    a.mask[static_cast<std::size_t>(ix.j) * nx + static_cast<std::size_t>(ix.i)] = true;
    ++a.blocks;
    if (tonnes && !std::isnan(tonnes->values[b])) a.tonnes += tonnes->values[b];
    a.k_lo = std::min(a.k_lo, ix.k);
    a.k_hi = std::max(a.k_hi, ix.k);
  }
  std::vector<Footprint> out;
  const double cell_area = g.block_size().x() * g.block_size().y();
  for (auto& [key, a] : acc) {
    Footprint f;
    f.code = key.first;
    if (const Category* c = attr->category(key.first)) {
      f.name = c->name;
      f.name_cn = c->name_cn;
    } else {
      f.name = std::to_string(key.first);
    }
    f.level = key.second;
    f.z_lo = g.origin().z() + a.k_lo * g.block_size().z();
    f.z_hi = g.origin().z() + (a.k_hi + 1) * g.block_size().z();
    f.blocks = a.blocks;
    f.cells = static_cast<std::size_t>(std::count(a.mask.begin(), a.mask.end(), true));
    f.area = static_cast<double>(f.cells) * cell_area;
    f.tonnes = a.tonnes;
    f.shape = dissolve_plan_cells(g, a.mask);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace georeserve
