// The stages of a deposit model run, in order. Each stage reads the model file's settings and what
// earlier stages left in the context, and adds its own results; a stage can be rerun or swapped by
// replacing its entry. Progress and timing are reported per stage.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pipeline/context.h"

namespace georeserve {

struct Stage {
  std::string name;     // e.g. "estimate"
  std::string name_cn;  // e.g. "品位估值"
  std::string summary;  // what it does, one line (for --help and the report)
  std::function<void(PipelineContext&)> run;
};

// load, desurvey, composite, domain, variography, estimate, classify, reserves, validate, report, export
const std::vector<Stage>& standard_stages();

// The stage functions (one file each).
void stage_load(PipelineContext& c);
void stage_desurvey(PipelineContext& c);
void stage_composite(PipelineContext& c);
void stage_domain(PipelineContext& c);
void stage_variography(PipelineContext& c);
void stage_estimate(PipelineContext& c);
void stage_classify(PipelineContext& c);
void stage_resources(PipelineContext& c);
void stage_validate(PipelineContext& c);
void stage_report(PipelineContext& c);
void stage_export(PipelineContext& c);

}  // namespace georeserve
