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
  std::string per_seam;
  for (const auto& s : c.seams.seams)
    if (s.crossing_moves)
      per_seam += " seam " + c.model.seams.names[static_cast<std::size_t>(s.seam)] + ": " + std::to_string(s.crossing_moves) +
                  " nodes (" + format_fixed(100.0 * static_cast<double>(s.crossing_moves) / static_cast<double>(s.coal_nodes), 1) +
                  " % of its coal), mean shift " + format_fixed(s.crossing_shift_sum / static_cast<double>(s.crossing_moves), 2) +
                  " m, max " + format_fixed(s.crossing_shift_max, 1) + " m, coal there " +
                  format_fixed(s.crossing_thickness_sum * c.inputs.grid.cell_area() * c.model.grid.default_density / 1e6, 2) +
                  " Mt;";
  c.note("seams never cross: " + std::to_string(c.seams.crossing_repairs) +
         " node(s) where a seam rose above the floor of a seam above it were moved down to touch it (mostly where a "
         "seam thins out far from its own picks, so its isochore is poorly known)." + per_seam);
}

}  // namespace georeserve
