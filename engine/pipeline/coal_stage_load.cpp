// Coal stage load: drillholes (validated), desurveyed traces, seam picks, the field outline, faults,
// burnt zone, mined-out panels, planning blocks, the ground surface, and the node grid.
#include <cmath>
#include <sstream>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"
#include "drillhole/validate.h"
#include "formats/raster.h"
#include "geometry/polygon.h"
#include "pipeline/coal_context.h"
#include "pipeline/planning_blocks.h"
#include "scene/geojson.h"

namespace georeserve {

namespace {

// The polygons of a source: features whose property matches, or all polygon features.
geometry::MultiPolygon polygons_of(const PolygonSource& src, int epsg, const std::string& key_path,
                                   const std::filesystem::path& model_file) {
  const auto fc = scene::read_geojson(src.file, epsg);
  geometry::MultiPolygon out;
  for (const auto& f : fc.features)
    if (src.key.empty() || f.property(src.key) == src.value)
      for (const auto& p : f.polygons) out.push_back(p);
  if (out.empty())
    throw ConfigError(model_file.string(), key_path,
                      src.file.string() + " has no polygon" +
                          (src.key.empty() ? "" : " with " + src.key + " = '" + src.value + "'"));
  return out;
}

void load_drillholes_and_picks(CoalContext& c) {
  const auto& m = c.model;
  drillhole::DrillholeSources sources;
  sources.collar = m.collar;
  sources.survey = m.survey;
  sources.intervals = {m.seams_table};
  if (m.marker_table) sources.intervals.push_back(*m.marker_table);
  c.db = drillhole::load_drillholes(sources, m.columns, {}, c.diagnostics);
  if (c.log)
    for (const auto& d : c.diagnostics.items()) *c.log << "  " << format_diagnostic(d) << '\n';
  if (c.diagnostics.has_errors()) {
    std::string first;
    for (const auto& d : c.diagnostics.items())
      if (d.severity == Severity::error) {
        first = format_diagnostic(d);
        break;
      }
    throw InputError(m.file.string(), 0, "drillholes",
                     "the drillhole data have " + std::to_string(c.diagnostics.error_count()) +
                         " errors (run `georeserve validate` for the list); first: " + first);
  }
  write_file_atomically(c.out / "validation.txt", [&](std::ostream& o) { c.diagnostics.print(o); });
  if (c.diagnostics.warning_count())
    c.note(std::to_string(c.diagnostics.warning_count()) + " validation warnings in the drillhole data (validation.txt)");
  c.traces = drillhole::desurvey_all(c.db, m.desurvey, c.progress);
  auto& in = c.inputs;
  in.seams = m.seams;
  in.picks = seam::extract_seam_picks(c.db, c.traces, m.seams, m.fields, m.grid.default_density);
  in.traces = &c.traces;
  for (std::size_t h = 0; h < c.db.hole_count(); ++h) {
    const auto& col = c.db.collar(static_cast<drillhole::HoleIndex>(h));
    in.hole_xy.push_back({col.x, col.y});
    in.hole_collar_z.push_back(col.z);
    in.hole_bottom_z.push_back(c.traces[h].position_at(col.max_depth).z());
    in.hole_ids.push_back(col.hole_id);
  }
  in.marker_xy.assign(c.db.hole_count(), {});
  in.marker_z.assign(c.db.hole_count(), std::nan(""));
  if (m.marker_table) {
    const auto& t = c.db.table(m.marker_table->stem().string());
    const auto& f = t.require_field(m.marker_field);
    std::size_t found = 0;
    for (std::size_t h = 0; h < c.db.hole_count(); ++h)
      for (std::size_t r = t.hole_begin(static_cast<drillhole::HoleIndex>(h)); r < t.hole_end(static_cast<drillhole::HoleIndex>(h)); ++r)
        if (iequals(trim(f.text(r)), m.marker_code)) {
          const auto p = c.traces[h].position_at(m.marker_contact == "base" ? t.to(r) : t.from(r));
          in.marker_xy[h] = {p.x(), p.y()};
          in.marker_z[h] = p.z();
          ++found;
          break;
        }
    c.note("structural marker '" + m.marker_code + "' (" + m.marker_contact + ") in " + std::to_string(found) + " of " +
           std::to_string(c.db.hole_count()) + " holes: seam roofs = marker surface - kriged isochores");
  }
  c.note(std::to_string(in.picks.picks.size()) + " seam picks in " + std::to_string(c.db.hole_count()) + " holes; " +
         std::to_string(in.picks.split) + " split seams (plies summed, partings excluded from the coal)");
}

void load_geometry(CoalContext& c) {
  const auto& m = c.model;
  auto& in = c.inputs;
  const auto field = polygons_of(m.field, m.epsg, "field", m.file);
  c.field = field.front();
  if (field.size() > 1) c.note("field: " + std::to_string(field.size()) + " polygons; the first is the outline");
  in.outline = c.field.outer;
  in.grid = seam::grid_over(c.field, m.cell);
  in.inside = seam::inside_mask(in.grid, {c.field});
  {
    const auto fc = scene::read_geojson(m.field.file, m.epsg);
    for (const auto& f : fc.features)
      for (const auto& p : f.points) {
        c.mines.push_back(p);
        c.mine_names.push_back(f.label());
      }
  }
  if (m.faults) in.faults = seam::read_faults(*m.faults, m.epsg);
  in.burnt_seam.assign(m.seams.size(), 0);
  in.burnt_mask.assign(in.grid.size(), 0);
  if (m.burnt) {
    in.burnt = polygons_of(*m.burnt, m.epsg, "burnt", m.file);
    for (const auto& s : m.burnt_seams) in.burnt_seam[static_cast<std::size_t>(m.seams.index(s))] = 1;
    in.burnt_mask = seam::inside_mask(in.grid, in.burnt);
  }
  if (m.panels) {
    const auto fc = scene::read_geojson(*m.panels, m.epsg);
    for (std::size_t i = 0; i < fc.features.size(); ++i) {
      const auto& f = fc.features[i];
      const auto seam = f.property(m.panel_seam_property);
      if (m.seams.index(seam) < 0)
        throw InputError(m.panels->string(), 0, "features[" + std::to_string(i) + "].properties." + m.panel_seam_property,
                         "panel '" + f.label("id") + "': unknown seam '" + seam + "'");
      c.panels.push_back({f.label("id"), seam, f.polygons});
    }
  }
  if (m.planning_blocks)
    for (auto& b : read_planning_blocks(*m.planning_blocks, m.crs)) c.planning.push_back({b.id, b.label, std::move(b.shape)});
  c.note("grid: " + format_double(m.cell) + " m cells, " + std::to_string(in.grid.nx) + " x " + std::to_string(in.grid.ny) +
         " nodes; " + std::to_string(in.faults.size()) + " faults");
}

void load_surface(CoalContext& c) {
  const auto& m = c.model;
  const auto& g = c.inputs.grid;
  c.surface.assign(g.size(), m.surface_elevation);
  if (m.dem) {
    const auto dem = read_geotiff(*m.dem);
    std::size_t missing = 0;
    for (std::size_t k = 0; k < g.size(); ++k) {
      if (!c.inputs.inside[k]) continue;
      const auto p = g.node(k);
      const auto v = dem.sample(p.x, p.y);
      if (v) c.surface[k] = *v;
      else ++missing;
    }
    if (missing) c.note(std::to_string(missing) + " field nodes outside the DEM take the mean collar elevation");
  }
  if (std::isnan(m.surface_elevation) || m.dem) {
    double z = 0;
    for (double v : c.inputs.hole_collar_z) z += v;
    z /= std::max<std::size_t>(1, c.inputs.hole_collar_z.size());
    for (auto& v : c.surface)
      if (std::isnan(v)) v = z;
  }
}

}  // namespace

void coal_stage_load(CoalContext& c) {
  load_drillholes_and_picks(c);
  load_geometry(c);
  load_surface(c);
}

}  // namespace georeserve
