// What io/vtk_xml.h writes, exchange/vtk_reader.h reads back: the same points (CRS coordinates to the
// millimetre at x ~ 41,512,345.678 after the local origin is subtracted and added back), cells,
// arrays of every type (Chinese strings too), units and georeference, in both encodings.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "exchange/vtk_reader.h"
#include "io/vtk_xml.h"

using namespace georeserve;
using namespace georeserve::vtkxml;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("georeserve_vtk_read_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

WriteOptions zone41(Encoding e) {
  WriteOptions w;
  w.geo.epsg = 4529;
  w.geo.origin = {41512000.0, 4690000.0, 0.0};
  w.encoding = e;
  return w;
}

PolyData drillholes() {
  PolyData pd;
  pd.points = {{41512345.678, 4690123.456, 120.5}, {41512345.678, 4690123.456, 20.25}, {41512400.001, 4690200.002, 118.0},
               {41512401.5, 4690201.5, -50.0}};
  pd.lines.add({0, 1});
  pd.lines.add({2, 3});
  pd.polys.add({0, 2, 3});
  pd.data.cell.push_back({"lith", std::vector<std::int32_t>{1, 2, 3}, 1, ""});
  pd.data.cell.push_back({"hole_id", std::vector<std::string>{"ZK101", "钻孔 ZK102", ""}, 1, ""});
  pd.data.point.push_back({"CaSiO3", std::vector<double>{55.5, 60.25, 48.0, 71.125}, 1, "%"});
  pd.data.point.push_back({"flag", std::vector<std::uint8_t>{0, 1, 255, 7}, 1, ""});
  pd.data.point.push_back({"f32", std::vector<float>{1.5f, 2.5f, 3.5f, 4.5f}, 1, "m"});
  pd.data.point.push_back({"i64", std::vector<std::int64_t>{-1, 1LL << 40, 3, 4}, 1, ""});
  return pd;
}

}  // namespace

TEST(VtkReadBack, PolyDataInBothEncodings) {
  const fs::path d = temp_dir("vtp");
  for (Encoding e : {Encoding::appended_raw, Encoding::inline_base64}) {
    const PolyData pd = drillholes();
    write_vtp(d / "holes.vtp", pd, zone41(e));
    const VtkFile f = read_vtk_xml(d / "holes.vtp");
    EXPECT_EQ(f.type, "PolyData");
    EXPECT_EQ(f.geo.epsg, 4529);
    EXPECT_EQ(f.geo.origin[0], 41512000.0);
    ASSERT_EQ(f.poly.points.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i)
      for (int c = 0; c < 3; ++c) EXPECT_NEAR(f.poly.points[i][c], pd.points[i][c], 1e-6);
    EXPECT_EQ(f.poly.lines.connectivity, pd.lines.connectivity);
    EXPECT_EQ(f.poly.lines.offsets, pd.lines.offsets);
    EXPECT_EQ(f.poly.polys.connectivity, pd.polys.connectivity);
    EXPECT_EQ(std::get<std::vector<std::int32_t>>(f.cell_array("lith")->values), (std::vector<std::int32_t>{1, 2, 3}));
    EXPECT_EQ(std::get<std::vector<std::string>>(f.cell_array("hole_id")->values), (std::vector<std::string>{"ZK101", "钻孔 ZK102", ""}));
    EXPECT_EQ(std::get<std::vector<double>>(f.point_array("CaSiO3")->values), (std::vector<double>{55.5, 60.25, 48.0, 71.125}));
    EXPECT_EQ(std::get<std::vector<std::uint8_t>>(f.point_array("flag")->values), (std::vector<std::uint8_t>{0, 1, 255, 7}));
    EXPECT_EQ(std::get<std::vector<float>>(f.point_array("f32")->values), (std::vector<float>{1.5f, 2.5f, 3.5f, 4.5f}));
    EXPECT_EQ(std::get<std::vector<std::int64_t>>(f.point_array("i64")->values)[1], 1LL << 40);
    EXPECT_EQ(f.unit_of("CaSiO3"), "%");
    EXPECT_EQ(f.unit_of("f32"), "m");
    EXPECT_EQ(f.unit_of("lith"), "");
  }
  fs::remove_all(d);
}

TEST(VtkReadBack, ImageStructuredAndUnstructured) {
  const fs::path d = temp_dir("grids");
  ImageData im;
  im.cells = {3, 2, 1};
  im.origin = {41512345.678, 4690123.456, -100.0};
  im.spacing = {10, 12.5, 5};
  im.data.cell.push_back({"grade", std::vector<double>{1, 2, 3, 4, 5, 6}, 1, "%"});
  write_vti(d / "b.vti", im, zone41(Encoding::appended_raw));
  const VtkFile fi = read_vtk_xml(d / "b.vti");
  EXPECT_EQ(fi.image.cells, im.cells);
  EXPECT_NEAR(fi.image.origin[0], 41512345.678, 1e-6);
  EXPECT_NEAR(fi.image.origin[1], 4690123.456, 1e-6);
  EXPECT_EQ(fi.image.spacing, im.spacing);
  EXPECT_EQ(std::get<std::vector<double>>(fi.cell_array("grade")->values).size(), 6u);

  StructuredGrid sg = rotated_block_grid({2, 2, 1}, {41512345.678, 4690123.456, 0}, {10, 10, 5}, 30.0);
  write_vts(d / "b.vts", sg, zone41(Encoding::appended_raw));
  const VtkFile fs_ = read_vtk_xml(d / "b.vts");
  ASSERT_EQ(fs_.structured.points.size(), sg.points.size());
  for (std::size_t i = 0; i < sg.points.size(); ++i)
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(fs_.structured.points[i][c], sg.points[i][c], 1e-6);

  UnstructuredGrid ug;
  ug.points = {{41512345.678, 4690123.456, 0}, {41512355.678, 4690123.456, 0}, {41512345.678, 4690133.456, 0}};
  ug.cells.add({0, 1, 2});
  ug.types.push_back(CellType::triangle);
  write_vtu(d / "t.vtu", ug, zone41(Encoding::inline_base64));
  const VtkFile fu = read_vtk_xml(d / "t.vtu");
  EXPECT_EQ(fu.unstructured.cells.connectivity, ug.cells.connectivity);
  ASSERT_EQ(fu.unstructured.types.size(), 1u);
  EXPECT_EQ(fu.unstructured.types[0], CellType::triangle);
  EXPECT_NEAR(fu.unstructured.points[1][0], 41512355.678, 1e-6);
  fs::remove_all(d);
}

TEST(VtkReadBack, ErrorsNameTheFile) {
  const fs::path d = temp_dir("errors");
  EXPECT_THROW(read_vtk_xml(d / "missing.vtp"), InputError);
  std::ofstream(d / "bad.vtp") << "<?xml version=\"1.0\"?>\n<VTKFile type=\"PolyData\" compressor=\"vtkZLibDataCompressor\">";
  try {
    read_vtk_xml(d / "bad.vtp");
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.vtp"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("compressed"), std::string::npos);
  }
  fs::remove_all(d);
}
