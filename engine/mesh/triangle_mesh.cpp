#include "mesh/triangle_mesh.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <Eigen/Geometry>

#include "core/atomic_file.h"
#include "core/text.h"

namespace georeserve {

double TriangleMesh::volume() const {
  double v = 0;
  for (const auto& t : triangles)
    v += vertices[static_cast<std::size_t>(t[0])].dot(
        vertices[static_cast<std::size_t>(t[1])].cross(vertices[static_cast<std::size_t>(t[2])]));
  return v / 6.0;
}

double TriangleMesh::area() const {
  double a = 0;
  for (const auto& t : triangles) {
    const auto& p = vertices[static_cast<std::size_t>(t[0])];
    a += (vertices[static_cast<std::size_t>(t[1])] - p).cross(vertices[static_cast<std::size_t>(t[2])] - p).norm();
  }
  return a / 2.0;
}

std::array<Eigen::Vector3d, 2> TriangleMesh::bounds() const {
  Eigen::Vector3d lo = Eigen::Vector3d::Constant(INFINITY), hi = Eigen::Vector3d::Constant(-INFINITY);
  for (const auto& v : vertices) {
    lo = lo.cwiseMin(v);
    hi = hi.cwiseMax(v);
  }
  return {lo, hi};
}

std::string MeshCheck::describe() const {
  if (closed && consistently_oriented && degenerate_triangles == 0) return "closed and consistently oriented";
  std::string s;
  if (boundary_edges) s += std::to_string(boundary_edges) + " open (boundary) edges; ";
  if (non_manifold_edges) s += std::to_string(non_manifold_edges) + " edges shared by more than two triangles; ";
  if (!consistently_oriented) s += "triangles not consistently oriented; ";
  if (degenerate_triangles) s += std::to_string(degenerate_triangles) + " degenerate triangles; ";
  if (s.size() >= 2) s.resize(s.size() - 2);
  return s;
}

MeshCheck check_mesh(const TriangleMesh& mesh) {
  // Directed edge counts: a closed, consistently oriented surface uses each directed edge once and its
  // reverse once.
  std::unordered_map<std::uint64_t, int> directed;
  directed.reserve(mesh.triangles.size() * 3);
  MeshCheck c;
  for (const auto& t : mesh.triangles) {
    if (t[0] == t[1] || t[1] == t[2] || t[0] == t[2]) {
      ++c.degenerate_triangles;
      continue;
    }
    for (int e = 0; e < 3; ++e) {
      const auto a = static_cast<std::uint64_t>(t[static_cast<std::size_t>(e)]);
      const auto b = static_cast<std::uint64_t>(t[static_cast<std::size_t>((e + 1) % 3)]);
      ++directed[(a << 32) | b];
    }
  }
  bool oriented = true;
  std::map<std::pair<std::uint64_t, std::uint64_t>, int> undirected;
  for (const auto& [key, n] : directed) {
    const std::uint64_t a = key >> 32, b = key & 0xffffffffu;
    if (n > 1) oriented = false;
    undirected[{std::min(a, b), std::max(a, b)}] += n;
  }
  for (const auto& [edge, n] : undirected) {
    if (n == 1) ++c.boundary_edges;
    else if (n > 2) ++c.non_manifold_edges;
  }
  c.closed = c.boundary_edges == 0 && c.non_manifold_edges == 0 && !mesh.triangles.empty();
  c.consistently_oriented = oriented;
  return c;
}

void write_obj(const std::filesystem::path& path, const TriangleMesh& mesh, const std::string& name) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << "# georeserve triangle mesh: " << mesh.vertices.size() << " vertices, " << mesh.triangles.size()
        << " triangles; coordinates in projected metres\n";
    out << "o " << name << '\n';
    for (const auto& v : mesh.vertices)
      out << "v " << format_fixed(v.x(), 3) << ' ' << format_fixed(v.y(), 3) << ' ' << format_fixed(v.z(), 3) << '\n';
    for (const auto& t : mesh.triangles) out << "f " << t[0] + 1 << ' ' << t[1] + 1 << ' ' << t[2] + 1 << '\n';
  });
}

void write_ply(const std::filesystem::path& path, const TriangleMesh& mesh) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << "ply\nformat ascii 1.0\ncomment georeserve, projected metres\nelement vertex " << mesh.vertices.size()
        << "\nproperty double x\nproperty double y\nproperty double z\nelement face " << mesh.triangles.size()
        << "\nproperty list uchar int vertex_indices\nend_header\n";
    for (const auto& v : mesh.vertices)
      out << format_fixed(v.x(), 3) << ' ' << format_fixed(v.y(), 3) << ' ' << format_fixed(v.z(), 3) << '\n';
    for (const auto& t : mesh.triangles) out << "3 " << t[0] << ' ' << t[1] << ' ' << t[2] << '\n';
  });
}

}  // namespace georeserve
