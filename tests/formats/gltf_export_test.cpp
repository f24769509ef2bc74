// Tests of formats/gltf_export.h: a point at known Gauss-Kruger easting/northing/elevation lands where
// glTF's Y-up convention puts it (read back by Assimp's own importer and by parsing the GLB), the
// georeference is in the asset extras and the side-car, layers are named nodes, winding survives the
// axis change, colours are linear in glTF, and OBJ round-trips through Assimp.
#include <gtest/gtest.h>

#include <assimp/Importer.hpp>
#include <assimp/scene.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "temp_files.h"
#include "formats/gltf_export.h"

namespace georeserve {
namespace {

namespace fs = std::filesystem;

nlohmann::json glb_json(const fs::path& p) {
  const std::string b = test::read_all(p);
  std::uint32_t len = 0;
  std::memcpy(&len, b.data() + 12, 4);
  return nlohmann::json::parse(b.substr(20, len));
}

// One triangle whose first corner is at a known CRS point, plus a line, in a zone-41 scene.
Scene3D known_scene() {
  Scene3D s;
  s.title = "测试 test";
  s.epsg = 4529;
  s.origin = {41512000.0, 4690000.0, 0.0};
  Layer3D tri;
  tri.name = "solid 矿体";
  tri.color = {255, 0, 0};
  tri.opacity = 0.5;
  tri.positions = {{41512345.678, 4690123.456, 123.4}, {41512355.678, 4690123.456, 123.4}, {41512345.678, 4690133.456, 123.4}};
  tri.triangles = {{0, 1, 2}};  // counter-clockwise seen from above: normal +z (up)
  tri.extras = {{"kind", "solid"}};
  Layer3D line;
  line.name = "drillholes 钻孔";
  line.positions = {{41512100.0, 4690100.0, 200.0}, {41512100.0, 4690100.0, 50.0}};
  line.vertex_colors = {{0, 0, 255}, {0, 0, 255}};
  line.lines = {{0, 1}};
  s.layers = {tri, line};
  return s;
}

TEST(Gltf, AxesAndOrigin) {
  const Scene3D s = known_scene();
  const auto f = to_file_coordinates(s, {41512345.678, 4690123.456, 123.4});
  EXPECT_NEAR(f[0], 345.678, 1e-7);   // east stays x (1e-7: the double's resolution at 4e7 m)
  EXPECT_NEAR(f[1], 123.4, 1e-9);     // up becomes y
  EXPECT_NEAR(f[2], -123.456, 1e-7);  // north becomes -z
  const Eigen::Vector3d back = from_file_coordinates(s, f);
  EXPECT_NEAR(back.x(), 41512345.678, 1e-6);
  EXPECT_NEAR(back.y(), 4690123.456, 1e-6);
  EXPECT_NEAR(back.z(), 123.4, 1e-9);
  const auto o = local_origin_for({41511600, 4689700, -200}, {41512800, 4690900, 100});
  EXPECT_EQ(o[0], 41512000.0);
  EXPECT_EQ(o[1], 4690000.0);  // 4690300 rounds to the nearest kilometre
  EXPECT_EQ(o[2], 0.0);
}

TEST(Gltf, GlbReadBackByAssimpLandsToTheMillimetre) {
  const fs::path d = test::scratch_dir("glb");
  const Scene3D s = known_scene();
  const auto sum = write_scene3d(d / "scene.glb", s);
  EXPECT_EQ(sum.layers, 2u);
  EXPECT_EQ(sum.triangles, 1u);
  EXPECT_EQ(sum.lines, 1u);
  EXPECT_NE(sum.note.find("41512000"), std::string::npos);

  Assimp::Importer importer;
  const aiScene* sc = importer.ReadFile((d / "scene.glb").string(), 0);
  ASSERT_TRUE(sc) << importer.GetErrorString();
  ASSERT_EQ(sc->mRootNode->mNumChildren, 2u);
  EXPECT_EQ(std::string(sc->mRootNode->mChildren[0]->mName.C_Str()), "solid 矿体");
  EXPECT_EQ(std::string(sc->mRootNode->mChildren[1]->mName.C_Str()), "drillholes 钻孔");
  EXPECT_NE(std::string(sc->mRootNode->mName.C_Str()).find("origin E41512000 N4690000 Z0 EPSG:4529"), std::string::npos);
  const aiMesh* m = sc->mMeshes[sc->mRootNode->mChildren[0]->mMeshes[0]];
  ASSERT_EQ(m->mNumVertices, 3u);
  const aiVector3D p = m->mVertices[0];
  const Eigen::Vector3d crs = from_file_coordinates(s, {p.x, p.y, p.z});
  EXPECT_NEAR(crs.x(), 41512345.678, 1e-3);
  EXPECT_NEAR(crs.y(), 4690123.456, 1e-3);
  EXPECT_NEAR(crs.z(), 123.4, 1e-3);
  // Winding: the triangle faced up in CRS, so it faces +y in glTF.
  const aiVector3D n = (m->mVertices[1] - m->mVertices[0]) ^ (m->mVertices[2] - m->mVertices[0]);
  EXPECT_GT(n.y, 0.0f);
  EXPECT_NEAR(n.x, 0.0f, 1e-3f);
  EXPECT_NEAR(n.z, 0.0f, 1e-3f);
  EXPECT_FALSE(m->HasNormals());  // flat unless asked for
  const aiMesh* lm = sc->mMeshes[sc->mRootNode->mChildren[1]->mMeshes[0]];
  EXPECT_EQ(lm->mPrimitiveTypes & aiPrimitiveType_LINE, aiPrimitiveType_LINE);
  fs::remove_all(d);
}

TEST(Gltf, GeoreferenceInExtrasAndSidecar) {
  const fs::path d = test::scratch_dir("extras");
  write_scene3d(d / "scene.glb", known_scene());
  const auto j = glb_json(d / "scene.glb");
  EXPECT_EQ(j["asset"]["version"], "2.0");
  const auto& geo = j["asset"]["extras"];
  EXPECT_EQ(geo["crs"], "EPSG:4529");
  EXPECT_EQ(geo["origin"][0].get<double>(), 41512000.0);
  EXPECT_EQ(geo["origin"][1].get<double>(), 4690000.0);
  EXPECT_FALSE(j.contains("extensionsUsed"));  // nothing unused is announced
  bool layer_extras = false, root_extras = false;
  for (const auto& node : j["nodes"]) {
    if (node.value("name", "") == "solid 矿体") layer_extras = node["extras"]["kind"] == "solid";
    if (node.contains("children")) root_extras = node["extras"]["crs"] == "EPSG:4529";
  }
  EXPECT_TRUE(layer_extras);
  EXPECT_TRUE(root_extras);
  // Translucent material blends; colours are linear: sRGB 255 stays 1, sRGB 0 stays 0.
  bool blended = false;
  for (const auto& mat : j["materials"])
    if (mat.value("name", "") == "solid 矿体") {
      blended = mat.value("alphaMode", "") == "BLEND";
      EXPECT_NEAR(mat["pbrMetallicRoughness"]["baseColorFactor"][0].get<double>(), 1.0, 1e-6);
      EXPECT_NEAR(mat["pbrMetallicRoughness"]["baseColorFactor"][3].get<double>(), 0.5, 1e-6);
    }
  EXPECT_TRUE(blended);
  const auto side = nlohmann::json::parse(test::read_all(d / "scene.glb.json"));
  EXPECT_EQ(side["georeference"]["origin"][0].get<double>(), 41512000.0);
  EXPECT_EQ(side["georeference"]["crs_name"], "CGCS2000 / 3-degree Gauss-Kruger zone 41");
  EXPECT_EQ(side["layers"].size(), 2u);
  // Only the GLB and its side-car: no temporary folder left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 2);
  fs::remove_all(d);
}

TEST(Gltf, ObjRoundTripThroughAssimp) {
  const fs::path d = test::scratch_dir("obj");
  const Scene3D s = known_scene();
  write_scene3d(d / "矿体.obj", s);
  EXPECT_TRUE(fs::exists(d / "矿体.mtl"));
  EXPECT_TRUE(fs::exists(d / "矿体.obj.json"));
  EXPECT_NE(test::read_all(d / "矿体.obj").find("origin E41512000 N4690000 Z0 EPSG:4529"), std::string::npos);
  Assimp::Importer importer;
  const aiScene* sc = importer.ReadFile((d / "矿体.obj").string(), 0);
  ASSERT_TRUE(sc) << importer.GetErrorString();
  bool found = false;
  for (unsigned i = 0; i < sc->mNumMeshes; ++i)
    for (unsigned v = 0; v < sc->mMeshes[i]->mNumVertices; ++v) {
      const aiVector3D p = sc->mMeshes[i]->mVertices[v];
      const Eigen::Vector3d crs = from_file_coordinates(s, {p.x, p.y, p.z});
      if ((crs - Eigen::Vector3d(41512345.678, 4690123.456, 123.4)).norm() < 1e-3) found = true;
    }
  EXPECT_TRUE(found);
  fs::remove_all(d);
}

TEST(Gltf, TextGltfWithItsBuffer) {
  const fs::path d = test::scratch_dir("gltf");
  const Scene3D s = known_scene();
  write_scene3d(d / "scene.gltf", s);
  const auto j = nlohmann::json::parse(test::read_all(d / "scene.gltf"));
  EXPECT_EQ(j["asset"]["extras"]["crs"], "EPSG:4529");
  const std::string uri = j["buffers"][0]["uri"];
  EXPECT_TRUE(fs::exists(d / uri)) << uri;  // the companion .bin moved in beside it
  Assimp::Importer importer;
  const aiScene* sc = importer.ReadFile((d / "scene.gltf").string(), 0);
  ASSERT_TRUE(sc) << importer.GetErrorString();
  const aiVector3D p = sc->mMeshes[sc->mRootNode->mChildren[0]->mMeshes[0]]->mVertices[0];
  EXPECT_NEAR(from_file_coordinates(s, {p.x, p.y, p.z}).x(), 41512345.678, 1e-3);
  fs::remove_all(d);
}

TEST(Gltf, SmoothNormalsPointOutwardInFileAxes) {
  const fs::path d = test::scratch_dir("normals");
  Scene3D s = known_scene();
  s.layers.resize(1);
  s.layers[0].smooth = true;
  write_scene3d(d / "n.glb", s);
  Assimp::Importer importer;
  const aiScene* sc = importer.ReadFile((d / "n.glb").string(), 0);
  ASSERT_TRUE(sc && sc->mMeshes[0]->HasNormals());
  for (unsigned v = 0; v < 3; ++v) EXPECT_NEAR(sc->mMeshes[0]->mNormals[v].y, 1.0f, 1e-6f);  // CRS up = glTF +y
  fs::remove_all(d);
}

TEST(Gltf, BadLayersAreRejectedAndNothingIsWritten) {
  const fs::path d = test::scratch_dir("bad");
  Scene3D s = known_scene();
  s.layers[0].triangles.push_back({0, 1, 7});
  EXPECT_THROW(write_scene3d(d / "a.glb", s), InputError);
  s = known_scene();
  s.layers[1].name = s.layers[0].name;
  EXPECT_THROW(write_scene3d(d / "b.glb", s), InputError);
  s = known_scene();
  s.layers[1].vertex_colors.pop_back();
  EXPECT_THROW(write_scene3d(d / "c.glb", s), InputError);
  EXPECT_THROW(write_scene3d(d / "d.fbx", known_scene()), InputError);
  EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 0);
  fs::remove_all(d);
}

}  // namespace
}  // namespace georeserve
