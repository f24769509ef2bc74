// Implementation of job.h: the configuration's keys, their defaults and ranges, checked in one place.
// Panels, planning blocks and fit points read from files are in job_inputs.cpp.
#include "subsidence/job.h"

#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "formats/vector.h"
#include "io/json_config.h"
#include "subsidence/job_inputs.h"
#include "subsidence/model.h"

namespace georeserve::subsidence {
namespace {

int parse_crs(const ConfigView& root) {
  const std::string text = root.string("crs", "EPSG:4529");
  const std::string_view t = trim(text);
  const auto code = t.size() > 5 && iequals(t.substr(0, 5), "EPSG:") ? parse_double(t.substr(5)) : std::nullopt;
  if (!code || *code != std::floor(*code) || *code <= 0) root.fail_at("crs", "must read \"EPSG:<code>\", e.g. \"EPSG:4529\", got \"" + text + "\"");
  const int epsg = static_cast<int>(*code);
  if (!crs_name(epsg)) root.fail_at("crs", "EPSG:" + std::to_string(epsg) + " is not a coordinate reference system PROJ knows");
  return epsg;
}

Parameters parse_parameters(const ConfigView& root) {
  const ConfigView p = root.at("parameters");
  p.allow_only({"q", "tan_beta", "b", "theta", "s_ratio"});
  Parameters out;
  out.q = p.number("q");
  out.tan_beta = p.number("tan_beta");
  out.b = p.number("b", out.b);
  out.theta = p.number("theta", out.theta);
  out.s_ratio = p.number("s_ratio", out.s_ratio);
  try {
    check_parameters(out);
  } catch (const ModelError& e) {
    p.fail_at(e.key(), e.what());
  }
  return out;
}

GridSpec parse_grid(const ConfigView& root) {
  const ConfigView g = root.at("grid");
  g.allow_only({"origin", "spacing", "count"});
  const auto origin = g.numbers("origin", 2), spacing = g.numbers("spacing", 2), count = g.numbers("count", 2);
  if (!(spacing[0] > 0 && spacing[1] > 0)) g.fail_at("spacing", "must be positive");
  for (double c : count)
    if (!(c >= 1 && c == std::floor(c) && c < 1e12)) g.fail_at("count", "must be two whole numbers >= 1");
  const auto nx = static_cast<std::uint64_t>(count[0]), ny = static_cast<std::uint64_t>(count[1]);
  // Estimate the memory first: a typo of one zero must not take the machine down.
  const std::uint64_t need = grid_memory_bytes(nx, ny), have = physical_memory_bytes();
  const double gib = 1024.0 * 1024.0 * 1024.0;
  if (have > 0 && static_cast<double>(need) > 0.8 * static_cast<double>(have))
    g.fail_at("count", std::to_string(nx) + " x " + std::to_string(ny) + " nodes need about " +
                           format_fixed(static_cast<double>(need) / gib, 1) + " GiB of memory, more than 80 % of this machine's " +
                           format_fixed(static_cast<double>(have) / gib, 1) + " GiB; use a coarser spacing or a smaller area");
  return {origin[0], origin[1], spacing[0], spacing[1], static_cast<std::size_t>(nx), static_cast<std::size_t>(ny)};
}

std::array<double, 3> three_limits(const ConfigView& d, std::string_view key, std::array<double, 3> fallback) {
  if (!d.has(key)) return fallback;
  const auto v = d.numbers(key, 3);
  if (!(v[0] > 0 && v[0] < v[1] && v[1] < v[2])) d.fail_at(key, "must be three increasing positive limits (grades I, II, III)");
  return {v[0], v[1], v[2]};
}

DamageThresholds parse_damage(const ConfigView& root) {
  DamageThresholds t;
  const auto d = root.find("damage");
  if (!d) return t;
  d->allow_only({"tilt", "curvature", "strain"});
  t.tilt = three_limits(*d, "tilt", t.tilt);
  t.curvature = three_limits(*d, "curvature", t.curvature);
  t.strain = three_limits(*d, "strain", t.strain);
  return t;
}

std::map<std::string, std::filesystem::path> parse_geotiffs(const ConfigView& root) {
  std::map<std::string, std::filesystem::path> out;
  const auto g = root.find("geotiff");
  if (!g) return out;
  if (g->is_string()) {
    out["W"] = root.path("geotiff");
    return out;
  }
  if (!g->is_object()) g->fail("must be a file name (subsidence W) or an object {\"field\": \"file.tif\", ...}");
  for (auto it = g->json().begin(); it != g->json().end(); ++it) {
    const auto& names = raster_field_names();
    if (std::find(names.begin(), names.end(), it.key()) == names.end()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      g->fail_at(it.key(), "unknown field (one of: " + list + ")");
    }
    out[it.key()] = g->path(it.key());
  }
  return out;
}

std::vector<double> parse_levels(const ConfigView& root) {
  if (!root.has("contour_levels")) return {};
  std::vector<double> levels = root.numbers("contour_levels");
  for (std::size_t k = 0; k < levels.size(); ++k)
    if (!(levels[k] > 0) || (k > 0 && levels[k] <= levels[k - 1]))
      root.fail_at("contour_levels", "must be increasing positive subsidence values in mm");
  return levels;
}

std::optional<std::filesystem::path> optional_path(const ConfigView& root, std::string_view key) {
  if (!root.has(key)) return std::nullopt;
  return root.path(key);
}

// Builds the model once so that offsets too large for a panel are reported now, with their key.
void check_model(const SubsidenceJob& job, const ConfigView& root, const PanelSource& source) {
  try {
    const SubsidenceModel model(job.panels, job.parameters);
  } catch (const ModelError& e) {
    if (e.panel() < 0) root.at("parameters").fail_at(e.key(), e.what());
    source.fail(static_cast<std::size_t>(e.panel()), e.key(), e.what());
  }
}

}  // namespace

const std::vector<std::string>& raster_field_names() {
  static const std::vector<std::string> names{"W",          "tilt_x",   "tilt_y",        "curvature_x",  "curvature_y",
                                              "u_x",        "u_y",      "strain_x",      "strain_y",     "tilt_max",
                                              "curvature_max", "strain_max", "damage_index", "grade"};
  return names;
}

SubsidenceJob load_subsidence_job(const std::filesystem::path& config) {
  const JsonDocument doc = load_json_file(config);
  return read_subsidence_job(ConfigView(doc));
}

SubsidenceJob read_subsidence_job(const ConfigView& root) {
  root.allow_only({"title", "crs", "panels", "parameters", "grid", "output", "directions", "principal", "geotiff", "contours",
                   "contour_lines", "contour_levels", "zones", "dxf", "planning_blocks", "overlay", "map", "damage", "fit"});
  SubsidenceJob job;
  job.config_file = root.document().file;
  job.title = root.string("title", "");
  job.epsg = parse_crs(root);
  const PanelSource source = read_panels(root);
  job.panels = source.panels;
  job.parameters = parse_parameters(root);
  job.grid = parse_grid(root);
  job.thresholds = parse_damage(root);
  job.output_csv = root.path("output");
  if (root.has("directions")) job.directions = root.numbers("directions");
  job.principal_columns = root.boolean("principal", false);
  job.geotiffs = parse_geotiffs(root);
  job.contours = optional_path(root, "contours");
  job.contour_lines = optional_path(root, "contour_lines");
  job.contour_levels = parse_levels(root);
  job.zones = optional_path(root, "zones");
  job.dxf = optional_path(root, "dxf");
  job.overlay = optional_path(root, "overlay");
  job.map = optional_path(root, "map");
  if (root.has("planning_blocks")) {
    job.planning_blocks_file = planning_blocks_path(root);
    job.planning_blocks = read_planning_blocks(root, job.epsg);
  }
  if (job.overlay && !root.has("planning_blocks")) root.fail_at("overlay", "needs \"planning_blocks\" (a GeoJSON or Shapefile of block polygons)");
  check_model(job, root, source);
  if (root.has("fit")) job.fit = read_fit(root);
  return job;
}

}  // namespace georeserve::subsidence
