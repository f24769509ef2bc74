// Coal stage seams: the kriged seam grids (seam/seam_grid.h), with their counts in the notes.
#include "core/text.h"
#include "pipeline/coal_context.h"

namespace georeserve {

void coal_stage_seams(CoalContext& c) {
  c.seams = seam::build_seam_model(c.inputs, c.model.grid, c.progress);
  for (const auto& s : c.seams.seams) {
    const auto& name = c.model.seams.names[static_cast<std::size_t>(s.seam)];
    c.note("seam " + name + ": " + std::to_string(s.thickness_samples.size() - s.zero_samples) + " picks, " +
           std::to_string(s.zero_samples) + " holes without coal (thickness 0), " + std::to_string(s.burnt_holes_left_out) +
           " burnt-zone holes and " + std::to_string(s.gap_holes_left_out) + " fault-gap holes left out, " +
           std::to_string(s.unreached_holes) + " holes ending above the seam; " + std::to_string(s.blocks.count()) +
           " fault blocks" + (s.fallback_blocks ? " (" + std::to_string(s.fallback_blocks) +
                                                      " block x variable estimated from all holes: too few in the block)"
                                                : ""));
  }
  c.note("seams never cross: " + std::to_string(c.seams.crossing_repairs) +
         " node(s) where a seam rose above the floor of a seam above it were moved down to touch it");
}

}  // namespace georeserve
