// Validation of a drillhole database (DESIGN.md section 4): everything wrong or suspicious, listed
// compiler style in one run. Errors make the data unusable as it is; warnings are legal but odd.
#pragma once

#include "core/diagnostics.h"
#include "drillhole/column_map.h"
#include "drillhole/reader.h"
#include "drillhole/tables.h"

namespace georeserve::drillhole {

struct ValidationOptions {
  double dogleg_limit = 10;     // degrees per dogleg_length metres above which a dog-leg is warned about
  double dogleg_length = 30;    // metres
  double tolerance = 1e-6;      // metres: gaps, overlaps and depth limits smaller than this are ignored
};

// Checks across rows of a read database: survey depths, dog-legs, interval order, gaps,
// overlaps and depth limits, holes without survey or without intervals.
void check_drillholes(const DrillholeDatabase& db, const ValidationOptions& options, Diagnostics& diag);

// Orders diagnostics by file (in the given order; others after them) and then by line.
void sort_diagnostics(Diagnostics& diag, const std::vector<std::string>& file_order);

// "3 errors, 2 warnings in 4 files".
std::string summary_line(const Diagnostics& diag, std::size_t file_count);

// Reads the files and checks them; the diagnostics come sorted by file (collar, survey, interval
// tables as given) and line. Commands that need valid data refuse to go on when diag has errors.
DrillholeDatabase load_drillholes(const DrillholeSources& sources, const ColumnMap& columns,
                                  const ValidationOptions& options, Diagnostics& diag);

}  // namespace georeserve::drillhole
