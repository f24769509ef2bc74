// Colours of an attribute as the renderers need them: a 256-entry RGBA table (the block shader's
// palette texture: the colour map sampled evenly, or one colour per category index) and the category
// index of a code. Colour maps and the qualitative palette come from engine/report/color.h, so the
// viewer's legends match the report's figures. No VTK here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "scene/scene.h"

namespace georeserve::viewer {

using PaletteBytes = std::array<std::uint8_t, 256 * 4>;

// Continuous: the attribute's colour map at (i + 0.5) / 256. Categorical: entry i is category i's
// colour (entries past the last category are grey). Without an attribute: all entries `solid`.
PaletteBytes palette_bytes(const scene::Attribute* attribute, Rgb solid = {200, 200, 200});

// The index of `code` among the attribute's categories; nullopt when it has none.
std::optional<int> category_index(const scene::Attribute& attribute, double code);

// "探明 measured" (label and English label), or "code 7" for unknown codes.
std::string category_text(const scene::Attribute& attribute, double code);

// Adds a category for a code met in the data but missing from the manifest ("code 7", palette colour).
void add_unknown_category(scene::Attribute& attribute, long long code);

// The colour a layer without colouring gets: its manifest colour, else a palette colour by position.
Rgb default_layer_color(const scene::Layer& layer, std::size_t position);

// Formats a value with its unit for panels and pick results: "62.35 %", "2.9 t/m3".
std::string format_value(double value, const std::string& unit);

}  // namespace georeserve::viewer
