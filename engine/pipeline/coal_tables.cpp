// report.json and text tables of a coal run (coal_tables.h).
#include "pipeline/coal_tables.h"

#include <cmath>

#include "core/text.h"
#include "io/json_config.h"
#include "pipeline/coal_truth.h"

namespace georeserve {

namespace {

nlohmann::json num(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }
std::string mt(double t) { return format_fixed(t / 1e6, 2); }
std::string pct(double est, double truth) {
  return std::isfinite(truth) && truth > 0 ? format_fixed(100 * (est - truth) / truth, 2) : "";
}
bool is_total(const StatementRow& r) {
  for (const auto& g : r.group_values)
    if (g == "all") return true;
  return false;
}

}  // namespace

nlohmann::json leaf_rows_json(const Statement& s) {
  nlohmann::json out = nlohmann::json::array();
  const auto all = s.to_json();
  for (std::size_t r = 0; r < s.rows.size(); ++r)
    if (!is_total(s.rows[r])) {
      auto row = all[r];
      if (row.contains("seam")) row["domain"] = row["seam"];
      out.push_back(row);
    }
  return out;
}

std::vector<TruthRow> truth_rows(const CoalContext& c) {
  std::vector<TruthRow> rows;
  nlohmann::json truth;
  if (c.model.truth) truth = load_json_file(*c.model.truth).root;
  auto fill = [](TruthRow& r, const nlohmann::json& t) {
    auto get = [&](const char* k) { return t.contains(k) ? t[k].get<double>() * 1e6 : NAN; };
    r.true_insitu = get("insitu_Mt"), r.true_mineable = get("mineable_Mt"), r.true_remaining = get("remaining_Mt");
    r.true_burnt = get("burnt_Mt"), r.true_mined = get("mined_Mt");
  };
  TruthRow total;
  total.seam = "total";
  for (std::size_t s = 0; s < c.status.size(); ++s) {
    const auto& st = c.status[s];
    TruthRow r;
    r.seam = c.model.seams.names[s];
    r.est_insitu = st.insitu, r.est_mineable = st.mineable, r.est_remaining = st.remaining;
    r.est_burnt = st.burnt, r.est_mined = st.mined;
    if (truth.contains("seams"))
      for (const auto& t : truth["seams"])
        if (t.value("seam", "") == r.seam) fill(r, t);
    total.est_insitu += r.est_insitu, total.est_mineable += r.est_mineable, total.est_remaining += r.est_remaining;
    total.est_burnt += r.est_burnt, total.est_mined += r.est_mined;
    rows.push_back(r);
  }
  if (truth.contains("total")) fill(total, truth["total"]);
  rows.push_back(total);
  return rows;
}

std::vector<std::string> coal_statement_headers(const Statement& s) {
  std::vector<std::string> h = {"class 类型"};
  for (const auto& g : s.group_by) {
    if (g == "seam") h.push_back("seam 煤层");
    else if (g == "depth_band") h.push_back("depth 埋深");
    else if (g == "planning_block") h.push_back("planning block 规划区块");
    else if (g == "thickness_class") h.push_back("thickness 厚度级");
    else h.push_back(g);
  }
  for (const char* x : {"coal 煤量 (Mt)", "volume 体积 (Mm³)", "density 视密度 (t/m³)", "Ad (%)", "St,d (%)",
                        "Qnet,ar (MJ/kg)"})
    h.push_back(x);
  return h;
}

TextTable coal_statement_rows(const Statement& s) {
  TextTable rows;
  for (const auto& r : s.rows) {
    std::vector<std::string> row = {r.category_cn + " " + r.category};
    for (const auto& g : r.group_values) row.push_back(g == "all" ? "合计 all" : g);
    row.push_back(mt(r.tonnes));
    row.push_back(format_fixed(r.volume / 1e6, 2));
    row.push_back(format_fixed(r.density(), 3));
    const int dec[3] = {2, 3, 2};
    for (std::size_t g = 0; g < r.grades.size() && g < 3; ++g) row.push_back(format_fixed(r.grades[g], dec[g]));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> seam_summary_headers() {
  return {"seam 煤层", "picks 见煤孔", "zero 未见煤孔", "fault blocks 断块", "coal area 含煤面积 (km²)",
          "in situ 原地 (Mt)", "burnt 烧变 (Mt)", "mined 采空 (Mt)", "below limits 不可采 (Mt)", "too deep 超深 (Mt)",
          "resources 保有资源量 (Mt)"};
}

TextTable seam_summary_rows(const CoalContext& c) {
  TextTable rows;
  for (std::size_t s = 0; s < c.seams.seams.size(); ++s) {
    const auto& sf = c.seams.seams[s];
    const auto& st = c.status[s];
    rows.push_back({c.model.seams.names_cn[s], std::to_string(sf.thickness_samples.size() - sf.zero_samples),
                    std::to_string(sf.zero_samples), std::to_string(sf.blocks.count()), format_fixed(st.area_coal / 1e6, 2),
                    mt(st.insitu), mt(st.burnt), mt(st.mined), mt(st.below_limits), mt(st.too_deep), mt(st.resources)});
  }
  return rows;
}

std::vector<std::string> truth_headers() {
  return {"seam 煤层",          "in situ est. 估算原地 (Mt)", "in situ true 真值 (Mt)", "diff 差 (%)",
          "mineable est. 可采 (Mt)", "mineable true 真值 (Mt)", "diff 差 (%)", "remaining est. 保有 (Mt)",
          "remaining true 真值 (Mt)", "diff 差 (%)", "burnt est./true 烧变 (Mt)", "mined est./true 采空 (Mt)"};
}

TextTable truth_table(const CoalContext& c) {
  TextTable rows;
  for (const auto& r : truth_rows(c))
    rows.push_back({r.seam, mt(r.est_insitu), mt(r.true_insitu), pct(r.est_insitu, r.true_insitu), mt(r.est_mineable),
                    mt(r.true_mineable), pct(r.est_mineable, r.true_mineable), mt(r.est_remaining), mt(r.true_remaining),
                    pct(r.est_remaining, r.true_remaining), mt(r.est_burnt) + " / " + mt(r.true_burnt),
                    mt(r.est_mined) + " / " + mt(r.true_mined)});
  return rows;
}

std::vector<std::string> class_truth_headers() {
  return {"seam 煤层", "class 类型", "area 面积 (km²)", "estimate 估算 (Mt)", "truth 真值 (Mt)", "diff 差 (%)"};
}

TextTable class_truth_table(const std::vector<ClassTruthRow>& rows) {
  TextTable out;
  for (const auto& r : rows)
    out.push_back({r.seam, r.class_cn + " " + r.class_name, format_fixed(r.area / 1e6, 2), mt(r.estimate), mt(r.truth),
                   pct(r.estimate, r.truth)});
  return out;
}

std::vector<std::string> block_headers() {
  return {"block 块段",          "class 类别",          "area 面积 (km²)",        "dip 倾角 (°)",
          "thickness 平均厚度 (m)", "true thickness 真厚度 (m)", "slope area 斜面积 (km²)", "volume 体积 (Mm³)",
          "density 视密度 (t/m³)", "coal 煤量 (Mt)",       "kriging 克里格 (Mt)",    "holes 工程点"};
}

TextTable block_rows(const CoalContext& c, std::size_t seam) {
  TextTable rows;
  for (const auto& b : c.block_method[seam].blocks) {
    const auto rc = static_cast<ResourceClass>(b.class_code);
    std::string holes;
    for (std::size_t i = 0; i < b.holes.size(); ++i) holes += (i ? " " : "") + b.holes[i];
    if (b.nearest_holes) holes += " (nearest 邻近)";
    rows.push_back({b.label, std::string(class_name_cn(rc)), format_fixed(b.area / 1e6, 3), format_fixed(b.dip_deg, 1),
                    format_fixed(b.thickness, 2), format_fixed(b.true_thickness, 2), format_fixed(b.slope_area / 1e6, 3),
                    format_fixed(b.volume / 1e6, 3), format_fixed(b.density, 3), format_fixed(b.tonnes / 1e6, 3),
                    format_fixed(b.kriged_tonnes / 1e6, 3), holes});
  }
  return rows;
}

std::vector<std::string> method_headers() {
  return {"seam 煤层", "blocks 块段数", "block method 地质块段法 (Mt)", "kriging 克里格法 (Mt)", "difference 差 (%)"};
}

TextTable method_rows(const CoalContext& c) {
  TextTable rows;
  double tb = 0, tk = 0;
  for (std::size_t s = 0; s < c.block_method.size(); ++s) {
    const auto& b = c.block_method[s];
    tb += b.tonnes, tk += b.kriged_tonnes;
    rows.push_back({c.model.seams.names_cn[s], std::to_string(b.blocks.size()), mt(b.tonnes), mt(b.kriged_tonnes),
                    pct(b.tonnes, b.kriged_tonnes)});
  }
  rows.push_back({"合计 total", "", mt(tb), mt(tk), pct(tb, tk)});
  return rows;
}

nlohmann::json coal_report_json(const CoalContext& c) {
  const auto& m = c.model;
  nlohmann::json j;
  j["model"] = m.name;
  j["kind"] = "coal-seams";
  j["title"] = m.title;
  j["crs"] = m.crs;
  j["generated_by"] = std::string("georeserve ") + GEORESERVE_VERSION;
  j["units"] = {{"tonnes", "t"}, {"volume", "m3"}, {"density", "t/m3"}, {"thickness", "m"},
                {"grades", {{"Ad", "%"}, {"St,d", "%"}, {"Qnet,ar", "MJ/kg"}}}};
  j["resources"] = leaf_rows_json(c.resources);
  j["reserves"] = leaf_rows_json(c.reserves);
  j["resources_by_seam_class_depth_planning"] =
      leaf_rows_json(resource_statement(c.items.items, {"seam", "depth_band", "planning_block"}));
  j["resources_by_depth"] = leaf_rows_json(c.by_depth);
  j["resources_by_planning_block"] = leaf_rows_json(c.by_planning);
  j["resources_by_thickness_class"] = leaf_rows_json(c.by_thickness);
  double rt = 0, rr = 0;
  for (const auto& r : j["resources"]) rt += r["tonnes"].get<double>();
  for (const auto& r : j["reserves"]) rr += r["tonnes"].get<double>();
  j["total_resource_tonnes"] = rt;
  j["total_reserve_tonnes"] = rr;
  j["limits"] = {{"min_thickness_m", m.limits.min_thickness}, {"max_ash_pct", m.limits.max_ash},
                 {"max_sulfur_pct", m.limits.max_sulfur},   {"min_cv_MJ_kg", m.limits.min_cv},
                 {"max_depth_m", m.limits.max_depth}};
  nlohmann::json tc = nlohmann::json::array();
  for (const auto& t : m.thickness_classes)
    tc.push_back({{"label", t.label}, {"below_m", num(t.below)}, {"recovery", t.recovery}});
  j["recovery_by_thickness"] = tc;
  j["dilution"] = m.dilution;
  nlohmann::json seams = nlohmann::json::array();
  for (std::size_t s = 0; s < c.seams.seams.size(); ++s) {
    const auto& sf = c.seams.seams[s];
    const auto& st = c.status[s];
    seams.push_back({{"seam", m.seams.names[s]},
                     {"name_cn", m.seams.names_cn[s]},
                     {"picks", sf.thickness_samples.size() - sf.zero_samples},
                     {"zero_thickness_holes", sf.zero_samples},
                     {"burnt_holes_left_out", sf.burnt_holes_left_out},
                     {"fault_gap_holes_left_out", sf.gap_holes_left_out},
                     {"fault_blocks", sf.blocks.count()},
                     {"fallback_blocks", sf.fallback_blocks},
                     {"coal_area_m2", st.area_coal},
                     {"insitu_t", st.insitu},
                     {"mineable_t", st.mineable},
                     {"burnt_t", st.burnt},
                     {"mined_t", st.mined},
                     {"remaining_t", st.remaining},
                     {"below_limits_t", st.below_limits},
                     {"too_deep_t", st.too_deep},
                     {"resources_t", st.resources},
                     {"mean_roof_z_m", sf.mean_roof_z}});
  }
  j["seams"] = seams;
  j["crossing_repairs"] = c.seams.crossing_repairs;
  if (m.truth) {
    nlohmann::json t = nlohmann::json::array();
    for (const auto& r : truth_rows(c))
      t.push_back({{"seam", r.seam},
                   {"insitu_t", r.est_insitu},       {"true_insitu_t", num(r.true_insitu)},
                   {"mineable_t", r.est_mineable},   {"true_mineable_t", num(r.true_mineable)},
                   {"remaining_t", r.est_remaining}, {"true_remaining_t", num(r.true_remaining)},
                   {"burnt_t", r.est_burnt},         {"true_burnt_t", num(r.true_burnt)},
                   {"mined_t", r.est_mined},         {"true_mined_t", num(r.true_mined)}});
    j["truth_comparison"] = t;
  }
  if (m.truth_grids) {
    nlohmann::json t = nlohmann::json::array();
    for (const auto& r : class_truth_rows(c))
      t.push_back({{"seam", r.seam}, {"class", r.class_name}, {"class_cn", r.class_cn}, {"area_m2", r.area},
                   {"tonnes", r.estimate}, {"true_tonnes", r.truth}});
    j["truth_by_class"] = t;
  }
  nlohmann::json bm = nlohmann::json::array();
  for (std::size_t s = 0; s < c.block_method.size(); ++s) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : c.block_method[s].blocks) {
      const auto rc = static_cast<ResourceClass>(b.class_code);
      blocks.push_back({{"block", b.label}, {"class", class_name(rc)}, {"class_cn", class_name_cn(rc)},
                        {"area_m2", b.area}, {"dip_deg", b.dip_deg}, {"thickness_m", b.thickness},
                        {"true_thickness_m", b.true_thickness}, {"slope_area_m2", b.slope_area}, {"volume_m3", b.volume},
                        {"density_t_m3", b.density}, {"tonnes", b.tonnes}, {"kriged_tonnes", b.kriged_tonnes},
                        {"holes", b.holes}, {"nearest_holes_used", b.nearest_holes}});
    }
    bm.push_back({{"seam", m.seams.names[s]}, {"tonnes", c.block_method[s].tonnes},
                  {"kriged_tonnes", c.block_method[s].kriged_tonnes}, {"blocks", blocks}});
  }
  j["block_method"] = bm;
  j["notes"] = c.notes;
  nlohmann::json timing = nlohmann::json::object();
  for (const auto& [name, s] : c.stage_seconds) timing[name] = s;
  nlohmann::json steps = nlohmann::json::object();
  for (const auto& [name, s] : c.seams.timing) steps[name] = s;
  j["timing_s"] = timing;
  j["seam_model_timing_s"] = steps;
  return j;
}

}  // namespace georeserve
