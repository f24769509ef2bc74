// See palette.h.
#include "viewer/scene/palette.h"

#include <cmath>

#include "core/text.h"

namespace georeserve::viewer {

PaletteBytes palette_bytes(const scene::Attribute* a, Rgb solid) {
  PaletteBytes out{};
  for (int i = 0; i < 256; ++i) {
    Rgb c = solid;
    if (a && a->kind == scene::AttributeKind::continuous) c = color_at(a->color_map, (i + 0.5) / 256.0);
    else if (a) c = static_cast<std::size_t>(i) < a->categories.size() ? a->categories[static_cast<std::size_t>(i)].color
                                                                        : Rgb{160, 160, 160};
    out[static_cast<std::size_t>(i) * 4 + 0] = c.r;
    out[static_cast<std::size_t>(i) * 4 + 1] = c.g;
    out[static_cast<std::size_t>(i) * 4 + 2] = c.b;
    out[static_cast<std::size_t>(i) * 4 + 3] = 255;
  }
  return out;
}

std::optional<int> category_index(const scene::Attribute& a, double code) {
  if (!std::isfinite(code)) return std::nullopt;
  for (std::size_t i = 0; i < a.categories.size(); ++i)
    if (static_cast<double>(a.categories[i].code) == code) return static_cast<int>(i);
  return std::nullopt;
}

std::string category_text(const scene::Attribute& a, double code) {
  if (auto i = category_index(a, code)) {
    const auto& c = a.categories[static_cast<std::size_t>(*i)];
    return c.label_en.empty() || c.label_en == c.label ? c.label : c.label + " " + c.label_en;
  }
  return "code " + format_double(code);
}

void add_unknown_category(scene::Attribute& a, long long code) {
  if (category_index(a, static_cast<double>(code))) return;
  a.categories.push_back({code, "code " + std::to_string(code), "", category_color(a.categories.size())});
}

Rgb default_layer_color(const scene::Layer& layer, std::size_t position) {
  if (layer.color) return *layer.color;
  return category_color(position);
}

std::string format_value(double value, const std::string& unit) {
  if (!std::isfinite(value)) return "-";
  const double magnitude = std::abs(value);
  const int decimals = magnitude >= 1000 ? 1 : magnitude >= 10 ? 2 : magnitude >= 1 ? 3 : 4;
  std::string text = format_fixed(value, decimals);
  return unit.empty() ? text : text + " " + unit;
}

}  // namespace georeserve::viewer
