// Neighbour selection for kriging and its baselines: the selection *policy* (passes, min/max samples,
// octants, drillholes), built over SpatialIndex (the spatial *index*). DESIGN.md section 4:
//  - a pass without an ellipsoid takes the max_samples nearest by Euclidean distance, radius unlimited
//    (gstat's nmax);
//  - a pass with an ellipsoid (ranges + angles, GSLIB rotation) takes samples inside it (boundary
//    included), ranked by anisotropic distance |M d| (as GSLIB);
//  - max_per_octant: at most that many per octant of the ellipsoid's rotated frame (quadrants in 2D;
//    the Euclidean frame without an ellipsoid); a sample exactly on an axis plane counts to the
//    negative side;
//  - max_per_hole: at most that many from one drillhole (samples without a hole are not limited);
//  - passes are tried in order until one finds min_samples; ties in distance go to the lower index.
// The selection handed to the kriging system is sorted by sample index, so that the same neighbour
// set always gives the same matrix, bit for bit, whichever target or thread asks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "geostat/anisotropy.h"
#include "geostat/candidate_cache.h"
#include "geostat/spatial_index.h"

namespace georeserve {

struct SearchPass {
  std::size_t max_samples = 0;  // 0: no limit (everything inside the ellipsoid)
  std::size_t min_samples = 1;
  bool ellipsoid = false;       // false: Euclidean nearest, unlimited radius
  Anisotropy shape;             // the ellipsoid's ranges and angles
  std::size_t max_per_octant = 0;  // 0: no limit
  std::size_t max_per_hole = 0;    // 0: no limit
};

struct SearchPlan {
  bool global = false;  // every sample, every time
  std::vector<SearchPass> passes;
  // The largest neighbour count any pass can select among n samples.
  std::size_t max_neighbours(std::size_t n) const;
};

// Samples a selection must leave out (leave-one-out cross-validation).
struct SearchExclusion {
  std::int64_t sample = -1;  // this sample
  std::int32_t hole = -1;    // every sample of this hole
};

struct NeighbourSelection {
  int pass = 0;             // 1-based pass that found them; 0 when none did
  std::size_t count = 0;
  const std::uint32_t* indices = nullptr;  // ascending sample indices
  const double* dist2 = nullptr;           // squared search distance of each (pass metric: |M d|^2 or m^2)
  std::uint32_t nearest = 0;               // the first sample in the pass's ranking
  std::size_t holes = 0;                   // distinct drillholes among them
  bool euclidean = false;                  // dist2 is the Euclidean squared distance (no ellipsoid)
};

class NeighbourSearch {
 public:
  // xyz: 3 * n local coordinates; hole: drillhole index per sample (-1 none) or empty.
  NeighbourSearch(SearchPlan plan, const std::vector<double>& xyz, std::vector<std::int32_t> hole);
  ~NeighbourSearch();

  class Workspace {
   public:
    Workspace() = default;

   private:
    friend class NeighbourSearch;
    std::vector<Neighbour> candidates;
    std::vector<std::uint32_t> indices;
    std::vector<double> dist2;
    std::vector<std::pair<std::uint32_t, double>> accepted;  // (sample, squared tree distance)
    std::vector<CandidateCache> caches;  // one per tree: targets in grid order reuse their candidates
    std::vector<std::uint32_t> per_hole;
    std::vector<std::int32_t> touched_holes;
  };
  Workspace make_workspace() const;

  // The neighbours of a target (local coordinates). The result points into ws.
  NeighbourSelection select(const double target[3], const SearchExclusion& exclude, Workspace& ws) const;

  const SearchPlan& plan() const { return plan_; }
  std::size_t sample_count() const { return n_; }

 private:
  struct Tree;
  NeighbourSelection select_global(const double target[3], const SearchExclusion& exclude, Workspace& ws) const;
  std::size_t count_holes(const Neighbour* c, std::size_t n, Workspace& ws) const;
  void publish(std::size_t p, std::uint32_t nearest, std::size_t holes, const Workspace& ws,
               NeighbourSelection* out) const;
  bool select_pass(std::size_t p, const double target[3], const SearchExclusion& exclude, Workspace& ws,
                   NeighbourSelection* out) const;

  SearchPlan plan_;
  std::size_t n_;
  std::vector<double> xyz_;
  std::vector<std::int32_t> hole_;
  std::size_t hole_count_ = 0;
  std::vector<std::unique_ptr<Tree>> trees_;
  std::vector<std::size_t> pass_tree_;   // tree of each pass
  std::vector<double> pass_scale2_;      // pass distance^2 = tree distance^2 * scale2
};

}  // namespace georeserve
