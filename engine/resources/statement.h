// Resource and reserve statements from any set of items that carry tonnage: blocks of a block model
// or cells of a seam model. Tonnage-weighted grades, grouping by class and any label columns
// (domain, seam, elevation level, planning block), reserves through modifying factors, and
// grade-tonnage curves. Resources and reserves are kept apart and never added (GB/T 17766-2020).
#pragma once

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "resources/resource_class.h"

namespace georeserve {

class ConfigView;

struct ResourceItems {
  std::vector<double> volume;      // m3 of material in the item (after domain fractions)
  std::vector<double> tonnes;      // t
  std::vector<double> class_code;  // ResourceClass code, NaN = not a resource
  std::vector<std::string> grade_names, grade_units;  // e.g. "CaSiO3", "%"
  std::vector<std::vector<double>> grades;            // [grade][item]; NaN = no value
  std::vector<std::string> group_names;               // e.g. "domain", "level", "planning_block"
  std::vector<std::vector<std::string>> groups;       // [group][item]

  std::size_t size() const { return tonnes.size(); }
  int grade_index(const std::string& name) const;  // -1 if absent
  int group_index(const std::string& name) const;
};

struct StatementRow {
  std::string category;     // "measured" / "proved" / "total"
  std::string category_cn;  // "探明" / "证实" / "合计"
  std::vector<std::string> group_values;  // one per group_by name
  double tonnes = 0, volume = 0;
  std::vector<double> grades;  // tonnage-weighted mean per grade (NaN where no tonnes carry a value)
  std::size_t items = 0;
  double density() const { return volume > 0 ? tonnes / volume : std::numeric_limits<double>::quiet_NaN(); }
};

struct Statement {
  std::vector<std::string> group_by;
  std::vector<std::string> grade_names, grade_units;
  std::vector<StatementRow> rows;  // ordered by category, then group values (sorted)
  nlohmann::json to_json() const;  // the report.json list (contract: class, class_cn, tonnes, grades, groups)
};

// Items passing `include` (e.g. the cut-off) grouped by resource class and group columns; also one
// row per class with all groups merged ("全部" / "all") when group_by is not empty.
Statement resource_statement(const ResourceItems& items, const std::vector<std::string>& group_by,
                             const std::function<bool(std::size_t)>& include = {});

struct ModifyingFactors {
  double mining_recovery = 0.85;             // fraction of in-situ tonnes recovered
  std::vector<double> recovery_per_item;     // optional override per item (coal: by thickness class)
  double dilution = 0.10;                    // waste tonnes added per tonne of ore recovered
  std::vector<double> dilution_grades;       // grade of the diluting waste, per grade (default 0)
  bool measured_to_probable = false;         // downgrade when a modifying factor is uncertain
  double production_rate = 0;                // t/a, for mine life (0 = not given)
  static ModifyingFactors from_config(const ConfigView& v, const std::vector<std::string>& grade_names);
};

// Reserves from measured/indicated items: proved from measured, probable from indicated.
Statement reserve_statement(const ResourceItems& items, const ModifyingFactors& factors,
                            const std::vector<std::string>& group_by,
                            const std::function<bool(std::size_t)>& include = {});

struct GradeTonnagePoint {
  double cutoff = 0, tonnes = 0, mean_grade = 0;
};
// Tonnes above each cut-off of grade `grade` and their mean grade, over items passing `include`.
std::vector<GradeTonnagePoint> grade_tonnage(const ResourceItems& items, int grade, const std::vector<double>& cutoffs,
                                             const std::function<bool(std::size_t)>& include = {});

}  // namespace georeserve
