// Exports of a small run folder made in code (a rotated block model at Gauss-Kruger coordinates with
// classes and an ore fraction, one drillhole, a solid, a planning block with a Chinese name), each
// read back by another tool's reader: Assimp for glTF/OBJ, GDAL for Shapefile/GeoPackage/DXF/GeoTIFF,
// our VTK reader for VTU. Checks where known points land, areas, thicknesses and the errors.
#include <gtest/gtest.h>

#include <assimp/Importer.hpp>
#include <assimp/scene.h>
#include <gdal/gdal_priv.h>
#include <gdal/ogrsf_frmts.h>
#include <unistd.h>

#include <cmath>
#include <fstream>

#include "core/error.h"
#include "exchange/run_export.h"
#include "exchange/vtk_reader.h"
#include "formats/gltf_export.h"
#include "formats/raster.h"
#include "io/vtk_xml.h"

namespace georeserve {
namespace {

namespace fs = std::filesystem;

constexpr double kX0 = 41512345.678, kY0 = 4690123.456, kZ0 = -200.0;

fs::path temp_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("georeserve_export_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// A 4 x 3 x 2 grid of 10 x 10 x 5 m blocks turned 30 degrees, origin (kX0, kY0, kZ0). Blocks with
// i < 2 carry a grade (so they are shown): class 1 (measured, 探明) on level 0, class 2 on level 1,
// ore_fraction 0.5 everywhere they are shown.
BlockGrid fixture_grid() { return BlockGrid({kX0, kY0, kZ0}, {10, 10, 5}, {4, 3, 2}, 30.0); }

fs::path make_run(const std::string& name) {
  const fs::path d = temp_dir(name);
  vtkxml::WriteOptions wo;
  wo.geo.epsg = 4529;
  wo.geo.origin = {41512000, 4690000, 0};
  const BlockGrid g = fixture_grid();
  auto sg = vtkxml::rotated_block_grid({4, 3, 2}, {kX0, kY0, kZ0}, {10, 10, 5}, 30.0);
  std::vector<double> grade(g.block_count(), std::nan("")), frac(g.block_count(), 0.0);
  std::vector<std::int32_t> cls(g.block_count(), 0);
  for (std::size_t b = 0; b < g.block_count(); ++b) {
    const auto x = g.ijk(b);
    if (x.i >= 2) continue;
    grade[b] = 40.0 + 10.0 * x.k + x.j;
    frac[b] = 0.5;
    cls[b] = x.k == 0 ? 1 : 2;
  }
  sg.data.cell.push_back({"CaSiO3", grade, 1, "%"});
  sg.data.cell.push_back({"ore_fraction", frac, 1, ""});
  sg.data.cell.push_back({"class", cls, 1, ""});
  vtkxml::write_vts(d / "blocks.vts", sg, wo);

  vtkxml::PolyData holes;
  holes.points = {{kX0 + 5, kY0 + 5, 0.0}, {kX0 + 5, kY0 + 5, -100.0}, {kX0 + 5, kY0 + 5, -210.0}};
  holes.lines.add({0, 1});
  holes.lines.add({1, 2});
  holes.data.cell.push_back({"lith", std::vector<std::int32_t>{1, 2}, 1, ""});
  holes.data.cell.push_back({"hole_id", std::vector<std::string>{"ZK1", "ZK1"}, 1, ""});
  vtkxml::write_vtp(d / "drillholes.vtp", holes, wo);

  vtkxml::PolyData solid;  // a tetrahedron
  solid.points = {{kX0, kY0, kZ0}, {kX0 + 20, kY0, kZ0}, {kX0, kY0 + 20, kZ0}, {kX0, kY0, kZ0 + 10}};
  for (auto t : std::vector<std::vector<std::int64_t>>{{0, 2, 1}, {0, 1, 3}, {1, 2, 3}, {0, 3, 2}}) solid.polys.add(t);
  vtkxml::write_vtp(d / "solid_ore.vtp", solid, wo);

  std::ofstream(d / "planning.geojson")
      << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4529"}},"features":[)"
      << R"({"type":"Feature","properties":{"name":"前裕硅灰石矿 规划区块","area_km2":0.04},"geometry":{"type":"Polygon","coordinates":[[)"
      << "[" << std::fixed << kX0 - 50 << "," << kY0 - 50 << "],[" << kX0 + 150 << "," << kY0 - 50 << "],[" << kX0 + 150 << "," << kY0 + 150
      << "],[" << kX0 - 50 << "," << kY0 + 150 << "],[" << kX0 - 50 << "," << kY0 - 50 << "]]]}}]}";

  scene::Scene s;
  s.name = "fixture";
  s.title = "测试 fixture";
  s.epsg = 4529;
  s.origin = wo.geo.origin;
  scene::Layer b;
  b.id = "blocks";
  b.kind = scene::LayerKind::block_model;
  b.title = "块体模型 block model";
  b.file = "blocks.vts";
  b.color_by = "CaSiO3";
  scene::Attribute grade_attr;
  grade_attr.name = "CaSiO3";
  grade_attr.unit = "%";
  grade_attr.range = std::array<double, 2>{40.0, 60.0};
  scene::Attribute class_attr;
  class_attr.name = "class";
  class_attr.kind = scene::AttributeKind::categorical;
  class_attr.categories = {{1, "探明", "measured", Rgb{214, 39, 40}}, {2, "控制", "indicated", Rgb{255, 170, 30}}};
  b.attributes = {grade_attr, class_attr};
  b.class_attribute = "class";
  scene::Layer h;
  h.id = "drillholes";
  h.kind = scene::LayerKind::drillholes;
  h.file = "drillholes.vtp";
  h.color_by = "lith";
  h.label_field = "hole_id";
  scene::Attribute lith;
  lith.name = "lith";
  lith.kind = scene::AttributeKind::categorical;
  lith.categories = {{1, "大理岩", "marble", Rgb{1, 2, 3}}, {2, "矽卡岩", "skarn", Rgb{4, 5, 6}}};
  h.attributes = {lith};
  scene::Layer so;
  so.id = "solid_ore";
  so.kind = scene::LayerKind::solid;
  so.file = "solid_ore.vtp";
  so.color = Rgb{242, 142, 43};
  so.opacity = 0.35;
  scene::Layer p;
  p.id = "planning_blocks";
  p.kind = scene::LayerKind::polygons;
  p.file = "planning.geojson";
  p.label_field = "name";
  p.opacity = 0.4;
  s.layers = {b, h, so, p};
  scene::write_scene(d / "scene.json", s);
  return d;
}

struct Ogr {
  explicit Ogr(const fs::path& p) {
    GDALAllRegister();
    ds = static_cast<GDALDataset*>(GDALOpenEx(p.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  }
  ~Ogr() {
    if (ds) GDALClose(ds);
  }
  GDALDataset* ds = nullptr;
};

TEST(RunExport, GlbOfTheDefaultViewLandsWhereExpected) {
  const fs::path d = make_run("glb");
  const RunFolder run = RunFolder::open(d);
  ExportOptions o;
  o.format = ExportFormat::glb;
  o.out = d / "out" / "scene.glb";
  const ExportResult r = export_run(run, o);
  ASSERT_EQ(r.files.size(), 2u);  // the GLB and its side-car
  EXPECT_NE(r.notes[0].find("origin E41512000 N4690000"), std::string::npos);
  Assimp::Importer importer;
  const aiScene* sc = importer.ReadFile(o.out.string(), 0);
  ASSERT_TRUE(sc) << importer.GetErrorString();
  std::vector<std::string> names;
  for (unsigned c = 0; c < sc->mRootNode->mNumChildren; ++c) names.push_back(sc->mRootNode->mChildren[c]->mName.C_Str());
  ASSERT_EQ(names.size(), 4u);
  EXPECT_EQ(names[0], "块体模型 block model (CaSiO3)");
  EXPECT_EQ(names[1], "solid_ore");
  EXPECT_EQ(names[2], "drillholes");
  EXPECT_EQ(names[3], "planning_blocks");
  // The block model's outer corner (kX0, kY0, kZ0) is a vertex of the exposed faces: find it.
  Scene3D frame;
  frame.origin = run.scene.origin;
  const aiMesh* blocks = sc->mMeshes[sc->mRootNode->mChildren[0]->mMeshes[0]];
  double best = INFINITY;
  for (unsigned v = 0; v < blocks->mNumVertices; ++v) {
    const auto p = blocks->mVertices[v];
    best = std::min(best, (from_file_coordinates(frame, {p.x, p.y, p.z}) - Eigen::Vector3d(kX0, kY0, kZ0)).norm());
  }
  EXPECT_LT(best, 1e-3);
  // 2 x 3 x 2 shown blocks form one box: 2 * (2*3 + 3*2 + 2*2) = 32 exposed faces, 64 triangles.
  EXPECT_EQ(blocks->mNumFaces, 64u);
  fs::remove_all(d);
}

TEST(RunExport, ObjWithChosenLayers) {
  const fs::path d = make_run("obj");
  ExportOptions o;
  o.format = ExportFormat::obj;
  o.layers = {ExportLayer::solids, ExportLayer::drillholes};
  o.out = d / "ore.obj";
  export_run(RunFolder::open(d), o);
  Assimp::Importer importer;
  const aiScene* sc = importer.ReadFile(o.out.string(), 0);
  ASSERT_TRUE(sc) << importer.GetErrorString();
  EXPECT_GE(sc->mNumMeshes, 2u);
  EXPECT_TRUE(fs::exists(d / "ore.mtl"));
  fs::remove_all(d);
}

TEST(RunExport, FootprintsShapefileByClassReadByGdal) {
  const fs::path d = make_run("shp");
  ExportOptions o;
  o.format = ExportFormat::shp;
  o.layers = {ExportLayer::footprints};
  o.out = d / "footprints.shp";
  export_run(RunFolder::open(d), o);
  for (const char* ext : {".shp", ".dbf", ".shx", ".prj", ".cpg"}) EXPECT_TRUE(fs::exists(d / (std::string("footprints") + ext))) << ext;
  Ogr g(o.out);
  ASSERT_TRUE(g.ds);
  OGRLayer* layer = g.ds->GetLayer(0);
  EXPECT_EQ(layer->GetFeatureCount(), 2);
  layer->ResetReading();
  std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
  EXPECT_STREQ(f->GetFieldAsString("class_cn"), "探明");
  EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("area_m2"), 600.0);  // 2 x 3 cells of 100 m2
  EXPECT_NEAR(f->GetGeometryRef()->toMultiPolygon()->get_Area(), 600.0, 1e-6);
  fs::remove_all(d);
}

TEST(RunExport, ThicknessGeoTiffAndDxfContours) {
  const fs::path d = make_run("tif");
  ExportOptions o;
  o.format = ExportFormat::tif;
  o.layers = {ExportLayer::thickness, ExportLayer::grade_thickness};
  o.out = d / "maps";
  const auto r = export_run(RunFolder::open(d), o);
  ASSERT_EQ(r.files.size(), 2u);
  const RasterGrid t = read_geotiff(d / "maps" / "thickness.tif");
  EXPECT_EQ(t.epsg, 4529);
  // Every shown column: two blocks of 5 m at ore_fraction 0.5 = 5 m; grade x thickness 2.5 * (40+j + 50+j).
  const RasterGrid gt = read_geotiff(d / "maps" / "grade-thickness.tif");
  const BlockGrid g = fixture_grid();
  std::size_t cells = 0;
  for (std::size_t row = 0; row < t.rows; ++row)
    for (std::size_t col = 0; col < t.cols; ++col) {
      if (t.is_nodata(t.at(col, row))) continue;
      ++cells;
      EXPECT_FLOAT_EQ(t.at(col, row), 5.0f);
      const auto b = g.locate({t.x_center(col), t.y_center(row), kZ0 + 1});
      ASSERT_TRUE(b);
      EXPECT_FLOAT_EQ(gt.at(col, row), static_cast<float>(2.5 * (90.0 + 2 * b->j)));
    }
  EXPECT_GT(cells, 0u);
  o.format = ExportFormat::dxf;
  o.layers = {ExportLayer::contours, ExportLayer::footprints};
  o.map = "grade-thickness";
  o.out = d / "cad.dxf";
  export_run(RunFolder::open(d), o);
  Ogr dxf(o.out);
  ASSERT_TRUE(dxf.ds);
  EXPECT_GT(dxf.ds->GetLayer(0)->GetFeatureCount(), 0);
  EXPECT_TRUE(fs::exists(d / "cad.prj"));
  fs::remove_all(d);
}

TEST(RunExport, VtuBlocksKeepAttributesAndUnits) {
  const fs::path d = make_run("vtu");
  ExportOptions o;
  o.format = ExportFormat::vtu;
  o.layers = {ExportLayer::blocks};
  o.out = d / "blocks.vtu";
  export_run(RunFolder::open(d), o);
  const auto f = vtkxml::read_vtk_xml(o.out);
  EXPECT_EQ(f.unstructured.types.size(), 12u);  // the shown blocks
  EXPECT_EQ(f.unit_of("CaSiO3"), "%");
  EXPECT_EQ(f.geo.epsg, 4529);
  EXPECT_NEAR(f.unstructured.points[0][0], kX0, 1e-6);
  fs::remove_all(d);
}

TEST(RunExport, GeoPackageOfEveryVectorLayer) {
  const fs::path d = make_run("gpkg");
  ExportOptions o;
  o.format = ExportFormat::gpkg;
  o.out = d / "all.gpkg";
  export_run(RunFolder::open(d), o);
  Ogr g(o.out);
  ASSERT_TRUE(g.ds);
  EXPECT_EQ(g.ds->GetLayerCount(), 4);
  OGRLayer* planning = g.ds->GetLayerByName("planning_blocks");
  ASSERT_TRUE(planning);
  planning->ResetReading();
  std::unique_ptr<OGRFeature> f(planning->GetNextFeature());
  EXPECT_STREQ(f->GetFieldAsString("name"), "前裕硅灰石矿 规划区块");
  EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("area_km2"), 0.04);
  fs::remove_all(d);
}

TEST(RunExport, ErrorsAreClear) {
  const fs::path d = make_run("errors");
  const RunFolder run = RunFolder::open(d);
  ExportOptions o;
  o.format = ExportFormat::shp;
  o.layers = {ExportLayer::blocks};
  o.out = d / "x.shp";
  try {
    export_run(run, o);
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("layer 'blocks' cannot go into .shp files"), std::string::npos) << e.what();
  }
  o.layers = {ExportLayer::footprints};
  o.out = d / "x.geojson";
  EXPECT_THROW(export_run(run, o), InputError);  // extension does not match the format
  o.format = ExportFormat::tif;
  o.layers = {ExportLayer::dem};
  o.out = d / "dem.tif";
  EXPECT_THROW(export_run(run, o), InputError);  // no terrain in this run
  EXPECT_THROW(RunFolder::open(d / "missing"), InputError);
  EXPECT_THROW(RunFolder::open(d / "out_of_nothing"), InputError);
  EXPECT_FALSE(parse_export_format("kml"));
  EXPECT_FALSE(parse_export_layer("faults"));
  EXPECT_EQ(parse_export_layer("grade_thickness"), ExportLayer::grade_thickness);
  fs::remove_all(d);
}

// A coal-style run: the block model as hexahedra (.vtu) whose heights follow the seam.
TEST(RunExport, HexahedralBlockModelOfACoalRun) {
  const fs::path d = make_run("vtu_blocks");
  vtkxml::UnstructuredGrid ug;
  // Two blocks side by side along x, the second one thicker (a seam thickening eastward).
  const double z[2][2] = {{-300.0, -297.0}, {-301.0, -296.5}};  // bottom/top at x = 0 .. x = 20
  for (int k = 0; k < 2; ++k)
    for (int j = 0; j < 2; ++j)
      for (int i = 0; i < 3; ++i) {
        const double zz = k == 0 ? (i == 0 ? z[0][0] : z[1][0]) : (i == 0 ? z[0][1] : z[1][1]);
        ug.points.push_back({kX0 + 10.0 * i, kY0 + 10.0 * j, zz});
      }
  auto id = [](int i, int j, int k) { return static_cast<std::int64_t>((k * 2 + j) * 3 + i); };
  for (int i = 0; i < 2; ++i) {
    ug.cells.add({id(i, 0, 0), id(i + 1, 0, 0), id(i + 1, 1, 0), id(i, 1, 0), id(i, 0, 1), id(i + 1, 0, 1), id(i + 1, 1, 1), id(i, 1, 1)});
    ug.types.push_back(vtkxml::CellType::hexahedron);
  }
  ug.data.cell.push_back({"seam", std::vector<std::int32_t>{1, 1}, 1, ""});
  vtkxml::WriteOptions wo;
  wo.geo.epsg = 4529;
  wo.geo.origin = {41512000, 4690000, 0};
  vtkxml::write_vtu(d / "seam_blocks.vtu", ug, wo);
  scene::Scene s = scene::read_scene(d / "scene.json");
  s.layers[0].file = "seam_blocks.vtu";
  s.layers[0].color_by = "seam";
  scene::Attribute seam;
  seam.name = "seam";
  seam.kind = scene::AttributeKind::categorical;
  seam.categories = {{1, "12号煤", "seam 12", Rgb{10, 20, 30}}};
  s.layers[0].attributes = {seam};
  s.layers[0].class_attribute.clear();
  scene::write_scene(d / "scene.json", s);

  const RunFolder run = RunFolder::open(d);
  ExportOptions o;
  o.format = ExportFormat::glb;
  o.layers = {ExportLayer::blocks};
  o.out = d / "seams.glb";
  export_run(run, o);
  Assimp::Importer importer;
  const aiScene* sc = importer.ReadFile(o.out.string(), 0);
  ASSERT_TRUE(sc) << importer.GetErrorString();
  const aiMesh* m = sc->mMeshes[sc->mRootNode->mChildren[0]->mMeshes[0]];
  EXPECT_EQ(m->mNumFaces, 20u);  // 2 x 6 faces less the shared one on each side
  // Footprints need a regular grid: a clear error.
  o.format = ExportFormat::shp;
  o.layers = {ExportLayer::footprints};
  o.out = d / "fp.shp";
  try {
    export_run(run, o);
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("regular block model"), std::string::npos) << e.what();
  }
  // What `run` would write: the scene and the planning blocks only.
  const ExportResult r = write_run_exchange_files(d);
  EXPECT_TRUE(fs::exists(d / "scene.glb"));
  EXPECT_TRUE(fs::exists(d / "gis" / "planning.shp"));
  EXPECT_FALSE(fs::exists(d / "gis" / "footprints.shp"));
  fs::remove_all(d);
}

TEST(RunExport, RunWritesTheStandardSet) {
  const fs::path d = make_run("standard");
  const ExportResult r = write_run_exchange_files(d);
  for (const char* f : {"scene.glb", "scene.glb.json", "gis/fixture.gpkg", "gis/footprints.shp", "gis/footprints.cpg", "gis/planning.shp",
                        "gis/footprints.geojson", "gis/contours.geojson", "gis/contours.dxf", "gis/contours.prj", "gis/thickness.tif",
                        "gis/grade-thickness.tif"})
    EXPECT_TRUE(fs::exists(d / f)) << f;
  bool origin_logged = false;
  for (const auto& n : r.notes) origin_logged |= n.find("origin E41512000 N4690000") != std::string::npos;
  EXPECT_TRUE(origin_logged);
  fs::remove_all(d);
}

TEST(RunExport, LongitudeLatitudePlanningBlocksComeInTheSceneCrs) {
  const fs::path d = make_run("lonlat");
  // RFC 7946 longitude/latitude (no crs member), near Diaobingshan (123.5 E, 42.4 N).
  std::ofstream(d / "planning.geojson")
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"调兵山 block","grade":2},)"
      << R"("geometry":{"type":"Polygon","coordinates":[[[123.50,42.40],[123.52,42.40],[123.52,42.41],[123.50,42.41],[123.50,42.40]]]}}]})";
  ExportOptions o;
  o.format = ExportFormat::geojson;
  o.layers = {ExportLayer::planning};
  o.out = d / "planning_out.geojson";
  export_run(RunFolder::open(d), o);
  Ogr g(o.out);
  ASSERT_TRUE(g.ds);
  OGRLayer* layer = g.ds->GetLayer(0);
  layer->ResetReading();
  std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
  ASSERT_TRUE(f);
  EXPECT_STREQ(f->GetFieldAsString("name"), "调兵山 block");
  OGREnvelope env;
  f->GetGeometryRef()->getEnvelope(&env);
  // Zone 41 (central meridian 123 E): x = 41,500,000 + about 41 km, y about 4,694 km.
  EXPECT_GT(env.MinX, 41530000.0);
  EXPECT_LT(env.MaxX, 41550000.0);
  EXPECT_GT(env.MinY, 4690000.0);
  EXPECT_LT(env.MaxY, 4700000.0);
  fs::remove_all(d);
}

int run_cli(const std::string& args) {
  const int status = std::system((std::string(GEORESERVE_CLI) + " " + args + " > /dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(RunExport, CommandLineExitCodes) {
  if (!fs::exists(GEORESERVE_CLI)) GTEST_SKIP() << "georeserve not built";
  const fs::path d = make_run("cli");
  EXPECT_EQ(run_cli("export " + d.string() + " --format glb --out " + (d / "a.glb").string()), 0);
  EXPECT_TRUE(fs::exists(d / "a.glb"));
  EXPECT_EQ(run_cli("export " + d.string() + " --format kml --out " + (d / "a.kml").string()), 1);
  EXPECT_EQ(run_cli("export " + d.string() + " --format glb --layer faults --out " + (d / "b.glb").string()), 1);
  EXPECT_EQ(run_cli("export " + (d / "nothing").string() + " --format glb --out " + (d / "c.glb").string()), 1);
  EXPECT_EQ(run_cli("export --help"), 0);
  EXPECT_FALSE(fs::exists(d / "b.glb"));
  fs::remove_all(d);
}

}  // namespace
}  // namespace georeserve
