// Reading triangle meshes made elsewhere (Surpac, Leapfrog, Datamine, CAD): OBJ, PLY, STL and DXF
// (3DFACE, polyface meshes) in double precision (mesh_readers.h), whatever else Assimp imports through
// Assimp (32-bit floats). Identical vertices are joined so that closedness can be checked.
#pragma once

#include <filesystem>

#include "mesh/triangle_mesh.h"

namespace georeserve {

// All meshes of the file merged into one; InputError when it cannot be read or has no triangles.
TriangleMesh read_mesh_file(const std::filesystem::path& path);

// Same, and InputError unless the mesh is closed and consistently oriented (a solid); a solid with
// inward-facing triangles is turned outward.
TriangleMesh read_solid_file(const std::filesystem::path& path);

}  // namespace georeserve
