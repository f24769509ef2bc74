// Implementation of model.h.
#include "subsidence/model.h"

namespace georeserve::subsidence {

SubsidenceModel::SubsidenceModel(const std::vector<Panel>& panels, const Parameters& parameters)
    : parameters_(parameters) {
  check_parameters(parameters);
  effective_.reserve(panels.size());
  for (std::size_t i = 0; i < panels.size(); ++i)
    effective_.push_back(make_effective_panel(panels[i], static_cast<int>(i), parameters));
}

geometry::BoundingBox SubsidenceModel::influence_box(std::size_t i) const {
  const EffectivePanel& p = effective_[i];
  return p.shape.box().expanded(kCutoffRadii * p.r);
}

Deformation SubsidenceModel::at(geometry::Point2 p) const {
  Deformation d;
  for (std::size_t i = 0; i < effective_.size(); ++i) {
    const EffectivePanel& panel = effective_[i];
    if (panel.shape.box().distance(p) > kCutoffRadii * panel.r) continue;
    accumulate(d, panel, panel.shape.at(p));
  }
  return d;
}

}  // namespace georeserve::subsidence
