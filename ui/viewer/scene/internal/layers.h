// The layer kinds drawn with plain VTK pipelines, and the factory that makes the right one for a
// manifest entry. Internal to the scene library (the public face of each is viewer::Layer).
#pragma once

#include <memory>

#include "formats/raster.h"
#include "viewer/scene/layer.h"

namespace georeserve::viewer {

// Drillholes and composites (polylines drawn as tubes with hole labels), points, surfaces and solids
// (triangle meshes) from .vtp or .vtu files.
std::unique_ptr<Layer> load_poly_layer(const scene::Layer& desc, const scene::Scene& scene);
// A DEM (surface from .tif: terrain with hillshade) or a raster grid (.tif or a flat .vti, coloured by
// value and draped on the terrain when there is one).
std::unique_ptr<Layer> load_raster_layer(const scene::Layer& desc, const scene::Scene& scene, const RasterGrid* terrain);
// Planning blocks and zones from GeoJSON: translucent prisms or draped outlines, with their names.
std::unique_ptr<Layer> load_polygon_layer(const scene::Layer& desc, const scene::Scene& scene, const RasterGrid* terrain);

// A subsidence grid (grid CSV or GeoTIFF of W) draped on the terrain with contours, or the terrain displaced.
std::unique_ptr<Layer> load_subsidence_layer(const scene::Layer& desc, const scene::Scene& scene, const RasterGrid* terrain);

// The DEM of a surface layer read from a GeoTIFF, for draping (nullptr when the layer is no DEM).
const RasterGrid* terrain_of(const Layer& layer);

// The right kind of layer for the manifest entry; never throws (failures become the layer's problem).
std::unique_ptr<Layer> load_layer(const scene::Layer& desc, const scene::Scene& scene, const RasterGrid* terrain);

}  // namespace georeserve::viewer
