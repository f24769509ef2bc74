// VTK XML writers, checked without VTK: the appended blocks and base64 text decoded by hand must give
// back exactly the values written (coordinates shifted by the local origin), field data must carry the
// CRS, origin and units, and inconsistent data must fail with a clear message and leave no file.
// (Reading the same files with VTK's own readers is tested on the viewer side, tests/viewer/.)
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

#include "core/error.h"
#include "io/vtk_xml.h"

using namespace georeserve;
using namespace georeserve::vtkxml;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const char* name) {
  fs::path d = fs::temp_directory_path() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The opening tag of the first DataArray named `name` after the text `after` (e.g. "<Lines>").
std::string array_tag(const std::string& file, const std::string& name, const std::string& after = "") {
  const auto at = file.find("Name=\"" + name + "\"", after.empty() ? 0 : file.find(after));
  if (at == std::string::npos) return {};
  const auto begin = file.rfind("<DataArray", at);
  return file.substr(begin, file.find('>', at) - begin + 1);
}

std::string attribute(const std::string& tag, const std::string& key) {
  const auto at = tag.find(" " + key + "=\"");
  if (at == std::string::npos) return {};
  const auto begin = at + key.size() + 3;
  return tag.substr(begin, tag.find('"', begin) - begin);
}

// The raw bytes of an appended array (after its UInt64 byte count).
std::string appended_bytes(const std::string& file, const std::string& name, const std::string& after = "") {
  const std::string tag = array_tag(file, name, after);
  EXPECT_EQ(attribute(tag, "format"), "appended") << name;
  const std::size_t offset = std::stoull(attribute(tag, "offset"));
  const std::size_t base = file.find('_', file.find("<AppendedData encoding=\"raw\">")) + 1;
  std::uint64_t count = 0;
  std::memcpy(&count, file.data() + base + offset, sizeof count);
  return file.substr(base + offset + sizeof count, count);
}

std::string base64_decode(const std::string& text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

// The bytes of an inline base64 array (header and data are one base64 stream).
std::string inline_bytes(const std::string& file, const std::string& name) {
  const std::string tag = array_tag(file, name);
  EXPECT_EQ(attribute(tag, "format"), "binary") << name;
  const auto begin = file.find(tag) + tag.size();
  const std::string raw = base64_decode(file.substr(begin, file.find("</DataArray>", begin) - begin));
  std::uint64_t count = 0;
  std::memcpy(&count, raw.data(), sizeof count);
  EXPECT_EQ(count + sizeof count, raw.size()) << name;
  return raw.substr(sizeof count);
}

template <class T>
std::vector<T> as_values(const std::string& bytes) {
  std::vector<T> v(bytes.size() / sizeof(T));
  std::memcpy(v.data(), bytes.data(), v.size() * sizeof(T));
  return v;
}

WriteOptions gauss_kruger(Encoding encoding = Encoding::appended_raw) {
  WriteOptions o;
  o.geo.epsg = 4529;
  o.geo.origin = {41512000.0, 4690000.0, 0.0};
  o.encoding = encoding;
  return o;
}

ImageData block_grid() {
  ImageData g;
  g.cells = {4, 3, 2};
  g.origin = {41512345.25, 4690100.0, -120.0};
  g.spacing = {10.0, 12.5, 5.0};
  std::vector<double> grade;
  std::vector<std::int32_t> klass;
  for (int i = 0; i < 24; ++i) {
    grade.push_back(i == 5 ? std::numeric_limits<double>::quiet_NaN() : 40.0 + 0.123456789 * i);
    klass.push_back(i % 3 + 1);
  }
  g.data.cell.push_back({"CaSiO3", grade, 1, "%"});
  g.data.cell.push_back({"class", klass, 1, ""});
  g.data.cell.push_back({"density", std::vector<float>(24, 2.9f), 1, "t/m3"});
  return g;
}

}  // namespace

TEST(VtkXml, Base64KnownVectors) {
  // RFC 4648 section 10.
  EXPECT_EQ(base64_encode("", 0), "");
  EXPECT_EQ(base64_encode("f", 1), "Zg==");
  EXPECT_EQ(base64_encode("fo", 2), "Zm8=");
  EXPECT_EQ(base64_encode("foo", 3), "Zm9v");
  EXPECT_EQ(base64_encode("foob", 4), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba", 5), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar", 6), "Zm9vYmFy");
  const unsigned char high[] = {0xff, 0xfe, 0x00};
  EXPECT_EQ(base64_encode(high, 3), "//4A");
}

