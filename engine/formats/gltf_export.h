// 3D presentation exports for PowerPoint's 3D viewer, Blender, Windows 3D Viewer and web viewers:
// glTF 2.0 binary (.glb), glTF 2.0 text (.gltf + embedded buffer) and Wavefront OBJ (+ .mtl), all
// encoded by Assimp. A Scene3D is a list of named layers (one glTF node each under a root node).
//
// Coordinates. Gauss-Kruger coordinates (x ~ 41,500,000 m) keep only about 4 m in the 32-bit floats of
// glTF and OBJ, so the writer subtracts Scene3D::origin from every point and says so three times: in
// the glTF `asset.extras` and the root node's `extras` ("origin", "crs", "axes"), in the root node's
// name ("... origin E41512000 N4690000 Z0"; OBJ: comment lines at the top), and in a side-car
// "<file>.json" written beside every export. Axes. glTF and Blender's OBJ import are Y-up, right-handed, metres: our (east, north, up)
// becomes (east, up, -north), a rotation (not a mirror), so triangle winding and normals stay right.
// Colours are sRGB in Scene3D; glTF stores linear values (converted here), OBJ/MTL sRGB as given.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "report/color.h"

namespace georeserve {

struct Layer3D {
  std::string name;       // UTF-8 node name, e.g. "blocks 块体模型 (CaSiO3)"; unique in the scene
  Rgb color{200, 200, 200};
  double opacity = 1.0;   // < 1: blended (glTF alphaMode BLEND)
  bool double_sided = false;
  bool smooth = false;    // write area-weighted vertex normals (curved solids); otherwise none: viewers shade flat
  std::vector<Eigen::Vector3d> positions;                 // CRS coordinates: x east, y north, z up (m)
  std::vector<Rgb> vertex_colors;                         // empty, or one per position (sRGB)
  std::vector<std::array<std::uint32_t, 3>> triangles;   // counter-clockwise seen from outside
  std::vector<std::array<std::uint32_t, 2>> lines;
  std::vector<std::pair<std::string, std::string>> extras;  // e.g. {"color_by", "CaSiO3"}: glTF node extras
};

struct Scene3D {
  std::string title;      // the root node's name (UTF-8)
  int epsg = 0;           // horizontal CRS of the positions; 0 = unknown
  std::array<double, 3> origin{0, 0, 0};  // CRS point that becomes (0, 0, 0) in the file
  std::vector<Layer3D> layers;
};

// An origin for these CRS bounds that keeps every local coordinate small: the centre of the bounds
// rounded to whole kilometres in x and y, and 0 in z (heights are small already).
std::array<double, 3> local_origin_for(const Eigen::Vector3d& lo, const Eigen::Vector3d& hi);

// The glTF/OBJ file coordinates of a CRS point, and back.
std::array<double, 3> to_file_coordinates(const Scene3D& scene, const Eigen::Vector3d& crs);
Eigen::Vector3d from_file_coordinates(const Scene3D& scene, const std::array<double, 3>& file);

enum class Format3D { glb, gltf, obj };
// By extension (.glb, .gltf, .obj; case-insensitive); InputError for anything else.
Format3D format3d_for(const std::filesystem::path& path);

struct Export3DSummary {
  std::size_t layers = 0, triangles = 0, lines = 0, vertices = 0;
  std::filesystem::path sidecar;   // "<file>.json"
  double max_local_extent = 0.0;   // largest |local coordinate|, m (float32 resolution stays < 1 mm below 8 km)
  std::string note;                // one sentence for the log: the origin and the axes
};

// Writes the scene (format by extension) and its side-car JSON. Files appear whole or not at all
// (OBJ: the .obj and its .mtl). InputError when a layer is inconsistent (index out of range, colour
// count, empty or duplicate name), a coordinate is not finite, or Assimp fails.
Export3DSummary write_scene3d(const std::filesystem::path& path, const Scene3D& scene);

}  // namespace georeserve
