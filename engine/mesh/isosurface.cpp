#include "mesh/isosurface.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <Eigen/Geometry>

namespace georeserve {
namespace {

// Cube corners (bit 0 = x, bit 1 = y, bit 2 = z) and the six tetrahedra around diagonal 0-7.
constexpr int corner_offset[8][3] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0},
                                     {0, 0, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1}};
constexpr int tets[6][4] = {{0, 1, 3, 7}, {0, 3, 2, 7}, {0, 2, 6, 7}, {0, 6, 4, 7}, {0, 4, 5, 7}, {0, 5, 1, 7}};

struct Builder {
  const ScalarGrid& g;
  double iso;
  TriangleMesh mesh;
  std::unordered_map<std::uint64_t, int> edge_vertex;

  double value(std::size_t node) const {
    const double v = g.values[node];
    return std::isnan(v) ? -INFINITY : v;
  }
  Eigen::Vector3d node_position(std::size_t node) const {
    const auto nx = static_cast<std::size_t>(g.nodes[0]), ny = static_cast<std::size_t>(g.nodes[1]);
    return g.position(static_cast<int>(node % nx), static_cast<int>((node / nx) % ny), static_cast<int>(node / (nx * ny)));
  }
  int vertex_on_edge(std::size_t a, std::size_t b) {
    if (a > b) std::swap(a, b);
    const std::uint64_t exact = static_cast<std::uint64_t>(a) * g.node_count() + b;
    auto it = edge_vertex.find(exact);
    if (it != edge_vertex.end()) return it->second;
    const double va = value(a), vb = value(b);
    double t = 0.5;
    if (std::isfinite(va) && std::isfinite(vb) && va != vb) t = (iso - va) / (vb - va);
    else if (!std::isfinite(va)) t = 0.0;  // NaN node: the surface sits on the known node side
    else if (!std::isfinite(vb)) t = 1.0;
    t = std::clamp(t, 0.0, 1.0);
    const Eigen::Vector3d p = node_position(a) * (1 - t) + node_position(b) * t;
    const int id = static_cast<int>(mesh.vertices.size());
    mesh.vertices.push_back(p);
    edge_vertex.emplace(exact, id);
    return id;
  }
  // Orientation is decided in the cube's integer corner coordinates (edge midpoints times two), where
  // it is exact; the interpolated vertices of thin slivers could give the wrong sign in floating point.
  using Int3 = Eigen::Vector3i;
  static Int3 corner(int c) { return {corner_offset[c][0], corner_offset[c][1], corner_offset[c][2]}; }
  void triangle(int a, int b, int c, const Int3& ma, const Int3& mb, const Int3& mc, const Int3& outward) {
    if ((mb - ma).cross(mc - ma).dot(outward) < 0) std::swap(b, c);
    if (a == b || b == c || a == c) return;
    mesh.triangles.push_back({a, b, c});
  }
  // node: grid node ids of the tetrahedron's corners; cube: their corner numbers (0..7) in the cell.
  void tetrahedron(const std::size_t node[4], const int cube[4]) {
    int in[4], out[4], ni = 0, no = 0;
    for (int v = 0; v < 4; ++v) (value(node[v]) > iso ? in[ni++] : out[no++]) = v;
    if (ni == 0 || ni == 4) return;
    Int3 sum_in = Int3::Zero(), sum_out = Int3::Zero();
    for (int v = 0; v < ni; ++v) sum_in += corner(cube[in[v]]);
    for (int v = 0; v < no; ++v) sum_out += corner(cube[out[v]]);
    const Int3 outward = sum_out * ni - sum_in * no;  // centroid(out) - centroid(in), scaled
    auto mid = [&](int u, int v) -> Int3 { return corner(cube[u]) + corner(cube[v]); };
    if (ni == 1 || ni == 3) {
      const int lone = ni == 1 ? in[0] : out[0];
      const int* others = ni == 1 ? out : in;
      const int a = vertex_on_edge(node[lone], node[others[0]]);
      const int b = vertex_on_edge(node[lone], node[others[1]]);
      const int c = vertex_on_edge(node[lone], node[others[2]]);
      triangle(a, b, c, mid(lone, others[0]), mid(lone, others[1]), mid(lone, others[2]), outward);
      return;
    }
    // Two in, two out: a quad through the four crossing edges, in cyclic order.
    const int p = vertex_on_edge(node[in[0]], node[out[0]]);
    const int q = vertex_on_edge(node[in[0]], node[out[1]]);
    const int r = vertex_on_edge(node[in[1]], node[out[1]]);
    const int s = vertex_on_edge(node[in[1]], node[out[0]]);
    const Int3 mp = mid(in[0], out[0]), mq = mid(in[0], out[1]), mr = mid(in[1], out[1]), ms = mid(in[1], out[0]);
    triangle(p, q, r, mp, mq, mr, outward);
    triangle(p, r, s, mp, mr, ms, outward);
  }
};

}  // namespace

TriangleMesh extract_isosurface(const ScalarGrid& grid, double iso) {
  Builder b{grid, iso, {}, {}};
  for (int k = 0; k + 1 < grid.nodes[2]; ++k)
    for (int j = 0; j + 1 < grid.nodes[1]; ++j)
      for (int i = 0; i + 1 < grid.nodes[0]; ++i) {
        std::size_t corner[8];
        bool any_in = false, any_out = false;
        for (int c = 0; c < 8; ++c) {
          corner[c] = grid.index(i + corner_offset[c][0], j + corner_offset[c][1], k + corner_offset[c][2]);
          (b.value(corner[c]) > iso ? any_in : any_out) = true;
        }
        if (!any_in || !any_out) continue;
        for (const auto& t : tets) {
          const std::size_t node[4] = {corner[t[0]], corner[t[1]], corner[t[2]], corner[t[3]]};
          b.tetrahedron(node, t);
        }
      }
  return std::move(b.mesh);
}

}  // namespace georeserve
