// Geometry of the 3D export layers, in CRS coordinates (Layer3D of gltf_export.h): the exposed faces of
// the shown blocks of a block model with a colour per block, closed solids, drillhole traces as thin
// tubes, and map polygons (planning blocks) extruded into prisms between two elevations.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "blockmodel/grid.h"
#include "formats/gltf_export.h"
#include "geometry/types.h"
#include "mesh/triangle_mesh.h"

namespace georeserve {

// The faces between a shown block and a block that is not shown (or the outside of the grid), each
// as a quad (two triangles, four vertices of the shown block's colour) facing away from the shown
// block: what a viewer draws of a solid pile of blocks. shown and colors have one entry per block
// (BlockGrid index order). Rotated grids are handled.
Layer3D exposed_block_faces(const BlockGrid& grid, const std::vector<bool>& shown, const std::vector<Rgb>& colors,
                            const std::string& name);

// A closed solid (or any triangle surface) as one layer of one colour.
Layer3D mesh_layer(const TriangleMesh& mesh, const std::string& name, Rgb color, double opacity);

// Polylines as tubes of `sides` faces (>= 3) and the given radius, one colour per polyline, with flat
// caps at the ends; consecutive repeated points are skipped.
Layer3D tube_layer(const std::vector<std::vector<Eigen::Vector3d>>& polylines, const std::vector<Rgb>& colors,
                   double radius, int sides, const std::string& name);

// Polygons extruded between the elevations z_lo < z_hi: triangulated top and bottom caps and the walls
// of every ring, outward facing; one colour per polygon.
Layer3D prism_layer(const std::vector<geometry::MultiPolygon>& polygons, const std::vector<Rgb>& colors, double z_lo,
                    double z_hi, const std::string& name, double opacity);

}  // namespace georeserve
