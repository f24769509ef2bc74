// Coordinates of the bundled data: published longitudes/latitudes (CGCS2000, EPSG:4490) converted with
// PROJ to CGCS2000 3-degree Gauss-Kruger zone 41 with zone prefix (EPSG:4529: x east with the 41,500,000 m
// false easting, y north), plus planar polygon helpers (area, scaling to a published area).
#pragma once

#include <array>
#include <memory>
#include <vector>

namespace georeserve::synth {

inline constexpr int kGridEpsg = 4529;       // CGCS2000 / 3-degree Gauss-Kruger zone 41
inline constexpr int kGeographicEpsg = 4490;  // CGCS2000 geographic

using Point2 = std::array<double, 2>;
using Ring = std::vector<Point2>;  // closed implicitly (first point not repeated)

class LonLatToGrid {
 public:
  LonLatToGrid();  // ResourceError when PROJ cannot build the transformation (missing proj.db)
  ~LonLatToGrid();
  LonLatToGrid(const LonLatToGrid&) = delete;
  LonLatToGrid& operator=(const LonLatToGrid&) = delete;
  Point2 operator()(double lon, double lat) const;  // -> {x east, y north} in EPSG:4529
  Point2 inverse(double x, double y) const;           // -> {lon, lat}

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Planar (grid) area of a simple polygon, m^2, positive for either orientation.
double planar_area(const Ring& ring);
// Area-weighted centroid of a simple polygon.
Point2 centroid(const Ring& ring);
// Ellipsoidal area (m^2, CGCS2000 ellipsoid) of a polygon given in EPSG:4529 coordinates.
double ellipsoidal_area(const Ring& ring, const LonLatToGrid& proj);
// Scales the ring about its centroid so that its planar area is target_m2.
Ring scale_to_area(const Ring& ring, double target_m2);
// True when (x, y) lies inside the ring (even-odd rule).
bool point_in_ring(const Ring& ring, double x, double y);
// Rounds every coordinate to the millimetre (what the files carry).
Ring round_mm(Ring ring);

}  // namespace georeserve::synth
