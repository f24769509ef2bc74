// Stages classify and resources: resource classes per block and domain from the estimation evidence,
// the block model's attributes, resource items (block x domain), statements, reserves and the
// grade-tonnage curve.
#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "pipeline/planning_blocks.h"
#include "pipeline/stage.h"

namespace georeserve {

namespace {

std::string level_label(double z, double interval) {
  const double lo = std::floor(z / interval) * interval;
  return format_fixed(lo, 0) + " ~ " + format_fixed(lo + interval, 0) + " m";
}

}  // namespace

void stage_classify(PipelineContext& c) {
  const auto& grid = c.blocks->grid();
  const auto& primary = c.grades.front();
  const double sill = primary.model.bounded() ? primary.model.total_sill() : std::nan("");
  // Per domain: class of each block (NaN outside the domain or not classified).
  std::vector<std::vector<double>> classes(c.domains.size());
  for (std::size_t d = 0; d < c.domains.size(); ++d) {
    std::vector<EstimateEvidence> ev(grid.block_count());
    for (std::size_t b = 0; b < grid.block_count(); ++b) {
      if (!(c.domains[d].fraction[b] > 0)) continue;
      const auto& r = primary.estimates[d][b];
      auto& e = ev[b];
      e.estimated = estimated(r.status);
      e.nearest_distance = r.nearest_distance;
      e.samples = static_cast<int>(r.n_samples);
      e.holes = static_cast<int>(r.n_holes);
      e.pass = r.pass;
      e.slope_of_regression = r.slope;
      e.kriging_variance_ratio = r.variance / sill;
    }
    classes[d] = classify_blocks(grid, ev, c.model.classification);
  }

  // Block model attributes: the dominant domain's class and evidence; grades and density weighted
  // by each domain's tonnage in the block.
  auto& bm = *c.blocks;
  std::vector<Category> domain_categories;
  for (std::size_t d = 0; d < c.domains.size(); ++d)
    domain_categories.push_back({static_cast<int>(d) + 1, c.domains[d].settings->name, c.domains[d].settings->name_cn});
  auto& frac_attr = bm.add("ore_fraction", "", "volume fraction inside the domains 矿体体积比例", 0.0);
  auto& dom_attr = bm.add_categorical("domain", domain_categories, "dominant domain 主要矿体");
  std::vector<BlockAttribute*> grade_attr;
  for (const auto& g : c.grades)
    grade_attr.push_back(&bm.add(g.settings->field, g.settings->unit, g.settings->name_cn + " 品位"));
  auto& density_attr = bm.add("density", "t/m3", "bulk density 体重");
  auto& tonnes_attr = bm.add("tonnes", "t", "tonnage inside the domains 矿石量", 0.0);
  auto& var_attr = bm.add("kriging_variance", primary.settings->unit + "^2", "block kriging variance 克里格方差");
  auto& sor_attr = bm.add("slope_of_regression", "", "slope of regression 回归斜率");
  auto& ke_attr = bm.add("kriging_efficiency", "", "kriging efficiency 克里格效率");
  auto& n_attr = bm.add("n_samples", "", "composites used 样品数");
  auto& holes_attr = bm.add("n_holes", "", "drillholes used 钻孔数");
  auto& dist_attr = bm.add("nearest_distance", "m", "distance to the nearest composite 最近样品距离");
  auto& pass_attr = bm.add("pass", "", "search pass 搜索次数");
  std::vector<Category> class_categories;
  for (auto rc : all_resource_classes)
    class_categories.push_back({static_cast<int>(rc), std::string(class_name(rc)), std::string(class_name_cn(rc))});
  auto& class_attr = bm.add_categorical("class", class_categories, "resource class 资源量类型");

  const double volume = grid.block_volume();
  for (std::size_t b = 0; b < grid.block_count(); ++b) {
    double frac_sum = 0, tonnes = 0, best = 0;
    int dominant = -1;
    std::vector<double> gt(c.grades.size(), 0.0), gw(c.grades.size(), 0.0);
    for (std::size_t d = 0; d < c.domains.size(); ++d) {
      const double f = c.domains[d].fraction[b];
      if (!(f > 0)) continue;
      frac_sum += f;
      const double t = f * volume * c.domains[d].density;
      tonnes += t;
      if (f > best) {
        best = f;
        dominant = static_cast<int>(d);
      }
      for (std::size_t g = 0; g < c.grades.size(); ++g) {
        const double v = c.grades[g].estimates[d][b].estimate;
        if (std::isnan(v)) continue;
        gt[g] += t * v;
        gw[g] += t;
      }
    }
    frac_attr.values[b] = std::min(frac_sum, 1.0);
    if (dominant < 0) continue;
    const auto d = static_cast<std::size_t>(dominant);
    dom_attr.values[b] = dominant + 1;
    for (std::size_t g = 0; g < c.grades.size(); ++g)
      if (gw[g] > 0) grade_attr[g]->values[b] = gt[g] / gw[g];
    tonnes_attr.values[b] = tonnes;
    density_attr.values[b] = tonnes / (std::min(frac_sum, 1.0) * volume);
    const auto& r = primary.estimates[d][b];
    var_attr.values[b] = r.variance;
    sor_attr.values[b] = r.slope;
    ke_attr.values[b] = r.efficiency;
    n_attr.values[b] = r.n_samples;
    holes_attr.values[b] = r.n_holes;
    dist_attr.values[b] = r.nearest_distance;
    pass_attr.values[b] = r.pass;
    class_attr.values[b] = classes[d][b];
  }

  // Resource items: one per (block, domain) with material.
  auto& it = c.items;
  it = ResourceItems{};
  for (const auto& g : c.grades) {
    it.grade_names.push_back(g.settings->field);
    it.grade_units.push_back(g.settings->unit);
  }
  it.grades.assign(c.grades.size(), {});
  it.group_names = {"domain", "level"};
  std::vector<PlanningBlock> planning;
  if (c.model.report.planning_blocks) {
    planning = read_planning_blocks(*c.model.report.planning_blocks, c.model.crs);
    it.group_names.push_back("planning_block");
  }
  it.groups.assign(it.group_names.size(), {});
  c.item_block.clear();
  for (std::size_t d = 0; d < c.domains.size(); ++d)
    for (std::size_t b = 0; b < grid.block_count(); ++b) {
      const double f = c.domains[d].fraction[b];
      if (!(f > 0)) continue;
      it.volume.push_back(f * volume);
      it.tonnes.push_back(f * volume * c.domains[d].density);
      it.class_code.push_back(classes[d][b]);
      for (std::size_t g = 0; g < c.grades.size(); ++g) it.grades[g].push_back(c.grades[g].estimates[d][b].estimate);
      it.groups[0].push_back(c.domains[d].settings->name);
      const auto centre = grid.centre(b);
      it.groups[1].push_back(level_label(centre.z(), c.model.report.level_interval));
      if (!planning.empty()) it.groups[2].push_back(planning_block_of(planning, {centre.x(), centre.y()}));
      c.item_block.push_back(b);
    }
}

void stage_resources(PipelineContext& c) {
  const auto& m = c.model;
  std::function<bool(std::size_t)> above_cutoff;
  if (!m.cutoff_field.empty()) {
    const int g = c.items.grade_index(m.cutoff_field);
    above_cutoff = [&c, g, cut = m.cutoff](std::size_t i) {
      const double v = c.items.grades[static_cast<std::size_t>(g)][i];
      return !std::isnan(v) && v >= cut;
    };
  }
  c.resources = resource_statement(c.items, {"domain"}, above_cutoff);
  c.reserves = reserve_statement(c.items, m.reserves, {"domain"}, above_cutoff);
  std::vector<double> cutoffs = m.report.cutoffs;
  if (cutoffs.empty()) {
    const int g = c.items.grade_index(m.cutoff_field.empty() ? c.items.grade_names.front() : m.cutoff_field);
    double hi = 0;
    for (double v : c.items.grades[static_cast<std::size_t>(g)])
      if (!std::isnan(v)) hi = std::max(hi, v);
    for (int k = 0; k <= 20; ++k) cutoffs.push_back(hi * k / 20.0);
  }
  const int g = c.items.grade_index(m.cutoff_field.empty() ? c.items.grade_names.front() : m.cutoff_field);
  c.grade_tonnage = grade_tonnage(c.items, g, cutoffs, [&c](std::size_t i) { return !std::isnan(c.items.class_code[i]); });
}

}  // namespace georeserve
