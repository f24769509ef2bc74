// The engine's VTK XML writers (engine/io/vtk_xml.h) read back with VTK's own readers, as ParaView reads
// them: geometry shifted by the local origin, every value, string arrays (Chinese included), units, CRS
// and origin in field data, for appended raw and inline base64 data.
#include <gtest/gtest.h>

#include <cmath>

#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkFieldData.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkStringArray.h>
#include <vtkStructuredGrid.h>
#include <vtkUnstructuredGrid.h>
#include <vtkXMLImageDataReader.h>
#include <vtkXMLPolyDataReader.h>
#include <vtkXMLStructuredGridReader.h>
#include <vtkXMLUnstructuredGridReader.h>

#include "fixture_scene.h"
#include "io/vtk_xml.h"
#include "test_support.h"

using namespace georeserve;
using namespace georeserve::testing;

namespace {

vtkxml::WriteOptions options(vtkxml::Encoding encoding) {
  vtkxml::WriteOptions o;
  o.geo.epsg = 4529;
  o.geo.origin = {41512000.0, 4690000.0, 0.0};
  o.encoding = encoding;
  return o;
}

template <class Reader>
vtkSmartPointer<vtkDataObject> read(const std::filesystem::path& path) {
  vtkNew<Reader> reader;
  reader->SetFileName(path.string().c_str());
  reader->Update();
  return reader->GetOutputDataObject(0);
}

void expect_georeference(vtkFieldData* fd, const std::vector<std::string>& names, const std::vector<std::string>& units) {
  vtkDataArray* origin = fd->GetArray("global_origin");
  ASSERT_NE(origin, nullptr);
  EXPECT_EQ(origin->GetComponent(0, 0), 41512000.0);
  EXPECT_EQ(origin->GetComponent(0, 1), 4690000.0);
  auto* crs = vtkStringArray::SafeDownCast(fd->GetAbstractArray("crs"));
  ASSERT_NE(crs, nullptr);
  EXPECT_EQ(crs->GetValue(0), "EPSG:4529");
  auto* n = vtkStringArray::SafeDownCast(fd->GetAbstractArray("array_names"));
  auto* u = vtkStringArray::SafeDownCast(fd->GetAbstractArray("array_units"));
  ASSERT_NE(n, nullptr);
  ASSERT_NE(u, nullptr);
  ASSERT_EQ(n->GetNumberOfValues(), static_cast<vtkIdType>(names.size()));
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(n->GetValue(static_cast<vtkIdType>(i)), names[i]);
    EXPECT_EQ(u->GetValue(static_cast<vtkIdType>(i)), units[i]);
  }
}

class VtkXmlReadBack : public ::testing::TestWithParam<vtkxml::Encoding> {};

}  // namespace

TEST_P(VtkXmlReadBack, ImageDataBlockModel) {
  const auto dir = fresh_dir("readback_vti");
  const vtkxml::ImageData g = fixture_blocks();
  vtkxml::write_vti(dir / "blocks.vti", g, options(GetParam()));
  const auto object = read<vtkXMLImageDataReader>(dir / "blocks.vti");  // keeps the data alive
  auto* image = vtkImageData::SafeDownCast(object);
  ASSERT_NE(image, nullptr);
  int dims[3];
  image->GetDimensions(dims);
  EXPECT_EQ(dims[0], 21);
  EXPECT_EQ(dims[1], 17);
  EXPECT_EQ(dims[2], 11);
  double origin[3], spacing[3];
  image->GetOrigin(origin);
  image->GetSpacing(spacing);
  EXPECT_EQ(origin[0], 100.0);  // 41512100 minus the local origin
  EXPECT_EQ(origin[1], 100.0);
  EXPECT_EQ(origin[2], -50.0);
  EXPECT_EQ(spacing[2], 5.0);
  const auto& grade = std::get<std::vector<double>>(g.data.cell[0].values);
  const auto& klass = std::get<std::vector<std::int32_t>>(g.data.cell[1].values);
  vtkDataArray* a = image->GetCellData()->GetArray("CaSiO3");
  vtkDataArray* c = image->GetCellData()->GetArray("class");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(a->GetDataType(), VTK_DOUBLE);
  EXPECT_EQ(c->GetDataType(), VTK_INT);
  ASSERT_EQ(a->GetNumberOfTuples(), static_cast<vtkIdType>(grade.size()));
  for (std::size_t i = 0; i < grade.size(); ++i) {
    EXPECT_EQ(a->GetComponent(static_cast<vtkIdType>(i), 0), grade[i]);
    EXPECT_EQ(c->GetComponent(static_cast<vtkIdType>(i), 0), klass[i]);
  }
  expect_georeference(image->GetFieldData(), {"CaSiO3", "tonnes"}, {"%", "t"});  // the arrays with units
}

