#include "pipeline/samples.h"

#include <cmath>

namespace georeserve {

GradeSamples grade_samples(const PipelineContext& c, std::size_t g, int domain) {
  GradeSamples out;
  auto& s = out.samples;
  s.dimension = 3;
  const auto& comp = c.composites;
  const double cut = c.model.grades[g].top_cut;
  for (std::size_t i = 0; i < comp.size(); ++i) {
    const int d = c.composite_domain[i];
    if (d < 0 || (domain >= 0 && d != domain)) continue;
    double v = comp.value[g][i];
    if (std::isnan(v)) continue;
    if (!std::isnan(cut) && v > cut) {
      v = cut;
      ++out.capped;
    }
    s.x.push_back(comp.mid[i].x());
    s.y.push_back(comp.mid[i].y());
    s.z.push_back(comp.mid[i].z());
    s.value.push_back(v);
    s.hole.push_back(comp.hole[i]);
    s.line.push_back(0);
  }
  for (const auto& col : c.db.collars()) s.hole_names.push_back(col.hole_id);
  merge_coincident_samples(s);
  return out;
}

}  // namespace georeserve
