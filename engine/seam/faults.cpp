// Faults, fault lines at a seam's elevation, fault blocks and fault gaps (faults.h).
#include "seam/faults.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/error.h"
#include "core/text.h"
#include "geometry/polygon.h"
#include "geometry/validity.h"
#include "scene/geojson.h"

namespace georeserve::seam {

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

geometry::Point2 dip_direction(double azimuth_deg) {
  return {std::sin(azimuth_deg * kDeg), std::cos(azimuth_deg * kDeg)};
}

// Parameter t along [p, p + r] where it meets [a, b] (t >= 0), or infinity.
double ray_hit(geometry::Point2 p, geometry::Point2 r, geometry::Point2 a, geometry::Point2 b) {
  const geometry::Point2 s = b - a;
  const double den = geometry::cross(r, s);
  if (std::abs(den) < 1e-12) return std::numeric_limits<double>::infinity();
  const geometry::Point2 q = a - p;
  const double t = geometry::cross(q, s) / den;
  const double u = geometry::cross(q, r) / den;
  if (t > 1e-9 && u >= 0 && u <= 1) return t;
  return std::numeric_limits<double>::infinity();
}

double number_property(const scene::Feature& f, const std::string& key, const std::string& file, std::size_t index,
                       bool required, double fallback) {
  const auto text = f.property(key);
  if (text.empty()) {
    if (!required) return fallback;
    throw InputError(file, 0, "features[" + std::to_string(index) + "].properties." + key,
                     "fault '" + f.label("id") + "' needs a number here");
  }
  const auto v = parse_double(text);
  if (!v)
    throw InputError(file, 0, "features[" + std::to_string(index) + "].properties." + key,
                     "'" + text + "' is not a number");
  return *v;
}

}  // namespace

geometry::Polyline Fault::line_at(double z) const {
  if (zone || !(dip_deg > 0) || dip_deg >= 90) return trace;
  const double shift = (trace_z - z) / std::tan(dip_deg * kDeg);
  const auto d = dip_direction(dip_azimuth_deg);
  geometry::Polyline out = trace;
  for (auto& p : out) p = p + shift * d;
  return out;
}

std::vector<Fault> read_faults(const std::filesystem::path& path, int target_epsg) {
  const auto fc = scene::read_geojson(path, target_epsg);
  std::vector<Fault> out;
  const std::string file = path.string();
  for (std::size_t i = 0; i < fc.features.size(); ++i) {
    const auto& f = fc.features[i];
    const std::string id = f.label("id").empty() ? "feature " + std::to_string(i + 1) : f.label("id");
    for (const auto& line : f.lines) {
      if (line.size() < 2)
        throw InputError(file, 0, "features[" + std::to_string(i) + "].geometry", "fault '" + id + "' has fewer than 2 points");
      Fault ft;
      ft.id = id;
      ft.trace = line;
      ft.dip_deg = number_property(f, "dip_deg", file, i, true, 0);
      ft.dip_azimuth_deg = number_property(f, "dip_azimuth_deg", file, i, true, 0);
      ft.max_throw = number_property(f, "max_throw_m", file, i, true, 0);
      ft.trace_z = number_property(f, "trace_z_m", file, i, false, 0);
      if (!(ft.dip_deg > 0 && ft.dip_deg <= 90))
        throw InputError(file, 0, "features[" + std::to_string(i) + "].properties.dip_deg",
                         "fault '" + id + "': dip " + format_double(ft.dip_deg) + " is outside (0, 90]");
      out.push_back(std::move(ft));
    }
    for (const auto& poly : f.polygons) {
      if (auto problem = geometry::polygon_problem(poly))
        throw InputError(file, 0, "features[" + std::to_string(i) + "].geometry", "fault zone '" + id + "' " + *problem);
      Fault ft;
      ft.id = id;
      ft.zone = true;
      ft.trace = poly.outer;
      ft.trace.push_back(poly.outer.front());
      out.push_back(std::move(ft));
    }
  }
  return out;
}

