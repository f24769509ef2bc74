// Implementation of mesh_readers.h. Numbers go through parse_double (locale-independent, exact round
// trip); vertices are joined on exact equality of their three doubles, which is how these formats
// repeat a shared corner (STL and DXF repeat coordinates, OBJ and PLY index them).
#include "formats/mesh_readers.h"

#include <array>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "core/text.h"

namespace georeserve {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError(p.string(), 0, "", "cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string_view> split_ws(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    const std::size_t start = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

// Lines of a text file with 1-based numbers (CRLF tolerated).
class Lines {
 public:
  explicit Lines(const std::string& text) : text_(text) {}
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string::npos) end = text_.size();
    line = std::string_view(text_).substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  long number() const { return number_; }

 private:
  const std::string& text_;
  std::size_t pos_ = 0;
  long number_ = 0;
};

// Builds a mesh, joining exactly equal corners.
class Builder {
 public:
  int vertex(double x, double y, double z) {
    auto [it, added] = index_.emplace(std::array<double, 3>{x, y, z}, static_cast<int>(mesh.vertices.size()));
    if (added) mesh.vertices.emplace_back(x, y, z);
    return it->second;
  }
  // A polygon of vertex indices as a fan; degenerate triangles (repeated corners) are dropped.
  void polygon(const std::vector<int>& v) {
    for (std::size_t k = 1; k + 1 < v.size(); ++k)
      if (v[0] != v[k] && v[k] != v[k + 1] && v[0] != v[k + 1]) mesh.triangles.push_back({v[0], v[k], v[k + 1]});
  }
  TriangleMesh mesh;

