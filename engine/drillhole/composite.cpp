// Fixed-length compositing within runs of equal break value; see composite.h for the rules.
// Two passes over the holes, both parallel: the first counts each hole's composites, the second
// writes them straight into their place in the output, so the result is laid out once and does
// not depend on the number of threads.
#include "drillhole/composite.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"
#include "drillhole/large_array.h"

namespace georeserve::drillhole {
namespace {

constexpr double kTolerance = 1e-6;  // metres: residuals shorter than this are rounding, not length
constexpr double kMaxPerRun = 1e7;   // composites in one run: more means a length far too short

// The options resolved against the table once: field pointers checked for kind, break codes.
struct Plan {
  const IntervalTable* table = nullptr;
  const CompositeOptions* options = nullptr;
  std::vector<const IntervalField*> fields;
  std::vector<bool> density_weighted;  // per field
  const IntervalField* density = nullptr;
  const std::int32_t* break_codes = nullptr;  // per row, -1 = missing; null without breaks
  std::vector<std::int32_t> numeric_codes;    // backing store when the break field is numeric
  std::vector<std::string> break_values;
};

const IntervalField& numeric_field(const IntervalTable& t, std::string_view name) {
  const auto& f = t.require_field(name);
  if (!f.is_numeric())
    throw InputError(t.file().empty() ? t.name() : t.file(), 1, f.name,
                     "is a text field; only numeric fields can be averaged");
  return f;
}

// Codes for a numeric break field: equal values share a code, in order of first appearance.
void encode_numeric_breaks(const IntervalField& f, Plan& p) {
  std::unordered_map<double, std::int32_t> codes;
  p.numeric_codes.reserve(f.values.size());
  for (double v : f.values) {
    if (std::isnan(v)) {
      p.numeric_codes.push_back(-1);
      continue;
    }
    auto [it, added] = codes.emplace(v, static_cast<std::int32_t>(p.break_values.size()));
    if (added) p.break_values.push_back(format_double(v));
    p.numeric_codes.push_back(it->second);
  }
  p.break_codes = p.numeric_codes.data();
}

void make_plan(const IntervalTable& t, const CompositeOptions& o, Plan& p) {
  if (!(o.length > 0)) throw Error("composite length must be greater than 0");
  if (!(o.min_fraction >= 0 && o.min_fraction <= 1)) throw Error("composite min-fraction must be in [0, 1]");
  p.table = &t;
  p.options = &o;
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
  if (o.break_field.empty()) return;
  const auto& f = t.require_field(o.break_field);
  if (f.is_numeric()) {
    encode_numeric_breaks(f, p);
  } else {
    p.break_codes = f.codes.data();
    p.break_values = f.categories;
  }
}

// Calls visit(a, b, first, stop, run) for every composite [a, b) of hole h that at least one
// interval touches; rows [first, stop) are the candidates, `run` is the first row of its run.
template <class Visit>
void for_each_composite(const Plan& p, HoleIndex h, Visit&& visit) {
  const auto& t = *p.table;
  const auto& o = *p.options;
  const std::size_t end = t.hole_end(h);
  for (std::size_t run = t.hole_begin(h); run < end;) {
    std::size_t stop = run + 1;
    double bottom = t.to(run);
    while (stop < end && (!p.break_codes || p.break_codes[stop] == p.break_codes[run])) bottom = std::max(bottom, t.to(stop++));
    const double start = t.from(run), span = bottom - start;
    const double steps = std::floor(span / o.length + 1e-9);
    if (steps > kMaxPerRun)
      throw ResourceError("a composite length of " + format_double(o.length) + " m cuts " + format_double(span) +
                          " m of hole into more than 10 million composites; use a longer --length");
    const auto full = static_cast<std::size_t>(steps);
    const double residual = span - static_cast<double>(full) * o.length;
    const bool keep_residual = residual > kTolerance && residual >= o.min_fraction * o.length - kTolerance;
    // With merge (or a residual that is rounding only), the last full composite reaches the bottom.
    const bool stretch_last = residual <= kTolerance || (o.residual == ResidualRule::merge && full > 0);
    const std::size_t count = full + (!stretch_last && keep_residual ? 1 : 0);
    std::size_t first = run;  // rows ending above the current composite are never needed again
    for (std::size_t k = 0; k < count; ++k) {
      const double a = start + static_cast<double>(k) * o.length;
      const double b = (k + 1 >= full && (stretch_last || k == full)) ? bottom : a + o.length;
      while (first < stop && t.to(first) <= a) ++first;
      if (first < stop && t.from(first) < b) visit(a, b, first, stop, run);
    }
    run = stop;
  }
}

// Per-field sums of one composite, reused from composite to composite.
struct Sums {
  std::vector<double> w, wv, sampled;
};

// Writes the averages of composite i over [a, b) from rows [first, stop).
void average(const Plan& p, std::size_t first, std::size_t stop, double a, double b, std::size_t i, Sums& s,
             Composites& out) {
  const auto& t = *p.table;
  const std::size_t nf = p.fields.size();
  s.w.assign(nf, 0);
  s.wv.assign(nf, 0);
  s.sampled.assign(nf, 0);
  for (std::size_t r = first; r < stop && t.from(r) < b; ++r) {
    const double overlap = std::min(b, t.to(r)) - std::max(a, t.from(r));
    if (overlap <= 0) continue;
    const double rho = p.density ? p.density->values[r] : 1.0;
    for (std::size_t f = 0; f < nf; ++f) {
      const double v = p.fields[f]->values[r];
      if (std::isnan(v) || (p.density_weighted[f] && std::isnan(rho))) continue;
      const double w = p.density_weighted[f] ? overlap * rho : overlap;
      s.w[f] += w;
      s.wv[f] += w * v;
      s.sampled[f] += overlap;
    }
  }
  for (std::size_t f = 0; f < nf; ++f) {
    out.value[f][i] = s.w[f] > 0 ? s.wv[f] / s.w[f] : kMissing;
    out.coverage[f][i] = std::min(1.0, s.sampled[f] / (b - a));
  }
}

void resize(Composites& c, std::size_t n) {
  resize_large(c.hole, n);
  resize_large(c.from, n);
  resize_large(c.to, n);
  resize_large(c.mid, n);
  resize_large(c.break_code, n);
  for (auto& v : c.value) resize_large(v, n);
  for (auto& v : c.coverage) resize_large(v, n);
}

}  // namespace

ResidualRule parse_residual_rule(std::string_view name) {
  if (name == "merge") return ResidualRule::merge;
  if (name == "keep") return ResidualRule::keep;
  throw Error("unknown residual rule '" + std::string(name) + "' (use merge or keep)");
}

std::string_view Composites::break_value(std::size_t i) const {
  if (break_code.empty() || break_code[i] < 0) return {};
  return break_values[static_cast<std::size_t>(break_code[i])];
}

Composites composite(const IntervalTable& table, std::span<const HoleTrace> traces, const CompositeOptions& options,
                     ProgressSink* progress) {
  Plan plan;
  make_plan(table, options, plan);
  if (table.hole_count() != traces.size())
    throw Error("composite: table '" + table.name() + "' is not finalized for " + std::to_string(traces.size()) +
                " holes");
  const std::size_t holes = traces.size();
  ProgressTask task(progress, "composite", 2 * holes);

  // Pass 1: how many composites each hole has, hence where its composites go.
  std::vector<std::size_t> offset(holes + 1, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, holes, 64), [&](const auto& r) {
    for (std::size_t h = r.begin(); h != r.end(); ++h) {
      std::size_t n = 0;
      for_each_composite(plan, static_cast<HoleIndex>(h), [&](double, double, std::size_t, std::size_t, std::size_t) { ++n; });
      offset[h + 1] = n;
    }
    task.advance(r.size());
  });
  std::partial_sum(offset.begin(), offset.end(), offset.begin());

