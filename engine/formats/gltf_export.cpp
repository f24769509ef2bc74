// Implementation of gltf_export.h. The scene is built as an aiScene (local, Y-up coordinates), exported
// by Assimp into a private temporary folder beside the target, completed there (glTF: the georeference
// in `extras`, only the extensions really used), and then moved into place file by file.
#include "formats/gltf_export.h"

#include <assimp/Exporter.hpp>
#include <assimp/GltfMaterial.h>
#include <assimp/material.h>
#include <assimp/scene.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"
#include "formats/vector.h"

namespace georeserve {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

// sRGB (0..255) to the linear values glTF stores.
float srgb_to_linear(std::uint8_t v) {
  const double c = v / 255.0;
  return static_cast<float>(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
}

aiColor4D material_color(Rgb c, double alpha, bool linear) {
  if (linear) return {srgb_to_linear(c.r), srgb_to_linear(c.g), srgb_to_linear(c.b), static_cast<float>(alpha)};
  return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, static_cast<float>(alpha)};
}

void check_layer(const Layer3D& l, const std::string& file) {
  auto fail = [&](const std::string& m) { throw InputError(file, 0, "", "layer '" + l.name + "': " + m); };
  if (l.name.empty()) throw InputError(file, 0, "", "a 3D layer has no name");
  if (!l.vertex_colors.empty() && l.vertex_colors.size() != l.positions.size())
    fail(std::to_string(l.vertex_colors.size()) + " vertex colours for " + std::to_string(l.positions.size()) + " vertices");
  const std::size_t n = l.positions.size();
  for (const auto& t : l.triangles)
    for (auto v : t)
      if (v >= n) fail("triangle vertex " + std::to_string(v) + " out of range (" + std::to_string(n) + " vertices)");
  for (const auto& s : l.lines)
    for (auto v : s)
      if (v >= n) fail("line vertex " + std::to_string(v) + " out of range (" + std::to_string(n) + " vertices)");
  for (const auto& p : l.positions)
    if (!p.allFinite()) fail("a vertex coordinate is not finite");
  if (!(l.opacity > 0.0 && l.opacity <= 1.0)) fail("opacity must lie in (0, 1]");
}

// One aiMesh of a layer's triangles or lines (all the layer's vertices; unused ones are harmless).
aiMesh* make_mesh(const Scene3D& scene, const Layer3D& l, bool lines, unsigned material, bool linear, Export3DSummary& sum) {
  auto* m = new aiMesh;
  m->mName = aiString(l.name + (lines ? " lines" : ""));
  m->mMaterialIndex = material;
  m->mPrimitiveTypes = lines ? aiPrimitiveType_LINE : aiPrimitiveType_TRIANGLE;
  m->mNumVertices = static_cast<unsigned>(l.positions.size());
  m->mVertices = new aiVector3D[m->mNumVertices];
  for (unsigned v = 0; v < m->mNumVertices; ++v) {
    const auto f = to_file_coordinates(scene, l.positions[v]);
    for (double c : f) sum.max_local_extent = std::max(sum.max_local_extent, std::abs(c));
    m->mVertices[v] = aiVector3D(static_cast<float>(f[0]), static_cast<float>(f[1]), static_cast<float>(f[2]));
  }
  if (l.smooth && !lines) {
    // Area-weighted normals (the cross product's length is twice the area), in file axes.
    std::vector<aiVector3D> n(m->mNumVertices, aiVector3D(0, 0, 0));
    for (const auto& t : l.triangles) {
      const aiVector3D a = m->mVertices[t[0]], b = m->mVertices[t[1]], c = m->mVertices[t[2]];
      const aiVector3D face = (b - a) ^ (c - a);
      for (auto v : t) n[v] += face;
    }
    m->mNormals = new aiVector3D[m->mNumVertices];
    for (unsigned v = 0; v < m->mNumVertices; ++v) m->mNormals[v] = n[v].Length() > 0 ? n[v].Normalize() : aiVector3D(0, 1, 0);
  }
  if (!l.vertex_colors.empty()) {
    m->mColors[0] = new aiColor4D[m->mNumVertices];
    for (unsigned v = 0; v < m->mNumVertices; ++v) m->mColors[0][v] = material_color(l.vertex_colors[v], 1.0, linear);
  }
  const unsigned per = lines ? 2u : 3u;
  m->mNumFaces = static_cast<unsigned>(lines ? l.lines.size() : l.triangles.size());
  m->mFaces = new aiFace[m->mNumFaces];
  for (unsigned f = 0; f < m->mNumFaces; ++f) {
    m->mFaces[f].mNumIndices = per;
    m->mFaces[f].mIndices = new unsigned[per];
    for (unsigned k = 0; k < per; ++k) m->mFaces[f].mIndices[k] = lines ? l.lines[f][k] : l.triangles[f][k];
  }
  sum.vertices += m->mNumVertices;
  return m;
}

aiMaterial* make_material(const Layer3D& l, bool linear) {
  auto* mat = new aiMaterial;
  const aiString name(l.name);
  mat->AddProperty(&name, AI_MATKEY_NAME);
  // Vertex colours multiply the base colour in glTF, so a white base shows them unchanged. Alpha comes
  // from the opacity alone (Assimp multiplies the colour's alpha by it).
  const aiColor4D c = material_color(l.vertex_colors.empty() ? l.color : Rgb{255, 255, 255}, 1.0, linear);
  mat->AddProperty(&c, 1, AI_MATKEY_COLOR_DIFFUSE);
  mat->AddProperty(&c, 1, AI_MATKEY_BASE_COLOR);
  const float opacity = static_cast<float>(l.opacity);
  mat->AddProperty(&opacity, 1, AI_MATKEY_OPACITY);
  if (l.opacity < 1.0) {
    const aiString blend("BLEND");
    mat->AddProperty(&blend, AI_MATKEY_GLTF_ALPHAMODE);
  }
  const int two_sided = l.double_sided ? 1 : 0;
  mat->AddProperty(&two_sided, 1, AI_MATKEY_TWOSIDED);
  return mat;
}

std::string origin_text(const Scene3D& s) {
  std::string t = "origin E" + format_double(s.origin[0]) + " N" + format_double(s.origin[1]) + " Z" + format_double(s.origin[2]);
  if (s.epsg) t += " EPSG:" + std::to_string(s.epsg);
  return t;
}

std::unique_ptr<aiScene> build_scene(const Scene3D& scene, bool linear, Export3DSummary& sum) {
  auto s = std::make_unique<aiScene>();
  s->mRootNode = new aiNode((scene.title.empty() ? std::string("georeserve") : scene.title) + " (" + origin_text(scene) + ")");
  std::vector<aiMesh*> meshes;
  std::vector<aiMaterial*> materials;
  std::vector<aiNode*> children;
  for (const Layer3D& l : scene.layers) {
    auto* node = new aiNode(l.name);
    node->mParent = s->mRootNode;
    const unsigned material = static_cast<unsigned>(materials.size());
    materials.push_back(make_material(l, linear));
    std::vector<unsigned> ids;
    for (bool lines : {false, true}) {
      if ((lines ? l.lines.size() : l.triangles.size()) == 0) continue;
      ids.push_back(static_cast<unsigned>(meshes.size()));
      meshes.push_back(make_mesh(scene, l, lines, material, linear, sum));
    }
    sum.triangles += l.triangles.size();
    sum.lines += l.lines.size();
    node->mNumMeshes = static_cast<unsigned>(ids.size());
    if (!ids.empty()) {
      node->mMeshes = new unsigned[ids.size()];
      std::copy(ids.begin(), ids.end(), node->mMeshes);
    }
    children.push_back(node);
  }
  sum.layers = scene.layers.size();
  auto fill = [](auto** & array, unsigned& count, const auto& items) {
    count = static_cast<unsigned>(items.size());
    array = items.empty() ? nullptr : new std::remove_reference_t<decltype(*array)>[items.size()];
    std::copy(items.begin(), items.end(), array);
  };
  fill(s->mMeshes, s->mNumMeshes, meshes);
  fill(s->mMaterials, s->mNumMaterials, materials);
  fill(s->mRootNode->mChildren, s->mRootNode->mNumChildren, children);
  return s;
}

json georeference_json(const Scene3D& s) {
  json g;
  g["crs"] = s.epsg ? "EPSG:" + std::to_string(s.epsg) : "unknown";
  if (s.epsg)
    if (auto name = crs_name(s.epsg)) g["crs_name"] = *name;
  g["origin"] = {s.origin[0], s.origin[1], s.origin[2]};
  g["units"] = "m";
  g["axes"] = "file x = easting - origin[0]; file y = elevation - origin[2]; file z = -(northing - origin[1]) (glTF: Y up)";
  g["note"] = "Coordinates are local: add the origin back to get CRS coordinates (" + origin_text(s) + ")";
  return g;
}

// Extension names listed in extensionsUsed that no object of the document uses are dropped (Assimp
// lists some whether used or not).
void collect_extensions(const json& j, std::set<std::string>& used) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "extensions" && it->is_object())
        for (auto e = it->begin(); e != it->end(); ++e) used.insert(e.key());
      collect_extensions(*it, used);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) collect_extensions(v, used);
  }
}

