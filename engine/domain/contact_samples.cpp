#include "domain/contact_samples.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text.h"

namespace georeserve {

namespace {

struct Run {
  double from, to;
  bool inside;
};

// Consecutive intervals merged into runs of equal inside/outside state; gaps end a run.
std::vector<Run> runs_of_hole(const drillhole::IntervalTable& table, const drillhole::IntervalField& field,
                              const std::vector<bool>& inside_code, drillhole::HoleIndex h) {
  std::vector<Run> runs;
  for (std::size_t r = table.hole_begin(h); r < table.hole_end(h); ++r) {
    const std::int32_t code = field.codes[r];
    if (code < 0) continue;  // missing log: unknown
    const bool in = inside_code[static_cast<std::size_t>(code)];
    const double from = table.from(r), to = table.to(r);
    if (!runs.empty() && runs.back().inside == in && std::abs(runs.back().to - from) < 1e-6 && from >= runs.back().from)
      runs.back().to = std::max(runs.back().to, to);
    else
      runs.push_back({from, to, in});
  }
  return runs;
}

}  // namespace

ContactSamples contact_samples(const drillhole::IntervalTable& table, const std::string& field_name,
                               const std::vector<std::string>& codes, std::span<const drillhole::HoleTrace> traces,
                               const ContactSampleOptions& options) {
  const auto& field = table.require_field(field_name);
  if (field.is_numeric())
    throw InputError(table.file(), 1, field_name, "the domain field must be a text field (a lithology code)");
  if (!(options.step > 0) || !(options.cap > 0)) throw Error("contact samples: step and cap must be positive");
  std::vector<bool> inside_code(field.categories.size(), false);
  bool any = false;
  for (std::size_t c = 0; c < field.categories.size(); ++c)
    for (const auto& code : codes)
      if (iequals(field.categories[c], code)) inside_code[c] = any = true;
  if (!any)
    throw InputError(table.file(), 0, field_name,
                     "no interval is logged with any of the domain codes (" + std::to_string(codes.size()) + " given)");

  ContactSamples out;
  for (std::size_t h = 0; h < traces.size(); ++h) {
    const auto hole = static_cast<drillhole::HoleIndex>(h);
    if (hole >= static_cast<drillhole::HoleIndex>(table.hole_count())) break;
    const auto runs = runs_of_hole(table, field, inside_code, hole);
    if (runs.empty()) continue;
    // Contacts: boundaries between adjacent runs of different state.
    std::vector<double> contacts;
    bool has_inside = false;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      has_inside = has_inside || runs[r].inside;
      if (r > 0 && runs[r].inside != runs[r - 1].inside && std::abs(runs[r].from - runs[r - 1].to) < 1e-6)
        contacts.push_back(runs[r].from);
    }
    out.holes_inside += has_inside ? 1 : 0;
    out.contacts += contacts.size();
    auto add = [&](double depth, double value) {
      out.position.push_back(traces[h].position_at(depth));
      out.signed_distance.push_back(value);
      out.hole.push_back(hole);
    };
    for (double c : contacts) add(c, 0.0);
    for (const auto& run : runs) {
      // Samples at the centres of steps inside the run, avoiding the contacts themselves.
      const double length = run.to - run.from;
      const int n = std::max(1, static_cast<int>(std::ceil(length / options.step)));
      for (int k = 0; k < n; ++k) {
        const double d = run.from + (k + 0.5) * length / n;
        double nearest = options.cap;
        for (double c : contacts) nearest = std::min(nearest, std::abs(d - c));
        add(d, run.inside ? nearest : -nearest);
      }
    }
  }
  return out;
}

}  // namespace georeserve
