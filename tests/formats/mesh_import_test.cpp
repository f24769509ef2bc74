// Wireframe imports (formats/mesh_import.h): one tetrahedron at Gauss-Kruger coordinates written as
// OBJ, ASCII and binary STL, ASCII and binary PLY, DXF 3DFACE and DXF polyface mesh comes back with the
// same corners to the micrometre (Assimp's 32-bit floats would move them by metres), closed, outward,
// with the closed-form volume; open and inside-out wireframes; the Assimp fallback for other formats.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "temp_files.h"
#include "core/text.h"
#include "formats/gltf_export.h"
#include "formats/mesh_import.h"

namespace georeserve {
namespace {

namespace fs = std::filesystem;

// A right tetrahedron with legs 30, 20, 10 m at the corner (x0, y0, z0): volume 1000 m3.
constexpr double x0 = 41512345.678, y0 = 4690123.456, z0 = -250.125;
const std::array<std::array<double, 3>, 4> kCorners{{{x0, y0, z0}, {x0 + 30, y0, z0}, {x0, y0 + 20, z0}, {x0, y0, z0 + 10}}};
const std::array<std::array<int, 3>, 4> kFaces{{{0, 2, 1}, {0, 1, 3}, {1, 2, 3}, {0, 3, 2}}};  // outward

std::string xyz(const std::array<double, 3>& p, const char* sep = " ") {
  return format_fixed(p[0], 3) + sep + format_fixed(p[1], 3) + sep + format_fixed(p[2], 3);
}

void expect_tetra(const TriangleMesh& m, const std::string& what) {
  ASSERT_EQ(m.vertices.size(), 4u) << what;
  ASSERT_EQ(m.triangles.size(), 4u) << what;
  for (const auto& c : kCorners) {
    double best = INFINITY;
    for (const auto& v : m.vertices) best = std::min(best, (v - Eigen::Vector3d(c[0], c[1], c[2])).norm());
    EXPECT_LT(best, 1e-6) << what;
  }
  TriangleMesh local = m;
  for (auto& v : local.vertices) v -= Eigen::Vector3d(x0, y0, z0);
  EXPECT_NEAR(local.volume(), 1000.0, 1e-6) << what;
}

TEST(MeshImport, TextFormatsKeepGaussKrugerCoordinates) {
  const fs::path d = test::scratch_dir("text");
  {
    std::ofstream obj(d / "ore.obj");
    obj << "# Surpac-style export\no ore\n";
    for (const auto& c : kCorners) obj << "v " << xyz(c) << "\n";
    for (const auto& f : kFaces) obj << "f " << f[0] + 1 << "/1/1 " << f[1] + 1 << " " << f[2] - 4 << "\n";  // negative = relative
  }
  {
    std::ofstream stl(d / "ore.stl");
    stl << "solid ore\r\n";
    for (const auto& f : kFaces) {
      stl << "  facet normal 0 0 0\r\n    outer loop\r\n";
      for (int k : f) stl << "      vertex " << xyz(kCorners[static_cast<std::size_t>(k)]) << "\r\n";
      stl << "    endloop\r\n  endfacet\r\n";
    }
    stl << "endsolid ore\r\n";
  }
  {
    std::ofstream ply(d / "ore.ply");
    ply << "ply\nformat ascii 1.0\nelement vertex 4\nproperty double x\nproperty double y\nproperty double z\n"
           "element face 4\nproperty list uchar int vertex_indices\nend_header\n";
    for (const auto& c : kCorners) ply << xyz(c) << "\n";
    for (const auto& f : kFaces) ply << "3 " << f[0] << " " << f[1] << " " << f[2] << "\n";
  }
  {
    std::ofstream ply(d / "ore_binary.ply", std::ios::binary);
    ply << "ply\nformat binary_little_endian 1.0\nelement vertex 4\nproperty double x\nproperty double y\nproperty double z\n"
           "element face 4\nproperty list uchar int vertex_indices\nend_header\n";
    for (const auto& c : kCorners) ply.write(reinterpret_cast<const char*>(c.data()), 24);
    for (const auto& f : kFaces) {
      const unsigned char n = 3;
      ply.write(reinterpret_cast<const char*>(&n), 1);
      for (int k : f) ply.write(reinterpret_cast<const char*>(&k), 4);
    }
  }
  {
    std::ofstream dxf(d / "ore.dxf");
    dxf << "0\nSECTION\n2\nENTITIES\n";
    for (const auto& f : kFaces) {
      dxf << "0\n3DFACE\n8\nORE\n";
      for (int c = 0; c < 4; ++c) {
        const auto& p = kCorners[static_cast<std::size_t>(f[static_cast<std::size_t>(std::min(c, 2))])];
        dxf << 10 + c << "\n" << format_fixed(p[0], 3) << "\n" << 20 + c << "\n" << format_fixed(p[1], 3) << "\n" << 30 + c << "\n"
            << format_fixed(p[2], 3) << "\n";
      }
    }
    dxf << "0\nENDSEC\n0\nEOF\n";
  }
  {
    std::ofstream dxf(d / "polyface.dxf");
    dxf << "0\nSECTION\n2\nENTITIES\n0\nPOLYLINE\n8\nORE\n66\n1\n70\n64\n71\n4\n72\n4\n";
    for (const auto& c : kCorners)
      dxf << "0\nVERTEX\n8\nORE\n10\n" << format_fixed(c[0], 3) << "\n20\n" << format_fixed(c[1], 3) << "\n30\n" << format_fixed(c[2], 3) << "\n70\n192\n";
    for (const auto& f : kFaces) dxf << "0\nVERTEX\n8\nORE\n10\n0\n20\n0\n30\n0\n70\n128\n71\n" << f[0] + 1 << "\n72\n" << -(f[1] + 1) << "\n73\n" << f[2] + 1 << "\n";
    dxf << "0\nSEQEND\n0\nENDSEC\n0\nEOF\n";
  }
  for (const char* name : {"ore.obj", "ore.stl", "ore.ply", "ore_binary.ply", "ore.dxf", "polyface.dxf"}) expect_tetra(read_solid_file(d / name), name);
  fs::remove_all(d);
}

TEST(MeshImport, BinaryStl) {
  const fs::path d = test::scratch_dir("stlb");
  {
    // Binary STL holds 32-bit floats by definition: small local coordinates.
    std::ofstream stl(d / "box.stl", std::ios::binary);
    std::string header(80, ' ');
    header.replace(0, 10, "solid mesh");  // some exporters start binary files with "solid" too
    stl << header;
    const std::uint32_t n = 4;
    stl.write(reinterpret_cast<const char*>(&n), 4);
    for (const auto& f : kFaces) {
      float rec[12] = {0, 0, 0};
      for (int k = 0; k < 3; ++k)
        for (int c = 0; c < 3; ++c) {
          const auto& p = kCorners[static_cast<std::size_t>(f[static_cast<std::size_t>(k)])];
          const double o[3] = {x0, y0, z0};
          rec[3 + 3 * k + c] = static_cast<float>(p[static_cast<std::size_t>(c)] - o[c]);
        }
      stl.write(reinterpret_cast<const char*>(rec), 48);
      stl.write("\0\0", 2);
    }
  }
  const TriangleMesh m = read_solid_file(d / "box.stl");
  EXPECT_EQ(m.vertices.size(), 4u);
  EXPECT_NEAR(m.volume(), 1000.0, 1e-3);
  fs::remove_all(d);
}

TEST(MeshImport, OpenAndInsideOutWireframes) {
  const fs::path d = test::scratch_dir("open");
  {
    std::ofstream obj(d / "矿体_open.obj");
    for (const auto& c : kCorners) obj << "v " << xyz(c) << "\n";
    for (std::size_t k = 0; k < 3; ++k) obj << "f " << kFaces[k][0] + 1 << " " << kFaces[k][1] + 1 << " " << kFaces[k][2] + 1 << "\n";
  }
  try {
    read_solid_file(d / "矿体_open.obj");
    ADD_FAILURE() << "an open wireframe was accepted";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("矿体_open.obj"), std::string::npos) << m;
    EXPECT_NE(m.find("3 open (boundary) edges"), std::string::npos) << m;
  }
  {
    std::ofstream obj(d / "inside_out.obj");
    for (const auto& c : kCorners) obj << "v " << xyz(c) << "\n";
    for (const auto& f : kFaces) obj << "f " << f[0] + 1 << " " << f[2] + 1 << " " << f[1] + 1 << "\n";
  }
  const TriangleMesh m = read_solid_file(d / "inside_out.obj");
  TriangleMesh local = m;
  for (auto& v : local.vertices) v -= Eigen::Vector3d(x0, y0, z0);
  EXPECT_NEAR(local.volume(), 1000.0, 1e-6);  // turned outward
  std::ofstream(d / "bad.obj") << "v 1 2 x\n";
  try {
    read_mesh_file(d / "bad.obj");
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.obj:1"), std::string::npos) << e.what();
  }
  std::ofstream(d / "empty.dxf") << "0\nSECTION\n2\nENTITIES\n0\nLINE\n10\n0\n20\n0\n0\nENDSEC\n0\nEOF\n";
  EXPECT_THROW(read_mesh_file(d / "empty.dxf"), InputError);
  EXPECT_THROW(read_mesh_file(d / "missing.stl"), InputError);
  fs::remove_all(d);
}

TEST(MeshImport, OtherFormatsGoThroughAssimp) {
  const fs::path d = test::scratch_dir("assimp");
  Scene3D s;
  Layer3D l;
  l.name = "tetra";
  for (const auto& c : kCorners) l.positions.emplace_back(c[0] - x0, c[1] - y0, c[2] - z0);
  for (const auto& f : kFaces) l.triangles.push_back({static_cast<std::uint32_t>(f[0]), static_cast<std::uint32_t>(f[1]), static_cast<std::uint32_t>(f[2])});
  s.layers = {l};
  write_scene3d(d / "tetra.glb", s);
  const TriangleMesh m = read_solid_file(d / "tetra.glb");  // Y-up in the file; volume is unchanged by the rotation
  EXPECT_EQ(m.vertices.size(), 4u);
  EXPECT_NEAR(m.volume(), 1000.0, 1e-3);
  fs::remove_all(d);
}

}  // namespace
}  // namespace georeserve
