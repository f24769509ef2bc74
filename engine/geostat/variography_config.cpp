// Parsing and checking the `georeserve variogram` configuration (see variography_config.h).
#include "geostat/variography_config.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"
#include "io/json_config.h"

namespace georeserve {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// The column a `samples` key names; a missing column is reported at that key with the file's columns.
std::size_t named_column(const ConfigView& v, const CsvTable& t, std::string_view key, const std::string& fallback) {
  const std::string name = v.string(key, fallback);
  if (const auto c = t.find_column(name)) return *c;
  std::string have;
  for (const auto& h : t.header()) have += (have.empty() ? "" : ", ") + h;
  v.fail_at(key, "column '" + name + "' not found in " + t.path() + " (its columns: " + have + ")");
}

// Samples exactly as in the file: variography keeps coincident samples (they are the shortest pairs).
void read_samples(const ConfigView& v, VariographyConfig* c) {
  v.allow_only({"file", "x", "y", "z", "value", "hole"});
  if (!v.has("value")) v.fail_at("value", "required key is missing (the column whose variogram is wanted)");
  CsvTable t = read_csv_file(v.path("file"));
  t.throw_if_problems();
  if (t.column_count() == 0) v.fail_at("file", t.path() + " is empty (no header line)");
  const std::size_t cx = named_column(v, t, "x", "x"), cy = named_column(v, t, "y", "y");
  const bool three_d = v.has("z");
  const std::size_t cz = three_d ? named_column(v, t, "z", "z") : 0;
  const std::size_t cv = named_column(v, t, "value", "");
  const bool holes = v.has("hole");
  const std::size_t ch = holes ? named_column(v, t, "hole", "") : 0;

  VariogramSamples& s = c->samples;
  s.dimension = three_d ? 3 : 2;
  c->samples_file = t.path();
  c->value_column = t.header()[cv];
  c->rows = t.row_count();
  std::unordered_map<std::string, int> hole_ids;
  auto coordinate = [&](std::size_t row, std::size_t col) {
    const auto x = t.number(row, col);
    if (!x) throw InputError(t.path(), t.line(row), t.header()[col], "missing coordinate");
    return *x;
  };
  for (std::size_t row = 0; row < t.row_count(); ++row) {
    const double x = coordinate(row, cx), y = coordinate(row, cy), z = three_d ? coordinate(row, cz) : 0.0;
    const auto value = t.number(row, cv);
    if (!value) {
      ++c->missing_values;
      continue;
    }
    s.x.push_back(x);
    s.y.push_back(y);
    s.z.push_back(z);
    s.value.push_back(*value);
    if (holes) {
      if (t.is_missing(row, ch)) throw InputError(t.path(), t.line(row), t.header()[ch], "missing hole id");
      const std::string name(t.cell(row, ch));
      const auto [it, fresh] = hole_ids.emplace(name, static_cast<int>(c->hole_names.size()));
      if (fresh) c->hole_names.push_back(name);
      s.hole.push_back(it->second);
    }
  }
  if (s.size() < 2)
    v.fail_at("file", t.path() + (t.row_count() == 0 ? " has no data rows"
                                                      : " has " + std::to_string(s.size()) + " row(s) with a value in '" +
                                                            c->value_column + "'; a variogram needs at least two"));
}

double positive(const ConfigView& v, std::string_view key, double fallback) {
  const double x = v.number(key, fallback);
  if (!(x > 0)) v.fail_at(key, "must be positive, got " + format_double(x));
  return x;
}

double bounding_diagonal(const VariogramSamples& s) {
  double d2 = 0;
  for (const auto* a : {&s.x, &s.y, &s.z}) {
    const auto [lo, hi] = std::minmax_element(a->begin(), a->end());
    d2 += (*hi - *lo) * (*hi - *lo);
  }
  return std::sqrt(d2);
}

LagDefinition read_lags(const std::optional<ConfigView>& v, const VariogramSamples& s) {
  // gstat's defaults: a third of the bounding-box diagonal, in 15 lags.
  const double diagonal = bounding_diagonal(s);
  if (!v) {
    if (!(diagonal > 0)) throw Error("variogram: all samples are at one place; no lag can be formed");
    return LagDefinition::cutoff_width(diagonal / 3 / 15, diagonal / 3);
  }
  v->allow_only({"width", "cutoff", "spacing", "count", "tolerance"});
  const bool gslib = v->has("spacing") || v->has("count") || v->has("tolerance");
  if (gslib && (v->has("width") || v->has("cutoff")))
    v->fail("give either width and cutoff (gstat) or spacing, count and tolerance (GSLIB), not both");
  if (gslib) {
    if (!v->has("spacing")) v->fail_at("spacing", "required key is missing (the lag spacing in metres)");
    if (!v->has("count")) v->fail_at("count", "required key is missing (the number of lags)");
    const double spacing = positive(*v, "spacing", 0);
    const long long count = v->integer_in("count", 1, 1, 100000);
    const double tol = positive(*v, "tolerance", spacing / 2);
    return LagDefinition::spacing_tolerance(spacing, tol, static_cast<int>(count));
  }
  if (!v->has("cutoff") && !(diagonal > 0)) v->fail("all samples are at one place: give a cutoff");
  const double cutoff = positive(*v, "cutoff", diagonal / 3);
  const double width = positive(*v, "width", cutoff / 15);
  if (cutoff / width > 100000) v->fail_at("width", "gives more than 100000 lags up to the cutoff");
  return LagDefinition::cutoff_width(width, cutoff);
}

VariogramDirection read_direction(const ConfigView& v, int dimension) {
  VariogramDirection d;
  if (v.is_string()) {
    const std::string s = v.as_string();
    if (!iequals(s, "omni") && !iequals(s, "omnidirectional"))
      v.fail("a direction is an object {azimuth, tolerance, ...} or the string \"omnidirectional\"");
    d.name = "omnidirectional";
    return d;
  }
  v.allow_only({"name", "azimuth", "dip", "tolerance", "dip_tolerance", "bandwidth", "vertical_bandwidth"});
  const bool directional = v.has("azimuth") || v.has("dip") || v.has("tolerance") || v.has("dip_tolerance");
  d.azimuth = v.number_in("azimuth", 0, -360, 360);
  d.dip = v.number_in("dip", 0, -90, 90);
  if (directional) {
    const bool vertical = std::abs(d.dip) == 90;  // azimuth means nothing for a vertical direction
    d.tolerance = vertical && !v.has("tolerance") ? 90 : v.number_in("tolerance", 22.5, 1e-6, 90);
    // 3D: a horizontal direction also limits the dip (else down-hole pairs, with no horizontal
    // extent, would pass); 2D data have no dip.
    const double dip_default = vertical ? 22.5 : (dimension == 3 ? d.tolerance : 90.0);
    d.dip_tolerance = v.number_in("dip_tolerance", dip_default, 1e-6, 90);
  }
  d.bandwidth = positive(v, "bandwidth", inf);
  d.vertical_bandwidth = positive(v, "vertical_bandwidth", inf);
  d.name = v.string("name", d.label());
  return d;
}

std::vector<VariogramDirection> read_directions(const std::optional<ConfigView>& v, int dimension) {
  if (!v) return {VariogramDirection{"omnidirectional"}};
  if (!v->is_array() || v->size() == 0) v->fail("must be a non-empty array of directions");
  std::vector<VariogramDirection> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    out.push_back(read_direction(v->at(i), dimension));
    for (std::size_t k = 0; k + 1 < out.size(); ++k)
      if (out[k].name == out.back().name)
        v->at(i).fail("direction name '" + out.back().name + "' is used twice; give each a distinct \"name\"");
  }
  return out;
}

