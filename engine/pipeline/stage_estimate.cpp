// Stages variography and estimate: experimental variograms of the composites along the model's
// axes (and the model fitted to them when asked), then block kriging of every grade inside every
// domain with hard boundaries (only the domain's composites estimate the domain's blocks).
#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.h"
#include "core/text.h"
#include "geostat/variogram_fit.h"
#include "pipeline/samples.h"
#include "pipeline/stage.h"

namespace georeserve {

namespace {

std::string grade_key(std::size_t g) { return "grades[" + std::to_string(g) + "]"; }

VariogramDirection direction_along(const Eigen::Vector3d& u, const std::string& name) {
  VariogramDirection d;
  d.name = name;
  d.azimuth = std::fmod(std::atan2(u.x(), u.y()) * 180 / std::numbers::pi + 360.0, 360.0);
  d.dip = std::asin(std::clamp(u.z(), -1.0, 1.0)) * 180 / std::numbers::pi;
  if (d.dip > 0) {  // the same line pointing down
    d.dip = -d.dip;
    d.azimuth = std::fmod(d.azimuth + 180.0, 360.0);
  }
  d.tolerance = 22.5;
  d.dip_tolerance = 22.5;
  return d;
}

}  // namespace

void stage_variography(PipelineContext& c) {
  const auto& m = c.model;
  c.grades.resize(m.grades.size());
  for (std::size_t g = 0; g < m.grades.size(); ++g) {
    auto& gr = c.grades[g];
    gr.settings = &m.grades[g];
    gr.model = *m.grades[g].variogram;
    const auto gs = grade_samples(c, g, -1);
    gr.top_cut_count = gs.capped;
    VariogramSamples vs;
    vs.x = gs.samples.x;
    vs.y = gs.samples.y;
    vs.z = gs.samples.z;
    vs.value = gs.samples.value;
    vs.dimension = 3;
    if (vs.size() < 10)
      throw ConfigError(m.file.string(), grade_key(g), "only " + std::to_string(vs.size()) + " composites carry '" +
                                                          m.grades[g].field + "': too few for variography");
    gr.composite_variance = vs.variance();
    // Experimental variograms along the major, minor and vertical axes of the first structure.
    const Anisotropy axes = gr.model.structures.empty() ? Anisotropy{} : gr.model.structures.front().anisotropy;
    const Eigen::Matrix3d r = axes.rotation();
    const char* names[3] = {"major", "minor", "vertical"};
    for (int a = 0; a < 3; ++a) {
      const double range = axes.ranges[static_cast<std::size_t>(a)];
      ExperimentalVariogramOptions o;
      const double width = std::max(range / 10.0, m.composite_length);
      o.lags = LagDefinition::cutoff_width(width, range * 1.3);
      o.directions.push_back(direction_along(r.row(a).transpose(), names[a]));
      const auto ev = compute_experimental_variograms(vs, o);
      gr.experimental.push_back(ev.front());
    }
    if (!m.grades[g].fit) continue;
    VariogramFitOptions fo;
    fo.data_variance = gr.composite_variance;
    fo.ranges = RangeFitMode::independent;
    const VariogramModel given = gr.model;
    fo.structures.assign(given.structures.size(), StructureFitFlags{});
    try {
      // A range fitted shorter than the first lag along its axis is not resolved by the data (it is
      // indistinguishable from nugget, and a near-zero range makes every block estimate a plain mean
      // with a slope of regression of zero): that range is held at the given value and the fit rerun.
      for (int attempt = 0; attempt < 4; ++attempt) {
        const auto fit = fit_variogram(gr.experimental, given, fo);
        bool held = false;
        for (std::size_t s = 0; s < fit.model.structures.size(); ++s)
          for (std::size_t a = 0; a < 3; ++a) {
            const double first_lag = std::max(given.structures[s].anisotropy.ranges[a] / 10.0, m.composite_length);
            const double fitted = fit.model.structures[s].anisotropy.ranges[a];
            if (!fo.structures[s].ranges[a] || fitted >= first_lag) continue;
            fo.structures[s].ranges[a] = false;
            held = true;
            c.note(m.grades[g].field + " variogram: structures[" + std::to_string(s) + "].ranges[" + std::to_string(a) +
                   "] fitted to " + format_fixed(fitted, 3) + " m, shorter than the first lag (" + format_fixed(first_lag, 1) +
                   " m): not resolved by the data, held at the given " + format_double(given.structures[s].anisotropy.ranges[a]) + " m");
          }
        if (held) continue;
        gr.model = fit.model;
        for (const auto& n : fit.notes) c.note(m.grades[g].field + " variogram: " + n);
        break;
      }
    } catch (const VariogramFitError& e) {
      throw ConfigError(m.file.string(), grade_key(g) + ".variogram",
                        std::string("the variogram does not fit the composites: ") + e.what());
    }
  }
}

void stage_estimate(PipelineContext& c) {
  const auto& m = c.model;
  const auto& grid = c.blocks->grid();
  for (std::size_t g = 0; g < m.grades.size(); ++g) {
    auto& gr = c.grades[g];
    gr.estimates.assign(c.domains.size(), {});
    for (std::size_t d = 0; d < c.domains.size(); ++d) {
      const auto gs = grade_samples(c, g, static_cast<int>(d));
      EstimationOptions o;
      o.type = m.estimation.type == "simple"             ? EstimatorType::simple
               : m.estimation.type == "inverse-distance" ? EstimatorType::inverse_distance
               : m.estimation.type == "nearest"          ? EstimatorType::nearest
                                                         : EstimatorType::ordinary;
      o.power = m.estimation.power;
      double mean = 0;
      for (double v : gs.samples.value) mean += v;
      o.mean = gs.samples.size() ? mean / static_cast<double>(gs.samples.size()) : 0;
      BlockSupport support;
      for (std::size_t a = 0; a < 3; ++a) {
        support.size[a] = grid.block_size()[static_cast<int>(a)];
        support.discretization[a] = m.estimation.discretization[a];
      }
      if (o.type == EstimatorType::ordinary || o.type == EstimatorType::simple) o.block = support;
      o.search = m.estimation.search;
      KrigingTargets targets;
      std::vector<std::size_t> block_of;
      const auto& frac = c.domains[d].fraction;
      for (std::size_t b = 0; b < grid.block_count(); ++b) {
        if (!(frac[b] > 0)) continue;
        const auto p = grid.centre(b);
        targets.x.push_back(p.x());
        targets.y.push_back(p.y());
        targets.z.push_back(p.z());
        block_of.push_back(b);
      }
      const Estimator estimator(gs.samples, &gr.model, o);
      const auto records = estimator.estimate(targets, c.progress);
      EstimateRecord none{};
      none.estimate = none.variance = none.nearest_distance = none.slope = none.efficiency = std::nan("");
      none.sum_weights = none.lagrange = std::nan("");
      none.status = EstimateStatus::too_few_samples;
      gr.estimates[d].assign(grid.block_count(), none);
      for (std::size_t t = 0; t < records.size(); ++t) gr.estimates[d][block_of[t]] = records[t];
      std::size_t missing = 0;
      for (const auto& r : records) missing += estimated(r.status) ? 0 : 1;
      if (missing)
        c.note(m.grades[g].field + " in " + c.domains[d].settings->name + ": " + std::to_string(missing) + " of " +
               std::to_string(records.size()) + " blocks not estimated (no search pass found enough composites)");
    }
  }
}

}  // namespace georeserve
