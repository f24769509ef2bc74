// Single-band float rasters (DEMs, seam grids, truth fields) and their GeoTIFF files, read and written
// through GDAL. The grid is north-up: cell (col, row) = (0, 0) is the north-west cell, rows run south.
// No GDAL type appears here, so callers need not link GDAL.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace georeserve {

struct RasterGrid {
  std::size_t cols = 0;
  std::size_t rows = 0;
  double west = 0.0;    // x of the grid's west edge (left edge of column 0), metres
  double north = 0.0;   // y of the grid's north edge (top edge of row 0), metres
  double cell_x = 1.0;  // cell width (east-west), > 0
  double cell_y = 1.0;  // cell height (north-south), > 0
  int epsg = 0;         // EPSG code of the projected CRS; 0 = unknown (written without a CRS)
  std::optional<double> nodata;  // cells equal to this value (or NaN) hold no data
  std::vector<float> values;     // row-major, rows * cols, row 0 = north

  RasterGrid() = default;
  // A grid of cols x rows cells filled with fill.
  RasterGrid(std::size_t cols, std::size_t rows, double west, double north, double cell_x, double cell_y,
             int epsg, float fill = 0.0f);

  float& at(std::size_t col, std::size_t row) { return values[row * cols + col]; }
  float at(std::size_t col, std::size_t row) const { return values[row * cols + col]; }
  double x_center(std::size_t col) const { return west + (static_cast<double>(col) + 0.5) * cell_x; }
  double y_center(std::size_t row) const { return north - (static_cast<double>(row) + 0.5) * cell_y; }
  double east() const { return west + static_cast<double>(cols) * cell_x; }
  double south() const { return north - static_cast<double>(rows) * cell_y; }
  bool is_nodata(float v) const;

  // Bilinear interpolation between cell centres; nullopt outside the centres' hull or next to a
  // no-data cell. Points within half a cell of the edge take the edge cells' values.
  std::optional<double> sample(double x, double y) const;
};

// Writes band 1 as Float32, uncompressed and striped, so the bytes depend only on the values and the
// georeferencing (no timestamps). The file appears whole or not at all. Throws InputError when the grid
// is inconsistent (size, cell size) or the file cannot be written.
void write_geotiff(const std::filesystem::path& path, const RasterGrid& grid);

// Reads band 1 of any raster GDAL opens (GeoTIFF, ...) as float. The CRS is identified as an EPSG
// code where possible (0 otherwise). InputError when the file is missing, unreadable or rotated.
RasterGrid read_geotiff(const std::filesystem::path& path);

}  // namespace georeserve
