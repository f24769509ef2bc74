// The coal seam model file schema (coal_model_file.h).
#include "pipeline/coal_model_file.h"

#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "geostat/kriging_config.h"
#include "geostat/kriging_data.h"

namespace georeserve {

namespace {

std::vector<std::string> strings(const ConfigView& v) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto& j = v.at(i).json();
    out.push_back(j.is_number() ? format_double(j.get<double>()) : v.at(i).as_string());
  }
  return out;
}

PolygonSource polygon_source(const ConfigView& v) {
  PolygonSource s;
  if (v.is_string()) {
    const std::filesystem::path p = v.as_string();
    s.file = p.is_absolute() ? p : v.document().folder / p;
    return s;
  }
  v.allow_only({"file", "property", "value", "seams"});
  s.file = v.path("file");
  s.key = v.string("property", "");
  s.value = s.key.empty() ? "" : v.string("value");
  return s;
}

VariogramModel variogram(const ConfigView& v, std::string_view key) {
  return VariogramModel::from_config(v.at(key));
}

}  // namespace

bool CoalModel::is_coal_model(const std::filesystem::path& path) {
  const auto doc = load_json_file(path);
  return doc.root.is_object() && doc.root.contains("kind") && doc.root["kind"] == "coal-seams";
}

CoalModel CoalModel::load(const std::filesystem::path& path) { return parse(load_json_file(path)); }

