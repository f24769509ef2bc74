#include "domain/implicit_domain.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <tbb/parallel_for.h>

#include "core/error.h"
#include "core/progress.h"
#include "geostat/estimation.h"
#include "io/json_config.h"
#include "mesh/isosurface.h"

namespace georeserve {

VariogramModel default_implicit_interpolant() {
  VariogramModel m;
  VariogramStructure s;
  s.type = StructureType::cubic;
  s.sill = 1.0;
  s.anisotropy.ranges = {300, 300, 300};
  m.structures.push_back(s);
  return m;
}

namespace {

// Nodes within `radius` of at least one sample: samples hashed into cubes of that size, each node
// checks the 27 cubes around it.
std::vector<char> near_samples_mask(const ScalarGrid& g, const ContactSamples& cs, double radius) {
  auto cube = [radius](const Eigen::Vector3d& p) {
    return std::array<long long, 3>{static_cast<long long>(std::floor(p.x() / radius)),
                                    static_cast<long long>(std::floor(p.y() / radius)),
                                    static_cast<long long>(std::floor(p.z() / radius))};
  };
  std::map<std::array<long long, 3>, std::vector<Eigen::Vector3d>> cubes;
  const Eigen::Vector3d base = cs.position.front();  // local coordinates: no loss at 41,500,000 m
  for (const auto& p : cs.position) cubes[cube(p - base)].push_back(p - base);
  std::vector<char> near(g.node_count(), 0);
  const double r2 = radius * radius;
  tbb::parallel_for(0, g.nodes[2], [&](int k) {
    for (int j = 0; j < g.nodes[1]; ++j)
      for (int i = 0; i < g.nodes[0]; ++i) {
        const Eigen::Vector3d p = g.position(i, j, k) - base;
        const auto c = cube(p);
        bool hit = false;
        for (long long dz = -1; dz <= 1 && !hit; ++dz)
          for (long long dy = -1; dy <= 1 && !hit; ++dy)
            for (long long dx = -1; dx <= 1 && !hit; ++dx) {
              const auto it = cubes.find({c[0] + dx, c[1] + dy, c[2] + dz});
              if (it == cubes.end()) continue;
              for (const auto& q : it->second)
                if ((q - p).squaredNorm() <= r2) {
                  hit = true;
                  break;
                }
            }
        near[g.index(i, j, k)] = hit;
      }
  });
  return near;
}

}  // namespace

ImplicitOptions ImplicitOptions::from_config(const ConfigView& v) {
  v.allow_only({"resolution", "variogram", "max_samples", "max_extrapolation", "padding", "rotation", "distance_cap",
                "max_per_hole", "kriging"});
  ImplicitOptions o;
  o.resolution = v.number_in("resolution", o.resolution, 0.1, 1000);
  o.interpolant = v.has("variogram") ? VariogramModel::from_config(v.at("variogram")) : default_implicit_interpolant();
  if (!o.interpolant.bounded()) v.fail_at("variogram", "the implicit model needs a bounded variogram (no power model)");
  o.max_samples = static_cast<std::size_t>(v.integer_in("max_samples", static_cast<long long>(o.max_samples), 4, 500));
  o.max_per_hole = static_cast<std::size_t>(v.integer_in("max_per_hole", static_cast<long long>(o.max_per_hole), 0, 500));
  o.simple_kriging = v.one_of("kriging", "ordinary", {"ordinary", "simple"}) == "simple";
  o.max_extrapolation = v.number_in("max_extrapolation", o.max_extrapolation, 1, 1e5);
  o.padding = v.number_in("padding", o.padding, 0, 1e4);
  o.rotation = v.number_in("rotation", o.rotation, -360, 360);
  o.distance_cap = v.number_in("distance_cap", std::max(20.0, 4 * o.resolution), 0.01, 1e4);
  return o;
}

ImplicitDomain build_implicit_domain(const ContactSamples& cs, const ImplicitOptions& o, ProgressSink* progress) {
  if (cs.size() < 4) throw Error("implicit domain: too few samples along the drillholes");
  if (cs.holes_inside == 0) throw Error("implicit domain: no drillhole intersects the domain");
  // The grid covers the samples at or near the domain (not the whole drilled volume), padded, in a
  // lattice turned by options.rotation (along the strike: far fewer nodes for an oblique orebody).
  double cap = 0;
  for (double d : cs.signed_distance) cap = std::max(cap, std::abs(d));
  ImplicitDomain out;
  ScalarGrid& g = out.field;
  g.rotation_deg = o.rotation;
  Eigen::Vector3d lo = Eigen::Vector3d::Constant(INFINITY), hi = Eigen::Vector3d::Constant(-INFINITY);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (cs.signed_distance[i] <= -cap * 0.999) continue;
    const Eigen::Vector3d l = g.to_lattice(cs.position[i]);  // origin still zero here
    lo = lo.cwiseMin(l);
    hi = hi.cwiseMax(l);
  }
  lo.array() -= o.padding + 2 * o.resolution;
  hi.array() += o.padding + 2 * o.resolution;
  g.origin = g.to_world(lo);
  g.spacing = Eigen::Vector3d::Constant(o.resolution);
  for (int a = 0; a < 3; ++a) g.nodes[static_cast<std::size_t>(a)] = static_cast<int>(std::ceil((hi[a] - lo[a]) / o.resolution)) + 1;
  const double nodes = static_cast<double>(g.nodes[0]) * g.nodes[1] * g.nodes[2];
  if (nodes > 5e7)
    throw ResourceError("implicit domain: the grid would have " + std::to_string(static_cast<long long>(nodes)) +
                        " nodes; use a coarser resolution");

