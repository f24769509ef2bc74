// Triangle meshes for ore solids and surfaces: checks (closed, consistently oriented), volume,
// and plain-text OBJ/PLY writers (no Assimp needed; glTF export lives in engine/formats).
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace georeserve {

struct TriangleMesh {
  std::vector<Eigen::Vector3d> vertices;
  std::vector<std::array<int, 3>> triangles;  // counter-clockwise seen from outside

  // Signed volume by the divergence theorem (positive for outward-facing triangles), m3.
  double volume() const;
  double area() const;
  std::array<Eigen::Vector3d, 2> bounds() const;
};

struct MeshCheck {
  bool closed = false;               // every edge used by exactly two triangles
  bool consistently_oriented = false;
  std::size_t boundary_edges = 0;    // edges used once (holes)
  std::size_t non_manifold_edges = 0;
  std::size_t degenerate_triangles = 0;
  std::string describe() const;
};
MeshCheck check_mesh(const TriangleMesh& mesh);

// Writes OBJ (vertices and faces; `name` as the object name) or ASCII PLY. Atomic.
void write_obj(const std::filesystem::path& path, const TriangleMesh& mesh, const std::string& name);
void write_ply(const std::filesystem::path& path, const TriangleMesh& mesh);

}  // namespace georeserve
