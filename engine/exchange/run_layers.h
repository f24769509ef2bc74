// The layers of a run folder in export form: 3D layers (Layer3D, for glTF/OBJ) coloured as the
// viewer's default view colours them, vector layers (planning blocks, footprints, contours, zones) and
// plan rasters (ore thickness, grade x thickness). Each function takes what it needs already loaded.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "blockmodel/block_model.h"
#include "exchange/run_folder.h"
#include "formats/gltf_export.h"
#include "formats/raster.h"
#include "formats/vector.h"

namespace georeserve {

// Blocks shown by the viewer's default filter: those with a value of the colour attribute.
std::vector<bool> shown_blocks(const BlockModel& model, const std::string& color_by);

// Exposed faces of the shown blocks, each block in the colour the viewer gives it: the attribute's
// colour map over its range (the manifest's, else the shown blocks' min..max), or its category colour.
// InputError naming the attribute when the model has no such attribute.
Layer3D blocks_layer3d(const BlockModel& model, const scene::Layer& layer, const std::string& color_by);

// The same for a block model stored as hexahedra (.vtu, e.g. the seam blocks of a coal run, whose
// heights follow the seam): faces used by one shown cell only. InputError for other cell types.
Layer3D cell_blocks_layer3d(const RunFolder& run, const scene::Layer& layer, const std::string& color_by);

// True when the block model layer is a regular grid (.vti/.vts), which footprints and plan maps need.
bool is_regular_block_model(const scene::Layer& layer);

// Drillhole traces as tubes coloured by the layer's colour attribute (categories) or its colour.
// radius 0: the layer's tube_radius, else as the viewer: 0.3 % of the traces' diagonal (0.25 to 15 m).
Layer3D drillholes_layer3d(const RunFolder& run, const scene::Layer& layer, double radius);

// The polygons of a layer as prisms between z_lo and z_hi (the layer's elevation_range when it has
// one), each feature in a category colour.
Layer3D polygons_layer3d(const RunFolder& run, const scene::Layer& layer, double z_lo, double z_hi);

// The polygons of a layer with their properties (numbers stay numbers when the file is in the
// scene's CRS; otherwise PROJ brings them in and properties come as text).
VectorLayer polygons_vector(const RunFolder& run, const scene::Layer& layer, const std::string& name);

// Footprints (block_footprints.h) of the shown blocks by a categorical attribute, with fields
// class/class_cn (the category), level, z_lo, z_hi, blocks, area_m2, tonnes.
VectorLayer footprints_vector(const BlockModel& model, const std::string& by, bool per_level, const std::vector<bool>& shown);

// Ore thickness per plan column (m): sum of ore_fraction x block height (or the block height of every
// shown block without an ore_fraction attribute). Grade x thickness (m x grade unit): the same
// weighted by the grade. North-up rasters in the scene's CRS.
RasterGrid thickness_raster(const BlockModel& model, const std::vector<bool>& shown, int epsg);
RasterGrid grade_thickness_raster(const BlockModel& model, const std::vector<bool>& shown, const std::string& grade, int epsg);

}  // namespace georeserve
