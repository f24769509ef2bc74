#include "geostat/neighbour_search.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Core>

namespace georeserve {

namespace {
constexpr double infinity = std::numeric_limits<double>::infinity();

// Passes whose ellipsoids differ only by a common scale share one tree: returns that scale
// (pass ranges / tree ranges), or 0 when the shapes differ.
double common_scale(const Anisotropy& pass, const Anisotropy& tree) {
  if (pass.angles != tree.angles) return 0;
  const double r = pass.ranges[0] / tree.ranges[0];
  for (std::size_t k = 1; k < 3; ++k)
    if (std::abs(pass.ranges[k] - r * tree.ranges[k]) > 1e-12 * pass.ranges[k]) return 0;
  return r;
}
}  // namespace

struct NeighbourSearch::Tree {
  bool ellipsoid = false;
  Anisotropy shape;
  Eigen::Matrix3d transform = Eigen::Matrix3d::Identity();
  std::unique_ptr<SpatialIndex> index;
};

std::size_t SearchPlan::max_neighbours(std::size_t n) const {
  if (global) return n;
  std::size_t m = 0;
  for (const auto& p : passes) m = std::max(m, p.max_samples == 0 ? n : std::min(p.max_samples, n));
  return m;
}

NeighbourSearch::NeighbourSearch(SearchPlan plan, const std::vector<double>& xyz, std::vector<std::int32_t> hole)
    : plan_(std::move(plan)), n_(xyz.size() / 3), xyz_(xyz), hole_(std::move(hole)) {
  for (std::int32_t h : hole_) hole_count_ = std::max(hole_count_, static_cast<std::size_t>(h + 1));
  if (plan_.global) return;
  for (const auto& pass : plan_.passes) {
    std::size_t t = 0;
    double scale = 0;
    for (; t < trees_.size(); ++t) {
      if (trees_[t]->ellipsoid != pass.ellipsoid) continue;
      scale = pass.ellipsoid ? common_scale(pass.shape, trees_[t]->shape) : 1.0;
      if (scale > 0) break;
    }
    if (t == trees_.size()) {
      auto tree = std::make_unique<Tree>();
      tree->ellipsoid = pass.ellipsoid;
      tree->shape = pass.shape;
      if (pass.ellipsoid) tree->transform = pass.shape.transform();
      std::vector<double> points(xyz_.size());
      for (std::size_t i = 0; i < n_; ++i) {
        const Eigen::Vector3d p = tree->transform * Eigen::Vector3d(xyz_[3 * i], xyz_[3 * i + 1], xyz_[3 * i + 2]);
        for (int k = 0; k < 3; ++k) points[3 * i + static_cast<std::size_t>(k)] = p[k];
      }
      tree->index = std::make_unique<SpatialIndex>(std::move(points));
      trees_.push_back(std::move(tree));
      scale = 1.0;
    }
    pass_tree_.push_back(t);
    pass_scale2_.push_back(1.0 / (scale * scale));
  }
}

NeighbourSearch::~NeighbourSearch() = default;

NeighbourSearch::Workspace NeighbourSearch::make_workspace() const {
  Workspace ws;
  const std::size_t m = plan_.max_neighbours(n_);
  std::size_t k = 0;
  for (const auto& p : plan_.passes) k = std::max(k, p.max_samples == 0 ? n_ : std::min(n_, 4 * p.max_samples + 8));
  ws.candidates.resize(std::max<std::size_t>(k, 1));
  ws.indices.reserve(m);
  ws.dist2.reserve(m);
  ws.accepted.reserve(m);
  ws.per_hole.assign(hole_count_, 0);
  ws.touched_holes.reserve(m);
  ws.caches.resize(trees_.size());
  return ws;
}

// Distinct drillholes among c[0..n).
std::size_t NeighbourSearch::count_holes(const Neighbour* c, std::size_t n, Workspace& ws) const {
  std::size_t holes = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t h = hole_[c[i].index];
    if (h < 0) continue;
    holes += ws.per_hole[static_cast<std::size_t>(h)]++ == 0 ? 1 : 0;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (hole_[c[i].index] >= 0) ws.per_hole[static_cast<std::size_t>(hole_[c[i].index])] = 0;
  return holes;
}

NeighbourSelection NeighbourSearch::select(const double target[3], const SearchExclusion& exclude,
                                           Workspace& ws) const {
  if (plan_.global) return select_global(target, exclude, ws);
  NeighbourSelection out;
  for (std::size_t p = 0; p < plan_.passes.size(); ++p)
    if (select_pass(p, target, exclude, ws, &out)) return out;
  return NeighbourSelection{};
}

NeighbourSelection NeighbourSearch::select_global(const double target[3], const SearchExclusion& exclude,
                                                  Workspace& ws) const {
  ws.indices.clear();
  ws.dist2.clear();
  std::fill(ws.per_hole.begin(), ws.per_hole.end(), 0u);
  NeighbourSelection out;
  double best = infinity;
  for (std::size_t i = 0; i < n_; ++i) {
    const std::int32_t h = hole_.empty() ? -1 : hole_[i];
    if (static_cast<std::int64_t>(i) == exclude.sample || (h >= 0 && h == exclude.hole)) continue;
    const double dx = xyz_[3 * i] - target[0], dy = xyz_[3 * i + 1] - target[1], dz = xyz_[3 * i + 2] - target[2];
    const double d2 = dx * dx + dy * dy + dz * dz;
    if (d2 < best) {
      best = d2;
      out.nearest = static_cast<std::uint32_t>(i);
    }
    if (h >= 0 && ws.per_hole[static_cast<std::size_t>(h)]++ == 0) ++out.holes;
    ws.indices.push_back(static_cast<std::uint32_t>(i));
    ws.dist2.push_back(d2);
  }
  if (ws.indices.empty()) return NeighbourSelection{};
  out.pass = 1;
  out.euclidean = true;
  out.count = ws.indices.size();
  out.indices = ws.indices.data();
  out.dist2 = ws.dist2.data();
  return out;
}

bool NeighbourSearch::select_pass(std::size_t p, const double target[3], const SearchExclusion& exclude,
                                  Workspace& ws, NeighbourSelection* out) const {
  const SearchPass& pass = plan_.passes[p];
  const Tree& tree = *trees_[pass_tree_[p]];
  const double scale2 = pass_scale2_[p];
  const double bound = pass.ellipsoid ? 1.0 / scale2 : infinity;  // in the tree's units
  const Eigen::Vector3d q = tree.transform * Eigen::Vector3d(target[0], target[1], target[2]);
  const double query[3] = {q.x(), q.y(), q.z()};
  const std::size_t limit = pass.max_samples == 0 ? n_ : std::min(pass.max_samples, n_);
  const bool constrained = pass.max_per_octant > 0 || pass.max_per_hole > 0 || exclude.sample >= 0 || exclude.hole >= 0;
  std::size_t k = pass.max_samples == 0 ? n_ : std::min(n_, constrained ? 2 * limit + 1 : limit);

  std::size_t holes = 0;
  if (!constrained) {
    // Every candidate is taken, unranked (see nearest below): in index order, as the cache answers,
    // they are the selection as they stand.
    const std::size_t found =
        ws.caches[pass_tree_[p]].nearest(*tree.index, query, k, bound, ws.candidates.data(), /*ranked=*/false);
    if (found == 0 || found < pass.min_samples) return false;
    const Neighbour* c = ws.candidates.data();
    bool ascending = true;
    for (std::size_t i = 1; i < found; ++i) ascending &= c[i - 1].index < c[i].index;
    if (!hole_.empty()) holes = count_holes(c, found, ws);
    if (ascending) {
      std::size_t best = 0;  // the first by (tree distance, index)
      ws.indices.resize(found);  // within the capacity reserved by make_workspace: no allocation
      ws.dist2.resize(found);
      for (std::size_t i = 0; i < found; ++i) {
        const bool nearer = c[i].dist2 < c[best].dist2;  // ascending indices: ties keep the first
        best = nearer ? i : best;
        ws.indices[i] = c[i].index;
        ws.dist2[i] = c[i].dist2 * scale2;
      }
      publish(p, c[best].index, holes, ws, out);
      return true;
    }
    ws.accepted.clear();
    for (std::size_t i = 0; i < found; ++i) ws.accepted.emplace_back(c[i].index, c[i].dist2);
  }
  while (constrained) {
    if (ws.candidates.size() < k) ws.candidates.resize(k);  // rare: only when constraints reject many
    const std::size_t found = ws.caches[pass_tree_[p]].nearest(*tree.index, query, k, bound, ws.candidates.data());
    ws.accepted.clear();
    for (std::int32_t h : ws.touched_holes) ws.per_hole[static_cast<std::size_t>(h)] = 0;
    ws.touched_holes.clear();
    holes = 0;
    std::size_t per_octant[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (std::size_t c = 0; c < found && ws.accepted.size() < limit; ++c) {
      const std::uint32_t i = ws.candidates[c].index;
      const std::int32_t h = hole_.empty() ? -1 : hole_[i];
      if (static_cast<std::int64_t>(i) == exclude.sample || (h >= 0 && h == exclude.hole)) continue;
      std::size_t octant = 0;
      if (pass.max_per_octant > 0) {
        const double* pt = tree.index->point(i);
        octant = (pt[0] > query[0] ? 1u : 0u) | (pt[1] > query[1] ? 2u : 0u) | (pt[2] > query[2] ? 4u : 0u);
        if (per_octant[octant] >= pass.max_per_octant) continue;
      }
      if (h >= 0) {
        auto& count = ws.per_hole[static_cast<std::size_t>(h)];
        if (pass.max_per_hole > 0 && count >= pass.max_per_hole) continue;
        if (count++ == 0) {
          ++holes;
          ws.touched_holes.push_back(h);
        }
      }
      ++per_octant[octant];
      ws.accepted.emplace_back(i, ws.candidates[c].dist2);
    }
    // Done when full, or when every sample inside the bound was seen.
    if (ws.accepted.size() >= limit || found < k || k >= n_) break;
    k = std::min(n_, 2 * k);
  }
  for (std::int32_t h : ws.touched_holes) ws.per_hole[static_cast<std::size_t>(h)] = 0;
  ws.touched_holes.clear();
  if (ws.accepted.empty() || ws.accepted.size() < pass.min_samples) return false;

  // The first in the ranking by (tree distance, index); the candidates may come unranked.
  const std::uint32_t nearest =
      std::min_element(ws.accepted.begin(), ws.accepted.end(), [](const auto& a, const auto& b) {
        return a.second < b.second || (a.second == b.second && a.first < b.first);
      })->first;
  // Canonical order: by sample index. The cache's answers without ranking come in this order
  // already; a ranked few dozen are placed by counting, for each, the indices below it (branch-free,
  // where an insertion sort mispredicts about every other comparison).
  auto& acc = ws.accepted;
  const std::size_t m = acc.size();
  ws.indices.resize(m);  // within the capacity reserved by make_workspace: no allocation
  ws.dist2.resize(m);
  bool ascending = true;
  for (std::size_t i = 1; i < m; ++i) ascending &= acc[i - 1].first < acc[i].first;
  if (ascending || m > 64) {
    if (!ascending) std::sort(acc.begin(), acc.end());
    for (std::size_t i = 0; i < m; ++i) {
      ws.indices[i] = acc[i].first;
      ws.dist2[i] = acc[i].second * scale2;
    }
  } else {
    std::uint32_t keys[64];
    for (std::size_t i = 0; i < m; ++i) keys[i] = acc[i].first;
    for (std::size_t i = 0; i < m; ++i) {
      std::size_t rank = 0;
      for (std::size_t j = 0; j < m; ++j) rank += keys[j] < keys[i] ? 1 : 0;  // indices are distinct
      ws.indices[rank] = keys[i];
      ws.dist2[rank] = acc[i].second * scale2;
    }
  }
  publish(p, nearest, holes, ws, out);
  return true;
}

// The selection of pass p, in ws.indices and ws.dist2 (canonical order), into out.
void NeighbourSearch::publish(std::size_t p, std::uint32_t nearest, std::size_t holes, const Workspace& ws,
                              NeighbourSelection* out) const {
  out->pass = static_cast<int>(p) + 1;
  out->nearest = nearest;
  out->holes = holes;
  out->euclidean = !plan_.passes[p].ellipsoid;
  out->count = ws.indices.size();
  out->indices = ws.indices.data();
  out->dist2 = ws.dist2.data();
}

}  // namespace georeserve
