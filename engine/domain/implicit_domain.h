// Implicit domain modelling (as Leapfrog does it): the signed distance to the domain boundary, sampled
// along the drillholes (contact_samples.h), is interpolated onto a regular grid by ordinary kriging
// (the project's one kriging system) with an anisotropic model that follows the orebody; the zero
// isosurface is the domain solid (closed: the grid's outer layer is forced outside), and blocks get
// the fraction of their volume inside (sub-cell sampling of the field).
#pragma once

#include <array>

#include "blockmodel/grid.h"
#include "domain/contact_samples.h"
#include "geostat/variogram_model.h"
#include "mesh/scalar_grid.h"
#include "mesh/triangle_mesh.h"

namespace georeserve {

class ConfigView;
class ProgressSink;

// Cubic structure, sill 1, 300 m isotropic: smooth surfaces, bounded, well conditioned.
VariogramModel default_implicit_interpolant();

struct ImplicitOptions {
  double resolution = 5.0;        // m between grid nodes
  VariogramModel interpolant = default_implicit_interpolant();  // of the signed distance
  std::size_t max_samples = 32;   // neighbours per node
  // At most this many from one drillhole (0: no limit). Samples every couple of metres along a hole
  // would otherwise fill the neighbourhood from the nearest hole alone, and a node between two
  // sections would follow one of them instead of both.
  std::size_t max_per_hole = 0;
  double max_extrapolation = 100; // m: nodes farther than this from every sample are outside
  double padding = 20;            // m around the samples near the domain
  double rotation = 0;            // grid turned this many degrees counter-clockwise from east (strike)
  // m: signed distances along the holes are capped at +-distance_cap. Keep it near the typical
  // half-thickness of the domain: the interpolated boundary between an intersecting and a barren
  // hole then falls about half-way, as a geologist would draw it; a cap much larger than the inside
  // distances pulls the boundary towards the intersecting hole and thin bodies shrink.
  double distance_cap = 20;
  // Ordinary kriging follows the local mean of the signed distance, mostly negative (outside), so a
  // body closes soon beyond its last intersection. Simple kriging with mean 0 (the boundary value)
  // decays towards "undecided" instead: between an intersecting and a barren hole the boundary falls
  // half-way, and beyond the last intersection with no barren hole the body continues until
  // max_extrapolation -- the half-spacing and open-extrapolation rules of exploration practice.
  bool simple_kriging = false;

  // Contact sampling with this cap and the given step along the holes.
  ContactSampleOptions contact_options(double step) const { return {step, distance_cap}; }

  // {"resolution", "variogram", "max_samples", "max_extrapolation", "padding", "rotation",
  // "distance_cap", "max_per_hole",
  // "kriging" ("ordinary" | "simple")}; key-path errors.
  static ImplicitOptions from_config(const ConfigView& v);
};

struct ImplicitDomain {
  ScalarGrid field;    // signed distance, > 0 inside
  TriangleMesh solid;  // the zero isosurface, closed
  double volume = 0;   // m3 enclosed by the solid
};

ImplicitDomain build_implicit_domain(const ContactSamples& samples, const ImplicitOptions& options,
                                     ProgressSink* progress = nullptr);

// Fraction (0..1) of each block inside the domain (field > 0), sampling subcells^3 points per block.
std::vector<double> volume_fractions(const BlockGrid& grid, const ScalarGrid& field, std::array<int, 3> subcells);

// Same for a closed triangle mesh (a wireframe made elsewhere), by ray parity at sub-cell centres.
std::vector<double> volume_fractions(const BlockGrid& grid, const TriangleMesh& solid, std::array<int, 3> subcells);

}  // namespace georeserve