TEST(VtkXml, ImageDataAppendedValuesAndGeoreference) {
  const fs::path dir = temp_dir("georeserve_vtkxml_vti");
  const ImageData g = block_grid();
  write_vti(dir / "blocks.vti", g, gauss_kruger());
  const std::string f = slurp(dir / "blocks.vti");
  EXPECT_NE(f.find("<VTKFile type=\"ImageData\""), std::string::npos);
  EXPECT_NE(f.find("header_type=\"UInt64\""), std::string::npos);
  EXPECT_NE(f.find("WholeExtent=\"0 4 0 3 0 2\""), std::string::npos);
  // The origin is shifted by the local origin; 345.25 and -120 survive exactly.
  EXPECT_NE(f.find("Origin=\"345.25 100 -120\""), std::string::npos);
  EXPECT_NE(f.find("Spacing=\"10 12.5 5\""), std::string::npos);

  const auto grade = as_values<double>(appended_bytes(f, "CaSiO3"));
  const auto& want = std::get<std::vector<double>>(g.data.cell[0].values);
  ASSERT_EQ(grade.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (std::isnan(want[i])) EXPECT_TRUE(std::isnan(grade[i]));
    else EXPECT_EQ(grade[i], want[i]);
  }
  EXPECT_EQ(as_values<std::int32_t>(appended_bytes(f, "class")), std::get<std::vector<std::int32_t>>(g.data.cell[1].values));
  EXPECT_EQ(as_values<float>(appended_bytes(f, "density")), std::vector<float>(24, 2.9f));
  EXPECT_EQ(attribute(array_tag(f, "class"), "type"), "Int32");
  EXPECT_EQ(attribute(array_tag(f, "density"), "type"), "Float32");

  // Field data: origin, CRS, a note, and the units of the arrays that have one, in order.
  EXPECT_EQ(as_values<double>(appended_bytes(f, "global_origin")), (std::vector<double>{41512000.0, 4690000.0, 0.0}));
  EXPECT_EQ(appended_bytes(f, "crs"), std::string("EPSG:4529\0", 10));
  EXPECT_NE(appended_bytes(f, "coordinates_note").find("add global_origin"), std::string::npos);
  EXPECT_EQ(appended_bytes(f, "array_names"), std::string("CaSiO3\0density\0", 15));
  EXPECT_EQ(appended_bytes(f, "array_units"), std::string("%\0t/m3\0", 7));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);  // no temporary left
  fs::remove_all(dir);
}

TEST(VtkXml, InlineBase64GivesTheSameValues) {
  const fs::path dir = temp_dir("georeserve_vtkxml_b64");
  const ImageData g = block_grid();
  write_vti(dir / "raw.vti", g, gauss_kruger());
  write_vti(dir / "b64.vti", g, gauss_kruger(Encoding::inline_base64));
  const std::string raw = slurp(dir / "raw.vti"), b64 = slurp(dir / "b64.vti");
  EXPECT_EQ(b64.find("AppendedData"), std::string::npos);
  for (const char* name : {"CaSiO3", "class", "density", "global_origin", "crs", "array_units"})
    EXPECT_EQ(inline_bytes(b64, name), appended_bytes(raw, name)) << name;
  fs::remove_all(dir);
}

TEST(VtkXml, PolyDataDrillholesWithChineseText) {
  const fs::path dir = temp_dir("georeserve_vtkxml_vtp");
  PolyData p;
  p.points = {{41512100.5, 4690200.25, 85.0}, {41512101.0, 4690200.0, 40.0}, {41512102.0, 4690199.5, -3.5},
              {41512300.0, 4690300.0, 80.0}, {41512300.0, 4690300.0, 20.0}};
  p.lines.add({0, 1});
  p.lines.add({1, 2});
  p.lines.add({3, 4});
  p.data.cell.push_back({"hole_id", std::vector<std::string>{"ZK0101", "ZK0101", "钻孔 2 <&>"}, 1, ""});
  p.data.cell.push_back({"lith", std::vector<std::int32_t>{1, 2, 1}, 1, ""});
  p.data.point.push_back({"depth", std::vector<double>{0.0, 45.0, 88.6, 0.0, 60.0}, 1, "m"});
  p.data.point.push_back({"品位 \"grade\" <&>", std::vector<float>(5, 1.0f), 1, ""});
  write_vtp(dir / "holes.vtp", p, gauss_kruger());
  const std::string f = slurp(dir / "holes.vtp");
  EXPECT_NE(f.find("NumberOfPoints=\"5\" NumberOfVerts=\"0\" NumberOfLines=\"3\""), std::string::npos);
  const auto pts = as_values<double>(appended_bytes(f, "Points"));
  ASSERT_EQ(pts.size(), 15u);
  EXPECT_EQ(pts[0], 100.5);
  EXPECT_EQ(pts[1], 200.25);
  EXPECT_EQ(pts[8], -3.5);
  EXPECT_EQ(pts[9], 300.0);
  EXPECT_EQ(as_values<std::int64_t>(appended_bytes(f, "connectivity", "<Lines>")),
            (std::vector<std::int64_t>{0, 1, 1, 2, 3, 4}));
  EXPECT_EQ(as_values<std::int64_t>(appended_bytes(f, "offsets", "<Lines>")), (std::vector<std::int64_t>{2, 4, 6}));
  EXPECT_TRUE(appended_bytes(f, "connectivity", "<Polys>").empty());
  EXPECT_EQ(appended_bytes(f, "hole_id"), std::string("ZK0101\0ZK0101\0钻孔 2 <&>\0", 27));
  EXPECT_NE(f.find("Name=\"品位 &quot;grade&quot; &lt;&amp;&gt;\""), std::string::npos);
  fs::remove_all(dir);
}

