// VTK XML data files that ParaView and VTK's own readers open, written without linking VTK:
// ImageData (.vti) for regular axis-aligned block models and grids, StructuredGrid (.vts) for rotated
// regular models, PolyData (.vtp) for drillholes (polylines), solids and surfaces (triangles) and
// polygons, UnstructuredGrid (.vtu) for sub-blocked or irregular models (hexahedra, voxels, ...).
//
// Coordinates: Gauss-Kruger coordinates such as x = 41,512,345 m keep only about 0.5 m in a 32-bit
// float, and renderers work in 32-bit floats. So every file stores coordinates relative to a local
// origin (GeoReference::origin, subtracted by the writer from everything it is given) and says so in
// its field data: `global_origin` (Float64, 3 components: add it back to get CRS coordinates),
// `crs` ("EPSG:4529"), `coordinates_note` (the same in words), and `array_names` / `array_units`
// (the unit of every point and cell array that has one).
//
// Data are written as appended raw binary (compact, fast) or inline base64 ("binary" format, plain
// XML text); header_type UInt64, native byte order. Files are written atomically.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace georeserve::vtkxml {

// Values of one array, tuple by tuple (components interleaved). Strings become VTK string arrays.
using ArrayValues = std::variant<std::vector<double>, std::vector<float>, std::vector<std::int32_t>,
                                 std::vector<std::int64_t>, std::vector<std::uint8_t>, std::vector<std::string>>;

struct DataArray {
  std::string name;     // UTF-8; unique within its group (point, cell or field data)
  ArrayValues values;
  int components = 1;   // values per tuple
  std::string unit;     // "%", "t/m3", "m"; empty = none (listed in field data `array_units`)

  std::size_t value_count() const;
  std::size_t tuple_count() const { return components > 0 ? value_count() / static_cast<std::size_t>(components) : 0; }
};

struct Attributes {
  std::vector<DataArray> point;  // one tuple per point
  std::vector<DataArray> cell;   // one tuple per cell
  std::vector<DataArray> field;  // free-size arrays describing the whole data set (title, stage, ...)
};

// Where the coordinates are: the CRS and the local origin subtracted from all coordinates.
struct GeoReference {
  int epsg = 0;                          // 0 = unknown
  std::array<double, 3> origin{0, 0, 0}; // CRS coordinates of the files' (0, 0, 0)
};

enum class Encoding { appended_raw, inline_base64 };

// Cells as connectivity (point indices, back to back) and offsets (end of each cell in connectivity),
// as in VTK's XML files.
struct CellArray {
  std::vector<std::int64_t> connectivity;
  std::vector<std::int64_t> offsets;
  void add(const std::vector<std::int64_t>& point_ids);
  std::size_t size() const { return offsets.size(); }
};

// Axis-aligned regular grid of cells; cell (i, j, k) spans origin + [i, i+1] * spacing, ...
struct ImageData {
  std::array<std::size_t, 3> cells{0, 0, 0};  // number of cells along x, y, z (>= 1 each)
  std::array<double, 3> origin{0, 0, 0};      // CRS coordinates of the corner of cell (0, 0, 0)
  std::array<double, 3> spacing{1, 1, 1};     // cell size, > 0
  Attributes data;                            // point data has (cells+1) per axis tuples, i fastest
};

// A curvilinear grid: points (CRS coordinates) of (cells+1) per axis, i fastest. Rotated block models.
struct StructuredGrid {
  std::array<std::size_t, 3> cells{0, 0, 0};
  std::vector<std::array<double, 3>> points;
  Attributes data;
};

// Points with vertices, polylines and polygons. Cell data tuples follow VTK's order: all verts,
// then all lines, then all polys.
struct PolyData {
  std::vector<std::array<double, 3>> points;  // CRS coordinates
  CellArray verts, lines, polys;
  Attributes data;
  std::size_t cell_count() const { return verts.size() + lines.size() + polys.size(); }
};

// VTK cell types used here (values of VTK's vtkCellType.h).
enum class CellType : std::uint8_t {
  vertex = 1, poly_line = 4, triangle = 5, polygon = 7, quad = 9, tetra = 10, voxel = 11, hexahedron = 12,
  wedge = 13
};

struct UnstructuredGrid {
  std::vector<std::array<double, 3>> points;  // CRS coordinates
  CellArray cells;
  std::vector<CellType> types;                // one per cell
  Attributes data;
};

struct WriteOptions {
  GeoReference geo;
  Encoding encoding = Encoding::appended_raw;
};

// Each throws InputError (naming the file and the array) when the data are inconsistent: wrong array
// length, duplicate or empty names, point indices out of range, non-positive spacing, non-finite
// coordinates. Nothing is written then.
void write_vti(const std::filesystem::path& path, const ImageData& grid, const WriteOptions& options = {});
void write_vts(const std::filesystem::path& path, const StructuredGrid& grid, const WriteOptions& options = {});
void write_vtp(const std::filesystem::path& path, const PolyData& poly, const WriteOptions& options = {});
void write_vtu(const std::filesystem::path& path, const UnstructuredGrid& grid, const WriteOptions& options = {});

// A regular block grid turned by rotation_deg about the vertical axis through origin (the outer corner
// of cell (0,0,0)), as a structured grid with no attributes yet. Same convention as BlockGrid: the
// grid's i axis is turned counter-clockwise from east, j lies 90 degrees counter-clockwise of it, k is up.
StructuredGrid rotated_block_grid(const std::array<std::size_t, 3>& cells, const std::array<double, 3>& origin,
                                  const std::array<double, 3>& spacing, double rotation_deg);

// Base64 (RFC 4648, with padding) of raw bytes; exposed for tests.
std::string base64_encode(const void* data, std::size_t size);

}  // namespace georeserve::vtkxml
