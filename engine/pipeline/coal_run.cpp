// Running a coal seam model end to end (coal_run.h): the stages in order, with timing, into a fresh
// folder that replaces the output folder only when the whole run succeeded.
#include "pipeline/coal_run.h"

#include "core/progress.h"
#include "pipeline/coal_context.h"
#include "pipeline/staging.h"

namespace georeserve {

const std::vector<CoalStage>& coal_stages() {
  static const std::vector<CoalStage> stages = {
      {"load", "数据读取", "drillholes, seam picks, field, faults, burnt zone, panels, surface", coal_stage_load},
      {"seams", "煤层建模", "kriged roof, thickness and qualities per seam and fault block", coal_stage_seams},
      {"resources", "资源量与储量", "mineability, classes, statements, reserves, geological block method",
       coal_stage_resources},
      {"report", "报告", "report.json, report.html, seam maps and CSV tables", coal_stage_report},
      {"export", "导出", "seam surfaces and seam block model (VTK), scene.json", coal_stage_export},
  };
  return stages;
}

RunSummary run_coal_model(const CoalModel& model, const RunOptions& options) {
  namespace fs = std::filesystem;
  const fs::path out = output_folder(options.out, model.name);
  const double start = monotonic_seconds();
  RunSummary r;
  run_in_staging_folder(out, [&](const fs::path& staging) {
    CoalContext c(model, staging);
    c.progress = options.progress;
    c.log = options.log;
    run_stages(coal_stages(), c);
    for (std::size_t i = 0; i < c.items.items.size(); ++i) r.resource_tonnes += c.items.items.tonnes[i];
    for (const auto& row : c.reserves.rows)
      if (row.group_values.empty() || row.group_values[0] != "all") r.reserve_tonnes += row.tonnes;
  });
  r.out = out;
  r.seconds = monotonic_seconds() - start;
  return r;
}

}  // namespace georeserve