CoalModel CoalModel::parse(const JsonDocument& doc) {
  const ConfigView root(doc);
  root.allow_only({"kind", "name", "title", "crs", "drillholes", "seams", "field", "faults", "burnt", "panels", "surface",
                   "grid", "estimation", "limits", "classification", "reserves", "report", "viewer"});
  if (root.string("kind") != "coal-seams") root.fail_at("kind", "must be \"coal-seams\" for a coal seam model");
  CoalModel m;
  m.file = doc.file;
  m.name = root.string("name", std::filesystem::path(doc.file).stem().string());
  if (m.name.empty() || m.name.find_first_of("/\\") != std::string::npos)
    root.fail_at("name", "must be a plain folder name (it names out/<name>/)");
  m.title = root.string("title", m.name);
  m.crs = root.string("crs", m.crs);
  if (m.crs.rfind("EPSG:", 0) != 0) root.fail_at("crs", "must read EPSG:<code>");
  if (auto e = parse_double(m.crs.substr(5)); e && *e > 0) m.epsg = static_cast<int>(*e);
  else root.fail_at("crs", "must read EPSG:<code>");

  const auto dh = root.at("drillholes");
  dh.allow_only({"collar", "survey", "seams", "marker", "columns", "desurvey"});
  m.collar = dh.path("collar");
  if (dh.has("survey")) m.survey = dh.path("survey");
  m.seams_table = dh.path("seams");
  if (auto mk = dh.find("marker")) {
    mk->allow_only({"file", "field", "code", "contact"});
    m.marker_table = mk->path("file");
    m.marker_field = mk->string("field", m.marker_field);
    m.marker_code = mk->string("code");
    m.marker_contact = mk->one_of("contact", m.marker_contact, {"base", "top"});
  }
  if (auto c = dh.find("columns")) m.columns = drillhole::column_map_from_config(*c);
  try {
    m.desurvey = drillhole::parse_desurvey_method(dh.string("desurvey", "minimum-curvature"));
  } catch (const Error& e) {
    dh.fail_at("desurvey", e.what());
  }

  const auto sv = root.at("seams");
  sv.allow_only({"names", "names_cn", "fields", "default_density"});
  m.seams.names = strings(sv.at("names"));
  if (m.seams.names.empty()) sv.fail_at("names", "needs at least one seam (top to bottom)");
  for (std::size_t i = 0; i < m.seams.names.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (m.seams.names[i] == m.seams.names[j]) sv.fail_at("names", "seam '" + m.seams.names[i] + "' listed twice");
  if (sv.has("names_cn")) {
    m.seams.names_cn = strings(sv.at("names_cn"));
    if (m.seams.names_cn.size() != m.seams.names.size()) sv.fail_at("names_cn", "needs one name per seam");
  } else {
    for (const auto& n : m.seams.names) m.seams.names_cn.push_back(n + "号煤");
  }
  if (auto f = sv.find("fields")) {
    f->allow_only({"seam", "ply", "ash", "sulfur", "cv", "density"});
    m.fields.seam = f->string("seam", m.fields.seam);
    m.fields.ply = f->string("ply", m.fields.ply);
    m.fields.ash = f->string("ash", m.fields.ash);
    m.fields.sulfur = f->string("sulfur", m.fields.sulfur);
    m.fields.cv = f->string("cv", m.fields.cv);
    m.fields.density = f->string("density", m.fields.density);
  }
  m.fields.table = m.seams_table.stem().string();
  m.grid.default_density = sv.number_in("default_density", 1.35, 0.8, 2.5);

  m.field = polygon_source(root.at("field"));
  if (root.has("faults")) m.faults = root.path("faults");
  if (auto b = root.find("burnt")) {
    m.burnt = polygon_source(*b);
    m.burnt_seams = strings(b->at("seams"));
    for (const auto& s : m.burnt_seams)
      if (m.seams.index(s) < 0) b->fail_at("seams", "unknown seam '" + s + "'");
  }
  if (auto p = root.find("panels")) {
    if (p->is_string()) {
      m.panels = root.path("panels");
    } else {
      p->allow_only({"file", "seam_property"});
      m.panels = p->path("file");
      m.panel_seam_property = p->string("seam_property", m.panel_seam_property);
    }
  }
  if (auto s = root.find("surface")) {
    s->allow_only({"dem", "elevation"});
    if (s->has("dem")) m.dem = s->path("dem");
    m.surface_elevation = s->number("elevation", m.surface_elevation);
  }

  if (auto g = root.find("grid")) {
    g->allow_only({"cell"});
    m.cell = g->number_in("cell", m.cell, 1, 1000);
  }
  const auto est = root.at("estimation");
  est.allow_only({"search", "thickness_method", "trend_degree", "reach_tolerance", "min_block_samples", "variograms"});
  m.grid.thickness_method = est.one_of("thickness_method", "zeros", {"zeros", "indicator"}) == "indicator"
                                ? seam::ThicknessMethod::indicator
                                : seam::ThicknessMethod::zeros;
  KrigingSamples shape;
  shape.dimension = 2;
  m.grid.search = parse_search(est.at("search"), shape);
  m.grid.trend_degree = static_cast<int>(est.integer_in("trend_degree", m.grid.trend_degree, 0, 2));
  m.grid.reach_tolerance = est.number_in("reach_tolerance", m.grid.reach_tolerance, 0, 100);
  m.grid.min_block_samples = static_cast<std::size_t>(est.integer_in("min_block_samples", 3, 1, 100));
  const auto vg = est.at("variograms");
  vg.allow_only({"thickness", "roof", "isochore", "ash", "sulfur", "cv", "density"});
  m.grid.thickness = variogram(vg, "thickness");
  m.grid.roof = variogram(vg, "roof");
  if (m.marker_table) m.grid.isochore = variogram(vg, "isochore");
  m.grid.ash = variogram(vg, "ash");
  m.grid.sulfur = variogram(vg, "sulfur");
  m.grid.cv = variogram(vg, "cv");
  m.grid.density = variogram(vg, "density");

  if (auto l = root.find("limits")) {
    l->allow_only({"min_thickness", "max_ash", "max_sulfur", "min_cv", "max_depth"});
    m.limits.min_thickness = l->number_in("min_thickness", m.limits.min_thickness, 0, 20);
    m.limits.max_ash = l->number_in("max_ash", m.limits.max_ash, 0, 100);
    m.limits.max_sulfur = l->number_in("max_sulfur", m.limits.max_sulfur, 0, 20);
    m.limits.min_cv = l->number_in("min_cv", m.limits.min_cv, 0, 40);
    m.limits.max_depth = l->number_in("max_depth", m.limits.max_depth, 0, 5000);
  }
  {
    // The block method's minimum block size rides with the classification (it settles slivers' classes).
    nlohmann::json rules = root.at("classification").json();
    const double min_block = rules.value("min_block_area_km2", m.min_block_area_km2);
    if (!(min_block >= 0 && min_block <= 100))
      root.at("classification").fail_at("min_block_area_km2", "must be between 0 and 100");
    m.min_block_area_km2 = min_block;
    rules.erase("min_block_area_km2");
    m.classification = ClassificationRules::from_config(ConfigView(rules, doc, "classification"));
  }

  if (auto r = root.find("reserves")) {
    r->allow_only({"recovery_by_thickness", "dilution", "production_rate"});
    if (auto t = r->find("recovery_by_thickness")) {
      m.thickness_classes.clear();
      for (std::size_t i = 0; i < t->size(); ++i) {
        const auto c = t->at(i);
        c.allow_only({"below", "recovery", "label"});
        seam::ThicknessClass tc;
        const bool last = i + 1 == t->size();
        tc.below = last ? c.number("below", std::numeric_limits<double>::infinity()) : c.number_in("below", 0, 0.01, 100);
        tc.recovery = c.number_in("recovery", 0.8, 0.01, 1);
        if (!m.thickness_classes.empty() && !(tc.below > m.thickness_classes.back().below))
          c.fail_at("below", "thickness classes must be listed from thin to thick");
        const std::string lo = m.thickness_classes.empty() ? "0" : format_double(m.thickness_classes.back().below);
        tc.label = c.string("label", std::isinf(tc.below) ? ">= " + lo + " m" : lo + "-" + format_double(tc.below) + " m");
        m.thickness_classes.push_back(tc);
      }
      if (m.thickness_classes.empty()) t->fail("needs at least one thickness class");
    }
    m.dilution = r->number_in("dilution", m.dilution, 0, 1);
    m.production_rate = r->number_in("production_rate", 0, 0, 1e9);
  }

  if (auto r = root.find("report")) {
    r->allow_only({"depth_bands", "planning_blocks", "truth", "truth_grids", "truth_grid_pattern", "contour_interval",
                   "map_step", "export_step", "label_min_area_km2"});
    if (r->has("depth_bands")) {
      const auto b = r->at("depth_bands");
      m.depth_edges.clear();
      for (std::size_t i = 0; i < b.size(); ++i) {
        const double v = b.at(i).as_number();
        if (!m.depth_edges.empty() && !(v > m.depth_edges.back())) b.fail("depth band edges must increase");
        m.depth_edges.push_back(v);
      }
      if (m.depth_edges.size() < 2) b.fail("needs at least two edges");
    }
    if (r->has("planning_blocks")) m.planning_blocks = r->path("planning_blocks");
    if (r->has("truth")) m.truth = r->path("truth");
    if (r->has("truth_grids")) m.truth_grids = r->path("truth_grids");
    m.truth_grid_pattern = r->string("truth_grid_pattern", m.truth_grid_pattern);
    m.contour_interval = r->number_in("contour_interval", m.contour_interval, 1, 500);
    m.map_step = static_cast<std::size_t>(r->integer_in("map_step", 4, 1, 64));
    m.export_step = static_cast<std::size_t>(r->integer_in("export_step", 4, 1, 64));
    m.label_min_area_km2 = r->number_in("label_min_area_km2", m.label_min_area_km2, 0, 1000);
  }
  return m;
}

}  // namespace georeserve
