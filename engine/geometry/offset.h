// Parallel offset of a simple ring with mitred corners: every edge moves by the same distance along
// its normal. Used for inflection-point offsets of mined panels and for buffer zones around blocks.
#pragma once

#include <optional>

#include "geometry/types.h"

namespace georeserve::geometry {

// Offsets a simple ring by `distance` metres: > 0 grows it (outward), < 0 shrinks it (inward).
// Works for either orientation; the result keeps the input's orientation. Returns nullopt when the
// offset would make an edge vanish or turn over, or the result would intersect itself (an inward
// offset larger than the shape allows); mitred corners are exact for convex and mildly concave shapes.
std::optional<Ring> offset_ring(const Ring& ring, double distance);

}  // namespace georeserve::geometry
