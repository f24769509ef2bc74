#include "pipeline/report_tables.h"

#include <cmath>
#include <fstream>

#include "core/text.h"
#include "io/json_config.h"

namespace georeserve {

namespace {

nlohmann::json num(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }
std::string kt(double tonnes) { return format_fixed(tonnes / 1000.0, 1); }
bool is_total(const StatementRow& r) {
  for (const auto& g : r.group_values)
    if (g == "all") return true;
  return false;
}

}  // namespace

double ReportTables::total_tonnes(const Statement& s) const {
  double t = 0;
  for (const auto& r : s.rows)
    if (!is_total(r)) t += r.tonnes;
  return t;
}

double ReportTables::mine_life_years() const {
  const double rate = c_.model.reserves.production_rate;
  return rate > 0 ? total_tonnes(c_.reserves) / rate : std::nan("");
}

std::function<bool(std::size_t)> ReportTables::cutoff_filter() const {
  if (c_.model.cutoff_field.empty()) return {};
  const int g = c_.items.grade_index(c_.model.cutoff_field);
  const double cut = c_.model.cutoff;
  const auto* items = &c_.items;
  return [items, g, cut](std::size_t i) {
    const double v = items->grades[static_cast<std::size_t>(g)][i];
    return !std::isnan(v) && v >= cut;
  };
}

std::string ReportTables::cutoff_text() const {
  if (c_.model.cutoff_field.empty()) return " No cut-off applied.";
  return " Cut-off 边界品位: " + c_.model.cutoff_field + " >= " + format_double(c_.model.cutoff) + " %.";
}

std::vector<std::string> ReportTables::statement_headers(const std::string& group_title) const {
  std::vector<std::string> h = {"class 类型", group_title, "ore 矿石量 (kt)", "volume 体积 (km³)", "density 体重 (t/m³)"};
  for (std::size_t g = 0; g < c_.items.grade_names.size(); ++g)
    h.push_back(c_.items.grade_names[g] + " (" + c_.items.grade_units[g] + ")");
  h.push_back("blocks 块数");
  return h;
}

std::vector<bool> ReportTables::statement_numeric() const {
  std::vector<bool> n = {false, false, true, true, true};
  for (std::size_t g = 0; g < c_.items.grade_names.size(); ++g) n.push_back(true);
  n.push_back(true);
  return n;
}

std::vector<std::vector<std::string>> ReportTables::statement_rows(const Statement& s) const {
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : s.rows) {
    std::vector<std::string> row = {r.category_cn + " " + r.category,
                                    r.group_values.empty() ? "" : (is_total(r) ? "合计 all" : r.group_values[0]),
                                    kt(r.tonnes), format_fixed(r.volume / 1000.0, 1), format_fixed(r.density(), 2)};
    for (std::size_t g = 0; g < r.grades.size(); ++g)
      row.push_back(format_fixed(r.grades[g], c_.model.grades[g].decimals));
    row.push_back(std::to_string(r.items));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ReportTables::modifying_factors_text() const {
  const auto& f = c_.model.reserves;
  std::string s = "Modifying factors 转换因素: mining recovery 回采率 " + format_fixed(f.mining_recovery * 100, 1) +
                  " %, dilution 贫化率 " + format_fixed(f.dilution * 100, 1) + " %";
  for (std::size_t g = 0; g < f.dilution_grades.size() && g < c_.items.grade_names.size(); ++g)
    s += ", diluent " + c_.items.grade_names[g] + " " + format_double(f.dilution_grades[g]) + " %";
  s += f.measured_to_probable ? "; measured resources downgraded to probable reserves." : "; 探明 → 证实, 控制 → 可信, 推断 not converted.";
  return s;
}

std::vector<std::string> ReportTables::mine_life_lines() const {
  const double rate = c_.model.reserves.production_rate;
  if (!(rate > 0)) return {};
  return {"Planned production 设计生产能力 " + kt(rate) + " kt/a; total reserves 储量合计 " +
          kt(total_tonnes(c_.reserves)) + " kt; mine life 服务年限 " + format_fixed(mine_life_years(), 1) + " a."};
}

std::vector<std::vector<std::string>> ReportTables::summary_rows() const {
  const auto& m = c_.model;
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"drillholes 钻孔", std::to_string(c_.db.hole_count())});
  rows.push_back({"composites 组合样 (" + format_double(m.composite_length) + " m)", std::to_string(c_.composites.size())});
  for (const auto& d : c_.domains) {
    rows.push_back({"domain 矿体 " + d.settings->name_cn + " volume 体积 (km³)", format_fixed(d.solid_volume / 1000, 1)});
    rows.push_back({"domain 矿体 " + d.settings->name_cn + " density 体重 (t/m³, " +
                        std::to_string(d.density_measurements) + " measurements)",
                    format_fixed(d.density, 3)});
  }
  const auto& g = c_.blocks->grid();
  rows.push_back({"block model 块体模型 (m)", format_double(g.block_size().x()) + " × " + format_double(g.block_size().y()) +
                                                " × " + format_double(g.block_size().z()) + ", " +
                                                std::to_string(g.count()[0]) + " × " + std::to_string(g.count()[1]) +
                                                " × " + std::to_string(g.count()[2])});
  for (auto rc : all_resource_classes) {
    double t = 0;
    for (const auto& r : c_.resources.rows)
      if (!is_total(r) && r.category == class_name(rc)) t += r.tonnes;
    rows.push_back({std::string(class_name_cn(rc)) + " " + std::string(class_name(rc)) + " resources 资源量 (kt)", kt(t)});
  }
  rows.push_back({"total resources 资源量合计 (kt)", kt(total_tonnes(c_.resources))});
  rows.push_back({"reserves 储量 (kt)", kt(total_tonnes(c_.reserves))});
  if (c_.model.reserves.production_rate > 0) rows.push_back({"mine life 服务年限 (a)", format_fixed(mine_life_years(), 1)});
  return rows;
}

