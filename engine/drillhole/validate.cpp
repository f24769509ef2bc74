// Cross-row checks of a drillhole database. Row-level problems (bad numbers, ranges, unknown and
// duplicate holes) are found while reading (reader.cpp); this file checks what needs whole holes.
#include "drillhole/validate.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <numbers>

#include "core/text.h"
#include "drillhole/desurvey.h"

namespace georeserve::drillhole {
namespace {

std::string num(double v) { return format_double(v); }
std::string quoted(const std::string& id) { return "'" + id + "'"; }

void check_survey(const DrillholeDatabase& db, HoleIndex h, const ValidationOptions& o, Diagnostics& d) {
  const Collar& c = db.collar(h);
  const auto stations = db.survey(h);
  const std::string& file = db.survey_file();
  if (stations.empty()) {
    if (file.empty()) return;  // no survey table (or it could not be read): nothing to say per hole
    if (!c.dip)
      d.warning(db.collar_file(), c.line,
                "hole " + quoted(c.hole_id) + " has no survey stations and no collar azimuth/dip; it is taken as vertical");
    else if (!c.azimuth && std::abs(*c.dip) != 90)
      d.warning(db.collar_file(), c.line,
                "hole " + quoted(c.hole_id) + " has no survey stations and a collar dip without azimuth; azimuth 0 is assumed");
    return;
  }
  for (std::size_t i = 0; i < stations.size(); ++i) {
    const auto& s = stations[i];
    if (s.depth > c.max_depth + o.tolerance)
      d.warning(file, s.line, "survey station at depth " + num(s.depth) + " of hole " + quoted(c.hole_id) +
                                  " is below the hole's max_depth " + num(c.max_depth));
    if (i == 0) continue;
    const auto& p = stations[i - 1];
    const double course = s.depth - p.depth;
    if (course <= o.tolerance) {
      const auto& [first, second] = p.line <= s.line ? std::pair(p, s) : std::pair(s, p);
      d.error(file, second.line, "duplicate survey depth " + num(s.depth) + " of hole " + quoted(c.hole_id) +
                                     " (also at line " + std::to_string(first.line) + ")");
      continue;
    }
    const double angle = angle_between(direction_vector(p.azimuth, p.dip), direction_vector(s.azimuth, s.dip)) *
                         180.0 / std::numbers::pi;
    const double severity = angle * o.dogleg_length / course;
    if (severity > o.dogleg_limit + 1e-9)
      d.warning(file, s.line,
                "dog-leg of " + format_fixed(angle, 1) + " degrees between depths " + num(p.depth) + " and " +
                    num(s.depth) + " of hole " + quoted(c.hole_id) + " (" + format_fixed(severity, 1) +
                    " degrees per " + num(o.dogleg_length) + " m; limit " + num(o.dogleg_limit) + ")");
  }
}

void check_intervals(const DrillholeDatabase& db, const IntervalTable& t, HoleIndex h, const ValidationOptions& o,
                     Diagnostics& d) {
  const Collar& c = db.collar(h);
  const std::size_t b = t.hole_begin(h), e = t.hole_end(h);
  if (b == e) {
    d.warning(db.collar_file(), c.line, "hole " + quoted(c.hole_id) + " has no intervals in " + t.file());
    return;
  }
  std::size_t deepest = b;  // the row reaching deepest so far
  for (std::size_t r = b; r < e; ++r) {
    const double from = t.from(r), to = t.to(r);
    const std::string range = num(from) + "-" + num(to);
    if (to > c.max_depth + o.tolerance)
      d.error(t.file(), t.line(r), "interval " + range + " of hole " + quoted(c.hole_id) +
                                       " goes below the hole's max_depth " + num(c.max_depth));
    if (r > b) {
      const double reached = t.to(deepest);
      if (from < reached - o.tolerance)
        d.error(t.file(), t.line(r), "interval " + range + " of hole " + quoted(c.hole_id) + " overlaps " +
                                         num(t.from(deepest)) + "-" + num(reached) + " (line " +
                                         std::to_string(t.line(deepest)) + ")");
      else if (from > reached + o.tolerance)
        d.warning(t.file(), t.line(r), "gap " + num(reached) + "-" + num(from) + " in hole " + quoted(c.hole_id) +
                                           " before interval " + range);
    }
    if (to > t.to(deepest) || r == b) deepest = r;
  }
}

}  // namespace

void check_drillholes(const DrillholeDatabase& db, const ValidationOptions& options, Diagnostics& diag) {
  for (std::size_t i = 0; i < db.hole_count(); ++i) check_survey(db, static_cast<HoleIndex>(i), options, diag);
  for (const auto& t : db.tables())
    for (std::size_t i = 0; i < db.hole_count(); ++i) check_intervals(db, t, static_cast<HoleIndex>(i), options, diag);
}

void sort_diagnostics(Diagnostics& diag, const std::vector<std::string>& file_order) {
  const auto& items = diag.items();
  // Rank of each item's file, computed once (files outside file_order follow, by name).
  std::vector<std::size_t> rank(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    rank[i] = static_cast<std::size_t>(std::find(file_order.begin(), file_order.end(), items[i].file) - file_order.begin());
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (rank[a] != rank[b]) return rank[a] < rank[b];
    if (rank[a] == file_order.size() && items[a].file != items[b].file) return items[a].file < items[b].file;
    return items[a].line < items[b].line;
  });
  Diagnostics sorted;
  for (std::size_t i : order) sorted.add(items[i]);
  diag = std::move(sorted);
}

std::string summary_line(const Diagnostics& diag, std::size_t file_count) {
  auto count = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  return count(diag.error_count(), "error") + ", " + count(diag.warning_count(), "warning") + " in " +
         count(file_count, "file");
}

DrillholeDatabase load_drillholes(const DrillholeSources& sources, const ColumnMap& columns,
                                  const ValidationOptions& options, Diagnostics& diag) {
  auto db = read_drillhole_files(sources, columns, diag);
  check_drillholes(db, options, diag);
  std::vector<std::string> order{sources.collar.string()};
  if (sources.survey) order.push_back(sources.survey->string());
  for (const auto& p : sources.intervals) order.push_back(p.string());
  sort_diagnostics(diag, order);
  return db;
}

}  // namespace georeserve::drillhole
