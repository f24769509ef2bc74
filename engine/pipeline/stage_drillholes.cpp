// Stages load, desurvey and composite: the drillhole database, read and validated; hole traces;
// assay composites broken at domain boundaries.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"
#include "drillhole/validate.h"
#include "pipeline/stage.h"

namespace georeserve {

void stage_load(PipelineContext& c) {
  const auto& m = c.model;
  drillhole::DrillholeSources sources;
  sources.collar = m.collar;
  sources.survey = m.survey;
  sources.intervals = m.intervals;
  c.db = drillhole::load_drillholes(sources, m.columns, {}, c.diagnostics);
  if (c.log)
    for (const auto& d : c.diagnostics.items()) *c.log << "  " << format_diagnostic(d) << '\n';
  if (c.diagnostics.has_errors()) {
    std::ostringstream first;
    first << format_diagnostic(c.diagnostics.items().front());
    for (const auto& d : c.diagnostics.items())
      if (d.severity == Severity::error) {
        first.str(format_diagnostic(d));
        break;
      }
    throw InputError(m.file.string(), 0, "drillholes",
                     "the drillhole data have " + std::to_string(c.diagnostics.error_count()) +
                         " errors (run `georeserve validate` for the list); first: " + first.str());
  }
  write_file_atomically(c.out / "validation.txt", [&](std::ostream& o) { c.diagnostics.print(o); });
  if (c.diagnostics.warning_count())
    c.note(std::to_string(c.diagnostics.warning_count()) + " validation warnings in the drillhole data (listed in validation.txt)");
  // Every table the model refers to must exist.
  auto require_table = [&](const std::string& name, const std::string& key) {
    try {
      (void)c.db.table(name);
    } catch (const Error&) {
      throw ConfigError(m.file.string(), key, "no interval table named '" + name + "' among drillholes.intervals");
    }
  };
  require_table(m.assay_table, "compositing.table");
  for (std::size_t d = 0; d < m.domains.size(); ++d)
    require_table(m.domains[d].table, "domains[" + std::to_string(d) + "].table");
  if (!m.density_table.empty()) require_table(m.density_table, "density.table");
  const auto& assay = c.db.table(m.assay_table);
  for (std::size_t g = 0; g < m.grades.size(); ++g)
    if (!assay.find_field(m.grades[g].field))
      throw ConfigError(m.file.string(), "grades[" + std::to_string(g) + "].field",
                        "the assay table has no field '" + m.grades[g].field + "'");
}

void stage_desurvey(PipelineContext& c) { c.traces = drillhole::desurvey_all(c.db, c.model.desurvey, c.progress); }

namespace {

// Domain index of each row of `table`: the domain whose logging covers the row's mid depth.
std::vector<int> domain_of_rows(const PipelineContext& c, const drillhole::IntervalTable& table) {
  std::vector<int> out(table.row_count(), -1);
  for (std::size_t d = 0; d < c.model.domains.size(); ++d) {
    const auto& ds = c.model.domains[d];
    const auto& log = c.db.table(ds.table);
    const auto& field = log.require_field(ds.field);
    for (std::size_t r = 0; r < table.row_count(); ++r) {
      if (out[r] >= 0) continue;
      const auto h = table.hole(r);
      const double mid = 0.5 * (table.from(r) + table.to(r));
      // Rows of a hole are sorted by from: binary search for the interval containing mid.
      const std::size_t b = log.hole_begin(h), e = log.hole_end(h);
      std::size_t lo = b, hi = e;
      while (lo < hi) {
        const std::size_t m = (lo + hi) / 2;
        if (log.to(m) <= mid) lo = m + 1;
        else hi = m;
      }
      if (lo < e && log.from(lo) <= mid && mid < log.to(lo) && field.codes[lo] >= 0) {
        const auto text = field.text(lo);
        for (const auto& code : ds.codes)
          if (iequals(text, code)) out[r] = static_cast<int>(d);
      }
    }
  }
  return out;
}

}  // namespace

void stage_composite(PipelineContext& c) {
  const auto& m = c.model;
  // A copy of the assay table with a "domain" text field, so composites break at domain boundaries.
  drillhole::IntervalTable assay = c.db.table(m.assay_table);
  const auto row_domain = domain_of_rows(c, assay);
  std::vector<std::string> names(assay.row_count());
  for (std::size_t r = 0; r < names.size(); ++r)
    names[r] = row_domain[r] >= 0 ? m.domains[static_cast<std::size_t>(row_domain[r])].name : "";
  const std::string break_field = "georeserve_domain";
  assay.add_text_field(break_field, names);

  drillhole::CompositeOptions o;
  o.length = m.composite_length;
  o.residual = drillhole::parse_residual_rule(m.residual);
  o.min_fraction = m.min_fraction;
  for (const auto& g : m.grades) o.fields.push_back(g.field);
  o.break_field = break_field;
  c.composites = drillhole::composite(assay, c.traces, o, c.progress);
  c.composite_domain.assign(c.composites.size(), -1);
  for (std::size_t i = 0; i < c.composites.size(); ++i)
    for (std::size_t d = 0; d < m.domains.size(); ++d)
      if (c.composites.break_value(i) == m.domains[d].name) c.composite_domain[i] = static_cast<int>(d);
}

}  // namespace georeserve
