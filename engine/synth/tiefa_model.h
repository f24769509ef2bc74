// The synthetic Tiefa coal field (铁法煤田): a fault-bounded Early Cretaceous basin, gently folded, with
// the black mudstone marker over the lower coal unit and its mineable seams 12-17, cut by a few normal
// faults, with a diabase sill that burnt the upper seams of the lower unit in the south.
//
// The stratigraphy is defined before faulting (pre-fault elevations, m) by 2D fields tabulated on a
// 100 m lattice (bilinear between nodes); faults move the hanging walls down. restore(x, y, z) maps a
// present point to its pre-fault elevation, and everything (drillhole logs, seam picks, truth grids)
// derives from these two, so the data and the truth agree exactly.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "synth/plane_grid.h"
#include "synth/region.h"

namespace georeserve::synth {

inline constexpr int kTiefaSeams = 6;  // 12, 13, 14, 15, 16, 17

struct TiefaSeamSpec {
  const char* id;        // "12" ... "17"
  double mean, sd;       // thickness (m, vertical) before the calibration multiplier
  double range;          // exponential range of the thickness field (m)
  double presence;       // fraction of the field where the seam is present (it pinches out elsewhere)
  double below_mean, below_sd;  // interburden to the next seam's roof (or to the basal conglomerate)
  double ash_mean;       // Ad, %
  double sulfur_median;  // St,d, %
};
const std::array<TiefaSeamSpec, kTiefaSeams>& tiefa_seam_specs();

struct TiefaFault {
  std::string id;
  Point2 a, b;           // trace of the fault plane at reference_z, from a to b (EPSG:4529)
  double dip;            // degrees from horizontal
  double dip_azimuth;    // direction the plane dips towards (hanging wall side)
  double max_throw;      // m, at the middle of the trace, tapering to zero at its ends
  static constexpr double reference_z = -300.0;
};

enum class TiefaLith { cover, sandstone, siltstone, mudstone, marker, coal, burnt_coal, diabase, conglomerate, gneiss };
const char* tiefa_lith_code(TiefaLith l);
const char* tiefa_lith_chinese(TiefaLith l);

// Pre-fault column at one place (elevations in m; roof above floor).
struct TiefaColumn {
  double surface = 0, cover_base = 0;
  double marker_top = 0, marker_base = 0;
  std::array<double, kTiefaSeams> roof{}, floor{};  // seam roof/floor (floor = roof when absent)
  double parting_top = 0, parting_base = 0;         // seam 13 split: dirt parting inside it (equal when unsplit)
  double conglomerate_top = 0, basement_top = 0;
  bool burnt = false;                               // inside the burnt zone: seams 12-14 are natural coke
  double sill_top = 0, sill_base = 0;               // diabase sill (burnt zone only)
  // Coal thickness of seam i (without the parting), m.
  double coal(int i) const;
};

struct TiefaQuality {
  double ash, sulfur, cv, density;  // Ad %, St,d %, Qnet,ar MJ/kg, t/m3
};

class TiefaField {
 public:
  TiefaField(const Region& region, std::uint64_t seed);

  const Region& region() const { return region_; }
  // Local frame: s along the basin axis (azimuth 8), e across it (azimuth 98), origin at the field centre.
  Point2 to_local(double x, double y) const;
  Point2 to_world(double e, double s) const;

  void set_thickness_multiplier(double m) { multiplier_ = m; }
  double thickness_multiplier() const { return multiplier_; }

  TiefaColumn column(double x, double y) const;
  TiefaQuality quality(int seam, double x, double y) const;
  // Pre-fault elevation of the present point (x, y, z) whose column is col: hanging walls move back up.
  double restore(double x, double y, double z, const TiefaColumn& col) const;
  // Present-day vertical coal thickness of seam i at (x, y): the pre-fault coal column seen through the
  // faults (a fault plane crossing the seam cuts part of it out).
  double present_coal(int seam, double x, double y, const TiefaColumn& col) const;
  // Present elevation of the pre-fault elevation z0 at (x, y), or NaN where a fault has cut it out.
  double present_elevation(double x, double y, double z0) const;

  TiefaLith lithology(double x, double y, double z, const TiefaColumn& col) const;
  const std::vector<TiefaFault>& faults() const { return faults_; }
  const Ring& burnt_zone() const { return burnt_; }
  bool in_field(double x, double y) const { return region_.in_tiefa(x, y); }
  // The lattice of the tabulated fields (also the truth grid): nodes x0 + i*step, y0 + j*step.
  double lattice_x0() const { return x0_; }
  double lattice_y0() const { return y0_; }
  std::size_t lattice_nx() const { return nx_; }
  std::size_t lattice_ny() const { return ny_; }
  static constexpr double lattice_step = 100.0;

 private:
  struct Plane {
    double z;      // plane elevation at the point
    double throw_;
  };
  std::vector<Plane> planes_at(double x, double y) const;

  const Region& region_;
  Point2 centre_;
  double multiplier_ = 1.0;
  double x0_ = 0, y0_ = 0;
  std::size_t nx_ = 0, ny_ = 0;
  PlaneGrid ground_, cover_, marker_depth_, marker_thick_, gap12_, parting13_;
  std::array<PlaneGrid, kTiefaSeams> thick_, presence_, below_, ash_, sulfur_, qdaf_;
  std::vector<TiefaFault> faults_;
  Ring burnt_;
};

}  // namespace georeserve::synth
