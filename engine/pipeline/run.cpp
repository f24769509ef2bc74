#include "pipeline/run.h"

#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"
#include "pipeline/report_tables.h"
#include "pipeline/stage.h"
#include "pipeline/staging.h"

namespace georeserve {

const std::vector<Stage>& standard_stages() {
  static const std::vector<Stage> stages = {
      {"load", "数据读取", "read and validate the drillhole tables", stage_load},
      {"desurvey", "测斜计算", "3D traces of the holes", stage_desurvey},
      {"composite", "样品组合", "fixed-length composites broken at domain boundaries", stage_composite},
      {"domain", "矿体建模", "implicit domain solids, block model and volume fractions", stage_domain},
      {"variography", "变差函数", "experimental variograms and model fitting", stage_variography},
      {"estimate", "品位估值", "block kriging of every grade inside every domain", stage_estimate},
      {"classify", "资源量分类", "resource classes from the estimation evidence", stage_classify},
      {"resources", "资源量与储量", "statements, reserves and grade-tonnage", stage_resources},
      {"validate", "验证", "global means, swath plots, cross-validation", stage_validate},
      {"report", "报告", "report.json, report.html and figures", stage_report},
      {"export", "导出", "block model, drillholes, solids and scene for the viewer", stage_export},
  };
  return stages;
}

RunSummary run_model(const DepositModel& model, const RunOptions& options) {
  namespace fs = std::filesystem;
  const fs::path out = output_folder(options.out, model.name);
  const double start = monotonic_seconds();
  RunSummary r;
  run_in_staging_folder(out, [&](const fs::path& staging) {
    PipelineContext c(model, staging);
    c.progress = options.progress;
    c.log = options.log;
    run_stages(standard_stages(), c);
    // The report was written before the export's timing was known; that is fine: it lists the stages
    // that fed it.
    const ReportTables tables(c);
    r.resource_tonnes = tables.total_tonnes(c.resources);
    r.reserve_tonnes = tables.total_tonnes(c.reserves);
  });
  r.out = out;
  r.seconds = monotonic_seconds() - start;
  return r;
}

}  // namespace georeserve