TEST_P(VtkXmlReadBack, PolyDataDrillholesWithText) {
  const auto dir = fresh_dir("readback_vtp");
  vtkxml::PolyData p;
  p.points = {{41512100.125, 4690200.5, 85.0}, {41512101.0, 4690200.0, 40.0}, {41512102.0, 4690199.5, -3.25}};
  p.lines.add({0, 1});
  p.lines.add({1, 2});
  p.data.cell.push_back({"hole_id", std::vector<std::string>{"ZK0101", "钻孔 ZK0101"}, 1, ""});
  p.data.cell.push_back({"lith", std::vector<std::int32_t>{3, 7}, 1, ""});
  p.data.point.push_back({"depth", std::vector<float>{0.0f, 45.0f, 88.5f}, 1, "m"});
  vtkxml::write_vtp(dir / "holes.vtp", p, options(GetParam()));
  const auto object = read<vtkXMLPolyDataReader>(dir / "holes.vtp");
  auto* poly = vtkPolyData::SafeDownCast(object);
  ASSERT_NE(poly, nullptr);
  ASSERT_EQ(poly->GetNumberOfPoints(), 3);
  EXPECT_EQ(poly->GetNumberOfLines(), 2);
  double q[3];
  poly->GetPoint(0, q);
  EXPECT_EQ(q[0], 100.125);  // millimetres survive: Float64, local origin
  EXPECT_EQ(q[1], 200.5);
  poly->GetPoint(2, q);
  EXPECT_EQ(q[2], -3.25);
  auto* ids = vtkStringArray::SafeDownCast(poly->GetCellData()->GetAbstractArray("hole_id"));
  ASSERT_NE(ids, nullptr);
  EXPECT_EQ(ids->GetValue(1), "钻孔 ZK0101");
  EXPECT_EQ(poly->GetCellData()->GetArray("lith")->GetComponent(1, 0), 7.0);
  EXPECT_EQ(poly->GetPointData()->GetArray("depth")->GetComponent(2, 0), 88.5);
  expect_georeference(poly->GetFieldData(), {"depth"}, {"m"});
}

TEST_P(VtkXmlReadBack, UnstructuredHexahedraAndRotatedGrid) {
  const auto dir = fresh_dir("readback_vtu");
  vtkxml::UnstructuredGrid u;
  for (int k = 0; k < 2; ++k)
    for (int j = 0; j < 2; ++j)
      for (int i = 0; i < 2; ++i) u.points.push_back({41512000.0 + 5 * i, 4690000.0 + 5 * j, 100.0 + 2 * k});
  u.cells.add({0, 1, 3, 2, 4, 5, 7, 6});
  u.types = {vtkxml::CellType::hexahedron};
  u.data.cell.push_back({"grade", std::vector<double>{55.5}, 1, "%"});
  vtkxml::write_vtu(dir / "sub.vtu", u, options(GetParam()));
  const auto object = read<vtkXMLUnstructuredGridReader>(dir / "sub.vtu");
  auto* grid = vtkUnstructuredGrid::SafeDownCast(object);
  ASSERT_NE(grid, nullptr);
  ASSERT_EQ(grid->GetNumberOfCells(), 1);
  EXPECT_EQ(grid->GetCellType(0), VTK_HEXAHEDRON);
  double b[6];
  grid->GetBounds(b);
  EXPECT_EQ(b[1] - b[0], 5.0);
  EXPECT_EQ(b[5] - b[4], 2.0);
  EXPECT_EQ(grid->GetCellData()->GetArray("grade")->GetComponent(0, 0), 55.5);

  auto s = vtkxml::rotated_block_grid({3, 2, 2}, {41512100.0, 4690100.0, -20.0}, {10.0, 5.0, 4.0}, 30.0);
  s.data.cell.push_back({"class", std::vector<std::int32_t>(12, 2), 1, ""});
  vtkxml::write_vts(dir / "rotated.vts", s, options(GetParam()));
  const auto structured = read<vtkXMLStructuredGridReader>(dir / "rotated.vts");
  auto* sg = vtkStructuredGrid::SafeDownCast(structured);
  ASSERT_NE(sg, nullptr);
  int dims[3];
  sg->GetDimensions(dims);
  EXPECT_EQ(dims[0] * dims[1] * dims[2], 4 * 3 * 3);
  double p[3];
  sg->GetPoint(1, p);  // (i, j, k) = (1, 0, 0): 10 m along 30 degrees counter-clockwise from east
  // Computed in CRS coordinates (about 4e7, a double ulp of 7e-9 m) before the shift: micrometres.
  EXPECT_NEAR(p[0], 100.0 + 10.0 * std::cos(M_PI / 6), 1e-6);
  EXPECT_NEAR(p[1], 100.0 + 10.0 * std::sin(M_PI / 6), 1e-6);
  EXPECT_EQ(sg->GetCellData()->GetArray("class")->GetComponent(11, 0), 2.0);
}

INSTANTIATE_TEST_SUITE_P(Encodings, VtkXmlReadBack, ::testing::Values(vtkxml::Encoding::appended_raw, vtkxml::Encoding::inline_base64),
                         [](const auto& info) { return info.param == vtkxml::Encoding::appended_raw ? "AppendedRaw" : "Base64"; });