// Where config structure i went in the model: nugget-type entries join the nugget (-1).
std::vector<int> structure_index(const ConfigView& model) {
  std::vector<int> index;
  int next = 0;
  const auto list = model.at("structures");
  for (std::size_t i = 0; i < list.size(); ++i) {
    StructureType t;
    const bool nugget = parse_structure_type(list.at(i).string("type"), &t) && t == StructureType::nugget;
    index.push_back(nugget ? -1 : next++);
  }
  return index;
}

// Applies one "fixed"/"free" entry: nugget | structures[i] | structures[i].sill |
// structures[i].ranges[k]? | structures[i].angles[k]?
void apply_fit_path(const ConfigView& item, bool fixed, const std::vector<int>& index, VariogramFitOptions* fo) {
  const std::string p = item.as_string();
  const bool free = !fixed;
  auto bad = [&]() {
    item.fail("'" + p + "' is not a parameter: use nugget, structures[i], structures[i].sill, " +
              "structures[i].ranges, structures[i].ranges[k], structures[i].angles or structures[i].angles[k]");
  };
  if (p == "nugget") {
    fo->fit_nugget = free;
    return;
  }
  auto read_index = [&](std::string_view s, std::size_t* pos, std::size_t limit) {
    if (*pos >= s.size() || s[*pos] != '[') bad();
    std::size_t end = s.find(']', *pos);
    if (end == std::string_view::npos) bad();
    std::size_t v = 0;
    const auto r = std::from_chars(s.data() + *pos + 1, s.data() + end, v);
    if (r.ec != std::errc() || r.ptr != s.data() + end) bad();
    if (v >= limit) item.fail("'" + p + "': index " + std::to_string(v) + " is out of range (0.." + std::to_string(limit - 1) + ")");
    *pos = end + 1;
    return v;
  };
  const std::string_view s = p;
  if (s.substr(0, 10) != "structures") bad();
  std::size_t pos = 10;
  const std::size_t i = read_index(s, &pos, index.size());
  const std::string_view rest = s.substr(pos);
  if (index[i] < 0) {  // a nugget written as a structure: only its sill exists
    if (rest.empty() || rest == ".sill") fo->fit_nugget = free;
    else item.fail("'" + p + "': structure " + std::to_string(i) + " is a nugget; only its sill can be fixed");
    return;
  }
  StructureFitFlags& f = fo->structures[static_cast<std::size_t>(index[i])];
  if (rest.empty()) {
    f.sill = free;
    f.ranges.fill(free);
    f.angles.fill(free);
  } else if (rest == ".sill") {
    f.sill = free;
  } else if (rest.substr(0, 7) == ".ranges" || rest.substr(0, 7) == ".angles") {
    auto& flags = rest[1] == 'r' ? f.ranges : f.angles;
    std::size_t at = 7;
    if (at == rest.size()) flags.fill(free);
    else {
      const std::size_t k = read_index(rest, &at, 3);
      if (at != rest.size()) bad();
      flags[k] = free;
    }
  } else {
    bad();
  }
}

