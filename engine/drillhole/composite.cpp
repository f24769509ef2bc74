// Fixed-length compositing within runs of equal break value; see composite.h for the rules.
#include "drillhole/composite.h"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"

namespace georeserve::drillhole {
namespace {

constexpr double kTolerance = 1e-6;  // metres: residuals shorter than this are rounding, not length
constexpr std::size_t kHolesPerChunk = 64;

// The fields resolved once: pointers into the table, checked for kind.
struct Plan {
  const IntervalTable& table;
  const CompositeOptions& options;
  std::vector<const IntervalField*> fields;
  std::vector<bool> density_weighted;  // per field
  const IntervalField* density = nullptr;
  const IntervalField* breaks = nullptr;
};

const IntervalField& numeric_field(const IntervalTable& t, std::string_view name) {
  const auto& f = t.require_field(name);
  if (!f.is_numeric())
    throw InputError(t.file().empty() ? t.name() : t.file(), 1, f.name,
                     "is a text field; only numeric fields can be averaged");
  return f;
}

Plan make_plan(const IntervalTable& t, const CompositeOptions& o) {
  if (!(o.length > 0)) throw Error("composite length must be greater than 0");
  if (!(o.min_fraction >= 0 && o.min_fraction <= 1)) throw Error("composite min-fraction must be in [0, 1]");
  Plan p{t, o, {}, {}, nullptr, nullptr};
  if (!o.density_field.empty()) {
    p.density = &numeric_field(t, o.density_field);
    for (std::size_t r = 0; r < t.row_count(); ++r) {
      const double rho = p.density->values[r];
      if (!std::isnan(rho) && rho <= 0)
        throw InputError(t.file(), t.line(r), p.density->name, "density must be greater than 0, not " + format_double(rho));
    }
  }
  for (const auto& name : o.fields) {
    p.fields.push_back(&numeric_field(t, name));
    p.density_weighted.push_back(p.density && p.fields.back() != p.density);
  }
  if (!o.break_field.empty()) p.breaks = &t.require_field(o.break_field);
  return p;
}

// Whether two rows carry the same break value (missing equals missing).
bool same_domain(const IntervalField* f, std::size_t a, std::size_t b) {
  if (!f) return true;
  if (!f->is_numeric()) return f->codes[a] == f->codes[b];
  const double x = f->values[a], y = f->values[b];
  return x == y || (std::isnan(x) && std::isnan(y));
}

std::string domain_text(const IntervalField* f, std::size_t row) {
  if (!f) return {};
  return f->is_numeric() ? format_double(f->values[row]) : std::string(f->text(row));
}

// Composite intervals [from, to) of one run, after the residual rule.
std::vector<std::pair<double, double>> cut_run(double start, double end, const CompositeOptions& o) {
  std::vector<std::pair<double, double>> out;
  const double span = end - start, length = o.length;
  const auto full = static_cast<std::size_t>(std::floor(span / length + 1e-9));
  for (std::size_t k = 0; k < full; ++k)
    out.emplace_back(start + static_cast<double>(k) * length, start + static_cast<double>(k + 1) * length);
  const double residual = span - static_cast<double>(full) * length;
  if (residual <= kTolerance) {
    if (!out.empty()) out.back().second = end;
    return out;
  }
  if (o.residual == ResidualRule::merge && !out.empty()) out.back().second = end;
  else if (residual >= o.min_fraction * length - kTolerance) out.emplace_back(start + static_cast<double>(full) * length, end);
  return out;
}

// Per-field sums of one composite, reused from composite to composite.
struct Sums {
  std::vector<double> w, wv, sampled;
  void reset(std::size_t n) {
    w.assign(n, 0);
    wv.assign(n, 0);
    sampled.assign(n, 0);
  }
};

// Averages the fields over [a, b) from the rows [first, last) of one run; false when no row touches it.
bool average(const Plan& p, std::size_t first, std::size_t last, double a, double b, Sums& s, Composites& out) {
  const auto& t = p.table;
  const std::size_t nf = p.fields.size();
  s.reset(nf);
  auto& sum_w = s.w;
  auto& sum_wv = s.wv;
  auto& sampled = s.sampled;
  bool touched = false;
  for (std::size_t r = first; r < last && t.from(r) < b; ++r) {
    const double overlap = std::min(b, t.to(r)) - std::max(a, t.from(r));
    if (overlap <= 0) continue;
    touched = true;
    const double rho = p.density ? p.density->values[r] : 1.0;
    for (std::size_t f = 0; f < nf; ++f) {
      const double v = p.fields[f]->values[r];
      if (std::isnan(v)) continue;
      double w = overlap;
      if (p.density_weighted[f]) {
        if (std::isnan(rho)) continue;
        w *= rho;
      }
      sum_w[f] += w;
      sum_wv[f] += w * v;
      sampled[f] += overlap;
    }
  }
  if (!touched) return false;
  for (std::size_t f = 0; f < nf; ++f) {
    out.value[f].push_back(sum_w[f] > 0 ? sum_wv[f] / sum_w[f] : kMissing);
    out.coverage[f].push_back(std::min(1.0, sampled[f] / (b - a)));
  }
  out.from.push_back(a);
  out.to.push_back(b);
  return true;
}

void composite_hole(const Plan& p, HoleIndex h, const HoleTrace& trace, Sums& sums, Composites& out) {
  const auto& t = p.table;
  const std::size_t begin = t.hole_begin(h), end = t.hole_end(h), first_new = out.size();
  for (std::size_t run = begin; run < end;) {
    std::size_t stop = run + 1;
    double bottom = t.to(run);
    while (stop < end && same_domain(p.breaks, run, stop)) bottom = std::max(bottom, t.to(stop++));
    const std::string domain = domain_text(p.breaks, run);
    std::size_t first = run;  // rows ending above the current composite are never needed again
    for (const auto& [a, b] : cut_run(t.from(run), bottom, p.options)) {
      while (first < stop && t.to(first) <= a) ++first;
      if (!average(p, first, stop, a, b, sums, out)) continue;
      out.hole.push_back(h);
      out.break_value.push_back(domain);
    }
    run = stop;
  }
  std::vector<double> mids;
  for (std::size_t i = first_new; i < out.size(); ++i) mids.push_back(0.5 * (out.from[i] + out.to[i]));
  out.mid.resize(out.size());
  trace.positions_at(mids, std::span(out.mid).subspan(first_new));
}

Composites empty_like(const Plan& p) {
  Composites c;
  for (const auto* f : p.fields) c.field_names.push_back(f->name);
  if (p.breaks) c.break_name = p.breaks->name;
  c.value.resize(p.fields.size());
  c.coverage.resize(p.fields.size());
  return c;
}

}  // namespace

ResidualRule parse_residual_rule(std::string_view name) {
  if (name == "merge") return ResidualRule::merge;
  if (name == "keep") return ResidualRule::keep;
  throw Error("unknown residual rule '" + std::string(name) + "' (use merge or keep)");
}

void Composites::append(const Composites& o) {
  hole.insert(hole.end(), o.hole.begin(), o.hole.end());
  from.insert(from.end(), o.from.begin(), o.from.end());
  to.insert(to.end(), o.to.begin(), o.to.end());
  mid.insert(mid.end(), o.mid.begin(), o.mid.end());
  break_value.insert(break_value.end(), o.break_value.begin(), o.break_value.end());
  for (std::size_t f = 0; f < value.size(); ++f) {
    value[f].insert(value[f].end(), o.value[f].begin(), o.value[f].end());
    coverage[f].insert(coverage[f].end(), o.coverage[f].begin(), o.coverage[f].end());
  }
}

Composites composite(const IntervalTable& table, std::span<const HoleTrace> traces, const CompositeOptions& options,
                     ProgressSink* progress) {
  const Plan plan = make_plan(table, options);
  if (table.hole_count() != traces.size())
    throw Error("composite: table '" + table.name() + "' is not finalized for " + std::to_string(traces.size()) +
                " holes");
  // Fixed chunks of holes, concatenated in order: the same output for any number of threads.
  const std::size_t chunks = (traces.size() + kHolesPerChunk - 1) / kHolesPerChunk;
  std::vector<Composites> parts(chunks, empty_like(plan));
  ProgressTask task(progress, "composite", traces.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, chunks, 1), [&](const auto& r) {
    Sums sums;
    for (std::size_t c = r.begin(); c != r.end(); ++c) {
      const std::size_t h0 = c * kHolesPerChunk, h1 = std::min(traces.size(), h0 + kHolesPerChunk);
      for (std::size_t h = h0; h < h1; ++h) composite_hole(plan, static_cast<HoleIndex>(h), traces[h], sums, parts[c]);
      task.advance(h1 - h0);
    }
  }, tbb::simple_partitioner());
  Composites all = empty_like(plan);
  for (const auto& part : parts) all.append(part);
  return all;
}

}  // namespace georeserve::drillhole
