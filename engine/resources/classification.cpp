#include "resources/classification.h"

#include <array>
#include <cmath>

#include <tbb/parallel_for.h>

#include "io/json_config.h"

namespace georeserve {

bool ClassRule::accepts(const EstimateEvidence& e) const {
  if (!e.estimated) return false;
  auto within = [](double limit, double value) { return std::isnan(limit) || (!std::isnan(value) && value <= limit); };
  auto above = [](double limit, double value) { return std::isnan(limit) || (!std::isnan(value) && value >= limit); };
  return within(max_nearest_distance, e.nearest_distance) && within(max_mean_distance, e.mean_distance) &&
         e.samples >= min_samples && e.holes >= min_holes && (max_pass == 0 || (e.pass >= 1 && e.pass <= max_pass)) &&
         above(min_slope_of_regression, e.slope_of_regression) &&
         within(max_kriging_variance_ratio, e.kriging_variance_ratio);
}

ClassificationRules ClassificationRules::defaults_for_spacing(double spacing) {
  ClassificationRules r;
  ClassRule m;
  m.resource_class = ResourceClass::measured;
  m.max_nearest_distance = spacing;
  m.min_holes = 3;
  m.min_slope_of_regression = 0.8;
  ClassRule i;
  i.resource_class = ResourceClass::indicated;
  i.max_nearest_distance = 2 * spacing;
  i.min_holes = 2;
  i.min_slope_of_regression = 0.5;
  ClassRule f;
  f.resource_class = ResourceClass::inferred;
  f.max_nearest_distance = 4 * spacing;
  r.rules = {m, i, f};
  return r;
}

ClassificationRules ClassificationRules::from_config(const ConfigView& v) {
  v.allow_only({"spacing", "rules", "cleanup"});
  ClassificationRules r;
  if (v.has("spacing") == v.has("rules")) v.fail("give either 'spacing' (default rules) or 'rules'");
  if (v.has("spacing")) {
    const double s = v.number("spacing");
    if (!(s > 0)) v.fail_at("spacing", "must be positive (metres)");
    r = defaults_for_spacing(s);
  } else {
    const auto list = v.at("rules");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto e = list.at(i);
      e.allow_only({"class", "max_nearest_distance", "max_mean_distance", "min_samples", "min_holes", "max_pass",
                    "min_slope_of_regression", "max_kriging_variance_ratio"});
      ClassRule rule;
      const auto name = e.string("class");
      const auto c = parse_resource_class(name);
      if (!c) e.fail_at("class", "'" + name + "' is not measured|indicated|inferred (探明|控制|推断)");
      rule.resource_class = *c;
      const double nan = std::numeric_limits<double>::quiet_NaN();
      rule.max_nearest_distance = e.number_in("max_nearest_distance", nan, 0, 1e6);
      rule.max_mean_distance = e.number_in("max_mean_distance", nan, 0, 1e6);
      rule.min_samples = static_cast<int>(e.integer_in("min_samples", 0, 0, 10000));
      rule.min_holes = static_cast<int>(e.integer_in("min_holes", 0, 0, 10000));
      rule.max_pass = static_cast<int>(e.integer_in("max_pass", 0, 0, 10));
      rule.min_slope_of_regression = e.number_in("min_slope_of_regression", nan, -10, 10);
      rule.max_kriging_variance_ratio = e.number_in("max_kriging_variance_ratio", nan, 0, 10);
      if (!r.rules.empty() && static_cast<int>(rule.resource_class) < static_cast<int>(r.rules.back().resource_class))
        e.fail_at("class", "rules must be listed from measured to inferred");
      r.rules.push_back(rule);
    }
    if (r.rules.empty()) list.fail("needs at least one rule");
  }
  if (auto c = v.find("cleanup")) {
    c->allow_only({"passes", "majority"});
    r.cleanup_passes = static_cast<int>(c->integer_in("passes", r.cleanup_passes, 0, 20));
    r.cleanup_majority = c->number_in("majority", r.cleanup_majority, 0.5, 1.0);
  }
  return r;
}

std::vector<double> classify_blocks(const BlockGrid& grid, const std::vector<EstimateEvidence>& evidence,
                                    const ClassificationRules& rules) {
  std::vector<double> classes(evidence.size(), std::numeric_limits<double>::quiet_NaN());
  tbb::parallel_for(std::size_t{0}, evidence.size(), [&](std::size_t b) {
    for (const auto& r : rules.rules)
      if (r.accepts(evidence[b])) {
        classes[b] = static_cast<double>(r.resource_class);
        break;
      }
  });
  clean_up_classes(grid, classes, rules.cleanup_passes, rules.cleanup_majority);
  return classes;
}

void clean_up_classes(const BlockGrid& grid, std::vector<double>& classes, int passes, double majority) {
  const auto& n = grid.count();
  for (int pass = 0; pass < passes; ++pass) {
    const std::vector<double> before = classes;
    tbb::parallel_for(0, n[2], [&](int k) {
      for (int j = 0; j < n[1]; ++j)
        for (int i = 0; i < n[0]; ++i) {
          const std::size_t b = grid.index(i, j, k);
          if (std::isnan(before[b])) continue;
          std::array<int, 4> votes{0, 0, 0, 0};
          int total = 0;
          for (int dk = -1; dk <= 1; ++dk)
            for (int dj = -1; dj <= 1; ++dj)
              for (int di = -1; di <= 1; ++di) {
                if (!di && !dj && !dk) continue;
                const int ii = i + di, jj = j + dj, kk = k + dk;
                if (ii < 0 || jj < 0 || kk < 0 || ii >= n[0] || jj >= n[1] || kk >= n[2]) continue;
                const double c = before[grid.index(ii, jj, kk)];
                if (std::isnan(c)) continue;
                ++votes[static_cast<std::size_t>(c)];
                ++total;
              }
          if (total < 4) continue;  // too few classified neighbours to judge (edge of the body)
          for (int c = 1; c <= 3; ++c)
            if (c != static_cast<int>(before[b]) && votes[static_cast<std::size_t>(c)] >= majority * total)
              classes[b] = c;
        }
    });
  }
}

}  // namespace georeserve
