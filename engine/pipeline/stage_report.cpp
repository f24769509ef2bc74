// Stage report: report.json (the contract of DESIGN.md section 4) and report.html (one self-contained
// page, Chinese and English: statements, grade-tonnage, variograms, block model plans and sections,
// validation), with each figure also written as an SVG file under figures/.
#include <algorithm>
#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/text.h"
#include "geostat/variography_plot.h"
#include "pipeline/report_tables.h"
#include "pipeline/stage.h"
#include "report/block_figures.h"
#include "report/chart.h"
#include "report/html.h"

namespace georeserve {

namespace {


// Where the ore is: tonnage-weighted centre and the elevation with the most tonnes.
struct OreCentre {
  Eigen::Vector3d centre = Eigen::Vector3d::Zero();
  double best_z = 0;
  Eigen::Vector2d strike_a, strike_b, cross_a, cross_b;  // section lines through the centre
};

OreCentre ore_centre(const PipelineContext& c) {
  OreCentre o;
  const auto& g = c.blocks->grid();
  const auto& tonnes = c.blocks->at("tonnes").values;
  double t = 0;
  std::vector<double> per_layer(static_cast<std::size_t>(g.count()[2]), 0.0);
  Eigen::Matrix2d cov = Eigen::Matrix2d::Zero();
  for (std::size_t b = 0; b < g.block_count(); ++b)
    if (tonnes[b] > 0) {
      o.centre += tonnes[b] * g.centre(b);
      t += tonnes[b];
      per_layer[static_cast<std::size_t>(g.ijk(b).k)] += tonnes[b];
    }
  if (t > 0) o.centre /= t;
  for (std::size_t b = 0; b < g.block_count(); ++b)
    if (tonnes[b] > 0) {
      const Eigen::Vector2d d = (g.centre(b) - o.centre).head<2>();
      cov += tonnes[b] * d * d.transpose();
    }
  const auto k = std::max_element(per_layer.begin(), per_layer.end()) - per_layer.begin();
  o.best_z = g.origin().z() + (static_cast<double>(k) + 0.5) * g.block_size().z();
  // Strike: the principal horizontal axis of the ore's tonnage.
  Eigen::Vector2d strike(1, 0);
  if (cov.trace() > 0) {
    const double angle = 0.5 * std::atan2(2 * cov(0, 1), cov(0, 0) - cov(1, 1));
    strike = {std::cos(angle), std::sin(angle)};
  }
  const auto box = g.bounds();
  const double half = 0.5 * (box[1] - box[0]).head<2>().norm();
  const Eigen::Vector2d centre2 = o.centre.head<2>();
  const Eigen::Vector2d across(-strike.y(), strike.x());
  o.strike_a = centre2 - strike * half;
  o.strike_b = centre2 + strike * half;
  o.cross_a = centre2 - across * half;
  o.cross_b = centre2 + across * half;
  return o;
}

void save(const PipelineContext& c, const SvgCanvas& svg, const std::string& name) {
  svg.write(c.out / "figures" / (name + ".svg"));
}

}  // namespace

void stage_report(PipelineContext& c) {
  const auto& m = c.model;
  const ReportTables tables(c);
  nlohmann::json j = tables.json();
  write_file_atomically(c.out / "report.json", [&](std::ostream& o) { o << j.dump(2) << '\n'; });

  HtmlPage page(m.title + " — 资源量/储量估算报告 Resource and reserve report");
  page.paragraph("georeserve " + std::string(GEORESERVE_VERSION) + " · " + m.crs + " · model " + m.file.string(), "note");
  page.heading(2, "概况 Summary");
  page.table({"项目 Item", "数值 Value"}, tables.summary_rows(), {false, true});
  for (const auto& line : tables.truth_lines()) page.paragraph(line);

  page.heading(2, "资源量估算表 Resource statement");
  page.paragraph("GB/T 17766-2020: 探明 measured, 控制 indicated, 推断 inferred. Resources and reserves are reported "
                 "separately and never added. 资源量与储量分别列示，不相加。" + tables.cutoff_text());
  page.table(tables.statement_headers("domain 矿体"), tables.statement_rows(c.resources), tables.statement_numeric(),
             "按类型与矿体 by class and domain");
  const Statement by_level = resource_statement(c.items, {"level"}, tables.cutoff_filter());
  page.table(tables.statement_headers("level 中段"), tables.statement_rows(by_level), tables.statement_numeric(),
             "按中段 by elevation level (" + format_fixed(m.report.level_interval, 0) + " m)");
  if (c.items.group_index("planning_block") >= 0) {
    const Statement by_block = resource_statement(c.items, {"planning_block"}, tables.cutoff_filter());
    page.table(tables.statement_headers("planning block 规划区块"), tables.statement_rows(by_block),
               tables.statement_numeric(), "按规划区块 by planning block (" + m.report.planning_blocks->filename().string() + ")");
  }

  page.heading(2, "储量估算表 Reserve statement");
  page.paragraph(tables.modifying_factors_text());
  page.table(tables.statement_headers("domain 矿体"), tables.statement_rows(c.reserves), tables.statement_numeric(),
             "证实 proved / 可信 probable");
  for (const auto& line : tables.mine_life_lines()) page.paragraph(line);

  // Grade-tonnage curve.
  {
    ChartOptions o;
    const auto& field = m.cutoff_field.empty() ? c.items.grade_names.front() : m.cutoff_field;
    o.title = "品位-吨位曲线 Grade-tonnage curve (" + field + ")";
    o.x_title = "cut-off 边界品位 " + field + " (%)";
    o.y_title = "tonnes above cut-off 矿石量 (kt)";
    o.y2_title = "mean grade above cut-off 平均品位 (%)";
    ChartSeries t, g;
    t.label = "tonnes 矿石量 (kt)";
    g.label = "mean grade 平均品位 (%)";
    g.color = {225, 87, 89};
    g.right_axis = true;
    for (const auto& p : c.grade_tonnage) {
      t.x.push_back(p.cutoff);
      t.y.push_back(p.tonnes / 1000);
      g.x.push_back(p.cutoff);
      g.y.push_back(p.mean_grade);
    }
    if (!m.cutoff_field.empty()) o.references.push_back({m.cutoff, false, "cut-off 边界品位", {120, 120, 120}});
    const auto svg = make_chart(900, 460, o, {t, g});
    save(c, svg, "grade_tonnage");
    page.heading(2, "品位-吨位曲线 Grade-tonnage");
    page.figure(svg.str(), "Tonnes and mean grade above each cut-off, all classified resources.");
  }

  page.heading(2, "变差函数 Variograms");
  for (const auto& gr : c.grades) {
    VariographyPlotText text;
    text.variable = gr.settings->field;
    text.unit = gr.settings->unit;
    text.variance = gr.composite_variance;
    text.subtitle = (gr.settings->fit ? "fitted 拟合: " : "given 给定: ") + gr.model.describe();
    const auto svg = plot_experimental_variograms(gr.experimental, &gr.model, text);
    save(c, svg, "variogram_" + gr.settings->field);
    page.figure(svg.str(), gr.settings->field + ": experimental variograms of the composites along the model's major, "
                           "minor and vertical axes, and the model used for kriging.");
  }

  page.heading(2, "块体模型 Block model");
  const auto oc = ore_centre(c);
  auto in_ore = [&c](std::size_t b) { return c.blocks->at("ore_fraction").values[b] > 0; };
  const auto& primary = c.grades.front().settings->field;
  struct View {
    std::string name, attribute, title;
    int kind;  // 0 plan, 1 along strike, 2 across strike
  };
  const std::vector<View> views = {
      {"plan_grade", primary, primary + " 品位平面图 grade plan", 0},
      {"plan_class", "class", "资源量类型平面图 classification plan", 0},
      {"section_grade", primary, primary + " 品位纵剖面 long section", 1},
      {"section_class", "class", "资源量类型纵剖面 classification long section", 1},
      {"cross_section_grade", primary, primary + " 品位横剖面 cross section", 2},
  };
  for (const auto& v : views) {
    BlockFigureStyle st;
    st.attribute = v.attribute;
    st.title = v.title;
    st.show = in_ore;
    const SvgCanvas svg = v.kind == 0   ? block_plan_figure(*c.blocks, oc.best_z, st)
                          : v.kind == 1 ? block_section_figure(*c.blocks, oc.strike_a, oc.strike_b, st)
                                        : block_section_figure(*c.blocks, oc.cross_a, oc.cross_b, st);
    save(c, svg, v.name);
    page.figure(svg.str(), v.title);
  }

  page.heading(2, "验证 Validation");
  page.table({"mean 平均值", primary + " (" + c.grades.front().settings->unit + ")"}, tables.global_mean_rows(),
             {false, true}, "全局均值对比 global means");
  for (const auto& s : c.validation.swaths) {
    ChartOptions o;
    o.title = "条带图 Swath plot along " + s.axis + " (" + primary + ")";
    o.x_title = s.axis + " (m)";
    o.y_title = primary + " (" + c.grades.front().settings->unit + ")";
    o.y2_title = "tonnes 矿石量 (kt)";
    ChartSeries e, comp, nn, t;
    e.label = "kriging 克里格";
    e.kind = ChartSeries::Kind::line_points;
    comp.label = "declustered composites 解聚组合样";
    comp.color = {89, 161, 79};
    comp.kind = ChartSeries::Kind::line_points;
    nn.label = "nearest neighbour 最近邻";
    nn.color = {242, 142, 43};
    nn.dashed = true;
    t.label = "tonnes 矿石量";
    t.kind = ChartSeries::Kind::bars;
    t.color = {186, 176, 172};
    t.right_axis = true;
    e.x = comp.x = nn.x = t.x = s.centre;
    e.y = s.estimate;
    comp.y = s.composites;
    nn.y = s.nearest;
    for (double v : s.tonnes) t.y.push_back(v / 1000);
    const auto svg = make_chart(900, 420, o, {t, e, comp, nn});
    save(c, svg, "swath_" + s.axis);
    page.figure(svg.str(), "Swath along " + s.axis + ": mean estimate per slice against declustered composites.");
  }
  page.table({"cross-validation 交叉验证", "value"}, tables.cross_validation_rows(), {false, true},
             "leave-one-out, " + primary);

  page.heading(2, "说明 Notes");
  page.list(c.notes);
  page.table({"stage 阶段", "seconds 秒"}, tables.timing_rows(), {false, true});
  page.write(c.out / "report.html");
}

}  // namespace georeserve
