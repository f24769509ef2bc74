// Implementation of vtk_reader.h: a small scanner for the XML header (elements and attributes only;
// our files have no text content besides inline base64) and decoders of the data blocks.
#include "exchange/vtk_reader.h"

#include <array>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "core/text.h"

namespace georeserve::vtkxml {
namespace {

struct Element {
  std::string name;
  std::map<std::string, std::string> attrs;
  bool closing = false, self_closing = false;
  std::string content;  // text up to the closing tag (DataArray with inline data)
};

std::string xml_unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const auto end = s.find(';', i);
    const std::string e = s.substr(i + 1, end - i - 1);
    out += e == "amp" ? "&" : e == "lt" ? "<" : e == "gt" ? ">" : e == "quot" ? "\"" : e == "apos" ? "'" : "&" + e + ";";
    i = end;
  }
  return out;
}

class Parser {
 public:
  Parser(std::string file, const std::string& text) : file_(std::move(file)), text_(text) {}

  [[noreturn]] void fail(const std::string& m) const { throw InputError(file_, 0, "", "not a VTK XML file we can read: " + m); }

  // The next element, or nullopt at the end of the header.
  std::optional<Element> next() {
    while (true) {
      pos_ = text_.find('<', pos_);
      if (pos_ == std::string::npos) return std::nullopt;
      if (text_.compare(pos_, 2, "<?") == 0) {
        pos_ = text_.find("?>", pos_);
        continue;
      }
      if (text_.compare(pos_, 4, "<!--") == 0) {
        pos_ = text_.find("-->", pos_);
        continue;
      }
      break;
    }
    const auto end = text_.find('>', pos_);
    if (end == std::string::npos) fail("unterminated element");
    std::string tag = text_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    Element e;
    if (!tag.empty() && tag[0] == '/') {
      e.closing = true;
      e.name = std::string(trim(tag.substr(1)));
      return e;
    }
    if (!tag.empty() && tag.back() == '/') {
      e.self_closing = true;
      tag.pop_back();
    }
    std::size_t i = 0;
    while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    e.name = tag.substr(0, i);
    while (i < tag.size()) {
      while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
      if (i >= tag.size()) break;
      const auto eq = tag.find('=', i);
      if (eq == std::string::npos) fail("attribute without value in <" + e.name + ">");
      const std::string key(trim(tag.substr(i, eq - i)));
      const auto q1 = tag.find('"', eq), q2 = q1 == std::string::npos ? q1 : tag.find('"', q1 + 1);
      if (q2 == std::string::npos) fail("unquoted attribute '" + key + "' in <" + e.name + ">");
      e.attrs[key] = xml_unescape(tag.substr(q1 + 1, q2 - q1 - 1));
      i = q2 + 1;
    }
    if (e.name == "DataArray" && !e.self_closing) {
      const auto close = text_.find("</DataArray>", pos_);
      if (close == std::string::npos) fail("unterminated DataArray");
      e.content = text_.substr(pos_, close - pos_);
      pos_ = close + std::strlen("</DataArray>");
      e.closing = false;
      e.self_closing = true;  // consumed whole
    }
    return e;
  }

 private:
  std::string file_;
  const std::string& text_;
  std::size_t pos_ = 0;
};

std::string base64_decode(const std::string& in, const std::string& file) {
  static const auto table = [] {
    std::array<int, 256> t{};
    t.fill(-1);
    const char* chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int k = 0; k < 64; ++k) t[static_cast<unsigned char>(chars[k])] = k;
    return t;
  }();
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '=') continue;
    const int v = table[static_cast<unsigned char>(c)];
    if (v < 0) throw InputError(file, 0, "", "invalid base64 data");
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

template <class T>
std::vector<T> values_of(const std::string& bytes) {
  std::vector<T> v(bytes.size() / sizeof(T));
  if (!v.empty()) std::memcpy(v.data(), bytes.data(), v.size() * sizeof(T));
  return v;
}