std::vector<std::string> ReportTables::truth_lines() const {
  if (!c_.model.report.truth) return {};
  std::vector<std::string> out;
  try {
    const auto doc = load_json_file(*c_.model.report.truth);
    const auto& t = doc.root;
    // The synth generator's summary: total.ore_kt and total.<grade>_pct.
    if (t.contains("total") && t["total"].contains("ore_kt")) {
      const double truth = t["total"]["ore_kt"].get<double>() * 1000;
      const double est = total_tonnes(c_.resources);
      out.push_back("Synthetic data: the true ore tonnage is " + kt(truth) + " kt; the estimated resources total " +
                    kt(est) + " kt (" + format_fixed(100 * (est - truth) / truth, 2) + " %). 合成数据：真值 " + kt(truth) +
                    " kt。");
      const std::string g = c_.items.grade_names.front();
      if (t["total"].contains(g + "_pct")) {
        const double tg = t["total"][g + "_pct"].get<double>();
        double est = 0, tonnes = 0;
        for (const auto& r : c_.resources.rows)
          if (!is_total(r) && !std::isnan(r.grades[0])) {
            est += r.tonnes * r.grades[0];
            tonnes += r.tonnes;
          }
        est /= tonnes;
        out.push_back("True mean " + g + " " + format_fixed(tg, 2) + " %; estimated " + format_fixed(est, 2) + " % (" +
                      format_fixed(100 * (est - tg) / tg, 2) + " % relative).");
      }
    }
  } catch (const std::exception& e) {
    out.push_back(std::string("truth summary unreadable: ") + e.what());
  }
  return out;
}

std::vector<std::vector<std::string>> ReportTables::global_mean_rows() const {
  const auto& v = c_.validation;
  return {{"kriged blocks (tonnage-weighted) 克里格块段", format_fixed(v.mean_estimate, 3)},
          {"declustered composites 解聚组合样", format_fixed(v.mean_declustered, 3)},
          {"naive composites 组合样算术平均", format_fixed(v.mean_naive, 3)},
          {"nearest neighbour 最近邻", format_fixed(v.mean_nearest, 3)},
          {"kriged / declustered − 1 (%)", format_fixed(100 * (v.mean_estimate / v.mean_declustered - 1), 2)}};
}

std::vector<std::vector<std::string>> ReportTables::cross_validation_rows() const {
  const auto& v = c_.validation;
  return {{"composites 样品数", std::to_string(v.cv_count)},
          {"mean error 平均误差", format_fixed(v.cv_mean_error, 3)},
          {"RMSE 均方根误差", format_fixed(v.cv_rmse, 3)},
          {"correlation 相关系数", format_fixed(v.cv_correlation, 3)},
          {"mean z-score", format_fixed(v.cv_mean_z, 3)},
          {"variance of z-scores (ideal 1)", format_fixed(v.cv_var_z, 3)}};
}

