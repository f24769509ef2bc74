// A `georeserve run` output folder as the exports see it: the scene manifest (scene.json) and the
// layers it lists, loaded back into engine types in CRS coordinates. Nothing is estimated here: the
// block model, solids, drillholes and polygons are what the run wrote.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "blockmodel/block_model.h"
#include "mesh/triangle_mesh.h"
#include "scene/geojson.h"
#include "scene/scene.h"

namespace georeserve {

struct RunFolder {
  std::filesystem::path dir;
  scene::Scene scene;

  // InputError "DIR: not a georeserve run folder (no scene.json)" and the manifest's own errors.
  static RunFolder open(const std::filesystem::path& dir);
  // The layers of a kind, in manifest order (only visible ones when visible_only).
  std::vector<const scene::Layer*> layers(scene::LayerKind kind, bool visible_only = false) const;
};

// The block model of a block_model layer: grid from the .vti/.vts (rotation recovered from the
// points), every cell array as an attribute with its unit (from the file) and, for attributes the
// manifest calls categorical, codes and names (code 0 = none becomes NaN).
BlockModel load_block_model(const RunFolder& run, const scene::Layer& layer);

// A solid or surface layer's triangles (CRS coordinates).
TriangleMesh load_mesh(const RunFolder& run, const scene::Layer& layer);

// A drillholes or composites layer: one polyline per cell, with that cell's value of `attribute`
// (NaN when absent or not numeric) and its label (label_field, "" when none).
struct Polylines3D {
  std::vector<std::vector<Eigen::Vector3d>> lines;
  std::vector<double> values;
  std::vector<std::string> labels;
};
Polylines3D load_polylines(const RunFolder& run, const scene::Layer& layer, const std::string& attribute);

// A polygons layer (GeoJSON), brought into the scene's CRS.
scene::FeatureCollection load_polygons(const RunFolder& run, const scene::Layer& layer);

}  // namespace georeserve
