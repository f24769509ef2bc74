// Colours and colour maps shared by every picture (SVG figures, report maps, the viewer's legends).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace georeserve {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  std::string hex() const;  // "#rrggbb"
  bool operator==(const Rgb&) const = default;
};

enum class ColorMap { viridis, turbo, magma, terrain, diverging };

// t in [0, 1] (clamped); NaN gives light grey.
Rgb color_at(ColorMap map, double t);
bool parse_color_map(std::string_view name, ColorMap* out);
// A qualitative palette for categories (classes, domains, seams, lithologies): index -> colour.
Rgb category_color(std::size_t index);

// Conventional colours of resource classes (GB/T 17766 maps): measured red, indicated yellow-orange,
// inferred green; and reserves likewise.
Rgb resource_class_color(std::string_view class_name);

}  // namespace georeserve
