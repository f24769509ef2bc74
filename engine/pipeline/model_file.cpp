#include "pipeline/model_file.h"

#include "core/error.h"
#include "geostat/kriging_config.h"

namespace georeserve {

namespace {

std::vector<std::string> strings(const ConfigView& v) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) out.push_back(v.at(i).as_string());
  return out;
}

std::array<int, 3> int3(const ConfigView& v, std::string_view key, std::array<int, 3> fallback, int lo, int hi) {
  if (!v.has(key)) return fallback;
  const auto n = v.numbers(key, 3);
  std::array<int, 3> out{};
  for (std::size_t a = 0; a < 3; ++a) {
    if (n[a] != std::floor(n[a]) || n[a] < lo || n[a] > hi)
      v.fail_at(key, "must be three whole numbers from " + std::to_string(lo) + " to " + std::to_string(hi));
    out[a] = static_cast<int>(n[a]);
  }
  return out;
}

DomainSettings parse_domain(const ConfigView& d) {
  d.allow_only({"name", "name_cn", "table", "field", "codes", "wireframe", "implicit", "step", "density"});
  DomainSettings s;
  s.name = d.string("name");
  s.name_cn = d.string("name_cn", s.name);
  s.table = d.string("table", "lithology");
  s.field = d.string("field", "lith");
  s.codes = strings(d.at("codes"));
  if (s.codes.empty()) d.fail_at("codes", "needs at least one logging code");
  if (d.has("wireframe")) s.wireframe = d.path("wireframe");
  if (auto i = d.find("implicit")) s.implicit = ImplicitOptions::from_config(*i);
  s.step = d.number_in("step", s.step, 0.1, 50);
  s.default_density = d.number_in("density", s.default_density, 0.5, 8.0);
  return s;
}

GradeSettings parse_grade(const ConfigView& g) {
  g.allow_only({"field", "unit", "name_cn", "top_cut", "variogram", "fit", "decimals"});
  GradeSettings s;
  s.field = g.string("field");
  s.unit = g.string("unit", s.unit);
  s.name_cn = g.string("name_cn", s.field);
  s.top_cut = g.number("top_cut", s.top_cut);
  if (auto v = g.find("variogram")) s.variogram = VariogramModel::from_config(*v);
  s.fit = g.boolean("fit", false);
  if (s.fit && !s.variogram) g.fail_at("fit", "fitting needs an initial 'variogram' (its structures and angles)");
  if (!s.variogram) g.fail("needs a 'variogram' (given, or the initial model with \"fit\": true)");
  s.decimals = static_cast<int>(g.integer_in("decimals", s.decimals, 0, 8));
  return s;
}

}  // namespace

DepositModel DepositModel::load(const std::filesystem::path& path) { return parse(load_json_file(path)); }

