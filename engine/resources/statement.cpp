#include "resources/statement.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/json_config.h"

namespace georeserve {

int ResourceItems::grade_index(const std::string& name) const {
  for (std::size_t g = 0; g < grade_names.size(); ++g)
    if (grade_names[g] == name) return static_cast<int>(g);
  return -1;
}

int ResourceItems::group_index(const std::string& name) const {
  for (std::size_t g = 0; g < group_names.size(); ++g)
    if (group_names[g] == name) return static_cast<int>(g);
  return -1;
}

namespace {

// Accumulates tonnage-weighted sums for one statement row.
struct Accumulator {
  double tonnes = 0, volume = 0;
  std::vector<double> weighted, weight;  // per grade: sum(t * g), sum(t) over items with a value
  std::size_t items = 0;

  void add(const ResourceItems& it, std::size_t i, double tonnes_factor, const std::vector<double>* dilution_grades,
           double dilution) {
    const double t = it.tonnes[i] * tonnes_factor;
    tonnes += t * (1 + dilution);
    volume += it.volume[i] * tonnes_factor * (1 + dilution);
    weighted.resize(it.grades.size(), 0.0);
    weight.resize(it.grades.size(), 0.0);
    for (std::size_t g = 0; g < it.grades.size(); ++g) {
      const double v = it.grades[g][i];
      if (std::isnan(v)) continue;
      const double dg = dilution_grades && g < dilution_grades->size() ? (*dilution_grades)[g] : 0.0;
      weighted[g] += t * v + t * dilution * dg;
      weight[g] += t * (1 + dilution);
    }
    ++items;
  }
  StatementRow row(std::string cat, std::string cat_cn, std::vector<std::string> groups, std::size_t n_grades) const {
    StatementRow r;
    r.category = std::move(cat);
    r.category_cn = std::move(cat_cn);
    r.group_values = std::move(groups);
    r.tonnes = tonnes;
    r.volume = volume;
    r.items = items;
    r.grades.assign(n_grades, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t g = 0; g < n_grades && g < weight.size(); ++g)
      if (weight[g] > 0) r.grades[g] = weighted[g] / weight[g];
    return r;
  }
};

std::vector<int> group_columns(const ResourceItems& items, const std::vector<std::string>& group_by) {
  std::vector<int> cols;
  for (const auto& g : group_by) {
    const int c = items.group_index(g);
    if (c < 0) throw Error("statement: unknown grouping '" + g + "'");
    cols.push_back(c);
  }
  return cols;
}

// category code -> (name, name_cn); per item: category code (0 = skip) and tonnes factor.
Statement build(const ResourceItems& items, const std::vector<std::string>& group_by,
                const std::function<int(std::size_t)>& category_of, const std::function<double(std::size_t)>& factor,
                const std::function<std::pair<std::string, std::string>(int)>& names,
                const std::vector<double>* dilution_grades, double dilution) {
  const auto cols = group_columns(items, group_by);
  std::map<std::pair<int, std::vector<std::string>>, Accumulator> acc;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const int cat = category_of(i);
    if (cat <= 0 || !(items.tonnes[i] > 0)) continue;
    std::vector<std::string> key;
    for (int c : cols) key.push_back(items.groups[static_cast<std::size_t>(c)][i]);
    acc[{cat, key}].add(items, i, factor(i), dilution_grades, dilution);
    if (!cols.empty()) acc[{cat, std::vector<std::string>(cols.size(), "all")}].add(items, i, factor(i), dilution_grades, dilution);
  }
  Statement s;
  s.group_by = group_by;
  s.grade_names = items.grade_names;
  s.grade_units = items.grade_units;
  for (const auto& [key, a] : acc) {
    const auto [name, cn] = names(key.first);
    s.rows.push_back(a.row(name, cn, key.second, items.grades.size()));
  }
  return s;
}

}  // namespace

