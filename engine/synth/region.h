// The shared geography of the bundled data: anchor places converted from longitude/latitude, the Tiefa
// coal field boundary (513.5 km2), the position of the Qianyu deposit, and the terrain (plain at
// 60-70 m in the west, hills rising in the east; heights Yellow Sea 1985) with its DEM raster.
#pragma once

#include <cstdint>

#include "formats/raster.h"
#include "synth/geodesy.h"
#include "synth/spectral_field.h"

namespace georeserve::synth {

// Published and assumed facts the geography is calibrated to (see assets/README.md).
struct RegionFacts {
  static constexpr double diaobingshan_lon = 123.55, diaobingshan_lat = 42.47;  // DESIGN.md section 2
  static constexpr double tiefa_area_km2 = 513.5;     // DESIGN.md section 5
  static constexpr double tiefa_ew_km = 17.4, tiefa_ns_km = 29.5;
  static constexpr double plain_low_m = 60.0, plain_high_m = 70.0;
  static constexpr double dem_cell_m = 50.0;
};

class Region {
 public:
  Region(std::uint64_t seed, const LonLatToGrid& proj);

  Point2 diaobingshan() const { return diaobingshan_; }
  Point2 qianyu_centre() const { return qianyu_; }
  const Ring& tiefa_boundary() const { return tiefa_; }  // planar area 513.5 km2, counter-clockwise
  bool in_tiefa(double x, double y) const { return point_in_ring(tiefa_, x, y); }
  // Bounding box of the Tiefa field: {xmin, ymin, xmax, ymax}.
  std::array<double, 4> tiefa_bbox() const;

  // Ground elevation (m, Yellow Sea 1985) at (x, y).
  double terrain(double x, double y) const;
  // Terrain at (x0 + i * dx, y), i < n: the same values, computed a row at a time (much faster).
  void terrain_row(double x0, double dx, std::size_t n, double y, double* out) const;
  // The DEM: terrain at cell centres on a 50 m grid covering the Tiefa field and Qianyu, rounded to cm.
  RasterGrid dem() const;

 private:
  Point2 diaobingshan_{}, qianyu_{};
  Ring tiefa_;
  double hills_start_x_ = 0;  // where the eastern hills begin
  SpectralField plain_, hills_;
  double combine(double x, double plain_value, double hills_value) const;
};

}  // namespace georeserve::synth
