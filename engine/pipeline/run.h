// Running a deposit model end to end: every stage in order, with progress and timing, into a
// fresh folder that replaces the output folder only when the whole run succeeded (a failed run
// leaves the previous results untouched and no half-written files).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "pipeline/model_file.h"

namespace georeserve {

class ProgressSink;

struct RunOptions {
  std::filesystem::path out;      // default: out/<model name>/ beside the current directory
  ProgressSink* progress = nullptr;
  std::ostream* log = nullptr;    // one line per stage, notes and warnings
};

struct RunSummary {
  std::filesystem::path out;
  double seconds = 0;
  double resource_tonnes = 0, reserve_tonnes = 0;
};

RunSummary run_model(const DepositModel& model, const RunOptions& options);

}  // namespace georeserve
