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
        IndexRing r;
        long ci = i, cj = j;
        int d = d0;
        int prev = -1;
        do {
          out[node(ci, cj)][d] = false;
          if (d != prev) r.nodes.push_back({ci, cj});  // keep corners only
          const long ni = ci + kDx[d], nj = cj + kDy[d];
          r.signed_area += 0.5 * static_cast<double>(ci * nj - ni * cj);
          prev = d;
          ci = ni;
          cj = nj;
          // Next edge: left turn first, then straight, then right.
          int next = -1;
          for (int turn : {1, 0, 3})
            if (out[node(ci, cj)][(d + turn) % 4]) {
              next = (d + turn) % 4;
              break;
            }
          if (next < 0) break;  // back at the start (its edge is used already)
          d = next;
        } while (true);
        // The start vertex is redundant when the ring arrives straight into it.
        if (r.nodes.size() > 1 && prev == d0) r.nodes.erase(r.nodes.begin());
        rings.push_back(std::move(r));
      }
  return rings;
}

}  // namespace

geometry::MultiPolygon dissolve_plan_cells(const BlockGrid& grid, const std::vector<bool>& mask) {
  const long nx = grid.count()[0], ny = grid.count()[1];
  if (mask.size() != static_cast<std::size_t>(nx * ny)) throw InputError("", 0, "", "dissolve_plan_cells: one flag per plan cell expected");
  const auto rings = boundary_rings(nx, ny, mask);
  const double dx = grid.block_size().x(), dy = grid.block_size().y();
  auto world = [&](const IndexRing& r) {
    geometry::Ring out;
    for (const auto& n : r.nodes) {
      const Eigen::Vector3d w = grid.to_world({static_cast<double>(n[0]) * dx, static_cast<double>(n[1]) * dy, 0.0});
      out.push_back({w.x(), w.y()});
    }
    return out;
  };
  // Outer rings are counter-clockwise in index space (and stay so: the rotation keeps orientation).
  std::vector<std::size_t> outers;
  geometry::MultiPolygon result;
  std::vector<geometry::Ring> index_outers;
  for (std::size_t k = 0; k < rings.size(); ++k)
    if (rings[k].signed_area > 0) {
      outers.push_back(k);
      result.push_back({world(rings[k]), {}});
      geometry::Ring ir;
      for (const auto& n : rings[k].nodes) ir.push_back({static_cast<double>(n[0]), static_cast<double>(n[1])});
      index_outers.push_back(std::move(ir));
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
      if (rings[outers[o]].signed_area < best_area && geometry::contains(index_outers[o], mid)) {
        best = o;
        best_area = rings[outers[o]].signed_area;
      }
    if (best < outers.size()) result[best].holes.push_back(world(r));
  }
  return result;
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