std::vector<geometry::Polyline> extend_to_barriers(const std::vector<geometry::Polyline>& lines,
                                                   const geometry::Ring& outline, double max_extension) {
  std::vector<geometry::Polyline> out;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const auto& line = lines[l];
    if (line.size() < 2 || line.front() == line.back()) {  // closed zones are not extended
      out.push_back(line);
      continue;
    }
    auto extend = [&](geometry::Point2 end, geometry::Point2 before) {
      geometry::Point2 r = end - before;
      const double len = geometry::norm(r);
      if (!(len > 0)) return end;
      r = (1.0 / len) * r;
      double t = max_extension;
      for (std::size_t i = 0; i < outline.size(); ++i)
        t = std::min(t, ray_hit(end, r, outline[i], outline[(i + 1) % outline.size()]));
      for (std::size_t o = 0; o < lines.size(); ++o)
        if (o != l)
          for (std::size_t i = 0; i + 1 < lines[o].size(); ++i) t = std::min(t, ray_hit(end, r, lines[o][i], lines[o][i + 1]));
      // A little past the hit so that the line really meets the other barrier.
      return end + (t + 1.0) * r;
    };
    geometry::Polyline e;
    e.push_back(extend(line.front(), line[1]));
    e.insert(e.end(), line.begin(), line.end());
    e.push_back(extend(line.back(), line[line.size() - 2]));
    out.push_back(std::move(e));
  }
  return out;
}

