// Output folders that appear whole or not at all: a run writes into a fresh staging folder beside
// the output folder, which replaces the output folder only when the run succeeded. A failed run
// removes its staging folder and leaves the previous results untouched. Shared by every kind of run.
#pragma once

#include <filesystem>
#include <functional>

namespace georeserve {

// Calls body(staging) with an empty staging folder (a `figures/` folder inside), then swaps it in as
// `out`. An exception from body removes the staging folder and passes on.
void run_in_staging_folder(const std::filesystem::path& out, const std::function<void(const std::filesystem::path&)>& body);

}  // namespace georeserve