Statement resource_statement(const ResourceItems& items, const std::vector<std::string>& group_by,
                             const std::function<bool(std::size_t)>& include) {
  return build(
      items, group_by,
      [&](std::size_t i) {
        const double c = items.class_code[i];
        if (std::isnan(c) || (include && !include(i))) return 0;
        return static_cast<int>(c);
      },
      [](std::size_t) { return 1.0; },
      [](int c) {
        const auto rc = static_cast<ResourceClass>(c);
        return std::pair{std::string(class_name(rc)), std::string(class_name_cn(rc))};
      },
      nullptr, 0.0);
}

ModifyingFactors ModifyingFactors::from_config(const ConfigView& v, const std::vector<std::string>& grade_names) {
  v.allow_only({"mining_recovery", "dilution", "dilution_grades", "measured_to_probable", "production_rate"});
  ModifyingFactors f;
  f.mining_recovery = v.number_in("mining_recovery", f.mining_recovery, 0.01, 1.0);
  f.dilution = v.number_in("dilution", f.dilution, 0.0, 2.0);
  f.measured_to_probable = v.boolean("measured_to_probable", false);
  f.production_rate = v.number_in("production_rate", 0.0, 0.0, 1e9);
  f.dilution_grades.assign(grade_names.size(), 0.0);
  if (auto dg = v.find("dilution_grades")) {
    for (auto it = dg->json().begin(); it != dg->json().end(); ++it) {
      const auto pos = std::find(grade_names.begin(), grade_names.end(), it.key());
      if (pos == grade_names.end()) dg->fail_at(it.key(), "not a grade of this model");
      f.dilution_grades[static_cast<std::size_t>(pos - grade_names.begin())] = dg->number(it.key());
    }
  }
  return f;
}

Statement reserve_statement(const ResourceItems& items, const ModifyingFactors& f,
                            const std::vector<std::string>& group_by, const std::function<bool(std::size_t)>& include) {
  return build(
      items, group_by,
      [&](std::size_t i) {
        const double c = items.class_code[i];
        if (std::isnan(c) || (include && !include(i))) return 0;
        const auto rc = static_cast<ResourceClass>(static_cast<int>(c));
        if (rc == ResourceClass::measured)
          return static_cast<int>(f.measured_to_probable ? ReserveClass::probable : ReserveClass::proved);
        if (rc == ResourceClass::indicated) return static_cast<int>(ReserveClass::probable);
        return 0;  // inferred resources never become reserves
      },
      [&](std::size_t i) { return i < f.recovery_per_item.size() ? f.recovery_per_item[i] : f.mining_recovery; },
      [](int c) {
        const auto rc = static_cast<ReserveClass>(c);
        return std::pair{std::string(class_name(rc)), std::string(class_name_cn(rc))};
      },
      &f.dilution_grades, f.dilution);
}

std::vector<GradeTonnagePoint> grade_tonnage(const ResourceItems& items, int grade, const std::vector<double>& cutoffs,
                                             const std::function<bool(std::size_t)>& include) {
  std::vector<GradeTonnagePoint> out;
  for (double c : cutoffs) {
    double t = 0, tg = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const double g = items.grades[static_cast<std::size_t>(grade)][i];
      if (std::isnan(g) || g < c || !(items.tonnes[i] > 0) || (include && !include(i))) continue;
      t += items.tonnes[i];
      tg += items.tonnes[i] * g;
    }
    out.push_back({c, t, t > 0 ? tg / t : std::numeric_limits<double>::quiet_NaN()});
  }
  return out;
}

nlohmann::json Statement::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json o;
    o["class"] = r.category;
    o["class_cn"] = r.category_cn;
    for (std::size_t g = 0; g < group_by.size(); ++g) o[group_by[g]] = r.group_values[g];
    o["tonnes"] = r.tonnes;
    o["volume_m3"] = r.volume;
    o["density_t_m3"] = std::isnan(r.density()) ? nlohmann::json() : nlohmann::json(r.density());
    nlohmann::json grades = nlohmann::json::object();
    for (std::size_t g = 0; g < grade_names.size(); ++g)
      grades[grade_names[g]] = std::isnan(r.grades[g]) ? nlohmann::json() : nlohmann::json(r.grades[g]);
    o["grades"] = grades;
    o["blocks"] = r.items;
    list.push_back(o);
  }
  return list;
}

}  // namespace georeserve
