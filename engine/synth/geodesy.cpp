// PROJ-based longitude/latitude conversion and planar polygon helpers (see geodesy.h).
#include "synth/geodesy.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <geodesic.h>
#include <proj.h>

#include "core/error.h"

namespace georeserve::synth {

struct LonLatToGrid::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  ~Impl() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

LonLatToGrid::LonLatToGrid() : impl_(std::make_unique<Impl>()) {
  impl_->ctx = proj_context_create();
  proj_log_level(impl_->ctx, PJ_LOG_NONE);
  const std::string from = "EPSG:" + std::to_string(kGeographicEpsg), to = "EPSG:" + std::to_string(kGridEpsg);
  PJ* raw = proj_create_crs_to_crs(impl_->ctx, from.c_str(), to.c_str(), nullptr);
  if (!raw) throw ResourceError("PROJ cannot transform " + from + " to " + to + " (is proj.db installed?)");
  // Axis order lon, lat -> easting, northing whatever the CRS definitions say.
  impl_->pj = proj_normalize_for_visualization(impl_->ctx, raw);
  proj_destroy(raw);
  if (!impl_->pj) throw ResourceError("PROJ cannot normalise the axis order of " + from + " -> " + to);
}

LonLatToGrid::~LonLatToGrid() = default;

Point2 LonLatToGrid::operator()(double lon, double lat) const {
  const PJ_COORD c = proj_trans(impl_->pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
  if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y))
    throw ResourceError("PROJ failed to convert " + std::to_string(lon) + ", " + std::to_string(lat));
  return {c.xy.x, c.xy.y};
}

Point2 LonLatToGrid::inverse(double x, double y) const {
  const PJ_COORD c = proj_trans(impl_->pj, PJ_INV, proj_coord(x, y, 0, 0));
  return {c.lp.lam, c.lp.phi};  // normalised: degrees lon, lat
}

double planar_area(const Ring& ring) {
  double twice = 0.0;
  const std::size_t n = ring.size();
  if (n < 3) return 0.0;
  // Relative to the first vertex: large projected coordinates would lose digits otherwise.
  const double x0 = ring[0][0], y0 = ring[0][1];
  for (std::size_t i = 0; i < n; ++i) {
    const Point2& a = ring[i];
    const Point2& b = ring[(i + 1) % n];
    twice += (a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0);
  }
  return std::abs(twice) / 2.0;
}

Point2 centroid(const Ring& ring) {
  const double x0 = ring[0][0], y0 = ring[0][1];
  double a2 = 0.0, cx = 0.0, cy = 0.0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const double ax = ring[i][0] - x0, ay = ring[i][1] - y0;
    const double bx = ring[(i + 1) % ring.size()][0] - x0, by = ring[(i + 1) % ring.size()][1] - y0;
    const double cross = ax * by - bx * ay;
    a2 += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  if (a2 == 0.0) return ring[0];
  return {x0 + cx / (3.0 * a2), y0 + cy / (3.0 * a2)};
}

double ellipsoidal_area(const Ring& ring, const LonLatToGrid& proj) {
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1.0 / 298.257222101);  // CGCS2000 ellipsoid
  geod_polygon p;
  geod_polygon_init(&p, 0);
  // Densify edges so that the geodesic between vertices follows the grid's straight edge.
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point2& a = ring[i];
    const Point2& b = ring[(i + 1) % ring.size()];
    const int steps = std::max(1, static_cast<int>(std::hypot(b[0] - a[0], b[1] - a[1]) / 500.0));
    for (int s = 0; s < steps; ++s) {
      const double t = static_cast<double>(s) / steps;
      const Point2 ll = proj.inverse(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]));
      geod_polygon_addpoint(&g, &p, ll[1], ll[0]);
    }
  }
  double area = 0.0, perimeter = 0.0;
  geod_polygon_compute(&g, &p, 0, 1, &area, &perimeter);
  return std::abs(area);
}

Ring scale_to_area(const Ring& ring, double target_m2) {
  const double a = planar_area(ring);
  if (!(a > 0.0)) return ring;
  const double f = std::sqrt(target_m2 / a);
  const Point2 c = centroid(ring);
  Ring out;
  out.reserve(ring.size());
  for (const Point2& p : ring) out.push_back({c[0] + (p[0] - c[0]) * f, c[1] + (p[1] - c[1]) * f});
  return out;
}

bool point_in_ring(const Ring& ring, double x, double y) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point2& a = ring[i];
    const Point2& b = ring[j];
    if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

Ring round_mm(Ring ring) {
  for (Point2& p : ring)
    for (double& v : p) v = std::round(v * 1000.0) / 1000.0;
  return ring;
}

}  // namespace georeserve::synth