void read_fit(const std::optional<ConfigView>& v, const ConfigView& model, VariographyConfig* c) {
  VariogramFitOptions& fo = c->fit;
  fo.structures.assign(c->initial_model->structures.size(), StructureFitFlags{});
  fo.data_variance = c->samples.variance();
  if (!v) return;
  v->allow_only({"method", "fixed", "free", "ranges", "max_sill_ratio", "multistart", "max_iterations"});
  fo.method = static_cast<int>(v->integer("method", 7));
  if (fo.method != 1 && fo.method != 2 && fo.method != 6 && fo.method != 7)
    v->fail_at("method", "must be 1 (N), 2 (N/gamma^2), 6 (unweighted) or 7 (N/h^2, gstat's default), got " +
                             std::to_string(fo.method));
  const std::string ranges = v->one_of("ranges", "automatic", {"automatic", "proportional", "independent"});
  fo.ranges = ranges == "proportional" ? RangeFitMode::proportional
              : ranges == "independent" ? RangeFitMode::independent
                                        : RangeFitMode::automatic;
  fo.max_sill_ratio = v->number_in("max_sill_ratio", 3.0, 1.0, 1e6);
  fo.multistart = v->boolean("multistart", true);
  fo.max_iterations = static_cast<int>(v->integer_in("max_iterations", 2000, 10, 1000000));
  const std::vector<int> index = structure_index(model);
  std::vector<std::string> seen;
  for (const bool fixed : {true, false}) {
    const auto list = v->find(fixed ? "fixed" : "free");
    if (!list) continue;
    if (!list->is_array()) list->fail("must be an array of parameter names, e.g. [\"nugget\", \"structures[0].angles\"]");
    for (std::size_t k = 0; k < list->size(); ++k) {
      const auto item = list->at(k);
      if (!item.is_string()) item.fail("must be a string such as \"structures[0].sill\"");
      const std::string name = item.as_string();
      if (std::find(seen.begin(), seen.end(), name) != seen.end())
        item.fail(std::string("'").append(name).append("' is listed twice (in fixed or free)"));
      seen.push_back(name);
      apply_fit_path(item, fixed, index, &fo);
    }
  }
}