  KrigingSamples samples;
  samples.dimension = 3;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    samples.x.push_back(cs.position[i].x());
    samples.y.push_back(cs.position[i].y());
    samples.z.push_back(cs.position[i].z());
    samples.value.push_back(cs.signed_distance[i]);
    samples.hole.push_back(cs.hole[i]);
  }
  merge_coincident_samples(samples);

  // Interior nodes only (the outer layer stays outside so that the solid is closed), and only those
  // within max_extrapolation of a sample: the others would be set outside anyway.
  const auto near = near_samples_mask(g, cs, o.max_extrapolation);
  KrigingTargets targets;
  std::vector<std::size_t> node_of_target;
  for (int k = 1; k + 1 < g.nodes[2]; ++k)
    for (int j = 1; j + 1 < g.nodes[1]; ++j)
      for (int i = 1; i + 1 < g.nodes[0]; ++i) {
        if (!near[g.index(i, j, k)]) continue;
        const auto p = g.position(i, j, k);
        targets.x.push_back(p.x());
        targets.y.push_back(p.y());
        targets.z.push_back(p.z());
        node_of_target.push_back(g.index(i, j, k));
      }

  EstimationOptions eo;
  eo.type = o.simple_kriging ? EstimatorType::simple : EstimatorType::ordinary;
  eo.mean = 0;
  SearchPass pass;
  pass.max_samples = o.max_samples;
  pass.min_samples = 4;
  pass.max_per_hole = o.max_per_hole;
  pass.ellipsoid = true;
  pass.shape = o.interpolant.structures.empty() ? Anisotropy{} : o.interpolant.structures.front().anisotropy;
  eo.search.passes.push_back(pass);
  const Estimator estimator(samples, &o.interpolant, eo);
  const auto records = estimator.estimate(targets, progress);

  g.values.assign(g.node_count(), -cap);
  for (std::size_t t = 0; t < records.size(); ++t) {
    const auto& r = records[t];
    if (!estimated(r.status) || !(r.nearest_distance <= o.max_extrapolation)) continue;
    g.values[node_of_target[t]] = r.estimate;
  }
  out.solid = extract_isosurface(g, 0.0);
  out.volume = out.solid.volume();
  return out;
}

std::vector<double> volume_fractions(const BlockGrid& grid, const ScalarGrid& field, std::array<int, 3> sub) {
  std::vector<double> f(grid.block_count(), 0.0);
  const double per_block = static_cast<double>(sub[0]) * sub[1] * sub[2];
  const auto& size = grid.block_size();
  tbb::parallel_for(std::size_t{0}, grid.block_count(), [&](std::size_t b) {
    const auto ijk = grid.ijk(b);
    int inside = 0;
    for (int c = 0; c < sub[2]; ++c)
      for (int bq = 0; bq < sub[1]; ++bq)
        for (int a = 0; a < sub[0]; ++a) {
          const Eigen::Vector3d m((ijk.i + (a + 0.5) / sub[0]) * size.x(), (ijk.j + (bq + 0.5) / sub[1]) * size.y(),
                                  (ijk.k + (c + 0.5) / sub[2]) * size.z());
          if (field.sample(grid.to_world(m)) > 0) ++inside;
        }
    f[b] = inside / per_block;
  });
  return f;
}

