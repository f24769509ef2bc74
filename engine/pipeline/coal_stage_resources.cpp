// Coal stage resources: node status and class per seam (seam/mineability.h), resource items,
// statements by seam, depth band, planning block and thickness class, reserves with recovery by
// thickness class, and the geological block method (seam/block_method.h).
#include <cmath>

#include "core/text.h"
#include "geometry/polygon.h"
#include "pipeline/coal_context.h"

namespace georeserve {

namespace {

seam::NodeLabels node_labels(const CoalContext& c) {
  const auto& g = c.inputs.grid;
  seam::NodeLabels l;
  l.depth_edges = c.model.depth_edges;
  auto pad = [](double v) {
    std::string s = format_fixed(v, 0);
    while (s.size() < 4) s = "0" + s;
    return s;
  };
  for (std::size_t i = 0; i + 1 < l.depth_edges.size(); ++i)
    l.depth_bands.push_back(pad(l.depth_edges[i]) + "-" + pad(l.depth_edges[i + 1]) + " m");
  l.planning_names.push_back(c.planning.empty() ? "all" : "outside 规划区外");
  for (const auto& p : c.planning) l.planning_names.push_back(p.name);
  l.planning.assign(g.size(), 0);
  for (std::size_t k = 0; k < g.size(); ++k) {
    if (!c.inputs.inside[k]) continue;
    for (std::size_t p = 0; p < c.planning.size(); ++p)
      if (geometry::contains(c.planning[p].shape, g.node(k))) {
        l.planning[k] = static_cast<std::int16_t>(p + 1);
        break;
      }
  }
  return l;
}

}  // namespace

void coal_stage_resources(CoalContext& c) {
  const auto& m = c.model;
  const auto& g = c.inputs.grid;
  c.status.clear();
  for (const auto& s : c.seams.seams) {
    seam::StatusInputs in;
    in.grid = &g;
    in.surface = &c.surface;
    in.burnt = &c.inputs.burnt_mask;
    in.seam_burnt = c.inputs.burnt_seam[static_cast<std::size_t>(s.seam)] != 0;
    for (const auto& p : c.panels)
      if (m.seams.index(p.name) == s.seam)
        for (const auto& poly : p.shape) in.panels.push_back(poly);
    in.limits = m.limits;
    in.rules = m.classification;
    c.status.push_back(seam::seam_status(s, in));
  }
  // The block method first: its minimum block size settles slivers' classes for the statements too.
  c.block_method.clear();
  for (std::size_t s = 0; s < c.seams.seams.size(); ++s)
    c.block_method.push_back(seam::geological_blocks(g, c.seams.seams[s], c.status[s], c.inputs.picks, c.inputs.hole_ids,
                                                     m.seams.names[s], m.min_block_area_km2 * 1e6));
  c.labels = node_labels(c);
  c.items = seam::resource_items(g, m.seams, c.seams.seams, c.status, c.labels, m.thickness_classes);
  const auto& items = c.items.items;
  c.resources = resource_statement(items, {"seam"});
  c.by_depth = resource_statement(items, {"seam", "depth_band"});
  c.by_planning = resource_statement(items, {"seam", "planning_block"});
  c.by_thickness = resource_statement(items, {"seam", "thickness_class"});
  ModifyingFactors f;
  f.recovery_per_item = c.items.recovery;
  f.dilution = m.dilution;
  f.production_rate = m.production_rate;
  c.reserves = reserve_statement(items, f, {"seam"});
}

}  // namespace georeserve