FaultBlocks::FaultBlocks(const NodeGrid& grid, const std::vector<std::uint8_t>& inside,
                         const std::vector<geometry::Polyline>& barriers)
    : grid_(grid), barriers_(barriers), label_(grid.size(), -1) {
  const std::size_t nx = grid.nx, ny = grid.ny;
  std::vector<std::uint8_t> h_blocked(grid.size(), 0), v_blocked(grid.size(), 0);
  for (const auto& line : barriers_)
    for (std::size_t s = 0; s + 1 < line.size(); ++s) {
      const auto a = line[s], b = line[s + 1];
      auto lo_i = [&](double v, double o, double d) { return static_cast<long>(std::floor((v - o) / d)) - 1; };
      const long i0 = std::max(0L, lo_i(std::min(a.x, b.x), grid.x0, grid.dx));
      const long i1 = std::min(static_cast<long>(nx) - 1, lo_i(std::max(a.x, b.x), grid.x0, grid.dx) + 3);
      const long j0 = std::max(0L, lo_i(std::min(a.y, b.y), grid.y0, grid.dy));
      const long j1 = std::min(static_cast<long>(ny) - 1, lo_i(std::max(a.y, b.y), grid.y0, grid.dy) + 3);
      // Only the cells near the segment: walk rows, and in each row the columns the segment spans.
      for (long j = j0; j <= j1; ++j)
        for (long i = i0; i <= i1; ++i) {
          const auto k = grid.index(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
          const auto p = grid.node(k);
          if (geometry::distance_to_segment(p, a, b) > 2 * (grid.dx + grid.dy)) continue;
          if (i + 1 < static_cast<long>(nx) && geometry::segments_touch(p, {p.x + grid.dx, p.y}, a, b)) h_blocked[k] = 1;
          if (j + 1 < static_cast<long>(ny) && geometry::segments_touch(p, {p.x, p.y + grid.dy}, a, b)) v_blocked[k] = 1;
        }
    }
  std::vector<std::size_t> stack;
  for (std::size_t start = 0; start < grid.size(); ++start) {
    if (!inside[start] || label_[start] >= 0) continue;
    const int id = count_++;
    sizes_.push_back(0);
    label_[start] = id;
    stack.push_back(start);
    while (!stack.empty()) {
      const auto k = stack.back();
      stack.pop_back();
      ++sizes_.back();
      const std::size_t i = k % nx, j = k / nx;
      auto visit = [&](std::size_t n, bool blocked) {
        if (!blocked && inside[n] && label_[n] < 0) {
          label_[n] = id;
          stack.push_back(n);
        }
      };
      if (i + 1 < nx) visit(k + 1, h_blocked[k]);
      if (i > 0) visit(k - 1, h_blocked[k - 1]);
      if (j + 1 < ny) visit(k + nx, v_blocked[k]);
      if (j > 0) visit(k - nx, v_blocked[k - nx]);
    }
  }
}

bool FaultBlocks::crosses(geometry::Point2 a, geometry::Point2 b) const {
  for (const auto& line : barriers_)
    for (std::size_t s = 0; s + 1 < line.size(); ++s)
      if (geometry::segments_touch(a, b, line[s], line[s + 1])) return true;
  return false;
}

int FaultBlocks::block_of(geometry::Point2 p) const {
  if (label_.empty()) return -1;
  // The nodes around p, nearest first.
  const double fi = (p.x - grid_.x0) / grid_.dx, fj = (p.y - grid_.y0) / grid_.dy;
  std::vector<std::pair<double, std::size_t>> near;
  for (long dj = -1; dj <= 2; ++dj)
    for (long di = -1; di <= 2; ++di) {
      const long i = static_cast<long>(std::floor(fi)) + di, j = static_cast<long>(std::floor(fj)) + dj;
      if (i < 0 || j < 0 || i >= static_cast<long>(grid_.nx) || j >= static_cast<long>(grid_.ny)) continue;
      const auto k = grid_.index(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
      if (label_[k] < 0) continue;
      near.push_back({geometry::norm(grid_.node(k) - p), k});
    }
  std::sort(near.begin(), near.end());
  for (const auto& [d, k] : near)
    if (!crosses(p, grid_.node(k))) return label_[k];
  return near.empty() ? -1 : label_[near.front().second];
}

std::vector<std::uint8_t> fault_gap_mask(const NodeGrid& grid, const std::vector<Fault>& faults, double z) {
  std::vector<std::uint8_t> mask(grid.size(), 0);
  for (const auto& f : faults) {
    if (f.zone) {
      geometry::Polygon poly;
      poly.outer = geometry::ring_from_closed_coordinates(f.trace);
      const auto box = geometry::bounding_box(poly);
      for (std::size_t k = 0; k < grid.size(); ++k)
        if (box.contains(grid.node(k)) && geometry::contains(poly, grid.node(k))) mask[k] = 1;
      continue;
    }
    if (!(f.max_throw > 0) || f.dip_deg >= 90) continue;
    const auto line = f.line_at(z);
    const auto dip = dip_direction(f.dip_azimuth_deg);
    const double max_heave = f.max_throw / std::tan(f.dip_deg * kDeg);
    std::vector<double> cum(1, 0.0);
    for (std::size_t s = 0; s + 1 < line.size(); ++s) cum.push_back(cum.back() + geometry::norm(line[s + 1] - line[s]));
    const double total = cum.back();
    geometry::BoundingBox box;
    for (auto p : line) box.add(p);
    box = box.expanded(max_heave + grid.dx);
    for (std::size_t k = 0; k < grid.size(); ++k) {
      const auto p = grid.node(k);
      if (!box.contains(p)) continue;
      // Nearest point of the line, its arc length, and the offset down-dip.
      double best = std::numeric_limits<double>::infinity(), arc = 0, along_dip = 0;
      bool interior = false;
      for (std::size_t s = 0; s + 1 < line.size(); ++s) {
        const auto a = line[s], d = line[s + 1] - a;
        const double len2 = geometry::dot(d, d);
        double t = len2 > 0 ? geometry::dot(p - a, d) / len2 : 0;
        const bool in = t >= 0 && t <= 1;
        t = std::clamp(t, 0.0, 1.0);
        const auto foot = a + t * d;
        const double dist = geometry::norm(p - foot);
        if (dist < best) {
          best = dist;
          arc = cum[s] + t * std::sqrt(len2);
          along_dip = geometry::dot(p - foot, dip);
          interior = in;
        }
      }
      if (!interior || total <= 0) continue;
      const double u = 2 * arc / total - 1;
      const double heave = f.throw_at(u) / std::tan(f.dip_deg * kDeg);
      if (along_dip >= 0 && along_dip < heave) mask[k] = 1;
    }
  }
  return mask;
}

}  // namespace georeserve::seam
