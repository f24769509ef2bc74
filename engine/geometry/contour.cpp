// Implementation of contour.h. Boundary pieces are keyed topologically (a grid node, or the crossing
// of a level on a given triangle edge), so pieces from neighbouring triangles join exactly whatever
// the floating-point coordinates. Only the level-set segments and the in-band stretches of the
// grid's outer edges can bound a band (stretches of interior edges always cancel), so a band costs
// one pass over the cells plus work proportional to its boundary.
#include "geometry/contour.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include "geometry/polygon.h"

namespace georeserve::geometry {
namespace {

using Key = std::uint64_t;

struct Vertex {
  Point2 p;
  double v;
};

// An edge of the triangulation with its canonical end points (crossings are always interpolated
// from `a` to `b`, so both triangles sharing the edge compute the same point).
struct Edge {
  std::uint64_t id;
  Vertex a, b;
};

struct Segment {
  Key from_key, to_key;
  Point2 from, to;
};

Key node_key(std::uint64_t node) { return 2 * node; }
// lev: 0 = lower level of a band (or the only level of a line), 1 = upper level.
Key crossing_key(std::uint64_t edge, int lev) { return 2 * (2 * edge + static_cast<std::uint64_t>(lev)) + 1; }

Point2 crossing_point(const Edge& e, double level) {
  const double t = (level - e.a.v) / (e.b.v - e.a.v);
  return e.a.p + t * (e.b.p - e.a.p);
}

// The triangulated cells of a grid: corner order c0 = SW, c1 = SE, c2 = NE, c3 = NW; triangle k is
// (centre, c_k, c_k+1), counter-clockwise.
class Cells {
 public:
  explicit Cells(const NodeGridView& g)
      : g_(g), n_h_((g.nx - 1) * g.ny), n_v_(g.nx * (g.ny - 1)) {}

  std::size_t count_x() const { return g_.nx - 1; }
  std::size_t count_y() const { return g_.ny - 1; }
  bool valid(std::size_t i, std::size_t j) const {
    return std::isfinite(g_.at(i, j)) && std::isfinite(g_.at(i + 1, j)) && std::isfinite(g_.at(i + 1, j + 1)) &&
           std::isfinite(g_.at(i, j + 1));
  }
  // Valid neighbour across side k (0 bottom, 1 right, 2 top, 3 left); false outside the grid.
  bool neighbour_valid(std::size_t i, std::size_t j, int k) const {
    if (k == 0) return j > 0 && valid(i, j - 1);
    if (k == 1) return i + 2 < g_.nx && valid(i + 1, j);
    if (k == 2) return j + 2 < g_.ny && valid(i, j + 1);
    return i > 0 && valid(i - 1, j);
  }
  Vertex node(std::size_t i, std::size_t j) const {
    return {{g_.x0 + static_cast<double>(i) * g_.dx, g_.y0 + static_cast<double>(j) * g_.dy}, g_.at(i, j)};
  }
  std::uint64_t node_index(std::size_t i, std::size_t j) const { return j * g_.nx + i; }

  // Fills corners, centre and the 8 edges of cell (i, j).
  void load(std::size_t i, std::size_t j) {
    i_ = i;
    j_ = j;
    c_[0] = node(i, j);
    c_[1] = node(i + 1, j);
    c_[2] = node(i + 1, j + 1);
    c_[3] = node(i, j + 1);
    m_ = {{g_.x0 + (static_cast<double>(i) + 0.5) * g_.dx, g_.y0 + (static_cast<double>(j) + 0.5) * g_.dy},
          0.25 * (c_[0].v + c_[1].v + c_[2].v + c_[3].v)};
    const std::uint64_t cell = j * (g_.nx - 1) + i;
    for (int k = 0; k < 4; ++k) spoke_[k] = {n_h_ + n_v_ + 4 * cell + static_cast<std::uint64_t>(k), m_, c_[k]};
    side_[0] = {j * (g_.nx - 1) + i, c_[0], c_[1]};
    side_[1] = {n_h_ + j * g_.nx + i + 1, c_[1], c_[2]};
    side_[2] = {(j + 1) * (g_.nx - 1) + i, c_[3], c_[2]};
    side_[3] = {n_h_ + j * g_.nx + i, c_[0], c_[3]};
  }

