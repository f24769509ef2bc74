// Implementation of run_layers.h.
#include "exchange/run_layers.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "exchange/vtk_reader.h"
#include "core/text.h"
#include "formats/block_footprints.h"
#include "formats/plan_maps.h"
#include "formats/scene_meshes.h"

namespace georeserve {
namespace {

const BlockAttribute& require_attribute(const BlockModel& model, const std::string& name, const std::string& why) {
  const BlockAttribute* a = model.find(name);
  if (!a) {
    std::string names;
    for (const auto& x : model.attributes()) names += (names.empty() ? "" : ", ") + x.name;
    throw InputError("", 0, name, "the block model has no attribute '" + name + "' (" + why + "; it has " + names + ")");
  }
  return *a;
}

Rgb category_rgb(const scene::Attribute* sa, double code, std::size_t fallback_index) {
  if (std::isnan(code)) return {160, 160, 160};
  if (sa)
    if (const auto* c = sa->category(static_cast<long long>(code))) return c->color;
  return category_color(fallback_index);
}

std::string map_name(const scene::Attribute* sa) {
  switch (sa ? sa->color_map : ColorMap::viridis) {
    case ColorMap::viridis: return "viridis";
    case ColorMap::turbo: return "turbo";
    case ColorMap::magma: return "magma";
    case ColorMap::terrain: return "terrain";
    case ColorMap::diverging: return "diverging";
  }
  return "";
}

}  // namespace

std::vector<bool> shown_blocks(const BlockModel& model, const std::string& color_by) {
  const BlockAttribute& a = require_attribute(model, color_by, "the colour attribute decides which blocks are shown");
  std::vector<bool> shown(model.size());
  for (std::size_t b = 0; b < shown.size(); ++b) shown[b] = !std::isnan(a.values[b]);
  return shown;
}

namespace {

// One colour per value as the viewer shows it (grey for none), and a legend text.
std::vector<Rgb> value_colors(const std::vector<double>& values, bool categorical, const scene::Attribute* sa, const std::string& unit,
                              std::string& legend) {
  std::vector<Rgb> colors(values.size(), Rgb{160, 160, 160});
  if (categorical) {
    for (std::size_t b = 0; b < colors.size(); ++b)
      if (!std::isnan(values[b])) colors[b] = category_rgb(sa, values[b], static_cast<std::size_t>(std::max(0.0, values[b] - 1)));
    legend = "categories";
    return colors;
  }
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (double v : values)
    if (!std::isnan(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (sa && sa->range) {
    lo = (*sa->range)[0];
    hi = (*sa->range)[1];
  }
  const ColorMap map = sa ? sa->color_map : ColorMap::viridis;
  for (std::size_t b = 0; b < colors.size(); ++b)
    if (!std::isnan(values[b])) colors[b] = color_at(map, hi > lo ? (values[b] - lo) / (hi - lo) : 0.5);
  legend = map_name(sa) + " " + format_fixed(lo, 2) + " .. " + format_fixed(hi, 2) + (unit.empty() ? "" : " " + unit);
  return colors;
}

std::string layer_name(const scene::Layer& layer, const std::string& color_by) {
  return (layer.title.empty() ? layer.id : layer.title) + " (" + color_by + ")";
}

}  // namespace

Layer3D blocks_layer3d(const BlockModel& model, const scene::Layer& layer, const std::string& color_by) {
  const BlockAttribute& a = require_attribute(model, color_by, "blocks are coloured by it");
  const std::vector<bool> shown = shown_blocks(model, color_by);
  std::string legend;
  const std::vector<Rgb> colors = value_colors(a.values, a.categorical, layer.attribute(color_by), a.unit, legend);
  Layer3D l = exposed_block_faces(model.grid(), shown, colors, layer_name(layer, color_by));
  l.extras = {{"layer", layer.id}, {"color_by", color_by}, {"colors", legend}, {"unit", a.unit}};
  return l;
}

bool is_regular_block_model(const scene::Layer& layer) {
  const std::string ext = to_lower_ascii(layer.file.extension().string());
  return ext == ".vti" || ext == ".vts";
}

Layer3D cell_blocks_layer3d(const RunFolder& run, const scene::Layer& layer, const std::string& color_by) {
  const auto path = layer.resolved.empty() ? run.dir / layer.file : layer.resolved;
  const std::string file = path.string();
  const vtkxml::VtkFile f = vtkxml::read_vtk_xml(path);
  if (f.type != "UnstructuredGrid") throw InputError(file, 0, "", "expected an unstructured grid of hexahedra");
  const auto& ug = f.unstructured;
  const vtkxml::DataArray* arr = f.cell_array(color_by);
  if (!arr) throw InputError(file, 0, color_by, "the block model has no cell array '" + color_by + "'");
  std::vector<double> values = vtkxml::as_doubles(*arr, file);
  const scene::Attribute* sa = layer.attribute(color_by);
  const bool categorical = sa && sa->kind == scene::AttributeKind::categorical;
  if (categorical && !sa->category(0))  // code 0 is "no category" unless the manifest names it
    for (double& v : values)
      if (v == 0) v = std::numeric_limits<double>::quiet_NaN();
  std::string legend;
  const std::vector<Rgb> colors = value_colors(values, categorical, sa, categorical ? "" : f.unit_of(color_by), legend);
  // VTK hexahedron faces, each counter-clockwise seen from outside.
  static constexpr int faces[6][4] = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4}, {1, 2, 6, 5}, {2, 3, 7, 6}, {3, 0, 4, 7}};
  // Every face of every shown cell, keyed by its sorted corner ids; a key that appears once is on the
  // outside. Sorting a flat array is far lighter than a map for the million cells of a coal field.
  struct FaceRecord {
    std::array<std::uint32_t, 4> key, ids;
    std::uint32_t cell;
  };
  if (ug.points.size() >= (1ull << 32) || ug.types.size() >= (1ull << 32)) throw InputError(file, 0, "", "too many points or cells");
  std::vector<FaceRecord> records;
  std::int64_t start = 0;
  for (std::size_t c = 0; c < ug.types.size(); ++c) {
    const std::int64_t end = ug.cells.offsets[c];
    const bool hex = ug.types[c] == vtkxml::CellType::hexahedron && end - start == 8;
    if (!hex) throw InputError(file, 0, "", "cell " + std::to_string(c) + " is not a hexahedron (only hexahedra are drawn as blocks)");
    if (!std::isnan(values[c]))
      for (const auto& face : faces) {
        FaceRecord r{};
        for (int k = 0; k < 4; ++k)
          r.ids[static_cast<std::size_t>(k)] = static_cast<std::uint32_t>(ug.cells.connectivity[static_cast<std::size_t>(start + face[k])]);
        r.key = r.ids;
        std::sort(r.key.begin(), r.key.end());
        r.cell = static_cast<std::uint32_t>(c);
        records.push_back(r);
      }
    start = end;
  }
  std::sort(records.begin(), records.end(), [](const FaceRecord& x, const FaceRecord& y) { return x.key < y.key; });
  Layer3D l;
  l.name = layer_name(layer, color_by);
  l.color = {255, 255, 255};
  for (std::size_t k = 0; k < records.size();) {
    std::size_t next = k + 1;
    while (next < records.size() && records[next].key == records[k].key) ++next;
    if (next - k == 1) {  // used by one shown cell only: on the outside
      const Rgb c = colors[records[k].cell];
      const auto first = static_cast<std::uint32_t>(l.positions.size());
      for (auto id : records[k].ids) {
        const auto& p = ug.points[id];
        l.positions.emplace_back(p[0], p[1], p[2]);
        l.vertex_colors.push_back(c);
      }
      l.triangles.push_back({first, first + 1, first + 2});
      l.triangles.push_back({first, first + 2, first + 3});
    }
    k = next;
  }
  l.extras = {{"layer", layer.id}, {"color_by", color_by}, {"colors", legend}};
  return l;
}

Layer3D drillholes_layer3d(const RunFolder& run, const scene::Layer& layer, double radius) {
  const Polylines3D holes = load_polylines(run, layer, layer.color_by);
  const scene::Attribute* sa = layer.attribute(layer.color_by);
  std::vector<Rgb> colors;
  Eigen::Vector3d lo = Eigen::Vector3d::Constant(INFINITY), hi = -lo;
  for (std::size_t k = 0; k < holes.lines.size(); ++k) {
    const double v = holes.values[k];
    colors.push_back(sa && sa->kind == scene::AttributeKind::categorical ? category_rgb(sa, v, 0)
                                                                         : layer.color.value_or(Rgb{60, 60, 60}));
    for (const auto& p : holes.lines[k]) {
      lo = lo.cwiseMin(p);
      hi = hi.cwiseMax(p);
    }
  }
  // As the viewer: 0.3 % of the traces' diagonal, between 0.25 and 15 m.
  if (!(radius > 0)) radius = layer.tube_radius > 0 ? layer.tube_radius : std::clamp(0.003 * (hi - lo).norm(), 0.25, 15.0);
  Layer3D l = tube_layer(holes.lines, colors, radius, 8, layer.title.empty() ? layer.id : layer.title);
  l.extras = {{"layer", layer.id}, {"color_by", layer.color_by}, {"tube_radius_m", format_fixed(radius, 2)}};
  return l;
}

Layer3D polygons_layer3d(const RunFolder& run, const scene::Layer& layer, double z_lo, double z_hi) {
  const auto fc = load_polygons(run, layer);
  if (layer.elevation_range) {
    z_lo = (*layer.elevation_range)[0];
    z_hi = (*layer.elevation_range)[1];
  }
  std::vector<geometry::MultiPolygon> shapes;
  std::vector<Rgb> colors;
  std::string names;
  for (std::size_t k = 0; k < fc.features.size(); ++k) {
    if (fc.features[k].polygons.empty()) continue;
    shapes.push_back(fc.features[k].polygons);
    colors.push_back(layer.color.value_or(category_color(k)));
    names += (names.empty() ? "" : "; ") + fc.features[k].label(layer.label_field);
  }
  Layer3D l = prism_layer(shapes, colors, z_lo, z_hi, layer.title.empty() ? layer.id : layer.title, layer.opacity);
  l.double_sided = true;
  l.extras = {{"layer", layer.id}, {"features", names}, {"z_range_m", format_fixed(z_lo, 1) + " .. " + format_fixed(z_hi, 1)}};
  return l;
}

VectorLayer polygons_vector(const RunFolder& run, const scene::Layer& layer, const std::string& name) {
  const auto path = layer.resolved.empty() ? run.dir / layer.file : layer.resolved;
  VectorLayer out{name, VectorGeometryType::polygon, {}, {}};
  const PolygonFile typed = read_polygon_file(path);
  if (typed.epsg == run.scene.epsg || run.scene.epsg == 0) {
    // Fields in first-seen order; a field's type is that of its values (integers and reals: real;
    // text with numbers, or all missing: text).
    std::vector<bool> typed_yet;
    for (const auto& f : typed.features)
      for (const auto& [key, value] : f.properties) {
        auto it = std::find_if(out.fields.begin(), out.fields.end(), [&](const VectorField& x) { return x.name == key; });
        if (it == out.fields.end()) {
          out.fields.push_back({key, VectorFieldType::text});
          typed_yet.push_back(false);
          it = std::prev(out.fields.end());
        }
        if (std::holds_alternative<std::monostate>(value)) continue;
        const VectorFieldType t = std::holds_alternative<long long>(value) ? VectorFieldType::integer
                                  : std::holds_alternative<double>(value)  ? VectorFieldType::real
                                                                           : VectorFieldType::text;
        const auto k = static_cast<std::size_t>(it - out.fields.begin());
        if (!typed_yet[k]) it->type = t;
        else if (it->type != t)
          it->type = it->type != VectorFieldType::text && t != VectorFieldType::text ? VectorFieldType::real : VectorFieldType::text;
        typed_yet[k] = true;
      }
    for (const auto& f : typed.features) {
      VectorFeature vf;
      vf.polygons = f.shape;
      for (const auto& field : out.fields) {
        VectorValue v;
        for (const auto& [key, value] : f.properties) {
          if (key != field.name || std::holds_alternative<std::monostate>(value)) continue;
          if (field.type == VectorFieldType::text) v = vector_value_text(value);
          else if (field.type == VectorFieldType::real && std::holds_alternative<long long>(value)) v = static_cast<double>(std::get<long long>(value));
          else v = value;
        }
        vf.values.push_back(v);
      }
      out.features.push_back(std::move(vf));
    }
    return out;
  }
  const auto fc = load_polygons(run, layer);
  for (const auto& f : fc.features)
    for (const auto& [key, value] : f.properties)
      if (std::none_of(out.fields.begin(), out.fields.end(), [&](const VectorField& x) { return x.name == key; }))
        out.fields.push_back({key, VectorFieldType::text});
  for (const auto& f : fc.features) {
    VectorFeature vf;
    vf.polygons = f.polygons;
    for (const auto& field : out.fields) vf.values.emplace_back(std::in_place_type<std::string>, f.property(field.name));
    out.features.push_back(std::move(vf));
  }
  return out;
}

VectorLayer footprints_vector(const BlockModel& model, const std::string& by, bool per_level, const std::vector<bool>& shown) {
  require_attribute(model, by, "footprints are made per category of it");
  const auto prints = block_footprints(model, by, per_level, [&](std::size_t b) { return shown.empty() || shown[b]; });
  VectorLayer out{"footprints_" + by + (per_level ? "_by_level" : ""), VectorGeometryType::polygon,
                  {{by, VectorFieldType::text},
                   {by + "_cn", VectorFieldType::text},
                   {"code", VectorFieldType::integer},
                   {"level", VectorFieldType::integer},
                   {"z_lo", VectorFieldType::real},
                   {"z_hi", VectorFieldType::real},
                   {"blocks", VectorFieldType::integer},
                   {"area_m2", VectorFieldType::real},
                   {"tonnes", VectorFieldType::real}},
                  {}};
  for (const auto& p : prints) {
    VectorFeature f;
    f.polygons = p.shape;
    f.values = {p.name, p.name_cn, static_cast<long long>(p.code), p.level < 0 ? VectorValue{} : VectorValue(static_cast<long long>(p.level)),
                p.z_lo, p.z_hi, static_cast<long long>(p.blocks), p.area, p.tonnes};
    out.features.push_back(std::move(f));
  }
  return out;
}

namespace {

// The ore height of a shown block: ore_fraction x block height, or the whole height without one.
std::function<double(std::size_t)> ore_height(const BlockModel& model, const std::vector<bool>& shown) {
  const BlockAttribute* frac = model.find("ore_fraction");
  const double dz = model.grid().block_size().z();
  return [frac, dz, &shown](std::size_t b) {
    if (!shown.empty() && !shown[b]) return std::numeric_limits<double>::quiet_NaN();
    if (!frac) return dz;
    const double f = frac->values[b];
    return f > 0 ? f * dz : std::numeric_limits<double>::quiet_NaN();
  };
}

}  // namespace

RasterGrid thickness_raster(const BlockModel& model, const std::vector<bool>& shown, int epsg) {
  return plan_raster(model.grid(), column_sums(model.grid(), ore_height(model, shown)), epsg);
}

RasterGrid grade_thickness_raster(const BlockModel& model, const std::vector<bool>& shown, const std::string& grade, int epsg) {
  const BlockAttribute& g = require_attribute(model, grade, "grade x thickness needs a grade");
  if (g.categorical) throw InputError("", 0, grade, "grade x thickness needs a continuous grade, not a categorical attribute");
  const auto height = ore_height(model, shown);
  return plan_raster(model.grid(), column_sums(model.grid(), [&](std::size_t b) { return height(b) * g.values[b]; }), epsg);
}

}  // namespace georeserve
