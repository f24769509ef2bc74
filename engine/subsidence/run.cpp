// Implementation of run.h. All computing happens before the first file is written, so a failure
// leaves no mix of new and old outputs behind.
#include "subsidence/run.h"

#include <algorithm>
#include <limits>

#include "core/error.h"
#include "geometry/contour.h"
#include "subsidence/outputs.h"

namespace georeserve::subsidence {

SubsidenceResult compute_subsidence(const SubsidenceJob& job, const Parameters& parameters, ProgressSink* progress) {
  SubsidenceResult r;
  r.parameters = parameters;
  try {
    r.model.emplace(job.panels, parameters);
  } catch (const ModelError& e) {
    throw Error(job.config_file + ": error: " + e.what());  // e.g. a fitted s_ratio too large for a panel
  }
  r.grid = predict_grid(*r.model, job.grid, progress);
  r.damage_index = damage_index_field(r.grid, job.thresholds);
  r.zones = damage_zones(r.grid, r.damage_index);
  const auto top = std::max_element(r.grid.w.begin(), r.grid.w.end());
  if (top != r.grid.w.end()) {
    const auto k = static_cast<std::size_t>(top - r.grid.w.begin());
    r.max_w = *top;
    r.max_w_at = {job.grid.x(k % job.grid.nx), job.grid.y(k / job.grid.nx)};
  }
  const bool want_contours = job.contours || job.contour_lines || job.dxf || job.map;
  for (double level : want_contours ? contour_levels_for(job.contour_levels, r.max_w) : std::vector<double>{}) {
    const geometry::NodeGridView view = r.grid.view(r.grid.w);
    r.contours.push_back({level, geometry::contour_band(view, level, std::numeric_limits<double>::infinity()),
                          geometry::contour_lines(view, level)});
  }
  if (!job.planning_blocks.empty()) r.overlay = overlay_blocks(r, job.planning_blocks);
  return r;
}

RunSummary run_subsidence(const SubsidenceJob& job, const RunOptions& options, ProgressSink* progress) {
  RunSummary summary;
  const double start = monotonic_seconds();
  Parameters parameters = job.parameters;
  std::optional<FitResult> fit;
  if (job.fit) {
    fit = fit_parameters(job.panels, job.fit->observations, job.fit->free, job.parameters, progress);
    if (job.fit->use_fitted) parameters = fit->fitted;
  }
  auto record = [&](const std::filesystem::path& p) { summary.files.push_back(p.string()); };
  if (options.fit_only) {
    if (!fit) throw Error(job.config_file + ": error: fit: --fit-only needs a \"fit\" section in the configuration");
    summary.result.parameters = parameters;
    summary.result.fit = fit;
  } else {
    summary.result = compute_subsidence(job, parameters, progress);
    summary.result.fit = fit;
  }
  if (fit && job.fit->output) write_fit_report(*job.fit->output, *fit, *job.fit, job.parameters), record(*job.fit->output);
  if (fit && job.fit->residuals) write_fit_residuals(*job.fit->residuals, *fit, *job.fit), record(*job.fit->residuals);
  if (!options.fit_only) {
    const SubsidenceResult& r = summary.result;
    write_grid_csv(job.output_csv, r, job), record(job.output_csv);
    if (!job.geotiffs.empty()) {
      write_geotiffs(r, job);
      for (const auto& [field, path] : job.geotiffs) record(path);
    }
    if (job.contours) write_contour_polygons(*job.contours, r, job.epsg), record(*job.contours);
    if (job.contour_lines) write_contour_lines(*job.contour_lines, r, job.epsg), record(*job.contour_lines);
    if (job.zones) write_zones(*job.zones, r, job.epsg), record(*job.zones);
    if (job.dxf) write_dxf(*job.dxf, r, job), record(*job.dxf);
    if (job.overlay) write_overlay_csv(*job.overlay, r.overlay), record(*job.overlay);
    if (job.map) write_map_svg(*job.map, r, job), record(*job.map);
  }
  summary.seconds = monotonic_seconds() - start;
  return summary;
}

}  // namespace georeserve::subsidence
