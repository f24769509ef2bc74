// Runs a subsidence job end to end: optional parameter fit, grid prediction, damage zones,
// contours, overlay of planning blocks, and the output files. The CLI and the pipeline call this.
#pragma once

#include <string>
#include <vector>

#include "core/progress.h"
#include "subsidence/job.h"
#include "subsidence/result.h"

namespace georeserve::subsidence {

struct RunOptions {
  bool fit_only = false;  // stop after the fit (and its outputs)
};

struct RunSummary {
  SubsidenceResult result;
  std::vector<std::string> files;  // written, in order
  double seconds = 0.0;
};

RunSummary run_subsidence(const SubsidenceJob& job, const RunOptions& options = {}, ProgressSink* progress = nullptr);

// Predicts and derives zones, contours and the overlay, without writing anything.
SubsidenceResult compute_subsidence(const SubsidenceJob& job, const Parameters& parameters, ProgressSink* progress);

}  // namespace georeserve::subsidence