 private:
  std::map<std::array<double, 3>, int> index_;
};

double number(std::string_view text, const std::string& file, long line, const char* what) {
  const auto v = parse_double(text);
  if (!v) throw InputError(file, line, what, "'" + std::string(text) + "' is not a number");
  return *v;
}

// The vertex of a "v x y z" (OBJ) or "vertex x y z" (STL) line.
int vertex_of(const std::vector<std::string_view>& t, Builder& b, const std::string& file, long line) {
  if (t.size() < 4) throw InputError(file, line, std::string(t[0]), "a vertex needs x y z");
  return b.vertex(number(t[1], file, line, "x"), number(t[2], file, line, "y"), number(t[3], file, line, "z"));
}

TriangleMesh read_obj(const std::string& text, const std::string& file) {
  Builder b;
  std::vector<int> ids;  // OBJ vertex number (1-based) -> mesh vertex
  Lines lines(text);
  std::string_view line;
  while (lines.next(line)) {
    const auto t = split_ws(line);
    if (t.empty()) continue;
    if (t[0] == "v") {
      ids.push_back(vertex_of(t, b, file, lines.number()));
    } else if (t[0] == "f") {
      std::vector<int> face;
      for (std::size_t k = 1; k < t.size(); ++k) {
        const std::string_view ref = t[k].substr(0, t[k].find('/'));  // "v/vt/vn" -> v
        const double n = number(ref, file, lines.number(), "f");
        const long i = n < 0 ? static_cast<long>(ids.size()) + static_cast<long>(n) : static_cast<long>(n) - 1;  // negative: relative
        if (i < 0 || i >= static_cast<long>(ids.size()))
          throw InputError(file, lines.number(), "f", "vertex " + std::string(ref) + " is not defined (" + std::to_string(ids.size()) + " so far)");
        face.push_back(ids[static_cast<std::size_t>(i)]);
      }
      b.polygon(face);
    }
  }
  return std::move(b.mesh);
}

TriangleMesh read_stl_ascii(const std::string& text, const std::string& file) {
  Builder b;
  Lines lines(text);
  std::string_view line;
  std::vector<int> facet;
  while (lines.next(line)) {
    const auto t = split_ws(line);
    if (t.empty()) continue;
    if (t[0] == "vertex") {
      facet.push_back(vertex_of(t, b, file, lines.number()));
    } else if (t[0] == "endloop") {
      b.polygon(facet);
      facet.clear();
    }
  }
  return std::move(b.mesh);
}

TriangleMesh read_stl_binary(const std::string& bytes, const std::string& file) {
  if (bytes.size() < 84) throw InputError(file, 0, "", "binary STL shorter than its header");
  std::uint32_t n = 0;
  std::memcpy(&n, bytes.data() + 80, 4);
  if (bytes.size() < 84 + 50ull * n) throw InputError(file, 0, "", "binary STL announces " + std::to_string(n) + " triangles but is too short");
  Builder b;
  for (std::uint32_t f = 0; f < n; ++f) {
    std::vector<int> tri;
    for (int v = 0; v < 3; ++v) {
      float p[3];
      std::memcpy(p, bytes.data() + 84 + 50ull * f + 12 + 12 * v, 12);
      tri.push_back(b.vertex(p[0], p[1], p[2]));
    }
    b.polygon(tri);
  }
  return std::move(b.mesh);
}

// PLY: ASCII or binary little-endian; vertex x, y, z of any numeric type; faces as a list property.
TriangleMesh read_ply(const std::string& bytes, const std::string& file) {
  const auto end_header = bytes.find("end_header");
  if (bytes.compare(0, 3, "ply") != 0 || end_header == std::string::npos) throw InputError(file, 1, "", "not a PLY file");
  struct Property {
    std::string name, type, count_type;  // count_type set for lists
  };
  struct Element {
    std::string name;
    std::size_t count = 0;
    std::vector<Property> props;
  };
  std::vector<Element> elements;
  std::string format;
  const std::string header = bytes.substr(0, end_header);
  Lines lines(header);
  std::string_view line;
  while (lines.next(line)) {
    const auto t = split_ws(line);
    if (t.empty()) continue;
    if (t[0] == "format" && t.size() > 1) format = t[1];
    else if (t[0] == "element" && t.size() > 2) elements.push_back({std::string(t[1]), static_cast<std::size_t>(number(t[2], file, lines.number(), "element")), {}});
    else if (t[0] == "property" && !elements.empty()) {
      if (t.size() > 4 && t[1] == "list") elements.back().props.push_back({std::string(t[4]), std::string(t[3]), std::string(t[2])});
      else if (t.size() > 2) elements.back().props.push_back({std::string(t[2]), std::string(t[1]), ""});
    }
  }
  if (format != "ascii" && format != "binary_little_endian")
    throw InputError(file, 2, "format", "PLY format '" + format + "' is not read (ascii or binary_little_endian)");
  std::size_t pos = bytes.find('\n', end_header) + 1;
  Builder b;
  std::vector<int> ids;
  // Binary values by type name.
  auto binary = [&](const std::string& type) -> double {
    auto take = [&](auto v) {
      if (pos + sizeof v > bytes.size()) throw InputError(file, 0, "", "PLY data end early");
      std::memcpy(&v, bytes.data() + pos, sizeof v);
      pos += sizeof v;
      return static_cast<double>(v);
    };
    if (type == "double" || type == "float64") return take(double{});
    if (type == "float" || type == "float32") return take(float{});
    if (type == "int" || type == "int32") return take(std::int32_t{});
    if (type == "uint" || type == "uint32") return take(std::uint32_t{});
    if (type == "short" || type == "int16") return take(std::int16_t{});
    if (type == "ushort" || type == "uint16") return take(std::uint16_t{});
    if (type == "char" || type == "int8") return take(std::int8_t{});
    if (type == "uchar" || type == "uint8") return take(std::uint8_t{});
    throw InputError(file, 0, "", "PLY type '" + type + "' is not read");
  };
  const std::string body = format == "ascii" ? bytes.substr(pos) : std::string();
  std::istringstream ascii(body);
  ascii.imbue(std::locale::classic());
  std::string token;
  auto value = [&](const std::string& type) -> double {
    if (format != "ascii") return binary(type);
    if (!(ascii >> token)) throw InputError(file, 0, "", "PLY data end early");
    return number(token, file, 0, "value");
  };
  for (const Element& e : elements)
    for (std::size_t r = 0; r < e.count; ++r) {
      std::array<double, 3> xyz{0, 0, 0};
      std::vector<int> face;
      for (const Property& p : e.props) {
        if (!p.count_type.empty()) {
          const auto n = static_cast<std::size_t>(value(p.count_type));
          for (std::size_t k = 0; k < n; ++k) {
            const auto i = static_cast<long>(value(p.type));
            if (e.name == "face" && (p.name == "vertex_indices" || p.name == "vertex_index")) {
              if (i < 0 || static_cast<std::size_t>(i) >= ids.size())
                throw InputError(file, 0, "face", "vertex " + std::to_string(i) + " is not defined (" + std::to_string(ids.size()) + " vertices)");
              face.push_back(ids[static_cast<std::size_t>(i)]);
            }
          }
          continue;
        }
        const double v = value(p.type);
        if (p.name == "x") xyz[0] = v;
        else if (p.name == "y") xyz[1] = v;
        else if (p.name == "z") xyz[2] = v;
      }
      if (e.name == "vertex") ids.push_back(b.vertex(xyz[0], xyz[1], xyz[2]));
      else if (e.name == "face") b.polygon(face);
    }
  return std::move(b.mesh);
}

// DXF: pairs of lines (group code, value). 3DFACE corners are codes 10/20/30 .. 13/23/33 (the fourth
// equals the third for a triangle); a POLYLINE with flag 64 is a polyface mesh whose VERTEX entities
// carry either a position (flag 64 | 128) or the face's vertex numbers in codes 71-74 (flag 128).
TriangleMesh read_dxf(const std::string& text, const std::string& file) {
  Builder b;
  Lines lines(text);
  std::string_view code_line, value_line;
  struct Entity {
    std::string type;
    long line = 0;
    std::map<int, std::string> values;  // last value of each group code
  };
  std::vector<Entity> entities;
  while (lines.next(code_line) && lines.next(value_line)) {
    const auto code = parse_double(code_line);
    if (!code) throw InputError(file, lines.number() - 1, "", "expected a DXF group code, found '" + std::string(trim(code_line)) + "'");
    const std::string value(trim(value_line));
    if (*code == 0) {
      entities.push_back({value, lines.number(), {}});
      continue;
    }
    if (!entities.empty()) entities.back().values[static_cast<int>(*code)] = value;
  }
  auto coordinate = [&](const Entity& e, int code) {
    auto it = e.values.find(code);
    return it == e.values.end() ? 0.0 : number(it->second, file, e.line, "coordinate");
  };
  auto flag = [&](const Entity& e, int code) {
    auto it = e.values.find(code);
    return it == e.values.end() ? 0L : static_cast<long>(number(it->second, file, e.line, "flag"));
  };
  std::vector<int> polyface;  // vertices of the current polyface mesh
  bool in_polyface = false;
  for (const Entity& e : entities) {
    if (e.type == "3DFACE") {
      std::vector<int> face;
      for (int c = 0; c < 4; ++c) face.push_back(b.vertex(coordinate(e, 10 + c), coordinate(e, 20 + c), coordinate(e, 30 + c)));
      if (face[3] == face[2]) face.pop_back();
      b.polygon(face);
    } else if (e.type == "POLYLINE") {
      in_polyface = (flag(e, 70) & 64) != 0;
      polyface.clear();
    } else if (e.type == "VERTEX" && in_polyface) {
      const long f = flag(e, 70);
      if (f & 64) {
        polyface.push_back(b.vertex(coordinate(e, 10), coordinate(e, 20), coordinate(e, 30)));
      } else if (f & 128) {
        std::vector<int> face;
        for (int c = 71; c <= 74; ++c) {
          const long i = std::abs(flag(e, c));  // negative: invisible edge
          if (i == 0) continue;
          if (static_cast<std::size_t>(i) > polyface.size())
            throw InputError(file, e.line, std::to_string(c), "polyface vertex " + std::to_string(i) + " is not defined");
          face.push_back(polyface[static_cast<std::size_t>(i - 1)]);
        }
        b.polygon(face);
      }
    } else if (e.type == "SEQEND") {
      in_polyface = false;
    }
  }
  return std::move(b.mesh);
}

}  // namespace

