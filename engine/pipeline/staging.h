// Output folders that appear whole or not at all: a run writes into a fresh staging folder beside
// the output folder, which replaces the output folder only when the run succeeded. A failed run
// removes its staging folder and leaves the previous results untouched. Shared by every kind of run.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/progress.h"

namespace georeserve {

// Calls body(staging) with an empty staging folder (a `figures/` folder inside), then swaps it in as
// `out`. An exception from body removes the staging folder and passes on.
void run_in_staging_folder(const std::filesystem::path& out, const std::function<void(const std::filesystem::path&)>& body);

// The output folder of a run: the one asked for, else out/<model name>/.
inline std::filesystem::path output_folder(const std::filesystem::path& asked, const std::string& model_name) {
  return asked.empty() ? std::filesystem::path("out") / model_name : asked;
}

// Runs the stages in order on the context: one log line each (when the context has a log) and its
// time in context.stage_seconds. Every kind of run (block model, coal seams) has its stage list.
template <class Stages, class Context>
void run_stages(const Stages& stages, Context& c) {
  for (const auto& s : stages) {
    if (c.log) *c.log << "[" << s.name << "] " << s.name_cn << ": " << s.summary << '\n';
    const double t0 = monotonic_seconds();
    s.run(c);
    c.stage_seconds.emplace_back(s.name, monotonic_seconds() - t0);
  }
}

}  // namespace georeserve
