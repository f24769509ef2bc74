// Exports of a run folder (`georeserve export RUN_DIR --format F --layer L ... --out PATH`) and the
// exchange files `georeserve run` writes itself (scene.glb with the default view, and gis/). Formats
// and the layers each can hold:
//   glb, gltf, obj   blocks, solids, drillholes, planning   (one 3D scene; default: the default view)
//   vtu              blocks, solids, drillholes             (one file per layer)
//   geojson, shp     planning, footprints, contours, zones  (one file per layer)
//   gpkg, dxf        planning, footprints, contours, zones  (all layers in one file; DXF without attributes)
//   tif              thickness, grade-thickness, dem        (one file per layer)
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/run_folder.h"

namespace georeserve {

enum class ExportFormat { glb, gltf, obj, vtu, geojson, shp, gpkg, dxf, tif };
enum class ExportLayer { blocks, solids, drillholes, planning, footprints, contours, zones, thickness, grade_thickness, dem };

std::optional<ExportFormat> parse_export_format(std::string_view text);
std::optional<ExportLayer> parse_export_layer(std::string_view text);  // "grade-thickness" or "grade_thickness"
std::string_view to_string(ExportFormat f);  // also the file extension
std::string_view to_string(ExportLayer l);   // "grade-thickness"
std::vector<ExportLayer> layers_for(ExportFormat f);
// A one-line table of the formats and their layers, for --help.
std::string export_matrix_text();

struct ExportOptions {
  ExportFormat format = ExportFormat::glb;
  std::vector<ExportLayer> layers;  // empty: 3D formats take the default view; others all they can hold
  std::filesystem::path out;        // a file; a folder when the format holds one layer per file and
                                    // several are asked for (files are then named <layer>.<ext>)
  std::string color_by;             // blocks: colour (and shown-block) attribute; default the scene's
  std::string footprint_by = "class";
  bool per_level = false;           // footprints per block level instead of the plan projection
  std::string map = "thickness";    // contours and zones of: thickness | grade-thickness
  std::string grade;                // grade-thickness: grade attribute; default the block layer's color_by
  double tube_radius = 0.0;         // drillholes in 3D, metres; 0 = automatic
};

struct ExportResult {
  std::vector<std::filesystem::path> files;
  std::vector<std::string> notes;   // for the log: the local origin of 3D files, CRS, counts
};

// InputError for a layer the format cannot hold, a layer the run does not have, an output path of
// the wrong kind, and the readers' and writers' own errors. Every file appears whole or not at all.
ExportResult export_run(const RunFolder& run, const ExportOptions& options);

// What `georeserve run` adds to its folder: scene.glb (the default view) and gis/ with the planning
// blocks (Shapefile), block footprints by class (GeoJSON and Shapefile), ore thickness and grade x
// thickness (GeoTIFF), thickness contours (GeoJSON and DXF) and all vector layers in one GeoPackage.
ExportResult write_run_exchange_files(const std::filesystem::path& run_dir);

}  // namespace georeserve
