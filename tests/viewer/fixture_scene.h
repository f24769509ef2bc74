// A small synthetic deposit written the way `georeserve run` will write one (VTK XML through the engine's
// writers, a GeoTIFF DEM, GeoJSON planning blocks with Chinese names, scene.json), with known colours in
// known places for the screenshot tests. Coordinates are Gauss-Kruger zone 41 (EPSG:4529).
#pragma once

#include <filesystem>

#include "io/vtk_xml.h"
#include "scene/scene.h"

namespace georeserve::testing {

struct FixtureOptions {
  bool blocks = true, holes = true, solid = true, terrain = true, planning = true;
  bool broken_layer = false;  // adds a layer whose file is corrupt
  bool missing_layer = false; // adds a layer whose file does not exist
};

// The block model: 20 x 16 x 10 blocks of 10 x 10 x 5 m. Class 1 (measured, red) in the middle, 2
// (indicated, orange) around it, 3 (inferred, green) outside; CaSiO3 rises towards the centre; tonnes
// 1400 t (10 x 10 x 5 m at 2.8 t/m3) where CaSiO3 >= 30 %, else 0.
vtkxml::ImageData fixture_blocks();
// The scene's manifest as written; the folder gets every file it names.
scene::Scene write_fixture_scene(const std::filesystem::path& folder, const FixtureOptions& options = {});

}  // namespace georeserve::testing
