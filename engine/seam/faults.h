// Faults and fault blocks (断块) of a seam model.
//
// Faults come from a GeoJSON file: LineString traces (normal faults: trace at elevation trace_z_m,
// dip_deg, dip_azimuth_deg, max_throw_m; throw = max_throw (1 - u^2), u = -1 .. 1 from end to end)
// or Polygon fault zones (their boundary is a barrier and their inside carries no coal). A polygon
// whose ring does not close is an InputError naming the file and feature.
//
// Fault blocks: at a seam's elevation z the fault plane lies (trace_z - z) / tan(dip) metres from the
// trace towards the dip azimuth; that line is the seam's fault line. Each fault line is extended along
// its end segments until it meets the field boundary or another fault (beyond a tip the throw is zero,
// so the extension only divides the field, in the way fault blocks are drawn on coal maps). The lines
// then split the field into blocks, labelled by a flood fill over the node grid that never steps
// across a line. Estimation uses the samples of each block only: the search never crosses a fault.
//
// Fault gap: a normal fault cuts a strip of the seam out; on the hanging-wall side of the fault line a
// strip as wide as the heave (throw / tan(dip)) carries no coal.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geometry/types.h"
#include "seam/node_grid.h"

namespace georeserve::seam {

struct Fault {
  std::string id;
  geometry::Polyline trace;      // at trace_z (for a zone: its closed boundary)
  bool zone = false;             // a fault zone polygon (no shift, no throw profile)
  double dip_deg = 90, dip_azimuth_deg = 0, max_throw = 0, trace_z = 0;

  // The fault line at elevation z (the trace moved down-dip).
  geometry::Polyline line_at(double z) const;
  // Throw (m) at normalised position u in [-1, 1] along the trace.
  double throw_at(double u) const { return max_throw * std::max(0.0, 1 - u * u); }
};

// Reads LineString / Polygon features; properties as above (dip, dip azimuth and throw required for
// lines). target_epsg: the model's CRS.
std::vector<Fault> read_faults(const std::filesystem::path& path, int target_epsg);

// Each line extended at both ends along its end segment to the first crossing with the outline or
// with another (unextended) line, but at most max_extension metres.
std::vector<geometry::Polyline> extend_to_barriers(const std::vector<geometry::Polyline>& lines,
                                                   const geometry::Ring& outline, double max_extension);

class FaultBlocks {
 public:
  FaultBlocks() = default;
  // inside: the field mask of the grid; barriers: the (extended) fault lines.
  FaultBlocks(const NodeGrid& grid, const std::vector<std::uint8_t>& inside,
              const std::vector<geometry::Polyline>& barriers);

  int count() const { return count_; }
  int block(std::size_t node) const { return label_[node]; }  // -1 outside the field
  const std::vector<int>& labels() const { return label_; }
  // The block of a point: that of the nearest node reachable without crossing a barrier; -1 when none.
  int block_of(geometry::Point2 p) const;
  // True when the segment [a, b] crosses a barrier.
  bool crosses(geometry::Point2 a, geometry::Point2 b) const;
  std::size_t nodes_in(int block) const { return sizes_[static_cast<std::size_t>(block)]; }

 private:
  NodeGrid grid_;
  std::vector<geometry::Polyline> barriers_;
  std::vector<int> label_;
  std::vector<std::size_t> sizes_;
  int count_ = 0;
};

// 1 for nodes inside a fault's gap strip at elevation z (normal faults) or inside a fault zone.
std::vector<std::uint8_t> fault_gap_mask(const NodeGrid& grid, const std::vector<Fault>& faults, double z);

}  // namespace georeserve::seam
