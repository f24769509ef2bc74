// Implementation of scene_meshes.h. Every quad gets its own four vertices, so that viewers which
// compute flat normals (glTF without normals) shade each face evenly and colours do not bleed.
#include "formats/scene_meshes.h"

#include <cmath>
#include <numbers>

#include <Eigen/Geometry>

#include "core/error.h"
#include "formats/polygon_triangulation.h"
#include "geometry/polygon.h"

namespace georeserve {
namespace {

std::uint32_t add_vertex(Layer3D& l, const Eigen::Vector3d& p, Rgb c) {
  l.positions.push_back(p);
  l.vertex_colors.push_back(c);
  return static_cast<std::uint32_t>(l.positions.size() - 1);
}

// A quad a, b, c, d (counter-clockwise seen from outside) as two triangles.
void add_quad(Layer3D& l, const Eigen::Vector3d& a, const Eigen::Vector3d& b, const Eigen::Vector3d& c, const Eigen::Vector3d& d,
              Rgb color) {
  const std::uint32_t i = add_vertex(l, a, color);
  add_vertex(l, b, color);
  add_vertex(l, c, color);
  add_vertex(l, d, color);
  l.triangles.push_back({i, i + 1, i + 2});
  l.triangles.push_back({i, i + 2, i + 3});
}

}  // namespace

Layer3D exposed_block_faces(const BlockGrid& grid, const std::vector<bool>& shown, const std::vector<Rgb>& colors,
                            const std::string& name) {
  if (shown.size() != grid.block_count() || colors.size() != grid.block_count())
    throw InputError("", 0, "", "exposed_block_faces: one flag and one colour per block expected");
  Layer3D l;
  l.name = name;
  l.color = {255, 255, 255};
  const auto& n = grid.count();
  const Eigen::Vector3d size = grid.block_size();
  // For a face normal to axis a on the side s, the two in-face axes (u, v) with u x v = s e_a.
  static constexpr int uv[3][2][2] = {{{2, 1}, {1, 2}}, {{0, 2}, {2, 0}}, {{1, 0}, {0, 1}}};
  for (int k = 0; k < n[2]; ++k)
    for (int j = 0; j < n[1]; ++j)
      for (int i = 0; i < n[0]; ++i) {
        const std::size_t b = grid.index(i, j, k);
        if (!shown[b]) continue;
        const int ijk[3] = {i, j, k};
        for (int a = 0; a < 3; ++a)
          for (int s = 0; s < 2; ++s) {
            int nb[3] = {i, j, k};
            nb[a] += s ? 1 : -1;
            const bool outside = nb[a] < 0 || nb[a] >= n[static_cast<std::size_t>(a)];
            if (!outside && shown[grid.index(nb[0], nb[1], nb[2])]) continue;
            Eigen::Vector3d base(ijk[0], ijk[1], ijk[2]);
            base[a] += s;
            const int u = uv[a][s][0], v = uv[a][s][1];
            Eigen::Vector3d du = Eigen::Vector3d::Zero(), dv = Eigen::Vector3d::Zero();
            du[u] = 1;
            dv[v] = 1;
            auto world = [&](const Eigen::Vector3d& m) { return grid.to_world(m.cwiseProduct(size)); };
            add_quad(l, world(base), world(base + du), world(base + du + dv), world(base + dv), colors[b]);
          }
      }
  return l;
}

Layer3D mesh_layer(const TriangleMesh& mesh, const std::string& name, Rgb color, double opacity) {
  Layer3D l;
  l.name = name;
  l.color = color;
  l.opacity = opacity;
  l.smooth = true;  // wireframes of ore bodies are curved surfaces
  l.positions = mesh.vertices;
  for (const auto& t : mesh.triangles)
    l.triangles.push_back({static_cast<std::uint32_t>(t[0]), static_cast<std::uint32_t>(t[1]), static_cast<std::uint32_t>(t[2])});
  return l;
}

Layer3D tube_layer(const std::vector<std::vector<Eigen::Vector3d>>& polylines, const std::vector<Rgb>& colors, double radius,
                   int sides, const std::string& name) {
  if (colors.size() != polylines.size()) throw InputError("", 0, "", "tube_layer: one colour per polyline expected");
  if (sides < 3 || !(radius > 0)) throw InputError("", 0, "", "tube_layer: at least 3 sides and a positive radius");
  Layer3D l;
  l.name = name;
  l.color = {255, 255, 255};
  for (std::size_t p = 0; p < polylines.size(); ++p) {
    std::vector<Eigen::Vector3d> pts;
    for (const auto& q : polylines[p])
      if (pts.empty() || (q - pts.back()).norm() > 1e-9) pts.push_back(q);
    if (pts.size() < 2) continue;
    const Rgb c = colors[p];
    // Tangents (mean of the adjacent segments) and frames carried along by parallel transport.
    const std::size_t m = pts.size();
    std::vector<Eigen::Vector3d> t(m);
    for (std::size_t k = 0; k < m; ++k) {
      const Eigen::Vector3d in = k > 0 ? (pts[k] - pts[k - 1]).normalized() : Eigen::Vector3d::Zero();
      const Eigen::Vector3d out = k + 1 < m ? (pts[k + 1] - pts[k]).normalized() : Eigen::Vector3d::Zero();
      t[k] = (in + out).norm() > 1e-9 ? (in + out).normalized() : (out.norm() > 0 ? out : in);
    }
    Eigen::Vector3d normal = std::abs(t[0].z()) < 0.9 ? t[0].cross(Eigen::Vector3d::UnitZ()) : t[0].cross(Eigen::Vector3d::UnitX());
    normal.normalize();
    const auto first = static_cast<std::uint32_t>(l.positions.size());
    const auto s = static_cast<std::uint32_t>(sides);
    for (std::size_t k = 0; k < m; ++k) {
      normal = (normal - normal.dot(t[k]) * t[k]).normalized();
      const Eigen::Vector3d binormal = t[k].cross(normal);
      for (int a = 0; a < sides; ++a) {
        const double th = 2 * std::numbers::pi * a / sides;
        add_vertex(l, pts[k] + radius * (std::cos(th) * normal + std::sin(th) * binormal), c);
      }
    }
    for (std::uint32_t k = 0; k + 1 < m; ++k)
      for (std::uint32_t a = 0; a < s; ++a) {
        const std::uint32_t A = first + k * s + a, B = first + k * s + (a + 1) % s;
        const std::uint32_t C = B + s, D = A + s;
        l.triangles.push_back({A, B, C});
        l.triangles.push_back({A, C, D});
      }
    const std::uint32_t c0 = add_vertex(l, pts.front(), c), c1 = add_vertex(l, pts.back(), c);
    const std::uint32_t last = first + static_cast<std::uint32_t>(m - 1) * s;
    for (std::uint32_t a = 0; a < s; ++a) {
      l.triangles.push_back({c0, first + (a + 1) % s, first + a});
      l.triangles.push_back({c1, last + a, last + (a + 1) % s});
    }
  }
  return l;
}

Layer3D prism_layer(const std::vector<geometry::MultiPolygon>& polygons, const std::vector<Rgb>& colors, double z_lo, double z_hi,
                    const std::string& name, double opacity) {
  if (colors.size() != polygons.size()) throw InputError("", 0, "", "prism_layer: one colour per polygon expected");
  if (!(z_lo < z_hi)) throw InputError("", 0, "", "prism_layer: the bottom must lie below the top");
  Layer3D l;
  l.name = name;
  l.color = {255, 255, 255};
  l.opacity = opacity;
  for (std::size_t f = 0; f < polygons.size(); ++f)
    for (geometry::Polygon poly : polygons[f]) {
      geometry::orient(poly);
      const Rgb c = colors[f];
      const PolygonTriangles caps = triangulate(poly);
      for (int top = 0; top < 2; ++top) {
        const auto first = static_cast<std::uint32_t>(l.positions.size());
        for (auto q : caps.points) add_vertex(l, {q.x, q.y, top ? z_hi : z_lo}, c);
        for (const auto& t : caps.triangles) {
          const std::array<std::uint32_t, 3> tri{first + static_cast<std::uint32_t>(t[0]), first + static_cast<std::uint32_t>(t[1]),
                                                 first + static_cast<std::uint32_t>(t[2])};
          l.triangles.push_back(top ? tri : std::array<std::uint32_t, 3>{tri[0], tri[2], tri[1]});
        }
      }
      auto walls = [&](const geometry::Ring& r) {
        for (std::size_t k = 0; k < r.size(); ++k) {
          const auto a = r[k], b = r[(k + 1) % r.size()];
          add_quad(l, {a.x, a.y, z_lo}, {b.x, b.y, z_lo}, {b.x, b.y, z_hi}, {a.x, a.y, z_hi}, c);
        }
      };
      walls(poly.outer);
      for (const auto& h : poly.holes) walls(h);
    }
  return l;
}

}  // namespace georeserve
