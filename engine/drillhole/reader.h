// Reading collar, survey and interval tables (DESIGN.md section 3) into a DrillholeDatabase.
// Reading never stops at the first problem: every problem goes to a Diagnostics list with file and
// line, and the rows concerned are left out, so `validate` can list everything in one run.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "core/diagnostics.h"
#include "drillhole/column_map.h"
#include "drillhole/tables.h"

namespace georeserve {
class CsvTable;
}

namespace georeserve::drillhole {

struct DrillholeSources {
  std::filesystem::path collar;
  std::optional<std::filesystem::path> survey;
  std::vector<std::filesystem::path> intervals;
};

// Tables already parsed (tests make them with parse_csv). A null collar means it could not be read:
// then rows cannot be matched to holes and "unknown hole" is not reported. The returned database
// is finalized. Interval tables are named by their file's stem ("assay" for "data/assay.csv"); a table
// missing a key column (hole_id, from, to) is left out.
DrillholeDatabase read_drillholes(const CsvTable* collar, const CsvTable* survey,
                                  const std::vector<const CsvTable*>& intervals, const ColumnMap& columns,
                                  Diagnostics& diag);

// Reads the files; a file that cannot be opened is a diagnostic too.
DrillholeDatabase read_drillhole_files(const DrillholeSources& sources, const ColumnMap& columns,
                                       Diagnostics& diag);

}  // namespace georeserve::drillhole