  // The level segment of triangle k, oriented with values >= level on its left.
  bool level_segment(int k, double level, int lev, Segment* out) const {
    const Vertex v[3] = {m_, c_[k], c_[(k + 1) % 4]};
    const Edge* e[3] = {&spoke_[k], &side_[k], &spoke_[(k + 1) % 4]};  // edge t joins v[t] and v[t+1]
    const bool above[3] = {v[0].v >= level, v[1].v >= level, v[2].v >= level};
    if (above[0] == above[1] && above[1] == above[2]) return false;
    const int lone = above[0] == above[1] ? 2 : (above[0] == above[2] ? 1 : 0);
    const Edge& leaving = *e[lone];           // edge (lone, lone+1)
    const Edge& entering = *e[(lone + 2) % 3];  // edge (lone-1, lone)
    Segment s{crossing_key(leaving.id, lev), crossing_key(entering.id, lev), crossing_point(leaving, level),
              crossing_point(entering, level)};
    if (!above[lone]) std::swap(s.from_key, s.to_key), std::swap(s.from, s.to);
    *out = s;
    return true;
  }

  // The stretches of side k (walked counter-clockwise around the cell) where lo <= value < hi.
  void band_border(int k, double lo, double hi, std::vector<Segment>& out) const {
    const Edge& e = side_[k];
    const bool forward = k < 2;  // sides 2 and 3 are walked against their canonical direction
    const Vertex a = forward ? e.a : e.b, b = forward ? e.b : e.a;
    const std::size_t ia[4][2] = {{i_, j_}, {i_ + 1, j_}, {i_ + 1, j_ + 1}, {i_, j_ + 1}};
    const auto key_of = [&](int corner) { return node_key(node_index(ia[corner][0], ia[corner][1])); };
    const Key ka = key_of(k), kb = key_of((k + 1) % 4);
    auto state = [&](double v) { return (v >= lo ? 1 : 0) + (v >= hi ? 1 : 0); };
    const int sa = state(a.v), sb = state(b.v);
    const double levels[2] = {lo, hi};
    Key key = ka;
    Point2 p = a.p;
    int s = sa;
    const int step = sb > sa ? 1 : -1;
    for (int st = sa; st != sb; st += step) {
      const int lev = step > 0 ? st : st - 1;  // crossing the level between states st and st+step
      const Key ck = crossing_key(e.id, lev);
      const Point2 cp = crossing_point(e, levels[lev]);
      if (s == 1) out.push_back({key, ck, p, cp});
      key = ck;
      p = cp;
      s = st + step;
    }
    if (s == 1) out.push_back({key, kb, p, b.p});
  }

 private:
  const NodeGridView& g_;
  std::uint64_t n_h_, n_v_;
  std::size_t i_ = 0, j_ = 0;
  Vertex c_[4]{}, m_{};
  Edge spoke_[4]{}, side_[4]{};
};

// Segment indices sorted by the key they start from, for look-up by key.
class StartIndex {
 public:
  explicit StartIndex(const std::vector<Segment>& segments) {
    by_key_.reserve(segments.size());
    for (std::size_t s = 0; s < segments.size(); ++s) by_key_.emplace_back(segments[s].from_key, s);
    std::sort(by_key_.begin(), by_key_.end());
  }
  template <class F>
  void for_each_starting_at(Key key, F&& f) const {
    auto it = std::lower_bound(by_key_.begin(), by_key_.end(), std::make_pair(key, std::size_t{0}));
    for (; it != by_key_.end() && it->first == key; ++it) f(it->second);
  }

