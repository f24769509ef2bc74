// Options and loading shared by the drillhole commands (validate, desurvey, composite): the table
// files, an optional column mapping, and refusing to go on when the tables have errors.
#pragma once

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/diagnostics.h"
#include "drillhole/column_map.h"
#include "drillhole/validate.h"

namespace georeserve::cli {

struct DrillholeFileOptions {
  std::string collar, survey, columns;
  std::vector<std::string> intervals;
};

enum class IntervalFiles { none, one, many };

inline void add_drillhole_file_options(CLI::App& sub, DrillholeFileOptions& o, IntervalFiles intervals) {
  // No ExistingFile checks: a file that cannot be read is bad input (exit 1, listed with the rest).
  sub.add_option("--collar", o.collar, "Collar table (CSV: hole_id,x,y,z,max_depth[,azimuth,dip])")->required();
  sub.add_option("--survey", o.survey, "Survey table (CSV: hole_id,depth,azimuth,dip)")->required();
  if (intervals == IntervalFiles::many)
    sub.add_option("--intervals", o.intervals, "Interval tables (CSV: hole_id,from,to,fields...); several allowed");
  else if (intervals == IntervalFiles::one)
    sub.add_option("--intervals", o.intervals, "Interval table (CSV: hole_id,from,to,fields...)")
        ->required()->expected(1);
  sub.add_option("--columns", o.columns,
                 "JSON column mapping, e.g. {\"hole_id\": \"BHID\", \"collar\": {\"x\": \"EAST\"}}");
}

inline drillhole::DrillholeSources drillhole_sources(const DrillholeFileOptions& o) {
  drillhole::DrillholeSources s;
  s.collar = o.collar;
  s.survey = o.survey;
  for (const auto& f : o.intervals) s.intervals.emplace_back(f);
  return s;
}

inline drillhole::ColumnMap column_map(const DrillholeFileOptions& o) {
  return o.columns.empty() ? drillhole::ColumnMap{} : drillhole::load_column_map(o.columns);
}

inline std::size_t file_count(const DrillholeFileOptions& o) { return 2 + o.intervals.size(); }

// Reads and validates; on any error prints the errors on stderr and returns nullopt (the command
// then exits 1 without writing anything).
inline std::optional<drillhole::DrillholeDatabase> load_valid_drillholes(const DrillholeFileOptions& o) {
  Diagnostics diag;
  auto db = drillhole::load_drillholes(drillhole_sources(o), column_map(o), {}, diag);
  if (!diag.has_errors()) {
    if (diag.warning_count() > 0)
      std::cerr << diag.warning_count() << " warning(s) in the drillhole tables; `georeserve validate` lists them\n";
    return db;
  }
  for (const auto& d : diag.items())
    if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << '\n';
  std::cerr << drillhole::summary_line(diag, file_count(o)) << "; nothing written\n";
  return std::nullopt;
}

}  // namespace georeserve::cli
