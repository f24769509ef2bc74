// Writers of VTK XML files (.vti, .vts, .vtp, .vtu): checks the data, lays out the XML header with the
// offsets of the appended binary blocks (or inline base64), then writes the blocks. See vtk_xml.h.
#include "io/vtk_xml.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <locale>
#include <numbers>
#include <ostream>
#include <set>
#include <sstream>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"

namespace georeserve::vtkxml {
namespace {

using HeaderType = std::uint64_t;  // header_type="UInt64": byte count before each block

// One array as it goes into the file: its XML attributes and its bytes (owned or borrowed).
struct Block {
  std::string type;        // Float64, Int32, String, ...
  std::string name;
  int components = 1;
  std::size_t tuples = 0;
  bool field = false;      // field data arrays carry NumberOfTuples
  std::string owned;              // converted bytes (strings, shifted points) ...
  const void* borrowed = nullptr;  // ... or the caller's own array, which outlives the write
  std::size_t bytes = 0;

  const char* data() const { return borrowed ? static_cast<const char*>(borrowed) : owned.data(); }
};

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

template <class T>
void borrow(Block& b, const std::vector<T>& v) {
  b.borrowed = v.data();
  b.bytes = v.size() * sizeof(T);
}

Block block_of(const DataArray& a, bool field) {
  Block b;
  b.name = a.name;
  b.components = a.components;
  b.tuples = a.tuple_count();
  b.field = field;
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::vector<double>>) b.type = "Float64";
        if constexpr (std::is_same_v<V, std::vector<float>>) b.type = "Float32";
        if constexpr (std::is_same_v<V, std::vector<std::int32_t>>) b.type = "Int32";
        if constexpr (std::is_same_v<V, std::vector<std::int64_t>>) b.type = "Int64";
        if constexpr (std::is_same_v<V, std::vector<std::uint8_t>>) b.type = "UInt8";
        if constexpr (std::is_same_v<V, std::vector<std::string>>) {
          // VTK stores string arrays as the strings back to back, each ended by a NUL.
          b.type = "String";
          for (const auto& s : v) {
            b.owned += s;
            b.owned += '\0';
          }
          b.bytes = b.owned.size();
        } else {
          borrow(b, v);
        }
      },
      a.values);
  return b;
}

Block numbers_block(std::string name, std::string type, int components, std::string bytes, std::size_t tuples) {
  Block b;
  b.name = std::move(name);
  b.type = std::move(type);
  b.components = components;
  b.tuples = tuples;
  b.owned = std::move(bytes);
  b.bytes = b.owned.size();
  return b;
}