VariogramMapOptions read_map(const ConfigView& v, const LagDefinition& lags) {
  VariogramMapOptions m;
  const bool object = v.is_object();  // `true` takes every default
  if (object) v.allow_only({"cell", "cells", "max_dz", "min_pairs"});
  auto pair_of = [&](std::string_view key, double fallback) -> std::array<double, 2> {
    if (!object || !v.has(key)) return {fallback, fallback};
    const auto node = v.at(key);
    if (node.is_array()) {
      const auto xs = node.as_numbers(2);
      return {xs[0], xs[1]};
    }
    const double x = node.as_number();
    return {x, x};
  };
  const auto cell = pair_of("cell", lags.width());
  if (!(cell[0] > 0) || !(cell[1] > 0)) v.fail_at("cell", "cell sizes must be positive");
  const auto cells = pair_of("cells", std::ceil(lags.max_distance() / std::max(cell[0], cell[1])));
  for (double n : cells)
    if (!(n >= 1 && n <= 2000) || n != std::floor(n)) v.fail_at("cells", "cells on each side must be whole numbers in 1..2000");
  m.cell_x = cell[0];
  m.cell_y = cell[1];
  m.half_x = static_cast<int>(cells[0]);
  m.half_y = static_cast<int>(cells[1]);
  m.max_dz = object ? v.number("max_dz", inf) : inf;
  m.min_pairs = object ? static_cast<std::uint64_t>(v.integer_in("min_pairs", 5, 1, 1000000000)) : 5;
  if (!(m.max_dz >= 0)) v.fail_at("max_dz", "must not be negative");
  return m;
}

std::filesystem::path output_path(const std::optional<ConfigView>& v, const JsonDocument& doc, std::string_view key,
                                  const char* fallback) {
  if (v && v->has(key)) return v->path(key);
  return doc.folder / fallback;
}

}  // namespace

VariographyConfig read_variography_config(const JsonDocument& doc) {
  const ConfigView root(doc);
  root.allow_only({"samples", "lags", "directions", "pairs", "model", "fit", "map", "output", "title", "unit"});
  VariographyConfig c;
  c.file = doc.file;
  read_samples(root.at("samples"), &c);

  c.experimental.lags = read_lags(root.find("lags"), c.samples);
  c.experimental.directions = read_directions(root.find("directions"), c.samples.dimension);
  const std::string pairs = root.one_of("pairs", "all", {"all", "same_hole", "different_holes"});
  c.experimental.pairs = pairs == "same_hole"         ? PairSelection::same_hole
                         : pairs == "different_holes" ? PairSelection::different_holes
                                                      : PairSelection::all;
  if (c.experimental.pairs != PairSelection::all && c.samples.hole.empty())
    root.fail_at("pairs", "'" + pairs + "' needs the drillhole of each sample: add samples.hole");

  if (const auto model = root.find("model")) {
    c.initial_model = VariogramModel::from_config(*model);
    read_fit(root.find("fit"), *model, &c);
  } else if (root.has("fit")) {
    root.fail_at("fit", "there is no model to fit: add \"model\" with initial structures");
  }
  if (const auto map = root.find("map")) {
    if (!map->json().is_boolean() && !map->is_object()) map->fail("must be true, false or an object {cell, cells, max_dz}");
    if (!map->json().is_boolean() || map->as_bool()) c.map = read_map(*map, c.experimental.lags);
    if (c.map) c.map->pairs = c.experimental.pairs;
  }
  const auto out = root.find("output");
  if (out) out->allow_only({"experimental", "model", "plot", "map", "map_plot"});
  c.outputs.experimental = output_path(out, doc, "experimental", "variogram_points.csv");
  c.outputs.model = output_path(out, doc, "model", "variogram_model.json");
  c.outputs.plot = output_path(out, doc, "plot", "variogram.svg");
  c.outputs.map = output_path(out, doc, "map", "variogram_map.csv");
  c.outputs.map_plot = output_path(out, doc, "map_plot", "variogram_map.svg");
  c.title = root.string("title", c.value_column);
  c.unit = root.string("unit", "");
  return c;
}

