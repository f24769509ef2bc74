// Reading wireframes: the text formats through our double-precision readers (mesh_readers.h), anything
// else through Assimp.
#include "formats/mesh_import.h"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <map>

#include "core/error.h"
#include "formats/mesh_readers.h"

namespace georeserve {

namespace {

// Assimp stores 32-bit floats: coordinates like 41,500,000 m keep only ~4 m precision in them. Its
// post-processing is therefore limited to triangulation; identical vertices are joined here on the
// float values as read.
void append(const aiMesh* mesh, const aiMatrix4x4& transform, TriangleMesh& out,
            std::map<std::array<float, 3>, int>& index) {
  std::vector<int> local(mesh->mNumVertices);
  for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
    const aiVector3D p = transform * mesh->mVertices[v];
    const std::array<float, 3> key{p.x, p.y, p.z};
    auto [it, added] = index.emplace(key, static_cast<int>(out.vertices.size()));
    if (added) out.vertices.emplace_back(p.x, p.y, p.z);
    local[v] = it->second;
  }
  for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
    const aiFace& face = mesh->mFaces[f];
    if (face.mNumIndices != 3) continue;
    const int a = local[face.mIndices[0]], b = local[face.mIndices[1]], c = local[face.mIndices[2]];
    if (a == b || b == c || a == c) continue;
    out.triangles.push_back({a, b, c});
  }
}

void walk(const aiScene* scene, const aiNode* node, const aiMatrix4x4& parent, TriangleMesh& out,
          std::map<std::array<float, 3>, int>& index) {
  const aiMatrix4x4 transform = parent * node->mTransformation;
  for (unsigned m = 0; m < node->mNumMeshes; ++m) append(scene->mMeshes[node->mMeshes[m]], transform, out, index);
  for (unsigned c = 0; c < node->mNumChildren; ++c) walk(scene, node->mChildren[c], transform, out, index);
}

}  // namespace

TriangleMesh read_mesh_file(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) throw InputError(path.string(), 0, "", "cannot open file");
  if (auto exact = read_mesh_exact(path)) return std::move(*exact);
  Assimp::Importer importer;
  const aiScene* scene = importer.ReadFile(path.string(), aiProcess_Triangulate);
  if (!scene || !scene->mRootNode)
    throw InputError(path.string(), 0, "", std::string("cannot read mesh: ") + importer.GetErrorString());
  TriangleMesh mesh;
  std::map<std::array<float, 3>, int> index;
  walk(scene, scene->mRootNode, aiMatrix4x4(), mesh, index);
  if (mesh.triangles.empty()) throw InputError(path.string(), 0, "", "the file holds no triangles");
  return mesh;
}

TriangleMesh read_solid_file(const std::filesystem::path& path) {
  TriangleMesh mesh = read_mesh_file(path);
  const auto check = check_mesh(mesh);
  if (!check.closed || !check.consistently_oriented)
    throw InputError(path.string(), 0, "", "the wireframe is not a closed solid: " + check.describe() +
                                               " (close it in the modelling package, or use it as a surface)");
  if (mesh.volume() < 0)
    for (auto& t : mesh.triangles) std::swap(t[1], t[2]);
  return mesh;
}

}  // namespace georeserve