void complete_gltf_json(json& j, const Scene3D& scene) {
  const json geo = georeference_json(scene);
  j["asset"]["generator"] = j["asset"].value("generator", std::string("Assimp")) + " via georeserve";
  j["asset"]["extras"] = geo;
  std::set<std::string> used;
  collect_extensions(j, used);
  if (used.empty()) j.erase("extensionsUsed");
  else j["extensionsUsed"] = used;
  if (!j.contains("nodes")) return;
  for (auto& node : j["nodes"]) {
    const std::string name = node.value("name", std::string());
    if (name.rfind(scene.title.empty() ? "georeserve" : scene.title, 0) == 0 && node.contains("children")) node["extras"] = geo;
    for (const Layer3D& l : scene.layers)
      if (l.name == name && !l.extras.empty()) {
        json e = json::object();
        for (const auto& [k, v] : l.extras) e[k] = v;
        node["extras"] = e;
      }
  }
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::uint32_t read_u32(const std::string& b, std::size_t at) {
  std::uint32_t v;
  std::memcpy(&v, b.data() + at, 4);
  return v;
}

void append_u32(std::string& b, std::uint32_t v) { b.append(reinterpret_cast<const char*>(&v), 4); }

// Rewrites the JSON chunk of a GLB container (the binary chunk is kept byte for byte).
std::string patch_glb(const std::string& glb, const Scene3D& scene, const std::string& file) {
  if (glb.size() < 20 || glb.compare(0, 4, "glTF") != 0 || read_u32(glb, 16) != 0x4E4F534Au)
    throw InputError(file, 0, "", "Assimp wrote no valid GLB container");
  const std::uint32_t json_len = read_u32(glb, 12);
  json j = json::parse(glb.substr(20, json_len));
  complete_gltf_json(j, scene);
  std::string text = j.dump();
  while (text.size() % 4) text.push_back(' ');
  const std::string rest = glb.substr(20 + json_len);  // the BIN chunk, if any
  std::string out = "glTF";
  append_u32(out, 2);
  append_u32(out, static_cast<std::uint32_t>(12 + 8 + text.size() + rest.size()));
  append_u32(out, static_cast<std::uint32_t>(text.size()));
  append_u32(out, 0x4E4F534Au);
  out += text;
  out += rest;
  return out;
}

// A private folder beside the target, removed with its contents when the object goes.
class TempFolder {
 public:
  explicit TempFolder(const fs::path& beside) {
    static std::atomic<unsigned> counter{0};
    path_ = (beside.parent_path().empty() ? fs::path(".") : beside.parent_path()) /
            (".georeserve-3d-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_sidecar(const fs::path& path, const Scene3D& scene, const Export3DSummary& sum) {
  json j;
  j["format"] = "georeserve-3d-export";
  j["file"] = path.filename().string();
  j["georeference"] = georeference_json(scene);
  j["layers"] = json::array();
  for (const Layer3D& l : scene.layers) {
    json e;
    e["name"] = l.name;
    e["vertices"] = l.positions.size();
    e["triangles"] = l.triangles.size();
    e["lines"] = l.lines.size();
    for (const auto& [k, v] : l.extras) e[k] = v;
    j["layers"].push_back(e);
  }
  j["max_local_extent_m"] = sum.max_local_extent;
  write_file_atomically(sum.sidecar, [&](std::ostream& out) { out << j.dump(2) << '\n'; });
}

}  // namespace

std::array<double, 3> local_origin_for(const Eigen::Vector3d& lo, const Eigen::Vector3d& hi) {
  const Eigen::Vector3d c = (lo + hi) / 2;
  return {std::round(c.x() / 1000) * 1000, std::round(c.y() / 1000) * 1000, 0.0};
}

std::array<double, 3> to_file_coordinates(const Scene3D& s, const Eigen::Vector3d& p) {
  return {p.x() - s.origin[0], p.z() - s.origin[2], -(p.y() - s.origin[1])};
}

Eigen::Vector3d from_file_coordinates(const Scene3D& s, const std::array<double, 3>& f) {
  return {f[0] + s.origin[0], -f[2] + s.origin[1], f[1] + s.origin[2]};
}

Format3D format3d_for(const fs::path& path) {
  const std::string ext = to_lower_ascii(path.extension().string());
  if (ext == ".glb") return Format3D::glb;
  if (ext == ".gltf") return Format3D::gltf;
  if (ext == ".obj") return Format3D::obj;
  throw InputError(path.string(), 0, "", "unknown 3D format '" + ext + "' (use .glb, .gltf or .obj)");
}

Export3DSummary write_scene3d(const fs::path& path, const Scene3D& scene) {
  const std::string file = path.string();
  const Format3D format = format3d_for(path);
  std::set<std::string> names;
  for (const Layer3D& l : scene.layers) {
    check_layer(l, file);
    if (!names.insert(l.name).second) throw InputError(file, 0, "", "two 3D layers are named '" + l.name + "'");
  }
  Export3DSummary sum;
  sum.sidecar = path.string() + ".json";
  const auto ai = build_scene(scene, format != Format3D::obj, sum);

  TempFolder temp(path);
  const fs::path staged = temp.path() / path.filename();
  const char* id = format == Format3D::glb ? "glb2" : (format == Format3D::gltf ? "gltf2" : "obj");
  Assimp::Exporter exporter;
  if (exporter.Export(ai.get(), id, staged.string()) != AI_SUCCESS)
    throw InputError(file, 0, "", std::string("Assimp cannot export: ") + exporter.GetErrorString());

  if (format == Format3D::glb) {
    const std::string bytes = patch_glb(slurp(staged), scene, file);
    write_file_atomically(staged, [&](std::ostream& out) { out << bytes; });
  } else if (format == Format3D::obj) {
    // OBJ has no metadata: the georeference goes into comment lines at the top.
    const std::string bytes = "# georeserve: " + scene.title + "\n# " + georeference_json(scene)["note"].get<std::string>() + "\n# " +
                              georeference_json(scene)["axes"].get<std::string>() + "\n" + slurp(staged);
    write_file_atomically(staged, [&](std::ostream& out) { out << bytes; });
  } else if (format == Format3D::gltf) {
    json j = json::parse(slurp(staged));
    complete_gltf_json(j, scene);
    write_file_atomically(staged, [&](std::ostream& out) { out << j.dump(1) << '\n'; });
  }
  // Companion files first (.bin, .mtl), the main file last, so a reader never finds it without them.
  std::vector<fs::path> parts;
  for (const auto& e : fs::directory_iterator(temp.path()))
    if (e.path() != staged) parts.push_back(e.path());
  parts.push_back(staged);
  for (const fs::path& p : parts) {
    const std::string bytes = slurp(p);
    write_file_atomically(path.parent_path() / p.filename(), [&](std::ostream& out) { out << bytes; });
  }
  write_sidecar(path, scene, sum);
  sum.note = "3D coordinates in " + path.filename().string() + " are local, Y-up metres: " + origin_text(scene) +
             " was subtracted (see " + sum.sidecar.filename().string() +
             (format == Format3D::obj ? " and the comments at the top of the file)" : ", the glTF asset extras and the root node's name)");
  return sum;
}

}  // namespace georeserve