namespace {

// Parity of crossings of a vertical ray going up from p with the mesh (Möller-Trumbore in 2D + z test).
bool inside_mesh(const TriangleMesh& mesh, const std::vector<int>& candidates, const Eigen::Vector3d& p) {
  int crossings = 0;
  for (int t : candidates) {
    const auto& tri = mesh.triangles[static_cast<std::size_t>(t)];
    const Eigen::Vector3d& a = mesh.vertices[static_cast<std::size_t>(tri[0])];
    const Eigen::Vector3d& b = mesh.vertices[static_cast<std::size_t>(tri[1])];
    const Eigen::Vector3d& c = mesh.vertices[static_cast<std::size_t>(tri[2])];
    // Barycentric coordinates of (p.x, p.y) in the triangle's xy projection. The caller nudges p off
    // the regular lattice, so a ray through a shared edge or vertex is vanishingly unlikely.
    const double d = (b.y() - c.y()) * (a.x() - c.x()) + (c.x() - b.x()) * (a.y() - c.y());
    if (d == 0) continue;
    const double l1 = ((b.y() - c.y()) * (p.x() - c.x()) + (c.x() - b.x()) * (p.y() - c.y())) / d;
    const double l2 = ((c.y() - a.y()) * (p.x() - c.x()) + (a.x() - c.x()) * (p.y() - c.y())) / d;
    const double l3 = 1 - l1 - l2;
    if (l1 < 0 || l2 < 0 || l3 < 0) continue;
    const double z = l1 * a.z() + l2 * b.z() + l3 * c.z();
    if (z > p.z()) ++crossings;
  }
  return crossings % 2 == 1;
}

}  // namespace

std::vector<double> volume_fractions(const BlockGrid& grid, const TriangleMesh& solid, std::array<int, 3> sub) {
  // Bin triangles by the xy cells of the block grid's bounding box so each ray tests only a few.
  const auto box = grid.bounds();
  const double cell = std::max(grid.block_size().x(), grid.block_size().y());
  const int nx = std::max(1, static_cast<int>(std::ceil((box[1].x() - box[0].x()) / cell)));
  const int ny = std::max(1, static_cast<int>(std::ceil((box[1].y() - box[0].y()) / cell)));
  std::vector<std::vector<int>> bins(static_cast<std::size_t>(nx) * ny);
  for (std::size_t t = 0; t < solid.triangles.size(); ++t) {
    Eigen::Vector3d lo = Eigen::Vector3d::Constant(INFINITY), hi = -lo;
    for (int v : solid.triangles[t]) {
      lo = lo.cwiseMin(solid.vertices[static_cast<std::size_t>(v)]);
      hi = hi.cwiseMax(solid.vertices[static_cast<std::size_t>(v)]);
    }
    const int i0 = std::clamp(static_cast<int>(std::floor((lo.x() - box[0].x()) / cell)), 0, nx - 1);
    const int i1 = std::clamp(static_cast<int>(std::floor((hi.x() - box[0].x()) / cell)), 0, nx - 1);
    const int j0 = std::clamp(static_cast<int>(std::floor((lo.y() - box[0].y()) / cell)), 0, ny - 1);
    const int j1 = std::clamp(static_cast<int>(std::floor((hi.y() - box[0].y()) / cell)), 0, ny - 1);
    if (hi.x() < box[0].x() || lo.x() > box[1].x() || hi.y() < box[0].y() || lo.y() > box[1].y()) continue;
    for (int j = j0; j <= j1; ++j)
      for (int i = i0; i <= i1; ++i) bins[static_cast<std::size_t>(j) * nx + i].push_back(static_cast<int>(t));
  }
  std::vector<double> f(grid.block_count(), 0.0);
  const double per_block = static_cast<double>(sub[0]) * sub[1] * sub[2];
  const auto& size = grid.block_size();
  tbb::parallel_for(std::size_t{0}, grid.block_count(), [&](std::size_t b) {
    const auto ijk = grid.ijk(b);
    int inside = 0;
    for (int c = 0; c < sub[2]; ++c)
      for (int bq = 0; bq < sub[1]; ++bq)
        for (int a = 0; a < sub[0]; ++a) {
          // Nudged by irrational fractions of a micrometre per metre of block: off any lattice plane.
          const Eigen::Vector3d p = grid.to_world({(ijk.i + (a + 0.5) / sub[0] + 1.4142135e-7) * size.x(),
                                                   (ijk.j + (bq + 0.5) / sub[1] + 1.7320508e-7) * size.y(),
                                                   (ijk.k + (c + 0.5) / sub[2]) * size.z()});
          const int i = std::clamp(static_cast<int>(std::floor((p.x() - box[0].x()) / cell)), 0, nx - 1);
          const int j = std::clamp(static_cast<int>(std::floor((p.y() - box[0].y()) / cell)), 0, ny - 1);
          if (inside_mesh(solid, bins[static_cast<std::size_t>(j) * nx + i], p)) ++inside;
        }
    f[b] = inside / per_block;
  });
  return f;
}

}  // namespace georeserve