std::vector<std::vector<std::string>> ReportTables::timing_rows() const {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [name, s] : c_.stage_seconds) rows.push_back({name, format_fixed(s, 2)});
  return rows;
}

nlohmann::json ReportTables::json() const {
  const auto& m = c_.model;
  nlohmann::json j;
  j["model"] = m.name;
  j["title"] = m.title;
  j["crs"] = m.crs;
  j["generated_by"] = std::string("georeserve ") + GEORESERVE_VERSION;
  j["units"] = {{"tonnes", "t"}, {"volume", "m3"}, {"density", "t/m3"}, {"grades", "mass %"}};
  auto leaf = [](const Statement& s) {
    nlohmann::json out = nlohmann::json::array();
    const auto all = s.to_json();
    for (std::size_t r = 0; r < s.rows.size(); ++r)
      if (!is_total(s.rows[r])) out.push_back(all[r]);
    return out;
  };
  j["resources"] = leaf(c_.resources);
  j["reserves"] = leaf(c_.reserves);
  j["resources_by_level"] = leaf(resource_statement(c_.items, {"level"}, cutoff_filter()));
  if (c_.items.group_index("planning_block") >= 0)
    j["resources_by_planning_block"] = leaf(resource_statement(c_.items, {"planning_block"}, cutoff_filter()));
  j["total_resource_tonnes"] = total_tonnes(c_.resources);
  j["total_reserve_tonnes"] = total_tonnes(c_.reserves);
  j["cutoff"] = m.cutoff_field.empty() ? nlohmann::json() : nlohmann::json{{"field", m.cutoff_field}, {"value", m.cutoff}};
  j["modifying_factors"] = {{"mining_recovery", m.reserves.mining_recovery},
                            {"dilution", m.reserves.dilution},
                            {"measured_to_probable", m.reserves.measured_to_probable}};
  j["production_rate_t_per_year"] = num(m.reserves.production_rate);
  j["mine_life_years"] = num(mine_life_years());
  nlohmann::json gt = nlohmann::json::array();
  for (const auto& p : c_.grade_tonnage) gt.push_back({{"cutoff", p.cutoff}, {"tonnes", p.tonnes}, {"mean_grade", num(p.mean_grade)}});
  j["grade_tonnage"] = gt;
  nlohmann::json domains = nlohmann::json::array();
  for (const auto& d : c_.domains)
    domains.push_back({{"name", d.settings->name}, {"name_cn", d.settings->name_cn}, {"volume_m3", d.solid_volume},
                       {"density_t_m3", d.density}, {"density_measurements", d.density_measurements},
                       {"composites", d.composites}, {"contacts", d.contacts.contacts}});
  j["domains"] = domains;
  nlohmann::json vg = nlohmann::json::object();
  for (const auto& g : c_.grades) vg[g.settings->field] = g.model.to_json();
  j["variograms"] = vg;
  const auto& v = c_.validation;
  j["validation"] = {{"mean_estimate", num(v.mean_estimate)},       {"mean_declustered", num(v.mean_declustered)},
                     {"mean_naive", num(v.mean_naive)},             {"mean_nearest_neighbour", num(v.mean_nearest)},
                     {"crossval_count", v.cv_count},                {"crossval_mean_error", num(v.cv_mean_error)},
                     {"crossval_rmse", num(v.cv_rmse)},             {"crossval_correlation", num(v.cv_correlation)},
                     {"crossval_mean_z", num(v.cv_mean_z)},         {"crossval_var_z", num(v.cv_var_z)}};
  const auto& g = c_.blocks->grid();
  j["block_model"] = {{"origin", {g.origin().x(), g.origin().y(), g.origin().z()}},
                      {"block_size", {g.block_size().x(), g.block_size().y(), g.block_size().z()}},
                      {"count", {g.count()[0], g.count()[1], g.count()[2]}},
                      {"rotation", g.rotation_deg()}};
  j["notes"] = c_.notes;
  nlohmann::json timing = nlohmann::json::object();
  for (const auto& [name, s] : c_.stage_seconds) timing[name] = s;
  j["timing_s"] = timing;
  return j;
}

}  // namespace georeserve