const char* variography_config_help() {
  return R"(CONFIG (JSON; relative paths from the config's folder; // comments allowed):
  samples     {"file", "x", "y", "z", "value", "hole"}: the kriging config's form. z omitted = 2D;
              hole (drillhole id column) is needed for "pairs": "same_hole" | "different_holes".
              Rows without a value are skipped; coincident samples are kept (shortest pairs).
  lags        gstat:  {"width": W, "cutoff": C}   lag k holds (kW, (k+1)W], distance 0 in lag 0;
                      defaults cutoff = 1/3 of the bounding-box diagonal, width = cutoff/15.
              GSLIB:  {"spacing": S, "count": N, "tolerance": T}   lags k = 0..N centred on kS,
                      |h - kS| <= T (default S/2).
  directions  list of {"name", "azimuth", "tolerance", "bandwidth", "dip", "dip_tolerance",
              "vertical_bandwidth"} or "omnidirectional" (the default). Degrees; azimuth clockwise
              from north, dip negative down. tolerance defaults to 22.5, dip_tolerance (3D data) to
              tolerance; 90 switches a test off. Bandwidths (m) default to unlimited (GSLIB gamv semantics).
  pairs       "all" (default) | "same_hole" (down-hole pairs, for the nugget) | "different_holes".
  model       initial model in the kriging config's "variogram" form:
              {"nugget": c0, "structures": [{"type", "sill", "ranges", "angles"}]}. Omit: no fit.
  fit         {"method": 7 (N/h^2, gstat's default) | 1 (N) | 2 (N/gamma^2) | 6 (unweighted),
               "fixed": ["nugget", "structures[0].ranges[2]", ...], "free": ["structures[0].angles[0]"],
               "ranges": "automatic" | "proportional" | "independent", "max_sill_ratio": 3,
               "multistart": true}. Free by default: nugget, sills, ranges; angles are fixed unless
              listed in "free". One direction fits one range per structure (anisotropy ratios kept).
              A fit that does not converge or whose sill exceeds max_sill_ratio x the sample variance
              is an error (exit 1); the experimental points and plot are still written.
  map         variogram map {"cell": size | [dx, dy], "cells": n | [nx, ny] each side, "max_dz": m,
              "min_pairs": 5 (cells with fewer pairs are greyed in the figure)}, or true for cells of
              the lag width up to the cutoff.
  output      {"experimental": "variogram_points.csv", "model": "variogram_model.json",
               "plot": "variogram.svg", "map": "variogram_map.csv", "map_plot": "variogram_map.svg"}
  title, unit variable name and unit for the figures (default: the value column, no unit).

EXAMPLE:
  {
    "samples": {"file": "composites.csv", "x": "x", "y": "y", "z": "z", "value": "CaSiO3", "hole": "hole_id"},
    "lags": {"width": 25, "cutoff": 400},
    "directions": [{"name": "N30E", "azimuth": 30, "tolerance": 22.5, "bandwidth": 60, "dip_tolerance": 10},
                   {"name": "N120E", "azimuth": 120, "tolerance": 22.5, "bandwidth": 60, "dip_tolerance": 10},
                   {"name": "down-hole", "dip": -90, "dip_tolerance": 15}],
    "model": {"nugget": 5, "structures": [{"type": "spherical", "sill": 40, "ranges": [250, 120, 30],
                                           "angles": [30, 0, 0]}]},
    "fit": {"method": 7, "fixed": ["structures[0].angles"]},
    "map": {"cell": 25, "cells": 16, "max_dz": 10},
    "unit": "%",
    "output": {"model": "caSiO3_variogram.json"}
  }
  The fitted model file can be pasted as "variogram" into a `georeserve krige` config.)";
}

}  // namespace georeserve
