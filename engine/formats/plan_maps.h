// Plan maps of a block model for GIS users: column sums (ore thickness, grade x thickness) as north-up
// rasters for GeoTIFF, and their contour lines and filled bands (zones) as vector layers for GeoJSON,
// Shapefile, GeoPackage and DXF.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "blockmodel/grid.h"
#include "formats/raster.h"
#include "formats/vector.h"

namespace georeserve {

// Per plan column (index j * nx + i) the sum over k of value(block index); a block whose value is
// NaN adds nothing, and a column without any finite value is NaN.
std::vector<double> column_sums(const BlockGrid& grid, const std::function<double(std::size_t)>& value);

// The columns as a north-up raster (no-data -9999). An unrotated grid maps column to cell one to one
// (row 0 = the northern row j = ny - 1). A rotated grid is resampled: cells of the smaller block side
// cover its plan bounds and take the value of the column under their centre (nearest, no blending, so
// sums and thicknesses are not smoothed).
RasterGrid plan_raster(const BlockGrid& grid, const std::vector<double>& columns, int epsg);

// About `target` contour levels at a 1-2-5 step strictly inside (lo, hi); empty when lo >= hi.
std::vector<double> nice_levels(double lo, double hi, int target);

// Contour lines of the raster (cell centres as nodes; no-data cells left out) at the levels, one
// feature per level with fields `level` (real) and `unit` (text).
VectorLayer contour_layer(const RasterGrid& raster, const std::vector<double>& levels, const std::string& name,
                          const std::string& unit);

// Filled bands between consecutive breaks (the first from -inf, the last to +inf left out: every band
// is [breaks[k], breaks[k+1])), one feature per non-empty band with fields `lo`, `hi`, `label`, `unit`.
VectorLayer zone_layer(const RasterGrid& raster, const std::vector<double>& breaks, const std::string& name,
                       const std::string& unit);

}  // namespace georeserve
