// Mineability, classification and resource items of a seam model (mineability.h).
#include "seam/mineability.h"

#include <cmath>
#include <map>
#include <tuple>

#include <tbb/parallel_for.h>

#include "blockmodel/grid.h"
#include "core/text.h"
#include "geometry/polygon.h"

namespace georeserve::seam {

const char* status_name(NodeStatus s) {
  switch (s) {
    case NodeStatus::no_coal: return "no coal";
    case NodeStatus::remaining: return "remaining resource";
    case NodeStatus::below_limits: return "below limits";
    case NodeStatus::too_deep: return "too deep";
    case NodeStatus::burnt: return "burnt";
    case NodeStatus::mined: return "mined out";
  }
  return "";
}

const char* status_name_cn(NodeStatus s) {
  switch (s) {
    case NodeStatus::no_coal: return "无煤";
    case NodeStatus::remaining: return "保有资源量";
    case NodeStatus::below_limits: return "不可采";
    case NodeStatus::too_deep: return "超深";
    case NodeStatus::burnt: return "烧变区";
    case NodeStatus::mined: return "采空区";
  }
  return "";
}

std::vector<ThicknessClass> default_thickness_classes() {
  return {{1.3, 0.85, "< 1.3 m 薄煤层"},
          {3.5, 0.80, "1.3-3.5 m 中厚煤层"},
          {std::numeric_limits<double>::infinity(), 0.75, ">= 3.5 m 厚煤层"}};
}

std::size_t thickness_class_of(const std::vector<ThicknessClass>& classes, double thickness) {
  for (std::size_t i = 0; i < classes.size(); ++i)
    if (thickness < classes[i].below) return i;
  return classes.empty() ? 0 : classes.size() - 1;
}

SeamStatus seam_status(const SeamSurface& s, const StatusInputs& in) {
  const auto& g = *in.grid;
  const auto& lim = in.limits;
  SeamStatus out;
  out.status.assign(g.size(), NodeStatus::no_coal);
  out.depth.assign(g.size(), std::nan(""));
  const auto panel_box = geometry::bounding_box(in.panels);
  const double area = g.cell_area();
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, g.size(), 8192), [&](const auto& r) {
    for (std::size_t k = r.begin(); k < r.end(); ++k) {
      const double t = s.thickness[k];
      if (!(t > 0)) continue;
      out.depth[k] = (*in.surface)[k] - s.roof[k];
      const auto p = g.node(k);
      NodeStatus st = NodeStatus::remaining;
      const double ash = s.quality[0][k], sulfur = s.quality[1][k], cv = s.quality[2][k];
      if (in.seam_burnt && (*in.burnt)[k]) st = NodeStatus::burnt;
      else if (!in.panels.empty() && panel_box.contains(p) && geometry::contains(in.panels, p)) st = NodeStatus::mined;
      else if (t < lim.min_thickness || ash > lim.max_ash || sulfur > lim.max_sulfur || cv < lim.min_cv)
        st = NodeStatus::below_limits;
      else if (out.depth[k] > lim.max_depth) st = NodeStatus::too_deep;
      out.status[k] = st;
    }
  });
  // Classification from the drill-hole spacing of the seam.
  BlockGrid bg(Eigen::Vector3d(g.x0 - 0.5 * g.dx, g.y0 - 0.5 * g.dy, 0), Eigen::Vector3d(g.dx, g.dy, 1),
               {static_cast<int>(g.nx), static_cast<int>(g.ny), 1});
  std::vector<EstimateEvidence> ev(g.size());
  for (std::size_t k = 0; k < g.size(); ++k) {
    if (!(s.thickness[k] > 0) || out.status[k] == NodeStatus::burnt) continue;
    ev[k].estimated = !std::isnan(s.nearest_hole[k]);
    ev[k].nearest_distance = s.nearest_hole[k];
    ev[k].mean_distance = s.mean_hole_distance[k];
  }
  out.class_code = classify_blocks(bg, ev, in.rules);
  // Tonnages.
  for (std::size_t k = 0; k < g.size(); ++k) {
    const double t = s.thickness[k];
    if (!(t > 0)) continue;
    const double tonnes = t * area * s.quality[3][k];
    const auto st = out.status[k];
    out.area_coal += area;
    if (st == NodeStatus::burnt) {
      out.burnt += tonnes;
      continue;
    }
    out.insitu += tonnes;
    if (t >= lim.min_thickness) {
      out.mineable += tonnes;
      if (st == NodeStatus::mined) out.mined += tonnes;
      else out.remaining += tonnes;
    }
    if (st == NodeStatus::below_limits) out.below_limits += tonnes;
    if (st == NodeStatus::too_deep) out.too_deep += tonnes;
    if (st == NodeStatus::remaining && !std::isnan(out.class_code[k])) out.resources += tonnes;
  }
  return out;
}