class Reader {
 public:
  Reader(const std::filesystem::path& path) : file_(path.string()) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(file_, 0, "", "cannot open file");
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes_ = ss.str();
    const auto appended = bytes_.find("<AppendedData");
    header_ = bytes_.substr(0, appended);
    if (appended != std::string::npos) {
      const auto underscore = bytes_.find('_', appended);
      if (underscore == std::string::npos) throw InputError(file_, 0, "", "AppendedData without '_' marker");
      data_start_ = underscore + 1;
    }
  }

  VtkFile read() {
    Parser p(file_, header_);
    VtkFile f;
    std::vector<std::string> stack;
    while (auto e = p.next()) {
      if (e->closing) {
        if (!stack.empty()) stack.pop_back();
        continue;
      }
      if (e->name == "VTKFile") {
        f.type = e->attrs["type"];
        if (e->attrs.count("byte_order") && e->attrs["byte_order"] != "LittleEndian") p.fail("big-endian data");
        if (e->attrs.count("compressor")) p.fail("compressed data (write it uncompressed)");
        header64_ = e->attrs["header_type"] != "UInt32";
      } else if (e->name == f.type) {
        dataset_ = e->attrs;
      } else if (e->name == "Piece") {
        piece_ = e->attrs;
      } else if (e->name == "DataArray") {
        add_array(stack.empty() ? std::string() : stack.back(), *e);
      }
      if (!e->self_closing) stack.push_back(e->name);
    }
    finish(f);
    return f;
  }

 private:
  std::string block(const Element& e) {
    std::string raw;
    const std::string format = e.attrs.count("format") ? e.attrs.at("format") : "ascii";
    std::size_t at = 0;
    const std::string* src = &raw;
    if (format == "appended") {
      if (data_start_ == std::string::npos) throw InputError(file_, 0, "", "appended array without AppendedData");
      at = data_start_ + static_cast<std::size_t>(std::stoull(e.attrs.at("offset")));
      src = &bytes_;
    } else if (format == "binary") {
      raw = base64_decode(e.content, file_);
    } else {
      throw InputError(file_, 0, "", "array '" + e.attrs.at("Name") + "': " + format + " data are not read here");
    }
    const std::size_t hsize = header64_ ? 8 : 4;
    if (at + hsize > src->size()) throw InputError(file_, 0, "", "data block past the end of the file");
    std::uint64_t n = 0;
    if (header64_) std::memcpy(&n, src->data() + at, 8);
    else {
      std::uint32_t n32 = 0;
      std::memcpy(&n32, src->data() + at, 4);
      n = n32;
    }
    if (at + hsize + n > src->size()) throw InputError(file_, 0, "", "data block past the end of the file");
    return src->substr(at + hsize, n);
  }

  void add_array(const std::string& parent, const Element& e) {
    DataArray a;
    a.name = e.attrs.count("Name") ? e.attrs.at("Name") : "";
    a.components = e.attrs.count("NumberOfComponents") ? std::stoi(e.attrs.at("NumberOfComponents")) : 1;
    const std::string type = e.attrs.count("type") ? e.attrs.at("type") : "";
    const std::string bytes = block(e);
    if (type == "Float64") a.values = values_of<double>(bytes);
    else if (type == "Float32") a.values = values_of<float>(bytes);
    else if (type == "Int32") a.values = values_of<std::int32_t>(bytes);
    else if (type == "Int64") a.values = values_of<std::int64_t>(bytes);
    else if (type == "UInt8") a.values = values_of<std::uint8_t>(bytes);
    else if (type == "String") {
      std::vector<std::string> s;
      std::size_t start = 0;
      for (std::size_t k = 0; k < bytes.size(); ++k)
        if (bytes[k] == '\0') {
          s.push_back(bytes.substr(start, k - start));
          start = k + 1;
        }
      a.values = std::move(s);
    } else {
      throw InputError(file_, 0, "", "array '" + a.name + "' has type " + type + ", which is not read here");
    }
    if (parent == "FieldData") field_.push_back(std::move(a));
    else if (parent == "PointData") point_.push_back(std::move(a));
    else if (parent == "CellData") cell_.push_back(std::move(a));
    else if (parent == "Points") points_ = as_doubles(a, file_);
    else if (parent == "Cells" || parent == "Verts" || parent == "Lines" || parent == "Polys" || parent == "Strips")
      topology_[parent + "." + a.name] = std::move(a);
  }

  std::vector<std::int64_t> ints(const std::string& key) const {
    auto it = topology_.find(key);
    if (it == topology_.end()) return {};
    std::vector<std::int64_t> out;
    for (double v : as_doubles(it->second, file_)) out.push_back(static_cast<std::int64_t>(v));
    return out;
  }

  std::array<std::size_t, 3> extent_cells() const {
    auto it = dataset_.find("WholeExtent");
    if (it == dataset_.end()) throw InputError(file_, 0, "", "no WholeExtent");
    std::istringstream ss(it->second);
    long e[6] = {0, 0, 0, 0, 0, 0};
    for (long& v : e) ss >> v;
    return {static_cast<std::size_t>(e[1] - e[0]), static_cast<std::size_t>(e[3] - e[2]), static_cast<std::size_t>(e[5] - e[4])};
  }

  std::vector<std::array<double, 3>> crs_points(const GeoReference& geo) const {
    if (points_.size() % 3) throw InputError(file_, 0, "", "points are not triples");
    std::vector<std::array<double, 3>> out(points_.size() / 3);
    for (std::size_t i = 0; i < out.size(); ++i)
      for (int c = 0; c < 3; ++c) out[i][static_cast<std::size_t>(c)] = points_[i * 3 + static_cast<std::size_t>(c)] + geo.origin[static_cast<std::size_t>(c)];
    return out;
  }

  void finish(VtkFile& f) {
    for (const DataArray& a : field_) {
      if (a.name == "global_origin") {
        const auto o = as_doubles(a, file_);
        if (o.size() == 3) f.geo.origin = {o[0], o[1], o[2]};
      } else if (a.name == "crs" && std::holds_alternative<std::vector<std::string>>(a.values)) {
        const auto& s = std::get<std::vector<std::string>>(a.values);
        if (!s.empty() && s[0].rfind("EPSG:", 0) == 0) f.geo.epsg = std::atoi(s[0].c_str() + 5);
      }
    }
    Attributes data{point_, cell_, field_};
    if (f.type == "ImageData") {
      f.image.cells = extent_cells();
      std::istringstream o(dataset_["Origin"]), s(dataset_["Spacing"]);
      o.imbue(std::locale::classic());
      s.imbue(std::locale::classic());
      for (int c = 0; c < 3; ++c) {
        o >> f.image.origin[static_cast<std::size_t>(c)];
        s >> f.image.spacing[static_cast<std::size_t>(c)];
        f.image.origin[static_cast<std::size_t>(c)] += f.geo.origin[static_cast<std::size_t>(c)];
      }
      f.image.data = std::move(data);
    } else if (f.type == "StructuredGrid") {
      f.structured.cells = extent_cells();
      f.structured.points = crs_points(f.geo);
      f.structured.data = std::move(data);
    } else if (f.type == "PolyData") {
      f.poly.points = crs_points(f.geo);
      for (auto [name, cells] : {std::pair{"Verts", &f.poly.verts}, std::pair{"Lines", &f.poly.lines}, std::pair{"Polys", &f.poly.polys}}) {
        cells->connectivity = ints(std::string(name) + ".connectivity");
        cells->offsets = ints(std::string(name) + ".offsets");
      }
      f.poly.data = std::move(data);
    } else if (f.type == "UnstructuredGrid") {
      f.unstructured.points = crs_points(f.geo);
      f.unstructured.cells.connectivity = ints("Cells.connectivity");
      f.unstructured.cells.offsets = ints("Cells.offsets");
      for (auto t : ints("Cells.types")) f.unstructured.types.push_back(static_cast<CellType>(t));
      f.unstructured.data = std::move(data);
    } else {
      throw InputError(file_, 0, "", "not a VTK XML data file (type '" + f.type + "')");
    }
  }

  std::string file_, bytes_, header_;
  std::size_t data_start_ = std::string::npos;
  bool header64_ = true;
  std::map<std::string, std::string> dataset_, piece_;
  std::vector<DataArray> field_, point_, cell_;
  std::vector<double> points_;
  std::map<std::string, DataArray> topology_;
};