 private:
  std::vector<std::pair<Key, std::size_t>> by_key_;
};

// Among candidate segments leaving a vertex, the one turning most to the left: with the region on
// the left this keeps rings that only touch at a point (pinches) apart.
std::size_t leftmost(const std::vector<Segment>& segs, Point2 incoming, const std::vector<std::size_t>& candidates) {
  std::size_t best = candidates.front();
  double best_angle = -10.0;
  for (std::size_t c : candidates) {
    const Point2 d = segs[c].to - segs[c].from;
    const double angle = std::atan2(cross(incoming, d), dot(incoming, d));
    if (angle > best_angle) best_angle = angle, best = c;
  }
  return best;
}

std::vector<Ring> link_rings(const std::vector<Segment>& segs) {
  const StartIndex index(segs);
  std::vector<char> used(segs.size(), 0);
  std::vector<Ring> rings;
  std::vector<std::size_t> candidates;
  for (std::size_t first = 0; first < segs.size(); ++first) {
    if (used[first]) continue;
    used[first] = 1;
    Ring ring{segs[first].from};
    std::size_t cur = first;
    Point2 heading = segs[first].to - segs[first].from;
    while (true) {
      ring.push_back(segs[cur].to);
      const Point2 d = segs[cur].to - segs[cur].from;
      if (d.x != 0.0 || d.y != 0.0) heading = d;
      candidates.clear();
      index.for_each_starting_at(segs[cur].to_key, [&](std::size_t s) {
        if (!used[s] || s == first) candidates.push_back(s);
      });
      if (candidates.empty()) break;  // cannot happen for a consistent boundary; the ring is closed anyway
      const std::size_t next = leftmost(segs, heading, candidates);
      if (next == first) break;
      used[next] = 1;
      cur = next;
    }
    ring.pop_back();  // the closing point repeats the first
    rings.push_back(std::move(ring));
  }
  return rings;
}

std::vector<Polyline> link_lines(const std::vector<Segment>& segs) {
  const StartIndex index(segs);
  std::vector<Key> ends;
  for (const Segment& s : segs) ends.push_back(s.to_key);
  std::sort(ends.begin(), ends.end());
  std::vector<char> used(segs.size(), 0);
  std::vector<Polyline> lines;
  auto follow = [&](std::size_t s) {
    Polyline line{segs[s].from};
    while (true) {
      used[s] = 1;
      line.push_back(segs[s].to);
      std::size_t next = segs.size();
      index.for_each_starting_at(segs[s].to_key, [&](std::size_t t) {
        if (!used[t] && next == segs.size()) next = t;
      });
      if (next == segs.size()) break;
      s = next;
    }
    Polyline clean;
    for (Point2 p : line)
      if (clean.empty() || !(p == clean.back())) clean.push_back(p);
    if (clean.size() >= 2) lines.push_back(std::move(clean));
  };
  // Open lines first (they start where no segment ends), then the closed loops.
  for (std::size_t s = 0; s < segs.size(); ++s)
    if (!used[s] && !std::binary_search(ends.begin(), ends.end(), segs[s].from_key)) follow(s);
  for (std::size_t s = 0; s < segs.size(); ++s)
    if (!used[s]) follow(s);
  return lines;
}

// Outer rings (counter-clockwise) become polygons; each hole goes to the smallest outer containing it.
MultiPolygon assemble(std::vector<Ring> rings, double tolerance) {
  std::vector<Ring> outers, holes;
  for (Ring& r : rings) {
    Ring clean = without_redundant_vertices(r, tolerance);
    if (clean.size() < 3) continue;
    const double a = signed_area(clean);
    if (a > 0.0) outers.push_back(std::move(clean));
    else if (a < 0.0) holes.push_back(std::move(clean));
  }
  std::vector<std::size_t> order(outers.size());
  std::vector<double> areas(outers.size());
  std::vector<BoundingBox> boxes(outers.size());
  for (std::size_t k = 0; k < outers.size(); ++k) {
    order[k] = k;
    areas[k] = signed_area(outers[k]);
    boxes[k] = bounding_box(outers[k]);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return areas[a] < areas[b]; });
  MultiPolygon out(outers.size());
  for (std::size_t k = 0; k < outers.size(); ++k) out[k].outer = std::move(outers[k]);
  for (Ring& h : holes) {
    const Point2 probe = 0.5 * (h[0] + h[1]);
    for (std::size_t k : order)
      if (boxes[k].contains(probe) && contains(out[k].outer, probe)) {
        out[k].holes.push_back(std::move(h));
        break;
      }
  }
  return out;
}

}  // namespace