std::string NodeLabels::depth_band(double depth) const {
  if (depth_edges.size() < 2) return "all";
  for (std::size_t i = 0; i + 1 < depth_edges.size(); ++i)
    if (depth < depth_edges[i + 1]) return depth_bands[i];
  return depth_bands.back();
}

CoalItems resource_items(const NodeGrid& grid, const SeamList& seams, const std::vector<SeamSurface>& surfaces,
                         const std::vector<SeamStatus>& status, const NodeLabels& labels,
                         const std::vector<ThicknessClass>& thickness_classes) {
  struct Sum {
    double volume = 0, tonnes = 0;
    double q[3] = {0, 0, 0}, w[3] = {0, 0, 0};
    std::size_t nodes = 0;
  };
  // (seam, class, depth band, planning block, thickness class)
  std::map<std::tuple<int, int, std::string, int, int>, Sum> sums;
  const double area = grid.cell_area();
  for (std::size_t s = 0; s < surfaces.size(); ++s) {
    const auto& sf = surfaces[s];
    const auto& st = status[s];
    for (std::size_t k = 0; k < grid.size(); ++k) {
      if (st.status[k] != NodeStatus::remaining || std::isnan(st.class_code[k])) continue;
      const double t = sf.thickness[k];
      const double tonnes = t * area * sf.quality[3][k];
      auto& sum = sums[{static_cast<int>(s), static_cast<int>(st.class_code[k]), labels.depth_band(st.depth[k]),
                        labels.planning.empty() ? 0 : labels.planning[k],
                        static_cast<int>(thickness_class_of(thickness_classes, t))}];
      sum.volume += t * area;
      sum.tonnes += tonnes;
      for (int q = 0; q < 3; ++q)
        if (!std::isnan(sf.quality[q][k])) sum.q[q] += tonnes * sf.quality[q][k], sum.w[q] += tonnes;
      ++sum.nodes;
    }
  }
  CoalItems out;
  auto& it = out.items;
  it.grade_names = {"Ad", "St,d", "Qnet,ar"};
  it.grade_units = {"%", "%", "MJ/kg"};
  it.grades.assign(3, {});
  it.group_names = {"seam", "depth_band", "planning_block", "thickness_class"};
  it.groups.assign(4, {});
  for (const auto& [key, sum] : sums) {
    const auto& [s, cls, band, plan, tc] = key;
    it.volume.push_back(sum.volume);
    it.tonnes.push_back(sum.tonnes);
    it.class_code.push_back(cls);
    for (int q = 0; q < 3; ++q) it.grades[static_cast<std::size_t>(q)].push_back(sum.w[q] > 0 ? sum.q[q] / sum.w[q] : std::nan(""));
    it.groups[0].push_back(seams.names[static_cast<std::size_t>(s)]);
    it.groups[1].push_back(band);
    it.groups[2].push_back(labels.planning_names.empty() ? "all" : labels.planning_names[static_cast<std::size_t>(plan)]);
    it.groups[3].push_back(thickness_classes.empty() ? "all" : thickness_classes[static_cast<std::size_t>(tc)].label);
    out.recovery.push_back(thickness_classes.empty() ? 1.0 : thickness_classes[static_cast<std::size_t>(tc)].recovery);
  }
  return out;
}

}  // namespace georeserve::seam
