// Settings shared by every layer (visibility, opacity, colouring); see layer.h.
#include "viewer/scene/layer.h"

#include <algorithm>

namespace georeserve::viewer {

Layer::Layer(scene::Layer desc)
    : desc_(std::move(desc)), visible_(desc_.visible), opacity_(desc_.opacity), attributes_(desc_.attributes),
      color_by_(desc_.color_by) {}

Layer::~Layer() = default;

void Layer::set_visible(bool on) {
  if (on == visible_) return;
  visible_ = on;
  touch();
}

void Layer::set_opacity(double opacity) {
  opacity = std::clamp(opacity, 0.0, 1.0);
  if (opacity == opacity_) return;
  opacity_ = opacity;
  touch();
}

void Layer::set_labels_visible(bool on) {
  if (on == labels_visible_) return;
  labels_visible_ = on;
  touch();
}

const scene::Attribute* Layer::attribute(const std::string& name) const {
  for (const auto& a : attributes_)
    if (a.name == name) return &a;
  return nullptr;
}

void Layer::set_color_by(const std::string& name) {
  if (name == color_by_ || (!name.empty() && !attribute(name))) return;
  color_by_ = name;
  const scene::Attribute* a = attribute(name);
  if (a && a->kind == scene::AttributeKind::continuous) {
    if (a->range) color_range_ = *a->range;
    else if (auto r = data_range(name)) color_range_ = *r;
  }
  touch();
}

void Layer::set_color_range(double lo, double hi) {
  if (!(lo < hi)) hi = lo + 1e-9 * std::max(1.0, std::abs(lo));
  if (lo == color_range_[0] && hi == color_range_[1]) return;
  color_range_ = {lo, hi};
  touch();
}

void Layer::add_found_attribute(const std::string& name) {
  if (attribute(name)) return;
  scene::Attribute a;
  a.name = name;
  a.title = name;
  attributes_.push_back(std::move(a));
}

void Layer::add_found_attribute(scene::Attribute a) {
  if (attribute(a.name)) return;
  attributes_.push_back(std::move(a));
}

scene::Attribute* Layer::mutable_attribute(const std::string& name) {
  for (auto& a : attributes_)
    if (a.name == name) return &a;
  return nullptr;
}

void Layer::drop_attributes_without_data(const std::function<bool(const std::string&)>& has_data) {
  std::erase_if(attributes_, [&](const scene::Attribute& a) { return !has_data(a.name); });
  if (!color_by_.empty() && !attribute(color_by_)) color_by_.clear();
}

void Layer::choose_initial_coloring() {
  std::string name = attribute(desc_.color_by) ? desc_.color_by : std::string();
  if (name.empty() && !desc_.color && !attributes_.empty()) name = attributes_.front().name;
  color_by_.clear();
  set_color_by(name);
  touch();
}

}  // namespace georeserve::viewer
