// `georeserve export RUN_DIR --format F [--layer L ...] --out PATH`: the layers of a run folder in the
// formats other tools open (ParaView, QGIS/ArcGIS, AutoCAD, PowerPoint 3D, Blender). Reads what `run`
// wrote; estimates nothing.
#include <iostream>

#include "command.h"
#include "core/error.h"
#include "core/text.h"
#include "exchange/run_export.h"

namespace georeserve::cli {
namespace {

struct Options {
  std::string run_dir, format, out, color_by, footprints_by = "class", map = "thickness", grade;
  std::vector<std::string> layers;
  bool per_level = false;
  double tube_radius = 0.0;
};

std::string footer() {
  return "Formats and the layers each holds:\n" + export_matrix_text() +
         "\nLayers: blocks (exposed faces of the shown blocks, coloured as the viewer's default view),\n"
         "solids (domain wireframes), drillholes (tubes in 3D), planning (planning-block polygons;\n"
         "prisms in 3D), footprints (shown blocks dissolved in plan per class, or per level with\n"
         "--per-level), contours and zones (of the ore thickness or grade x thickness, --map),\n"
         "thickness and grade-thickness (plan rasters), dem (the run's terrain GeoTIFF).\n"
         "\n"
         "Without --layer: 3D formats take the layers the viewer shows by default, the others all\n"
         "they hold. Several layers in a one-layer-per-file format (vtu, geojson, shp, tif) need a\n"
         "folder for --out (files are named <layer>.<ext>).\n"
         "\n"
         "Coordinates: GIS and VTK files keep the CRS coordinates (EPSG code in every file; .prj\n"
         "beside Shapefiles and DXF; .cpg = UTF-8 for Chinese attributes). glTF and OBJ hold 32-bit\n"
         "floats, so the scene's origin is subtracted and written into the glTF asset extras, the\n"
         "root node's name and the side-car FILE.json; glTF and OBJ are Y-up (x east, y up, z south).\n"
         "\n"
         "Examples:\n"
         "  georeserve export out/qianyu-wollastonite --format glb --out qianyu.glb\n"
         "  georeserve export out/qianyu-wollastonite --format glb --layer solids,drillholes --out ore.glb\n"
         "  georeserve export out/qianyu-wollastonite --format shp --layer footprints --per-level --out gis/\n"
         "  georeserve export out/qianyu-wollastonite --format dxf --layer contours --map grade-thickness --out gt.dxf\n"
         "  georeserve export out/qianyu-wollastonite --format tif --layer thickness --out thickness.tif\n"
         "  georeserve export out/qianyu-wollastonite --format vtu --layer blocks --color-by class --out classes.vtu";
}

const RegisterCommand reg{{"export", "Export a run's layers to glTF/OBJ, VTU, GeoJSON/Shapefile/GeoPackage/DXF or GeoTIFF",
                           [](CLI::App& sub) -> CommandRun {
                             auto o = std::make_shared<Options>();
                             sub.add_option("run_dir", o->run_dir, "Output folder of `georeserve run` (holds scene.json)")->required();
                             sub.add_option("--format", o->format, "glb | gltf | obj | vtu | geojson | shp | gpkg | dxf | tif")->required();
                             sub.add_option("--layer", o->layers,
                                            "Layer(s) to export, repeatable or comma-separated: blocks, solids, drillholes, planning, "
                                            "footprints, contours, zones, thickness, grade-thickness, dem")
                                 ->delimiter(',');
                             sub.add_option("--out", o->out, "Output file, or folder for several one-file-per-layer outputs")->required();
                             sub.add_option("--color-by", o->color_by,
                                            "Block attribute that colours the blocks and decides which are shown (default: the scene's)");
                             sub.add_option("--footprints-by", o->footprints_by, "Categorical block attribute of the footprints (default: class)");
                             sub.add_flag("--per-level", o->per_level, "Footprints per block level (bench) instead of the plan projection");
                             sub.add_option("--map", o->map, "Contours and zones of: thickness (default) | grade-thickness");
                             sub.add_option("--grade", o->grade, "Grade for grade-thickness (default: the colour attribute)");
                             sub.add_option("--tube-radius", o->tube_radius, "Drillhole tube radius in 3D, metres (default: automatic)");
                             sub.footer(footer());
                             return [o] {
                               ExportOptions eo;
                               const auto format = parse_export_format(o->format);
                               if (!format)
                                 throw Error("georeserve export: error: --format: unknown format '" + o->format +
                                             "' (glb, gltf, obj, vtu, geojson, shp, gpkg, dxf, tif)");
                               eo.format = *format;
                               for (const auto& name : o->layers) {
                                 const auto layer = parse_export_layer(trim(name));
                                 if (!layer)
                                   throw Error("georeserve export: error: --layer: unknown layer '" + name +
                                               "' (blocks, solids, drillholes, planning, footprints, contours, zones, thickness, "
                                               "grade-thickness, dem)");
                                 eo.layers.push_back(*layer);
                               }
                               eo.out = o->out;
                               eo.color_by = o->color_by;
                               eo.footprint_by = o->footprints_by;
                               eo.per_level = o->per_level;
                               eo.map = o->map;
                               eo.grade = o->grade;
                               eo.tube_radius = o->tube_radius;
                               const RunFolder run = RunFolder::open(o->run_dir);
                               const ExportResult r = export_run(run, eo);
                               for (const auto& f : r.files) std::cout << f.string() << '\n';
                               for (const auto& n : r.notes) std::cerr << "note: " << n << '\n';
                               return 0;
                             };
                           },
                           60}};

}  // namespace
}  // namespace georeserve::cli