TEST(VtkXml, UnstructuredHexahedraAndRotatedGrid) {
  const fs::path dir = temp_dir("georeserve_vtkxml_vtu");
  UnstructuredGrid u;
  for (int k = 0; k < 2; ++k)
    for (int j = 0; j < 2; ++j)
      for (int i = 0; i < 2; ++i) u.points.push_back({41512000.0 + 5 * i, 4690000.0 + 5 * j, 100.0 + 2 * k});
  u.cells.add({0, 1, 3, 2, 4, 5, 7, 6});
  u.types = {CellType::hexahedron};
  u.data.cell.push_back({"grade", std::vector<double>{55.5}, 1, "%"});
  write_vtu(dir / "sub.vtu", u, gauss_kruger());
  const std::string f = slurp(dir / "sub.vtu");
  EXPECT_EQ(as_values<std::uint8_t>(appended_bytes(f, "types")), std::vector<std::uint8_t>{12});
  EXPECT_EQ(as_values<std::int64_t>(appended_bytes(f, "offsets")), std::vector<std::int64_t>{8});

  // Turned 90 degrees counter-clockwise: the i axis points north and the j axis west.
  const StructuredGrid s = rotated_block_grid({2, 3, 1}, {41512000.0, 4690000.0, 0.0}, {10.0, 5.0, 2.0}, 90.0);
  ASSERT_EQ(s.points.size(), 3u * 4u * 2u);
  const auto& p_i = s.points[1];     // (i, j, k) = (1, 0, 0)
  const auto& p_j = s.points[3];     // (0, 1, 0)
  const auto& p_k = s.points[12];    // (0, 0, 1)
  EXPECT_NEAR(p_i[0], 41512000.0, 1e-9);
  EXPECT_NEAR(p_i[1], 4690000.0 + 10.0, 1e-9);
  EXPECT_NEAR(p_j[0], 41512000.0 - 5.0, 1e-9);
  EXPECT_NEAR(p_j[1], 4690000.0, 1e-9);
  EXPECT_EQ(p_k[2], 2.0);
  fs::remove_all(dir);
}

TEST(VtkXml, InconsistentDataFailsWithoutWriting) {
  const fs::path dir = temp_dir("georeserve_vtkxml_bad");
  auto expect_failure = [&](const std::function<void()>& write, const std::string& needle) {
    try {
      write();
      ADD_FAILURE() << "no error for " << needle;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("bad."), std::string::npos) << e.what();
    }
  };
  ImageData g = block_grid();
  std::get<std::vector<double>>(g.data.cell[0].values).pop_back();
  expect_failure([&] { write_vti(dir / "bad.vti", g); }, "cell.CaSiO3");

  g = block_grid();
  g.data.cell[1].name = "CaSiO3";
  expect_failure([&] { write_vti(dir / "bad.vti", g); }, "duplicate array name");

  g = block_grid();
  g.spacing[2] = 0.0;
  expect_failure([&] { write_vti(dir / "bad.vti", g); }, "spacing");

  PolyData p;
  p.points = {{0, 0, 0}, {1, 0, 0}};
  p.lines.add({0, 2});
  expect_failure([&] { write_vtp(dir / "bad.vtp", p); }, "out of range");

  p.lines = {};
  p.lines.connectivity = {0, 1};
  p.lines.offsets = {3};
  expect_failure([&] { write_vtp(dir / "bad.vtp", p); }, "last offset");

  p.lines = {};
  p.points[1][2] = std::numeric_limits<double>::infinity();
  expect_failure([&] { write_vtp(dir / "bad.vtp", p); }, "non-finite");

  UnstructuredGrid u;
  u.points = {{0, 0, 0}};
  u.cells.add({0});
  expect_failure([&] { write_vtu(dir / "bad.vtu", u); }, "cell types");

  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 0);
  fs::remove_all(dir);
}

TEST(VtkXml, ExistingFileIsReplacedWhole) {
  const fs::path dir = temp_dir("georeserve_vtkxml_replace");
  write_vti(dir / "m.vti", block_grid(), gauss_kruger());
  const std::string first = slurp(dir / "m.vti");
  ImageData bad = block_grid();
  bad.cells[0] = 0;
  EXPECT_THROW(write_vti(dir / "m.vti", bad), InputError);
  EXPECT_EQ(slurp(dir / "m.vti"), first);  // the failed write left the old file alone
  write_vti(dir / "m.vti", block_grid(), gauss_kruger());
  EXPECT_EQ(slurp(dir / "m.vti"), first);  // same data, same bytes
  fs::remove_all(dir);
}