DepositModel DepositModel::parse(const JsonDocument& doc) {
  const ConfigView root(doc);
  root.allow_only({"name", "title", "crs", "drillholes", "domains", "compositing", "grades", "density", "block_model",
                   "estimation", "classification", "cutoff", "reserves", "report", "viewer"});  // viewer: read by the export stage
  DepositModel m;
  m.file = doc.file;
  m.name = root.string("name", std::filesystem::path(doc.file).stem().string());
  if (m.name.empty() || m.name.find_first_of("/\\") != std::string::npos)
    root.fail_at("name", "must be a plain folder name (it names out/<name>/)");
  m.title = root.string("title", m.name);
  m.crs = root.string("crs", m.crs);

  const auto dh = root.at("drillholes");
  dh.allow_only({"collar", "survey", "intervals", "columns", "desurvey"});
  m.collar = dh.path("collar");
  if (dh.has("survey")) m.survey = dh.path("survey");
  const auto iv = dh.at("intervals");
  for (std::size_t i = 0; i < iv.size(); ++i) {
    std::filesystem::path p = iv.at(i).as_string();
    m.intervals.push_back(p.is_absolute() ? p : doc.folder / p);
  }
  if (auto c = dh.find("columns")) m.columns = drillhole::column_map_from_config(*c);
  try {
    m.desurvey = drillhole::parse_desurvey_method(dh.string("desurvey", "minimum-curvature"));
  } catch (const Error& e) {
    dh.fail_at("desurvey", e.what());
  }

  const auto domains = root.at("domains");
  for (std::size_t i = 0; i < domains.size(); ++i) m.domains.push_back(parse_domain(domains.at(i)));
  if (m.domains.empty()) domains.fail("needs at least one domain");

  const auto comp = root.at("compositing");
  comp.allow_only({"table", "length", "residual", "min_fraction"});
  m.assay_table = comp.string("table", "assay");
  m.composite_length = comp.number_in("length", m.composite_length, 0.1, 100);
  m.residual = comp.one_of("residual", m.residual, {"merge", "keep"});
  m.min_fraction = comp.number_in("min_fraction", m.min_fraction, 0, 1);

  const auto grades = root.at("grades");
  for (std::size_t i = 0; i < grades.size(); ++i) m.grades.push_back(parse_grade(grades.at(i)));
  if (m.grades.empty()) grades.fail("needs at least one grade");

  if (auto d = root.find("density")) {
    d->allow_only({"table", "field"});
    m.density_table = d->string("table", "density");
    m.density_field = d->string("field", "density");
  }

  if (auto b = root.find("block_model")) {
    b->allow_only({"origin", "block_size", "count", "rotation", "subcells"});
    if (b->has("origin") || b->has("count")) {
      nlohmann::json grid = nlohmann::json::object();
      for (const char* k : {"origin", "block_size", "count", "rotation"})
        if (b->has(k)) grid[k] = b->json()[k];
      const ConfigView gv(grid, doc, b->key_path());
      m.block_grid = BlockGrid::from_config(gv);
    }
    if (b->has("block_size")) {
      const auto s = b->numbers("block_size", 3);
      for (std::size_t a = 0; a < 3; ++a) {
        if (!(s[a] > 0)) b->fail_at("block_size", "every block size must be positive");
        m.block_size[a] = s[a];
      }
    }
    m.subcells = int3(*b, "subcells", m.subcells, 1, 16);
    m.block_rotation = b->number_in("rotation", 0.0, -360.0, 360.0);
  }

  const auto est = root.at("estimation");
  est.allow_only({"type", "power", "discretization", "search"});
  m.estimation.type = est.one_of("type", "ordinary", {"ordinary", "simple", "inverse-distance", "nearest"});
  m.estimation.power = est.number_in("power", 2.0, 0.1, 10);
  m.estimation.discretization = int3(est, "discretization", m.estimation.discretization, 1, 10);
  KrigingSamples shape;  // the search is checked now, before any work; samples come later
  shape.dimension = 3;
  shape.hole = {0};
  m.estimation.search = parse_search(est.at("search"), shape);

  if (auto c = root.find("classification")) m.classification = ClassificationRules::from_config(*c);
  else m.classification = ClassificationRules::defaults_for_spacing(50);

  if (auto c = root.find("cutoff")) {
    c->allow_only({"field", "value"});
    m.cutoff_field = c->string("field");
    m.cutoff = c->number("value");
    bool known = false;
    for (const auto& g : m.grades) known = known || g.field == m.cutoff_field;
    if (!known) c->fail_at("field", "'" + m.cutoff_field + "' is not one of the model's grades");
  }

  std::vector<std::string> grade_names;
  for (const auto& g : m.grades) grade_names.push_back(g.field);
  if (auto r = root.find("reserves")) m.reserves = ModifyingFactors::from_config(*r, grade_names);
  else m.reserves.dilution_grades.assign(grade_names.size(), 0.0);

  if (auto r = root.find("report")) {
    r->allow_only({"level_interval", "cutoffs", "planning_blocks", "truth", "swath_width"});
    m.report.level_interval = r->number_in("level_interval", m.report.level_interval, 1, 1000);
    if (r->has("cutoffs")) m.report.cutoffs = r->numbers("cutoffs");
    if (r->has("planning_blocks")) m.report.planning_blocks = r->path("planning_blocks");
    if (r->has("truth")) m.report.truth = r->path("truth");
    m.report.swath_width = r->number_in("swath_width", 0, 0, 1e5);
  }
  return m;
}

}  // namespace georeserve
