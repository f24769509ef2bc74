// Stage validate: the checks a resource geologist expects before trusting an estimate. Global means
// (estimate vs declustered composites vs nearest neighbour), swath plots along x, y and z, and
// leave-one-out cross-validation of the first grade.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/text.h"
#include "geostat/declustering.h"
#include "pipeline/samples.h"
#include "pipeline/stage.h"

namespace georeserve {

namespace {

// Nearest-neighbour estimate of each resource item (the polygonal method), per domain.
std::vector<double> nearest_neighbour(const PipelineContext& c) {
  std::vector<double> nn(c.items.size(), std::nan(""));
  const auto& grid = c.blocks->grid();
  for (std::size_t d = 0; d < c.domains.size(); ++d) {
    const KrigingSamples s = grade_samples(c, 0, static_cast<int>(d)).samples;
    if (s.size() == 0) continue;
    EstimationOptions o;
    o.type = EstimatorType::nearest;
    SearchPass pass;
    pass.max_samples = 1;
    o.search.passes.push_back(pass);
    KrigingTargets t;
    std::vector<std::size_t> item_of;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      if (c.items.groups[0][i] != c.domains[d].settings->name) continue;
      const auto p = grid.centre(c.item_block[i]);
      t.x.push_back(p.x());
      t.y.push_back(p.y());
      t.z.push_back(p.z());
      item_of.push_back(i);
    }
    const Estimator e(s, nullptr, o);
    const auto r = e.estimate(t);
    for (std::size_t k = 0; k < r.size(); ++k) nn[item_of[k]] = r[k].estimate;
  }
  return nn;
}

}  // namespace

void stage_validate(PipelineContext& c) {
  auto& val = c.validation;
  const KrigingSamples comp = grade_samples(c, 0, -1).samples;
  const double spacing = c.model.classification.rules.empty() ? 50.0 : [&] {
    double s = 0;
    for (const auto& r : c.model.classification.rules)
      if (!std::isnan(r.max_nearest_distance)) s = std::max(s, r.max_nearest_distance);
    return s > 0 ? s / 2 : 50.0;
  }();
  const auto w = cell_declustering_weights(comp.x, comp.y, comp.z, {spacing, spacing, 0}, 4);
  val.mean_declustered = weighted_mean(comp.value, w);
  val.mean_naive = weighted_mean(comp.value, std::vector<double>(comp.size(), 1.0));
  const auto nn = nearest_neighbour(c);
  const auto& est = c.items.grades[0];
  val.mean_estimate = weighted_mean(est, c.items.tonnes);
  val.mean_nearest = weighted_mean(nn, c.items.tonnes);

  // Swaths: tonnage-weighted estimate and nearest neighbour, declustered composites, per slice.
  const auto& grid = c.blocks->grid();
  const char* axes[3] = {"x", "y", "z"};
  for (int a = 0; a < 3; ++a) {
    const double width = c.model.report.swath_width > 0
                             ? (a == 2 ? c.model.report.swath_width / 4 : c.model.report.swath_width)
                             : grid.block_size()[a] * (a == 2 ? 1 : 2);
    struct Acc {
      double te = 0, t = 0, tn = 0, tnw = 0, cv = 0, cw = 0;
    };
    std::map<long long, Acc> bins;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      const auto p = grid.centre(c.item_block[i]);
      auto& b = bins[static_cast<long long>(std::floor(p[a] / width))];
      if (!std::isnan(est[i])) {
        b.te += c.items.tonnes[i] * est[i];
        b.t += c.items.tonnes[i];
      }
      if (!std::isnan(nn[i])) {
        b.tn += c.items.tonnes[i] * nn[i];
        b.tnw += c.items.tonnes[i];
      }
    }
    for (std::size_t i = 0; i < comp.size(); ++i) {
      const double coord = a == 0 ? comp.x[i] : a == 1 ? comp.y[i] : comp.z[i];
      auto& b = bins[static_cast<long long>(std::floor(coord / width))];
      b.cv += w[i] * comp.value[i];
      b.cw += w[i];
    }
    ValidationResult::Swath s;
    s.axis = axes[a];
    for (const auto& [k, b] : bins) {
      s.centre.push_back((static_cast<double>(k) + 0.5) * width);
      s.estimate.push_back(b.t > 0 ? b.te / b.t : std::nan(""));
      s.nearest.push_back(b.tnw > 0 ? b.tn / b.tnw : std::nan(""));
      s.composites.push_back(b.cw > 0 ? b.cv / b.cw : std::nan(""));
      s.tonnes.push_back(b.t);
    }
    val.swaths.push_back(std::move(s));
  }

  // Leave-one-out cross-validation of the first grade, point kriging with the run's search.
  const auto& gr = c.grades.front();
  double se = 0, e_sum = 0, z_sum = 0, z2 = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  std::size_t n = 0, nz = 0;
  for (std::size_t d = 0; d < c.domains.size(); ++d) {
    const KrigingSamples s = grade_samples(c, 0, static_cast<int>(d)).samples;
    if (s.size() < 3) continue;
    EstimationOptions o;
    o.search = c.model.estimation.search;
    const Estimator e(s, &gr.model, o);
    CrossValidationOptions cvo;
    const auto r = e.cross_validate(cvo, c.progress);
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (!estimated(r[i].status)) continue;
      const double err = r[i].estimate - s.value[i];
      se += err * err;
      e_sum += err;
      ++n;
      sx += s.value[i];
      sy += r[i].estimate;
      sxx += s.value[i] * s.value[i];
      syy += r[i].estimate * r[i].estimate;
      sxy += s.value[i] * r[i].estimate;
      if (r[i].variance > 0) {
        const double z = err / std::sqrt(r[i].variance);
        z_sum += z;
        z2 += z * z;
        ++nz;
      }
    }
  }
  val.cv_count = n;
  if (n > 1) {
    const double dn = static_cast<double>(n);
    val.cv_mean_error = e_sum / dn;
    val.cv_rmse = std::sqrt(se / dn);
    const double cov = sxy / dn - sx / dn * sy / dn;
    const double vx = sxx / dn - sx / dn * sx / dn, vy = syy / dn - sy / dn * sy / dn;
    val.cv_correlation = vx > 0 && vy > 0 ? cov / std::sqrt(vx * vy) : std::nan("");
  }
  if (nz > 1) {
    val.cv_mean_z = z_sum / static_cast<double>(nz);
    val.cv_var_z = z2 / static_cast<double>(nz) - val.cv_mean_z * val.cv_mean_z;
  }
}

}  // namespace georeserve