const DataArray* find_in(const std::vector<DataArray>& arrays, const std::string& name) {
  for (const DataArray& a : arrays)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace

const Attributes& VtkFile::data() const {
  if (type == "ImageData") return image.data;
  if (type == "StructuredGrid") return structured.data;
  if (type == "PolyData") return poly.data;
  return unstructured.data;
}

const DataArray* VtkFile::cell_array(const std::string& name) const { return find_in(data().cell, name); }
const DataArray* VtkFile::point_array(const std::string& name) const { return find_in(data().point, name); }

std::string VtkFile::unit_of(const std::string& name) const {
  const DataArray* names = find_in(data().field, "array_names");
  const DataArray* units = find_in(data().field, "array_units");
  if (!names || !units) return {};
  const auto& n = std::get<std::vector<std::string>>(names->values);
  const auto& u = std::get<std::vector<std::string>>(units->values);
  for (std::size_t k = 0; k < n.size() && k < u.size(); ++k)
    if (n[k] == name) return u[k];
  return {};
}

std::vector<double> as_doubles(const DataArray& a, const std::string& file) {
  return std::visit(
      [&](const auto& v) -> std::vector<double> {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::vector<std::string>>) {
          throw InputError(file, 0, a.name, "a text array where numbers were expected");
        } else {
          return std::vector<double>(v.begin(), v.end());
        }
      },
      a.values);
}

VtkFile read_vtk_xml(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) throw InputError(path.string(), 0, "", "file not found");
  return Reader(path).read();
}

}  // namespace georeserve::vtkxml
