// Isosurfaces of a scalar grid by marching tetrahedra: each cell is split into six tetrahedra around
// the same main diagonal, so neighbouring cells share faces exactly and the surface is watertight
// wherever the field is "outside" (<= iso) on the grid boundary. Triangles face outward (towards
// decreasing values); vertices on grid edges are shared.
#pragma once

#include "mesh/scalar_grid.h"
#include "mesh/triangle_mesh.h"

namespace georeserve {

// Inside is value > iso. NaN nodes count as outside.
TriangleMesh extract_isosurface(const ScalarGrid& grid, double iso = 0.0);

}  // namespace georeserve
