// CSV outputs of the drillhole commands, written atomically (complete or not at all).
//  desurvey:   hole_id,depth,x,y,z
//  composites: hole_id,from,to,length,x,y,z[,<break field>],<field>,<field>_coverage,...
// Depths are written to 0.1 mm, coordinates to 1 mm, averages to 6 decimals (trailing zeros dropped).
#pragma once

#include <filesystem>
#include <span>

#include "drillhole/composite.h"
#include "drillhole/desurvey.h"
#include "drillhole/tables.h"

namespace georeserve::drillhole {

// Positions of every hole at report_depths(collar, survey, step) (step 0 = at the survey stations).
void write_desurvey_csv(const std::filesystem::path& path, const DrillholeDatabase& db,
                        std::span<const HoleTrace> traces, double step);

void write_composites_csv(const std::filesystem::path& path, const DrillholeDatabase& db, const Composites& c);

}  // namespace georeserve::drillhole
