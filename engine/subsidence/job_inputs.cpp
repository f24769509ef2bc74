// Implementation of job_inputs.h.
#include "subsidence/job_inputs.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "formats/vector.h"
#include "geometry/polygon.h"
#include "io/csv.h"

namespace georeserve::subsidence {
namespace {

// GeoJSON without a "crs" member is read as WGS 84; projected coordinates then give it away.
void check_file_crs(const PolygonFile& data, int epsg, const std::string& file) {
  if (data.epsg == 0 || data.epsg == epsg) return;
  bool looks_geographic = true;
  for (const PolygonFeature& f : data.features) {
    const geometry::BoundingBox b = geometry::bounding_box(f.shape);
    looks_geographic = looks_geographic && b.min_x >= -180 && b.max_x <= 180 && b.min_y >= -90 && b.max_y <= 90;
  }
  if (data.epsg == 4326 && !looks_geographic) return;
  throw InputError(file, 0, "", "is in EPSG:" + std::to_string(data.epsg) + " but the subsidence grid is in EPSG:" +
                                    std::to_string(epsg) + "; reproject it first (e.g. ogr2ogr -t_srs EPSG:" + std::to_string(epsg) + ")");
}

std::string feature_label(const PolygonFeature& f, const std::string& name_property) {
  for (const std::string& key : {name_property, std::string("name"), std::string("id")})
    if (!key.empty())
      if (auto v = f.property_text(key)) return *v;
  return {};
}

geometry::Ring parse_ring(const ConfigView& polygon) {
  std::vector<geometry::Point2> pts;
  for (std::size_t k = 0; k < polygon.size(); ++k) {
    const auto xy = polygon.at(k).as_numbers(2);
    pts.push_back({xy[0], xy[1]});
  }
  return geometry::ring_from_coordinates(pts);
}

Panel inline_panel(const ConfigView& p, std::size_t index) {
  p.allow_only({"id", "polygon", "thickness", "depth", "dip", "dip_azimuth", "theta"});
  Panel panel;
  panel.id = p.string("id", "panel " + std::to_string(index + 1));
  panel.polygon = parse_ring(p.at("polygon"));
  panel.thickness = p.number("thickness");
  panel.depth = p.number("depth");
  panel.dip = p.number("dip", 0.0);
  if (panel.dip != 0.0) panel.dip_azimuth = p.number("dip_azimuth");  // required for a dipping seam
  else panel.dip_azimuth = p.number("dip_azimuth", 0.0);
  if (p.has("theta")) panel.theta = p.number("theta");
  return panel;
}

// A panel value from a file: a property of the feature named by the configuration, or one number.
std::optional<double> file_value(const ConfigView& spec, std::string_view key, const PolygonFeature& f,
                                 const std::string& what, const std::string& file, bool required) {
  std::string property(key);
  if (auto v = spec.find(key)) {
    if (v->json().is_number()) return v->as_number();
    property = v->as_string();
  }
  const auto text = f.property_text(property);
  if (!text) {
    if (required) throw InputError(file, 0, "", what + ": property '" + property + "' is missing");
    return std::nullopt;
  }
  const auto number = parse_double(*text);
  if (!number) throw InputError(file, 0, "", what + ": property '" + property + "' is not a number: '" + *text + "'");
  return number;
}

PanelSource panels_from_file(const ConfigView& spec, PanelSource source) {
  spec.allow_only({"file", "id", "thickness", "depth", "dip", "dip_azimuth", "theta"});
  source.file = spec.path("file").string();
  const PolygonFile data = read_polygon_file(spec.path("file"));
  const std::string id_property = spec.string("id", "id");
  for (const PolygonFeature& f : data.features) {
    Panel panel;
    panel.id = feature_label(f, id_property);
    if (panel.id.empty()) panel.id = "feature " + std::to_string(f.index);
    const std::string what = "feature " + std::to_string(f.index) + " ('" + panel.id + "')";
    if (f.shape.size() != 1 || !f.shape[0].holes.empty())
      throw InputError(source.file, 0, "", what + ": a panel must be one polygon without holes (split it into panels)");
    panel.polygon = f.shape[0].outer;
    panel.thickness = *file_value(spec, "thickness", f, what, source.file, true);
    panel.depth = *file_value(spec, "depth", f, what, source.file, true);
    panel.dip = file_value(spec, "dip", f, what, source.file, false).value_or(0.0);
    panel.dip_azimuth = file_value(spec, "dip_azimuth", f, what, source.file, panel.dip != 0.0).value_or(0.0);
    panel.theta = file_value(spec, "theta", f, what, source.file, false);
    source.panels.push_back(panel);
    source.feature_index.push_back(f.index);
  }
  return source;
}

}  // namespace

void PanelSource::fail(std::size_t panel, const std::string& key, const std::string& message) const {
  if (file.empty()) throw ConfigError(config_file, "panels[" + std::to_string(panel) + "]." + key, message);
  throw InputError(file, 0, "", "feature " + std::to_string(feature_index[panel]) + ": " + message);
}

PanelSource read_panels(const ConfigView& root) {
  PanelSource source;
  source.config_file = root.document().file;
  const ConfigView panels = root.at("panels");
  if (panels.is_object()) return panels_from_file(panels, std::move(source));
  if (panels.size() == 0) panels.fail("needs at least one panel");
  for (std::size_t k = 0; k < panels.size(); ++k) {
    source.panels.push_back(inline_panel(panels.at(k), k));
    try {
      check_panel(source.panels.back(), static_cast<int>(k));
    } catch (const ModelError& e) {
      source.fail(k, e.key(), e.what());
    }
  }
  return source;
}

std::filesystem::path planning_blocks_path(const ConfigView& root) {
  const ConfigView b = root.at("planning_blocks");
  if (b.is_string()) return root.path("planning_blocks");
  b.allow_only({"file", "name"});
  return b.path("file");
}

std::vector<PlanningBlock> read_planning_blocks(const ConfigView& root, int epsg) {
  const ConfigView b = root.at("planning_blocks");
  const std::string name_property = b.is_string() ? std::string("name") : b.string("name", "name");
  const std::filesystem::path path = planning_blocks_path(root);
  const PolygonFile data = read_polygon_file(path);
  check_file_crs(data, epsg, path.string());
  std::vector<PlanningBlock> out;
  for (const PolygonFeature& f : data.features) {
    std::string name = feature_label(f, name_property);
    out.push_back({name.empty() ? "block " + std::to_string(f.index) : name, f.shape});
  }
  if (out.empty()) throw InputError(path.string(), 0, "", "holds no planning blocks");
  return out;
}

FitJob read_fit(const ConfigView& root) {
  const ConfigView f = root.at("fit");
  f.allow_only({"points", "columns", "parameters", "output", "residuals", "use_fitted"});
  FitJob job;
  job.points = f.path("points");
  std::string cx = "x", cy = "y", cw = "W", cux = "u_x", cuy = "u_y";
  if (auto c = f.find("columns")) {
    c->allow_only({"x", "y", "W", "u_x", "u_y"});
    cx = c->string("x", cx), cy = c->string("y", cy), cw = c->string("W", cw), cux = c->string("u_x", cux), cuy = c->string("u_y", cuy);
  }
  const CsvTable table = read_csv_file(job.points);
  table.throw_if_problems();
  const std::size_t ix = table.require_column(cx), iy = table.require_column(cy), iw = table.require_column(cw);
  const auto iux = table.find_column(cux), iuy = table.find_column(cuy);
  bool any_u = false;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    Observation o;
    const auto x = table.number(r, ix), y = table.number(r, iy), w = table.number(r, iw);
    if (!x || !y || !w) throw InputError(table.path(), table.line(r), !x ? cx : (!y ? cy : cw), "value is missing");
    o.x = *x, o.y = *y, o.w = *w;
    if (iux) o.u_x = table.number(r, *iux);
    if (iuy) o.u_y = table.number(r, *iuy);
    any_u = any_u || o.u_x || o.u_y;
    job.observations.push_back(o);
  }
  if (job.observations.empty()) throw InputError(table.path(), 1, "", "holds no measured points");
  if (f.has("parameters")) {
    const ConfigView list = f.at("parameters");
    for (std::size_t k = 0; k < list.size(); ++k) {
      const auto p = parse_fit_parameter(list.at(k).as_string());
      if (!p) list.at(k).fail("unknown parameter (one of: q, tan_beta, b, s_ratio, theta)");
      if (std::find(job.free.begin(), job.free.end(), *p) != job.free.end()) list.at(k).fail("listed twice");
      if (*p == FitParameter::b && !any_u) list.at(k).fail("b can only be fitted from horizontal movements, and " + table.path() + " has no '" + cux + "' or '" + cuy + "' values");
      job.free.push_back(*p);
    }
    if (job.free.empty()) f.fail_at("parameters", "names no parameter to fit");
  } else {
    job.free = {FitParameter::q, FitParameter::tan_beta, FitParameter::s_ratio};
    if (any_u) job.free.push_back(FitParameter::b);
  }
  if (f.has("output")) job.output = f.path("output");
  if (f.has("residuals")) job.residuals = f.path("residuals");
  job.use_fitted = f.boolean("use_fitted", true);
  return job;
}

}  // namespace georeserve::subsidence
