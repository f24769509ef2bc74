// Implementation of run_export.h: checks the request, loads what the layers need from the run folder
// (each thing once), builds the layers with exchange/run_layers.h and writes them with formats/.
#include "exchange/run_export.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/error.h"
#include "core/text.h"
#include "exchange/run_layers.h"
#include "exchange/run_vtu.h"
#include "formats/gltf_export.h"
#include "formats/plan_maps.h"
#include "formats/scene_meshes.h"

namespace georeserve {
namespace {

namespace fs = std::filesystem;

const std::pair<std::string_view, ExportFormat> kFormats[] = {
    {"glb", ExportFormat::glb}, {"gltf", ExportFormat::gltf}, {"obj", ExportFormat::obj}, {"vtu", ExportFormat::vtu},
    {"geojson", ExportFormat::geojson}, {"shp", ExportFormat::shp}, {"gpkg", ExportFormat::gpkg}, {"dxf", ExportFormat::dxf},
    {"tif", ExportFormat::tif}};
const std::pair<std::string_view, ExportLayer> kLayers[] = {
    {"blocks", ExportLayer::blocks},         {"solids", ExportLayer::solids},     {"drillholes", ExportLayer::drillholes},
    {"planning", ExportLayer::planning},     {"footprints", ExportLayer::footprints}, {"contours", ExportLayer::contours},
    {"zones", ExportLayer::zones},           {"thickness", ExportLayer::thickness}, {"grade-thickness", ExportLayer::grade_thickness},
    {"dem", ExportLayer::dem}};

bool is_3d(ExportFormat f) { return f == ExportFormat::glb || f == ExportFormat::gltf || f == ExportFormat::obj; }
bool one_file_per_layer(ExportFormat f) {
  return f == ExportFormat::vtu || f == ExportFormat::geojson || f == ExportFormat::shp || f == ExportFormat::tif;
}

std::string layer_list(const std::vector<ExportLayer>& layers) {
  std::string s;
  for (auto l : layers) s += (s.empty() ? "" : ", ") + std::string(to_string(l));
  return s;
}

// Everything loaded from the run folder, each at most once.
class Loaded {
 public:
  explicit Loaded(const RunFolder& run) : run_(run) {}

  const scene::Layer& block_layer() const {
    const auto l = run_.layers(scene::LayerKind::block_model);
    if (l.empty()) throw InputError(run_.dir.string(), 0, "", "the run folder has no block model layer");
    return *l.front();
  }
  const BlockModel& blocks() {
    if (!is_regular_block_model(block_layer()))
      throw InputError(run_.dir.string(), 0, "--layer",
                       "footprints, plan maps and VTU blocks need a regular block model (.vti or .vts); this run's is " +
                           block_layer().file.string());
    if (!blocks_) blocks_.emplace(load_block_model(run_, block_layer()));
    return *blocks_;
  }
  const std::vector<bool>& shown(const std::string& color_by) {
    if (shown_by_ != color_by) {
      shown_ = shown_blocks(blocks(), color_by);
      shown_by_ = color_by;
    }
    return shown_;
  }
  const scene::Layer& only(scene::LayerKind kind, const char* what) const {
    const auto l = run_.layers(kind);
    if (l.empty()) throw InputError(run_.dir.string(), 0, "", std::string("the run folder has no ") + what + " layer");
    return *l.front();
  }

