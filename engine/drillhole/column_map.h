// Which column of each drillhole table holds what. Defaults are the names of DESIGN.md section 3;
// a model file may rename them (e.g. hole_id -> "BHID", x -> "EAST"). Matching is case-insensitive.
#pragma once

#include <filesystem>
#include <string>

namespace georeserve {
class ConfigView;
}

namespace georeserve::drillhole {

struct CollarColumns {
  std::string hole_id = "hole_id", x = "x", y = "y", z = "z", max_depth = "max_depth";
  std::string azimuth = "azimuth", dip = "dip";  // optional columns
};

struct SurveyColumns {
  std::string hole_id = "hole_id", depth = "depth", azimuth = "azimuth", dip = "dip";
};

struct IntervalColumns {
  std::string hole_id = "hole_id", from = "from", to = "to";
};

struct ColumnMap {
  CollarColumns collar;
  SurveyColumns survey;
  IntervalColumns intervals;
};

// Reads a mapping such as
//   {"hole_id": "BHID",                       // shorthand for all three tables
//    "collar": {"x": "EAST", "y": "NORTH", "z": "RL", "max_depth": "DEPTH"},
//    "survey": {"depth": "AT"}, "intervals": {"from": "FROM_M", "to": "TO_M"}}
// Unknown keys are errors; anything not named keeps its default.
ColumnMap column_map_from_config(const ConfigView& view);
// The same from a JSON file holding only the mapping.
ColumnMap load_column_map(const std::filesystem::path& path);

}  // namespace georeserve::drillhole
