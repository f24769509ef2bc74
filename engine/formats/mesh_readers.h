// Double-precision readers of the wireframe formats mining packages export (Surpac, Datamine,
// Leapfrog, Micromine, CAD): OBJ, STL (ASCII and binary), PLY (ASCII and binary little-endian) and DXF
// (3DFACE entities and POLYLINE polyface meshes). Assimp parses coordinates into 32-bit floats, which
// keep only about 4 m of a Gauss-Kruger easting (41,512,345.678 m) and can weld distinct vertices, so
// these formats are read here; Assimp remains the fallback for everything else (mesh_import.h).
#pragma once

#include <filesystem>
#include <optional>

#include "mesh/triangle_mesh.h"

namespace georeserve {

// The triangles of the file with exactly equal vertices joined (faces with more corners are fanned);
// nullopt when the extension is none of .obj, .stl, .ply, .dxf. InputError "FILE:LINE: ..." for
// malformed content, and when the file holds no triangles.
std::optional<TriangleMesh> read_mesh_exact(const std::filesystem::path& path);

}  // namespace georeserve
