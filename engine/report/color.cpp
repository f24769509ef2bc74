#include "report/color.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace georeserve {

std::string Rgb::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

namespace {

using Stop = std::array<double, 3>;

// Piecewise-linear colour maps from a few control points (sampled from matplotlib's maps).
template <std::size_t N>
Rgb interpolate(const std::array<Stop, N>& stops, double t) {
  t = std::clamp(t, 0.0, 1.0) * static_cast<double>(N - 1);
  const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(t), N - 2);
  const double f = t - static_cast<double>(i);
  Rgb c;
  auto mix = [&](int k) {
    const double v = stops[i][static_cast<std::size_t>(k)] * (1 - f) + stops[i + 1][static_cast<std::size_t>(k)] * f;
    return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
  };
  c.r = mix(0);
  c.g = mix(1);
  c.b = mix(2);
  return c;
}

constexpr std::array<Stop, 9> viridis{{{0.267, 0.005, 0.329}, {0.279, 0.175, 0.483}, {0.230, 0.322, 0.546},
                                       {0.173, 0.449, 0.558}, {0.128, 0.567, 0.551}, {0.153, 0.680, 0.504},
                                       {0.369, 0.789, 0.383}, {0.678, 0.864, 0.190}, {0.993, 0.906, 0.144}}};
constexpr std::array<Stop, 9> turbo{{{0.190, 0.072, 0.232}, {0.255, 0.370, 0.854}, {0.163, 0.652, 0.983},
                                     {0.107, 0.899, 0.715}, {0.462, 0.995, 0.371}, {0.822, 0.905, 0.216},
                                     {0.993, 0.647, 0.204}, {0.890, 0.297, 0.067}, {0.480, 0.016, 0.011}}};
constexpr std::array<Stop, 9> magma{{{0.001, 0.000, 0.014}, {0.113, 0.065, 0.277}, {0.317, 0.071, 0.485},
                                     {0.513, 0.148, 0.508}, {0.716, 0.215, 0.475}, {0.904, 0.310, 0.388},
                                     {0.986, 0.533, 0.382}, {0.997, 0.772, 0.528}, {0.987, 0.991, 0.750}}};
constexpr std::array<Stop, 6> terrain{{{0.20, 0.40, 0.25}, {0.45, 0.65, 0.35}, {0.80, 0.80, 0.50},
                                       {0.70, 0.55, 0.40}, {0.55, 0.45, 0.40}, {0.95, 0.95, 0.95}}};
constexpr std::array<Stop, 5> diverging{{{0.230, 0.299, 0.754}, {0.552, 0.690, 0.996}, {0.865, 0.865, 0.865},
                                         {0.958, 0.604, 0.482}, {0.706, 0.016, 0.150}}};

}  // namespace

Rgb color_at(ColorMap map, double t) {
  if (std::isnan(t)) return {210, 210, 210};
  switch (map) {
    case ColorMap::viridis: return interpolate(viridis, t);
    case ColorMap::turbo: return interpolate(turbo, t);
    case ColorMap::magma: return interpolate(magma, t);
    case ColorMap::terrain: return interpolate(terrain, t);
    case ColorMap::diverging: return interpolate(diverging, t);
  }
  return {};
}

bool parse_color_map(std::string_view name, ColorMap* out) {
  const std::pair<std::string_view, ColorMap> names[] = {{"viridis", ColorMap::viridis}, {"turbo", ColorMap::turbo},
                                                          {"magma", ColorMap::magma},     {"terrain", ColorMap::terrain},
                                                          {"diverging", ColorMap::diverging}};
  for (const auto& [n, m] : names)
    if (iequals(name, n)) {
      *out = m;
      return true;
    }
  return false;
}

Rgb category_color(std::size_t index) {
  // Tableau 10: distinct for the colour-blind too, and printable.
  static constexpr Rgb palette[] = {{78, 121, 167},  {242, 142, 43}, {225, 87, 89},   {118, 183, 178},
                                    {89, 161, 79},   {237, 201, 72}, {176, 122, 161}, {255, 157, 167},
                                    {156, 117, 95},  {186, 176, 172}};
  return palette[index % std::size(palette)];
}

Rgb resource_class_color(std::string_view c) {
  if (iequals(c, "measured") || c == "探明" || iequals(c, "proved") || c == "证实") return {214, 39, 40};
  if (iequals(c, "indicated") || c == "控制" || iequals(c, "probable") || c == "可信") return {255, 170, 30};
  if (iequals(c, "inferred") || c == "推断") return {44, 160, 44};
  return {160, 160, 160};
}

}  // namespace georeserve