  Composites out;
  for (const auto* f : plan.fields) out.field_names.push_back(f->name);
  out.value.resize(plan.fields.size());
  out.coverage.resize(plan.fields.size());
  if (plan.break_codes) {
    out.break_name = table.require_field(options.break_field).name;
    out.break_values = plan.break_values;
  }
  resize(out, offset[holes]);

  // Pass 2: fill each hole's slots.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, holes, 64), [&](const auto& r) {
    Sums sums;
    std::vector<double> mids;
    for (std::size_t h = r.begin(); h != r.end(); ++h) {
      std::size_t i = offset[h];
      for_each_composite(plan, static_cast<HoleIndex>(h),
                         [&](double a, double b, std::size_t first, std::size_t stop, std::size_t run) {
                           out.hole[i] = static_cast<HoleIndex>(h);
                           out.from[i] = a;
                           out.to[i] = b;
                           out.break_code[i] = plan.break_codes ? plan.break_codes[run] : -1;
                           average(plan, first, stop, a, b, i, sums, out);
                           ++i;
                         });
      const std::size_t b = offset[h], n = offset[h + 1] - b;
      mids.resize(n);
      for (std::size_t k = 0; k < n; ++k) mids[k] = 0.5 * (out.from[b + k] + out.to[b + k]);
      traces[h].positions_at(mids, std::span(out.mid).subspan(b, n));
    }
    task.advance(r.size());
  });
  return out;
}

}  // namespace georeserve::drillhole
