// Layers of a run folder as VTK unstructured grids (.vtu) for ParaView: the shown blocks as hexahedra
// with every attribute (units in the field data), a solid as triangles, drillholes as polylines with
// their colour attribute and labels. Coordinates keep the scene's CRS and origin (io/vtk_xml.h).
#pragma once

#include <filesystem>
#include <vector>

#include "blockmodel/block_model.h"
#include "exchange/run_folder.h"

namespace georeserve {

void write_blocks_vtu(const RunFolder& run, const BlockModel& model, const std::vector<bool>& shown, const std::filesystem::path& path);
void write_solid_vtu(const RunFolder& run, const scene::Layer& layer, const std::filesystem::path& path);
void write_drillholes_vtu(const RunFolder& run, const scene::Layer& layer, const std::filesystem::path& path);

}  // namespace georeserve
