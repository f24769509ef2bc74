// Geography of the bundled data sets (see region.h). Positions other than Diaobingshan's are
// illustrative: the field's outline is a fault-bounded quadrilateral of the published size.
#include "synth/region.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "synth/random.h"

namespace georeserve::synth {
namespace {

FieldStructure gaussian(double sill, double range) {
  FieldStructure s;
  s.type = CovarianceType::gaussian;
  s.sill = sill;
  s.anisotropy.ranges = {range, range, range};
  return s;
}

double smoothstep(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

// The field's outline: a 17.4 x 29.5 km rectangle turned 8 degrees east of north, its sides broken
// at a few points (boundary faults are not straight), then scaled to exactly 513.5 km2.
Ring tiefa_outline(Point2 centre, std::uint64_t seed) {
  Rng rng(seed, "region/tiefa-outline");
  const double hw = RegionFacts::tiefa_ew_km * 500.0, hh = RegionFacts::tiefa_ns_km * 500.0;
  const double turn = 8.0 * M_PI / 180.0;
  // Local (across, along) points counter-clockwise from the south-west corner; three per side.
  std::vector<Point2> local;
  const Point2 corners[4] = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
  for (int side = 0; side < 4; ++side) {
    const Point2 a = corners[side], b = corners[(side + 1) % 4];
    for (int k = 0; k < 3; ++k) {
      const double t = k / 3.0;
      Point2 p{a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])};
      if (k > 0) {  // push the break points in or out along the side's normal
        const double nx = (b[1] - a[1]), ny = -(b[0] - a[0]);
        const double len = std::hypot(nx, ny);
        const double off = rng.uniform(-700.0, 700.0);
        p[0] += off * nx / len;
        p[1] += off * ny / len;
      }
      local.push_back(p);
    }
  }
  Ring ring;
  for (const Point2& p : local) {
    const double x = p[0] * std::cos(turn) + p[1] * std::sin(turn);
    const double y = -p[0] * std::sin(turn) + p[1] * std::cos(turn);
    ring.push_back({centre[0] + x, centre[1] + y});
  }
  return round_mm(scale_to_area(ring, RegionFacts::tiefa_area_km2 * 1e6));
}

}  // namespace

Region::Region(std::uint64_t seed, const LonLatToGrid& proj) {
  diaobingshan_ = proj(RegionFacts::diaobingshan_lon, RegionFacts::diaobingshan_lat);
  // Diaobingshan lies near the field's western edge; the field extends east towards Xiyingpan.
  const Point2 field_centre{diaobingshan_[0] + 7200.0, diaobingshan_[1] - 500.0};
  tiefa_ = tiefa_outline(field_centre, seed);
  // Qianyu on the basement margin west-north-west of Diaobingshan, outside the coal basin.
  qianyu_ = {std::round(diaobingshan_[0] - 5200.0), std::round(diaobingshan_[1] + 3800.0)};
  hills_start_x_ = tiefa_bbox()[2] + 1000.0;
  plain_ = SpectralField({gaussian(1.0, 4000.0)}, 2, seed, "region/plain", field_centre[0], field_centre[1], 0, 256);
  hills_ = SpectralField({gaussian(1.0, 1500.0)}, 2, seed, "region/hills", field_centre[0], field_centre[1], 0, 256);
}

std::array<double, 4> Region::tiefa_bbox() const {
  std::array<double, 4> b{tiefa_[0][0], tiefa_[0][1], tiefa_[0][0], tiefa_[0][1]};
  for (const Point2& p : tiefa_) {
    b[0] = std::min(b[0], p[0]);
    b[1] = std::min(b[1], p[1]);
    b[2] = std::max(b[2], p[0]);
    b[3] = std::max(b[3], p[1]);
  }
  return b;
}

double Region::combine(double x, double plain_value, double hills_value) const {
  // Plain: 65 m +- a few metres, squeezed smoothly into 60-70 m.
  const double mid = 0.5 * (RegionFacts::plain_low_m + RegionFacts::plain_high_m);
  const double half = 0.5 * (RegionFacts::plain_high_m - RegionFacts::plain_low_m) - 0.5;
  const double plain = mid + half * std::tanh(2.5 * plain_value / half);
  // Hills: rise over 7 km east of the field to about 250-350 m, with ridges and valleys.
  const double ramp = smoothstep((x - hills_start_x_) / 7000.0);
  if (ramp <= 0.0) return plain;
  return plain + ramp * (60.0 + 170.0 * ramp) * std::max(0.2, 1.0 + 0.35 * hills_value);
}

double Region::terrain(double x, double y) const { return combine(x, plain_(x, y), hills_(x, y)); }

void Region::terrain_row(double x0, double dx, std::size_t n, double y, double* out) const {
  std::vector<double> hills(n);
  plain_.evaluate_row(x0, dx, n, y, 0.0, out);
  hills_.evaluate_row(x0, dx, n, y, 0.0, hills.data());
  for (std::size_t i = 0; i < n; ++i) {
    const double x = x0 + static_cast<double>(i) * dx;
    out[i] = combine(x, out[i], hills[i]);
  }
}

RasterGrid Region::dem() const {
  const std::array<double, 4> b = tiefa_bbox();
  const double cell = RegionFacts::dem_cell_m;
  const double xmin = std::min(b[0], qianyu_[0] - 1500.0) - 2000.0;
  const double xmax = b[2] + 8000.0;
  const double ymin = b[1] - 2000.0;
  const double ymax = std::max(b[3], qianyu_[1] + 1500.0) + 2000.0;
  const double west = std::floor(xmin / 1000.0) * 1000.0, north = std::ceil(ymax / 1000.0) * 1000.0;
  const auto cols = static_cast<std::size_t>(std::ceil((xmax - west) / cell));
  const auto rows = static_cast<std::size_t>(std::ceil((north - ymin) / cell));
  RasterGrid g(cols, rows, west, north, cell, cell, kGridEpsg);
  std::vector<double> row(cols);
  for (std::size_t r = 0; r < rows; ++r) {
    terrain_row(g.x_center(0), cell, cols, g.y_center(r), row.data());
    for (std::size_t c = 0; c < cols; ++c) g.at(c, r) = static_cast<float>(std::round(row[c] * 100.0) / 100.0);
  }
  return g;
}

}  // namespace georeserve::synth