template <class T>
std::string bytes_of(const std::vector<T>& v) {
  return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

Block string_field(std::string name, const std::vector<std::string>& values) {
  return block_of(DataArray{std::move(name), values, 1, ""}, true);
}

// Everything about one file: the checks' context and the blocks in write order.
class FileLayout {
 public:
  FileLayout(const std::filesystem::path& path, const WriteOptions& options) : file_(path.string()), options_(options) {}

  [[noreturn]] void fail(const std::string& field, const std::string& message) const {
    throw InputError(file_, 0, field, message);
  }

  void check_coordinates(const std::vector<std::array<double, 3>>& points) const {
    for (std::size_t i = 0; i < points.size(); ++i)
      for (double c : points[i])
        if (!std::isfinite(c)) fail("points", "point " + std::to_string(i) + " has a non-finite coordinate");
  }

  // Points relative to the local origin, as Float64.
  Block points_block(const std::vector<std::array<double, 3>>& points) const {
    check_coordinates(points);
    std::vector<double> local(points.size() * 3);
    for (std::size_t i = 0; i < points.size(); ++i)
      for (int c = 0; c < 3; ++c) local[i * 3 + c] = points[i][c] - options_.geo.origin[c];
    return numbers_block("Points", "Float64", 3, bytes_of(local), points.size());
  }

  void check_cells(const CellArray& cells, std::size_t point_count, const std::string& what) const {
    std::int64_t previous = 0;
    for (std::size_t c = 0; c < cells.offsets.size(); ++c) {
      const std::int64_t end = cells.offsets[c];
      if (end < previous) fail(what, "offsets decrease at cell " + std::to_string(c));
      previous = end;
    }
    if (static_cast<std::size_t>(previous) != cells.connectivity.size())
      fail(what, "the last offset (" + std::to_string(previous) + ") differs from the connectivity length (" +
                     std::to_string(cells.connectivity.size()) + ")");
    for (std::size_t i = 0; i < cells.connectivity.size(); ++i) {
      const std::int64_t p = cells.connectivity[i];
      if (p < 0 || static_cast<std::size_t>(p) >= point_count)
        fail(what, "point index " + std::to_string(p) + " out of range (" + std::to_string(point_count) + " points)");
    }
  }

  void check_group(const std::vector<DataArray>& arrays, std::size_t tuples, const std::string& group) const {
    std::set<std::string> names;
    for (const DataArray& a : arrays) {
      if (a.name.empty()) fail(group, "an array has no name");
      if (!is_valid_utf8(a.name)) fail(group, "array name is not valid UTF-8");
      if (!names.insert(a.name).second) fail(group + "." + a.name, "duplicate array name");
      if (a.components < 1) fail(group + "." + a.name, "components must be >= 1");
      if (a.value_count() % static_cast<std::size_t>(a.components) != 0)
        fail(group + "." + a.name, std::to_string(a.value_count()) + " values are not whole tuples of " +
                                       std::to_string(a.components) + " components");
      if (std::holds_alternative<std::vector<std::string>>(a.values)) {
        if (a.components != 1) fail(group + "." + a.name, "string arrays have one component");
        for (const auto& s : std::get<std::vector<std::string>>(a.values))
          if (!is_valid_utf8(s) || s.find('\0') != std::string::npos)
            fail(group + "." + a.name, "strings must be valid UTF-8 without NUL characters");
      }
      if (group != "field" && a.tuple_count() != tuples)
        fail(group + "." + a.name, "has " + std::to_string(a.tuple_count()) + " tuples, expected " +
                                       std::to_string(tuples));
    }
  }

  void check_attributes(const Attributes& data, std::size_t points, std::size_t cells) const {
    check_group(data.point, points, "point");
    check_group(data.cell, cells, "cell");
    check_group(data.field, 0, "field");
  }

  // The header of the file and the data set element.
  void begin(std::ostream& xml, const char* type, const std::string& dataset_attributes) {
    xml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    xml << "<VTKFile type=\"" << type << "\" version=\"1.0\" byte_order=\""
        << (std::endian::native == std::endian::little ? "LittleEndian" : "BigEndian")
        << "\" header_type=\"UInt64\">\n";
    xml << "  <" << type << dataset_attributes << ">\n";
  }

  // Field data: the georeference, the units, then the caller's arrays.
  void field_data(std::ostream& xml, const Attributes& data) {
    std::vector<Block> blocks;
    const auto& o = options_.geo.origin;
    blocks.push_back(numbers_block("global_origin", "Float64", 3, bytes_of(std::vector<double>{o[0], o[1], o[2]}), 1));
    blocks.back().field = true;
    const std::string crs = options_.geo.epsg > 0 ? "EPSG:" + std::to_string(options_.geo.epsg) : "unknown";
    blocks.push_back(string_field("crs", {crs}));
    blocks.push_back(string_field(
        "coordinates_note",
        {"Coordinates are relative to global_origin; add global_origin to get " + crs + " coordinates (metres)."}));
    std::vector<std::string> names, units;
    for (const auto* group : {&data.point, &data.cell})
      for (const DataArray& a : *group)
        if (!a.unit.empty()) {
          names.push_back(a.name);
          units.push_back(a.unit);
        }
    if (!names.empty()) {
      blocks.push_back(string_field("array_names", names));
      blocks.push_back(string_field("array_units", units));
    }
    for (const DataArray& a : data.field) blocks.push_back(block_of(a, true));
    xml << "    <FieldData>\n";
    for (Block& b : blocks) data_array(xml, std::move(b), "      ");
    xml << "    </FieldData>\n";
  }

  void attribute_group(std::ostream& xml, const char* element, const std::vector<DataArray>& arrays) {
    if (arrays.empty()) return;
    xml << "      <" << element << ">\n";
    for (const DataArray& a : arrays) data_array(xml, block_of(a, false), "        ");
    xml << "      </" << element << ">\n";
  }

  void cell_array(std::ostream& xml, const char* element, const CellArray& cells) {
    xml << "      <" << element << ">\n";
    data_array(xml, numbers_block("connectivity", "Int64", 1, bytes_of(cells.connectivity), cells.connectivity.size()),
               "        ");
    data_array(xml, numbers_block("offsets", "Int64", 1, bytes_of(cells.offsets), cells.offsets.size()), "        ");
    xml << "      </" << element << ">\n";
  }

  void points(std::ostream& xml, const std::vector<std::array<double, 3>>& pts) {
    xml << "      <Points>\n";
    data_array(xml, points_block(pts), "        ");
    xml << "      </Points>\n";
  }

  void data_array(std::ostream& xml, Block b, const char* indent) {
    xml << indent << "<DataArray type=\"" << b.type << "\" Name=\"" << xml_escape(b.name) << "\"";
    if (b.components != 1) xml << " NumberOfComponents=\"" << b.components << "\"";
    if (b.field) xml << " NumberOfTuples=\"" << b.tuples << "\"";
    if (options_.encoding == Encoding::appended_raw) {
      xml << " format=\"appended\" offset=\"" << next_offset_ << "\"/>\n";
      next_offset_ += sizeof(HeaderType) + b.bytes;
      appended_.push_back(std::move(b));
    } else {
      // Inline "binary": header and data base64-encoded as one stream, as VTK writes them.
      std::string raw(sizeof(HeaderType) + b.bytes, '\0');
      const HeaderType n = b.bytes;
      std::memcpy(raw.data(), &n, sizeof n);
      if (b.bytes) std::memcpy(raw.data() + sizeof n, b.data(), b.bytes);
      xml << " format=\"binary\">\n" << indent << "  " << base64_encode(raw.data(), raw.size()) << "\n"
          << indent << "</DataArray>\n";
    }
  }

  void end(std::ostream& xml, const char* type) {
    xml << "  </" << type << ">\n";
    if (options_.encoding == Encoding::appended_raw) {
      xml << "  <AppendedData encoding=\"raw\">\n   _";
      for (const Block& b : appended_) {
        const HeaderType n = b.bytes;
        xml.write(reinterpret_cast<const char*>(&n), sizeof n);
        if (b.bytes) xml.write(b.data(), static_cast<std::streamsize>(b.bytes));
      }
      xml << "\n  </AppendedData>\n";
    }
    xml << "</VTKFile>\n";
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  WriteOptions options_;
  std::uint64_t next_offset_ = 0;
  std::vector<Block> appended_;
};

std::string extent_text(const std::array<std::size_t, 3>& cells) {
  return "0 " + std::to_string(cells[0]) + " 0 " + std::to_string(cells[1]) + " 0 " + std::to_string(cells[2]);
}

std::size_t grid_points(const std::array<std::size_t, 3>& cells) {
  return (cells[0] + 1) * (cells[1] + 1) * (cells[2] + 1);
}
std::size_t grid_cells(const std::array<std::size_t, 3>& cells) { return cells[0] * cells[1] * cells[2]; }

void check_grid_cells(const FileLayout& f, const std::array<std::size_t, 3>& cells) {
  for (int a = 0; a < 3; ++a)
    if (cells[a] == 0) f.fail("cells", "every axis needs at least one cell");
}

void write_with(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
  // Strings stream the numbers of the XML header in the classic locale whatever the global one is.
  write_file_atomically(path, [&](std::ostream& out) {
    out.imbue(std::locale::classic());
    write(out);
  });
}

std::string number_list(const std::array<double, 3>& v) {
  return format_double(v[0]) + " " + format_double(v[1]) + " " + format_double(v[2]);
}

}  // namespace

std::size_t DataArray::value_count() const {
  return std::visit([](const auto& v) { return v.size(); }, values);
}

void CellArray::add(const std::vector<std::int64_t>& point_ids) {
  connectivity.insert(connectivity.end(), point_ids.begin(), point_ids.end());
  offsets.push_back(static_cast<std::int64_t>(connectivity.size()));
}

void write_vti(const std::filesystem::path& path, const ImageData& grid, const WriteOptions& options) {
  FileLayout f(path, options);
  check_grid_cells(f, grid.cells);
  for (int a = 0; a < 3; ++a) {
    if (!(grid.spacing[a] > 0.0) || !std::isfinite(grid.spacing[a])) f.fail("spacing", "must be positive");
    if (!std::isfinite(grid.origin[a])) f.fail("origin", "must be finite");
  }
  f.check_attributes(grid.data, grid_points(grid.cells), grid_cells(grid.cells));
  std::array<double, 3> local{};
  for (int a = 0; a < 3; ++a) local[a] = grid.origin[a] - options.geo.origin[a];
  const std::string extent = extent_text(grid.cells);
  write_with(path, [&](std::ostream& xml) {
    f.begin(xml, "ImageData",
            " WholeExtent=\"" + extent + "\" Origin=\"" + number_list(local) + "\" Spacing=\"" +
                number_list(grid.spacing) + "\" Direction=\"1 0 0 0 1 0 0 0 1\"");
    f.field_data(xml, grid.data);
    xml << "    <Piece Extent=\"" << extent << "\">\n";
    f.attribute_group(xml, "PointData", grid.data.point);
    f.attribute_group(xml, "CellData", grid.data.cell);
    xml << "    </Piece>\n";
    f.end(xml, "ImageData");
  });
}

void write_vts(const std::filesystem::path& path, const StructuredGrid& grid, const WriteOptions& options) {
  FileLayout f(path, options);
  check_grid_cells(f, grid.cells);
  if (grid.points.size() != grid_points(grid.cells))
    f.fail("points", "has " + std::to_string(grid.points.size()) + " points, expected " +
                         std::to_string(grid_points(grid.cells)));
  f.check_attributes(grid.data, grid.points.size(), grid_cells(grid.cells));
  const std::string extent = extent_text(grid.cells);
  write_with(path, [&](std::ostream& xml) {
    f.begin(xml, "StructuredGrid", " WholeExtent=\"" + extent + "\"");
    f.field_data(xml, grid.data);
    xml << "    <Piece Extent=\"" << extent << "\">\n";
    f.attribute_group(xml, "PointData", grid.data.point);
    f.attribute_group(xml, "CellData", grid.data.cell);
    f.points(xml, grid.points);
    xml << "    </Piece>\n";
    f.end(xml, "StructuredGrid");
  });
}

void write_vtp(const std::filesystem::path& path, const PolyData& poly, const WriteOptions& options) {
  FileLayout f(path, options);
  f.check_cells(poly.verts, poly.points.size(), "verts");
  f.check_cells(poly.lines, poly.points.size(), "lines");
  f.check_cells(poly.polys, poly.points.size(), "polys");
  f.check_attributes(poly.data, poly.points.size(), poly.cell_count());
  write_with(path, [&](std::ostream& xml) {
    f.begin(xml, "PolyData", "");
    f.field_data(xml, poly.data);
    xml << "    <Piece NumberOfPoints=\"" << poly.points.size() << "\" NumberOfVerts=\"" << poly.verts.size()
        << "\" NumberOfLines=\"" << poly.lines.size() << "\" NumberOfStrips=\"0\" NumberOfPolys=\""
        << poly.polys.size() << "\">\n";
    f.attribute_group(xml, "PointData", poly.data.point);
    f.attribute_group(xml, "CellData", poly.data.cell);
    f.points(xml, poly.points);
    f.cell_array(xml, "Verts", poly.verts);
    f.cell_array(xml, "Lines", poly.lines);
    f.cell_array(xml, "Strips", CellArray{});
    f.cell_array(xml, "Polys", poly.polys);
    xml << "    </Piece>\n";
    f.end(xml, "PolyData");
  });
}

void write_vtu(const std::filesystem::path& path, const UnstructuredGrid& grid, const WriteOptions& options) {
  FileLayout f(path, options);
  f.check_cells(grid.cells, grid.points.size(), "cells");
  if (grid.types.size() != grid.cells.size())
    f.fail("types", std::to_string(grid.types.size()) + " cell types for " + std::to_string(grid.cells.size()) + " cells");
  f.check_attributes(grid.data, grid.points.size(), grid.cells.size());
  std::vector<std::uint8_t> types(grid.types.size());
  for (std::size_t i = 0; i < types.size(); ++i) types[i] = static_cast<std::uint8_t>(grid.types[i]);
  write_with(path, [&](std::ostream& xml) {
    f.begin(xml, "UnstructuredGrid", "");
    f.field_data(xml, grid.data);
    xml << "    <Piece NumberOfPoints=\"" << grid.points.size() << "\" NumberOfCells=\"" << grid.cells.size() << "\">\n";
    f.attribute_group(xml, "PointData", grid.data.point);
    f.attribute_group(xml, "CellData", grid.data.cell);
    f.points(xml, grid.points);
    xml << "      <Cells>\n";
    f.data_array(xml, numbers_block("connectivity", "Int64", 1, bytes_of(grid.cells.connectivity), 0), "        ");
    f.data_array(xml, numbers_block("offsets", "Int64", 1, bytes_of(grid.cells.offsets), 0), "        ");
    f.data_array(xml, numbers_block("types", "UInt8", 1, bytes_of(types), 0), "        ");
    xml << "      </Cells>\n";
    xml << "    </Piece>\n";
    f.end(xml, "UnstructuredGrid");
  });
}

StructuredGrid rotated_block_grid(const std::array<std::size_t, 3>& cells, const std::array<double, 3>& origin,
                                  const std::array<double, 3>& spacing, double rotation_deg) {
  const double a = rotation_deg * std::numbers::pi / 180.0;
  const std::array<double, 2> ui{std::cos(a), std::sin(a)};   // counter-clockwise from east
  const std::array<double, 2> uj{-std::sin(a), std::cos(a)};
  StructuredGrid g;
  g.cells = cells;
  g.points.reserve(grid_points(cells));
  for (std::size_t k = 0; k <= cells[2]; ++k)
    for (std::size_t j = 0; j <= cells[1]; ++j)
      for (std::size_t i = 0; i <= cells[0]; ++i) {
        const double di = static_cast<double>(i) * spacing[0], dj = static_cast<double>(j) * spacing[1];
        g.points.push_back({origin[0] + di * ui[0] + dj * uj[0], origin[1] + di * ui[1] + dj * uj[1],
                            origin[2] + static_cast<double>(k) * spacing[2]});
      }
  return g;
}

std::string base64_encode(const void* data, std::size_t size) {
  static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto* p = static_cast<const unsigned char*>(data);
  std::string out;
  out.reserve((size + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    const unsigned v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
  }
  if (i < size) {
    const unsigned v = (p[i] << 16) | (i + 1 < size ? p[i + 1] << 8 : 0);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += i + 1 < size ? table[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace georeserve::vtkxml
