// Running a coal seam model (models/<name>.json with "kind": "coal-seams") end to end: seam picks,
// fault blocks, kriged seam grids, mineability, classification, statements and reserves, the
// geological block method, report.json/report.html with the seam maps, CSV tables, VTK and
// scene.json. Like run_model (run.h) the results appear in the output folder only when the whole
// run succeeded.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/coal_model_file.h"
#include "pipeline/run.h"

namespace georeserve {

struct CoalContext;

struct CoalStage {
  std::string name, name_cn, summary;
  std::function<void(CoalContext&)> run;
};
const std::vector<CoalStage>& coal_stages();

RunSummary run_coal_model(const CoalModel& model, const RunOptions& options);

}  // namespace georeserve