std::optional<TriangleMesh> read_mesh_exact(const fs::path& path) {
  const std::string ext = to_lower_ascii(path.extension().string());
  if (ext != ".obj" && ext != ".stl" && ext != ".ply" && ext != ".dxf") return std::nullopt;
  const std::string file = path.string();
  if (!fs::exists(path)) throw InputError(file, 0, "", "cannot open file");
  const std::string bytes = slurp(path);
  TriangleMesh m;
  if (ext == ".obj") m = read_obj(bytes, file);
  else if (ext == ".ply") m = read_ply(bytes, file);
  else if (ext == ".dxf") m = read_dxf(bytes, file);
  else {
    // ASCII STL starts with "solid" and has "facet"; some binary files also start with "solid", so
    // the size rule of binary STL decides when both could apply.
    std::uint32_t n = 0;
    if (bytes.size() >= 84) std::memcpy(&n, bytes.data() + 80, 4);
    const bool binary_size = bytes.size() >= 84 && bytes.size() == 84 + 50ull * n;
    const bool ascii = bytes.compare(0, 5, "solid") == 0 && bytes.find("facet") != std::string::npos;
    m = ascii && !binary_size ? read_stl_ascii(bytes, file) : read_stl_binary(bytes, file);
  }
  if (m.triangles.empty()) throw InputError(file, 0, "", "the file holds no triangles (for DXF: 3DFACE entities or polyface meshes)");
  return m;
}

}  // namespace georeserve