std::vector<Polyline> contour_lines(const NodeGridView& grid, double level) {
  if (grid.nx < 2 || grid.ny < 2 || !std::isfinite(level)) return {};
  Cells cells(grid);
  std::vector<Segment> segs;
  Segment s;
  for (std::size_t j = 0; j < cells.count_y(); ++j)
    for (std::size_t i = 0; i < cells.count_x(); ++i) {
      if (!cells.valid(i, j)) continue;
      const double v[4] = {grid.at(i, j), grid.at(i + 1, j), grid.at(i + 1, j + 1), grid.at(i, j + 1)};
      if ((std::min({v[0], v[1], v[2], v[3]}) >= level) == (std::max({v[0], v[1], v[2], v[3]}) >= level)) continue;
      cells.load(i, j);
      for (int k = 0; k < 4; ++k)
        if (cells.level_segment(k, level, 0, &s)) segs.push_back(s);
    }
  return link_lines(segs);
}

MultiPolygon contour_band(const NodeGridView& grid, double lo, double hi) {
  if (grid.nx < 2 || grid.ny < 2 || !(lo < hi)) return {};
  Cells cells(grid);
  std::vector<Segment> segs;
  Segment s;
  const bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
  auto state = [&](double v) { return (v >= lo ? 1 : 0) + (v >= hi ? 1 : 0); };
  for (std::size_t j = 0; j < cells.count_y(); ++j)
    for (std::size_t i = 0; i < cells.count_x(); ++i) {
      if (!cells.valid(i, j)) continue;
      // Most cells lie wholly in one state (the centre, a mean, cannot differ) and inside the grid:
      // they contribute nothing.
      const double v[4] = {grid.at(i, j), grid.at(i + 1, j), grid.at(i + 1, j + 1), grid.at(i, j + 1)};
      const bool interior = i > 0 && j > 0 && i + 2 < grid.nx && j + 2 < grid.ny;
      if (interior && state(std::min({v[0], v[1], v[2], v[3]})) == state(std::max({v[0], v[1], v[2], v[3]})) &&
          cells.neighbour_valid(i, j, 0) && cells.neighbour_valid(i, j, 1) && cells.neighbour_valid(i, j, 2) &&
          cells.neighbour_valid(i, j, 3))
        continue;
      cells.load(i, j);
      for (int k = 0; k < 4; ++k) {
        if (has_lo && cells.level_segment(k, lo, 0, &s)) segs.push_back(s);
        if (has_hi && cells.level_segment(k, hi, 1, &s)) {
          // The upper boundary keeps values below `hi` on its left.
          std::swap(s.from_key, s.to_key);
          std::swap(s.from, s.to);
          segs.push_back(s);
        }
        if (!cells.neighbour_valid(i, j, k)) cells.band_border(k, lo, hi, segs);
      }
    }
  // Vertices closer than a millionth of a cell merge, so that files written with ~15 significant
  // digits never show repeated vertices.
  const double tolerance = 1e-6 * std::max(std::abs(grid.dx), std::abs(grid.dy));
  return assemble(link_rings(segs), tolerance);
}

}  // namespace georeserve::geometry