 private:
  const RunFolder& run_;
  std::optional<BlockModel> blocks_;
  std::vector<bool> shown_;
  std::string shown_by_;
};

std::string color_attribute(const ExportOptions& o, const scene::Layer& blocks) {
  if (!o.color_by.empty()) return o.color_by;
  if (!blocks.color_by.empty()) return blocks.color_by;
  throw InputError("", 0, "--color-by", "the block layer has no colour attribute: name one with --color-by");
}

// Where a layer's file goes: `out` itself, or out/<layer>.<ext> when out is (or must be) a folder.
fs::path target(const ExportOptions& o, std::string_view stem, std::size_t count) {
  std::string ext(to_string(o.format));
  ext.insert(ext.begin(), '.');
  if (count > 1 || fs::is_directory(o.out) || o.out.filename().empty()) {  // "dir/" names a folder
    fs::create_directories(o.out);
    return o.out / (std::string(stem) + ext);
  }
  if (to_lower_ascii(o.out.extension().string()) != ext && !(o.format == ExportFormat::geojson && to_lower_ascii(o.out.extension().string()) == ".json"))
    throw InputError(o.out.string(), 0, "--out", "the file name must end in " + ext + " for --format " + std::string(to_string(o.format)));
  if (!o.out.parent_path().empty()) fs::create_directories(o.out.parent_path());
  return o.out;
}

// ---- 3D -------------------------------------------------------------------------------------------

Layer3D mesh_layer_of(const RunFolder& run, const scene::Layer& l) {
  Layer3D m = mesh_layer(load_mesh(run, l), l.title.empty() ? l.id : l.title, l.color.value_or(Rgb{242, 142, 43}), l.opacity);
  m.extras = {{"layer", l.id}};
  return m;
}

void export_3d(const RunFolder& run, const ExportOptions& o, const std::vector<ExportLayer>& layers, Loaded& data, ExportResult& r) {
  Scene3D s;
  s.title = run.scene.title.empty() ? run.scene.name : run.scene.title;
  s.epsg = run.scene.epsg;
  s.origin = run.scene.origin;
  Eigen::Vector3d lo = Eigen::Vector3d::Constant(INFINITY), hi = -lo;
  auto grow = [&](const Layer3D& l) {
    for (const auto& p : l.positions) {
      lo = lo.cwiseMin(p);
      hi = hi.cwiseMax(p);
    }
  };
  const bool defaults = o.layers.empty();
  auto wanted = [&](ExportLayer l) { return std::find(layers.begin(), layers.end(), l) != layers.end(); };
  // The layers of a kind: with explicit --layer all of them (and an error when there are none),
  // by default the visible ones.
  auto of_kind = [&](ExportLayer l, scene::LayerKind kind) {
    if (!wanted(l)) return std::vector<const scene::Layer*>{};
    auto found = run.layers(kind, defaults);
    if (found.empty() && !defaults)
      throw InputError(run.dir.string(), 0, "--layer", "the run folder has no " + std::string(to_string(l)) + " layer");
    return found;
  };
  for (const auto* bl : of_kind(ExportLayer::blocks, scene::LayerKind::block_model)) {
    const std::string color_by = color_attribute(o, *bl);
    s.layers.push_back(is_regular_block_model(*bl) && bl == &data.block_layer() ? blocks_layer3d(data.blocks(), *bl, color_by)
                                                                                 : cell_blocks_layer3d(run, *bl, color_by));
    grow(s.layers.back());
  }
  for (const auto* l : of_kind(ExportLayer::solids, scene::LayerKind::solid)) {
    s.layers.push_back(mesh_layer_of(run, *l));
    grow(s.layers.back());
  }
  for (const auto* l : of_kind(ExportLayer::drillholes, scene::LayerKind::drillholes)) {
    s.layers.push_back(drillholes_layer3d(run, *l, o.tube_radius));
    grow(s.layers.back());
  }
  if (wanted(ExportLayer::planning)) {
    // Prisms span the height of everything else (or 100 m when there is nothing else).
    const double z_lo = std::isfinite(lo.z()) ? lo.z() : 0.0, z_hi = std::isfinite(hi.z()) && hi.z() > z_lo ? hi.z() : z_lo + 100.0;
    for (const auto* l : of_kind(ExportLayer::planning, scene::LayerKind::polygons)) s.layers.push_back(polygons_layer3d(run, *l, z_lo, z_hi));
  }
  if (s.layers.empty()) throw InputError(run.dir.string(), 0, "--layer", "nothing to export: the run has none of " + layer_list(layers));
  // The glTF's own origin: the middle of what it holds (whole kilometres), so that 32-bit floats
  // reach as far as possible (the VTK files' origin may sit at a corner of a large field).
  for (const auto& l : s.layers) grow(l);
  s.origin = local_origin_for(lo, hi);
  const fs::path path = target(o, "scene", 1);
  const auto sum = write_scene3d(path, s);
  r.files.push_back(path);
  r.files.push_back(sum.sidecar);
  r.notes.push_back(sum.note);
  // Spacing of 32-bit floats at the largest coordinate: the rounding of the positions in the file.
  const double resolution = sum.max_local_extent > 0 ? std::ldexp(1.0, std::ilogb(sum.max_local_extent) - 23) : 0.0;
  r.notes.push_back(std::to_string(sum.layers) + " layers, " + std::to_string(sum.triangles) + " triangles, " + std::to_string(sum.vertices) +
                    " vertices; largest local coordinate " + format_fixed(sum.max_local_extent, 0) + " m (32-bit float spacing there " +
                    format_fixed(resolution * 1000, 2) + " mm)");
}

// ---- GIS ------------------------------------------------------------------------------------------

RasterGrid map_raster(Loaded& data, const RunFolder& run, const ExportOptions& o, bool grade_thickness) {
  const auto& bl = data.block_layer();
  const auto& shown = data.shown(color_attribute(o, bl));
  if (!grade_thickness) return thickness_raster(data.blocks(), shown, run.scene.epsg);
  const std::string grade = !o.grade.empty() ? o.grade : color_attribute(o, bl);
  return grade_thickness_raster(data.blocks(), shown, grade, run.scene.epsg);
}

std::pair<double, double> value_range(const RasterGrid& r) {
  double lo = INFINITY, hi = -INFINITY;
  for (float v : r.values)
    if (!r.is_nodata(v)) {
      lo = std::min(lo, static_cast<double>(v));
      hi = std::max(hi, static_cast<double>(v));
    }
  return {lo, hi};
}

VectorLayer vector_layer(ExportLayer l, const RunFolder& run, Loaded& data, const ExportOptions& o, std::vector<std::string>& notes) {
  switch (l) {
    case ExportLayer::planning: {
      const auto& layer = data.only(scene::LayerKind::polygons, "planning-block (polygons)");
      return polygons_vector(run, layer, layer.id);
    }
    case ExportLayer::footprints:
      return footprints_vector(data.blocks(), o.footprint_by, o.per_level, data.shown(color_attribute(o, data.block_layer())));
    case ExportLayer::contours:
    case ExportLayer::zones: {
      const bool gt = o.map == "grade-thickness";
      if (!gt && o.map != "thickness") throw InputError("", 0, "--map", "unknown map '" + o.map + "' (thickness or grade-thickness)");
      const RasterGrid r = map_raster(data, run, o, gt);
      const auto [lo, hi] = value_range(r);
      const std::vector<double> levels = nice_levels(lo, hi, 8);
      const std::string unit = gt ? "m*" + data.blocks().at(!o.grade.empty() ? o.grade : color_attribute(o, data.block_layer())).unit : "m";
      notes.push_back(std::string(to_string(l)) + " of " + o.map + " at " + std::to_string(levels.size()) + " levels (" + unit + ")");
      if (l == ExportLayer::contours) return contour_layer(r, levels, o.map + "_contours", unit);
      std::vector<double> breaks{std::floor(lo)};
      breaks.insert(breaks.end(), levels.begin(), levels.end());
      breaks.push_back(std::nextafter(hi, INFINITY));
      return zone_layer(r, breaks, o.map + "_zones", unit);
    }
    default: break;
  }
  throw InputError("", 0, "--layer", std::string(to_string(l)) + " is not a vector layer");
}

RasterGrid raster_layer(ExportLayer l, const RunFolder& run, Loaded& data, const ExportOptions& o) {
  if (l == ExportLayer::dem) {
    for (const auto& layer : run.scene.layers)
      if ((layer.kind == scene::LayerKind::surface || layer.kind == scene::LayerKind::grid) &&
          to_lower_ascii(layer.file.extension().string()) == ".tif") {
        RasterGrid g = read_geotiff(layer.resolved.empty() ? run.dir / layer.file : layer.resolved);
        if (g.epsg == 0) g.epsg = run.scene.epsg;
        return g;
      }
    throw InputError(run.dir.string(), 0, "--layer", "the run folder has no DEM (no GeoTIFF surface layer in scene.json)");
  }
  return map_raster(data, run, o, l == ExportLayer::grade_thickness);
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view text) {
  const std::string t = to_lower_ascii(std::string(text));
  for (const auto& [name, f] : kFormats)
    if (t == name || (t == "shapefile" && f == ExportFormat::shp) || (t == "tiff" && f == ExportFormat::tif)) return f;
  return std::nullopt;
}

std::optional<ExportLayer> parse_export_layer(std::string_view text) {
  std::string t = to_lower_ascii(std::string(text));
  std::replace(t.begin(), t.end(), '_', '-');
  for (const auto& [name, l] : kLayers)
    if (t == name) return l;
  return std::nullopt;
}

std::string_view to_string(ExportFormat f) {
  for (const auto& [name, x] : kFormats)
    if (x == f) return name;
  return "?";
}

std::string_view to_string(ExportLayer l) {
  for (const auto& [name, x] : kLayers)
    if (x == l) return name;
  return "?";
}

std::vector<ExportLayer> layers_for(ExportFormat f) {
  using L = ExportLayer;
  if (is_3d(f)) return {L::blocks, L::solids, L::drillholes, L::planning};
  if (f == ExportFormat::vtu) return {L::blocks, L::solids, L::drillholes};
  if (f == ExportFormat::tif) return {L::thickness, L::grade_thickness, L::dem};
  return {L::planning, L::footprints, L::contours, L::zones};
}

std::string export_matrix_text() {
  std::string s;
  for (const auto& [name, f] : kFormats) {
    std::string padded(name);
    padded.resize(9, ' ');
    s += "  " + padded + layer_list(layers_for(f)) + "\n";
  }
  return s;
}

namespace {

ExportResult export_with(const RunFolder& run, const ExportOptions& o, Loaded& data) {
  const std::vector<ExportLayer> allowed = layers_for(o.format);
  std::vector<ExportLayer> layers = o.layers.empty() ? allowed : o.layers;
  if (o.layers.empty() && o.format == ExportFormat::tif) layers = {ExportLayer::thickness, ExportLayer::grade_thickness};
  for (ExportLayer l : layers)
    if (std::find(allowed.begin(), allowed.end(), l) == allowed.end())
      throw InputError("", 0, "--layer", "layer '" + std::string(to_string(l)) + "' cannot go into ." + std::string(to_string(o.format)) +
                                             " files (they hold: " + layer_list(allowed) + ")");
  if (o.out.empty()) throw InputError("", 0, "--out", "no output file or folder given");
  ExportResult r;
  if (is_3d(o.format)) {
    export_3d(run, o, layers, data, r);
    return r;
  }
  if (o.format == ExportFormat::vtu) {
    for (ExportLayer l : layers) {
      if (l == ExportLayer::blocks) {
        const fs::path p = target(o, "blocks", layers.size());
        write_blocks_vtu(run, data.blocks(), data.shown(color_attribute(o, data.block_layer())), p);
        r.files.push_back(p);
        continue;
      }
      const auto kind = l == ExportLayer::solids ? scene::LayerKind::solid : scene::LayerKind::drillholes;
      const auto found = run.layers(kind);
      if (found.empty()) throw InputError(run.dir.string(), 0, "--layer", "the run folder has no " + std::string(to_string(l)) + " layer");
      for (const auto* sl : found) {
        const fs::path p = target(o, sl->id, layers.size() + found.size() - 1);
        if (l == ExportLayer::solids) write_solid_vtu(run, *sl, p);
        else write_drillholes_vtu(run, *sl, p);
        r.files.push_back(p);
      }
    }
    return r;
  }
  if (o.format == ExportFormat::tif) {
    for (ExportLayer l : layers) {
      const fs::path p = target(o, to_string(l), layers.size());
      write_geotiff(p, raster_layer(l, run, data, o));
      r.files.push_back(p);
    }
    return r;
  }
  std::vector<VectorLayer> vl;
  for (ExportLayer l : layers) vl.push_back(vector_layer(l, run, data, o, r.notes));
  if (one_file_per_layer(o.format)) {
    for (std::size_t k = 0; k < vl.size(); ++k) {
      const fs::path p = target(o, to_string(layers[k]), layers.size());
      write_vector_file(p, {vl[k]}, run.scene.epsg);
      r.files.push_back(p);
    }
  } else {
    const fs::path p = target(o, "layers", 1);
    write_vector_file(p, vl, run.scene.epsg);
    r.files.push_back(p);
  }
  if (run.scene.epsg) r.notes.push_back("CRS EPSG:" + std::to_string(run.scene.epsg) + (crs_name(run.scene.epsg) ? " (" + *crs_name(run.scene.epsg) + ")" : ""));
  return r;
}

}  // namespace

namespace {

// Errors without a file (a missing attribute, a layer the format cannot hold) name the run folder.
template <class F>
ExportResult naming_the_run(const RunFolder& run, F&& f) {
  try {
    return f();
  } catch (const InputError& e) {
    if (!e.file().empty()) throw;
    throw InputError(run.dir.string(), e.line(), e.field(), e.message());
  }
}

}  // namespace

ExportResult export_run(const RunFolder& run, const ExportOptions& o) {
  Loaded data(run);
  return naming_the_run(run, [&] { return export_with(run, o, data); });
}

ExportResult write_run_exchange_files(const fs::path& run_dir) {
  const RunFolder run = RunFolder::open(run_dir);
  Loaded data(run);  // the block model is read once for all the files
  ExportResult all;
  auto add = [&](ExportOptions o) {
    ExportResult r = naming_the_run(run, [&] { return export_with(run, o, data); });
    all.files.insert(all.files.end(), r.files.begin(), r.files.end());
    for (const auto& n : r.notes)
      if (std::find(all.notes.begin(), all.notes.end(), n) == all.notes.end()) all.notes.push_back(n);
  };
  ExportOptions glb;
  glb.format = ExportFormat::glb;
  glb.out = run_dir / "scene.glb";
  add(glb);
  const fs::path gis = run_dir / "gis";
  const bool planning = !run.layers(scene::LayerKind::polygons).empty();
  const auto block_layers = run.layers(scene::LayerKind::block_model);
  if (block_layers.empty() || !is_regular_block_model(*block_layers.front())) {
    // Footprints and plan maps need a regular grid: only the planning blocks go to gis/.
    if (planning) {
      ExportOptions o;
      o.format = ExportFormat::shp;
      o.layers = {ExportLayer::planning};
      o.out = gis / "planning.shp";
      add(o);
    }
    all.notes.push_back("no regular block model: no footprints or plan maps in gis/");
    return all;
  }
  std::vector<ExportLayer> vector_layers{ExportLayer::footprints, ExportLayer::contours, ExportLayer::zones};
  if (planning) vector_layers.insert(vector_layers.begin(), ExportLayer::planning);
  ExportOptions o;
  o.out = gis;
  fs::create_directories(gis);
  o.format = ExportFormat::gpkg;
  o.layers = vector_layers;
  o.out = gis / ((run.scene.name.empty() ? std::string("layers") : run.scene.name) + ".gpkg");
  add(o);
  o.out = gis;
  o.format = ExportFormat::shp;
  o.layers = {ExportLayer::footprints};
  if (planning) o.layers.push_back(ExportLayer::planning);
  add(o);
  o.format = ExportFormat::geojson;
  o.layers = {ExportLayer::footprints, ExportLayer::contours};
  add(o);
  o.format = ExportFormat::dxf;
  o.layers = {ExportLayer::contours, ExportLayer::footprints};
  o.out = gis / "contours.dxf";
  add(o);
  o.format = ExportFormat::tif;
  o.layers = {ExportLayer::thickness, ExportLayer::grade_thickness};
  o.out = gis;
  add(o);
  return all;
}

}  // namespace georeserve
