// Variogram map sums over the pair scanner (see variogram_map.h).
#include "geostat/variogram_map.h"

#include <algorithm>
#include <cmath>
#include <ostream>

#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"
#include "io/csv.h"
#include "geostat/variography_pairs.h"

namespace georeserve {
namespace {

struct MapSums {
  std::vector<std::uint64_t> n;
  std::vector<double> g;
  explicit MapSums(std::size_t cells = 0) : n(cells, 0), g(cells, 0.0) {}
  void merge(const MapSums& o) {
    for (std::size_t k = 0; k < n.size(); ++k) {
      n[k] += o.n[k];
      g[k] += o.g[k];
    }
  }
};

}  // namespace

VariogramMap compute_variogram_map(const VariogramSamples& samples, const VariogramMapOptions& o,
                                   ProgressSink* progress) {
  samples.check_consistent();
  if (!(o.cell_x > 0) || !(o.cell_y > 0) || !std::isfinite(o.cell_x) || !std::isfinite(o.cell_y))
    throw Error("variogram map: cell sizes must be positive");
  if (o.half_x < 1 || o.half_y < 1 || o.half_x > 2000 || o.half_y > 2000)
    throw Error("variogram map: cells on each side must be between 1 and 2000");
  if (!(o.max_dz >= 0)) throw Error("variogram map: max_dz must not be negative");
  if (samples.size() < 2) throw Error("variogram map: at least two samples are needed");

  VariogramMap map;
  map.cell_x = o.cell_x;
  map.cell_y = o.cell_y;
  map.half_x = o.half_x;
  map.half_y = o.half_y;
  const std::size_t cells = static_cast<std::size_t>(map.columns()) * static_cast<std::size_t>(map.rows());

  const double rx = (o.half_x + 0.5) * o.cell_x, ry = (o.half_y + 0.5) * o.cell_y;
  double dz = o.max_dz;
  if (!std::isfinite(dz)) {  // every vertical separation: reach over the whole z extent
    dz = 0;
    if (!samples.z.empty()) {
      const auto [lo, hi] = std::minmax_element(samples.z.begin(), samples.z.end());
      dz = *hi - *lo;
    }
  }
  const double radius = std::sqrt(rx * rx + ry * ry + dz * dz);

  const variography_detail::PairScanner scanner(samples, radius, o.pairs);
  const auto& v = scanner.value();
  ProgressTask task(progress, "variogram map", scanner.size());
  const int hx = o.half_x, hy = o.half_y, cols = map.columns();
  const MapSums sums = scanner.reduce(
      MapSums(cells),
      [&](MapSums& acc, std::size_t i, std::size_t j, double px, double py, double pz, double) {
        if (std::abs(pz) > o.max_dz) return;
        // Rounding halves away from zero keeps the map exactly symmetric: -v falls in the mirror cell.
        const double fx = std::round(px / o.cell_x), fy = std::round(py / o.cell_y);
        if (std::abs(fx) > hx || std::abs(fy) > hy) return;
        const int cx = static_cast<int>(fx), cy = static_cast<int>(fy);
        const double diff = v[i] - v[j];
        const std::size_t a = static_cast<std::size_t>((cy + hy) * cols + (cx + hx));
        const std::size_t b = static_cast<std::size_t>((-cy + hy) * cols + (-cx + hx));
        acc.n[a] += 1;
        acc.g[a] += diff * diff;
        if (b != a) {
          acc.n[b] += 1;
          acc.g[b] += diff * diff;
        }
      },
      &task);
  map.pairs = sums.n;
  map.gamma.resize(cells);
  for (std::size_t k = 0; k < cells; ++k)
    map.gamma[k] = sums.n[k] ? sums.g[k] / (2.0 * static_cast<double>(sums.n[k])) : std::nan("");
  return map;
}

void write_variogram_map_csv(std::ostream& out, const VariogramMap& map) {
  CsvWriter w(out);
  w.row({"dx", "dy", "pairs", "gamma"});
  for (int r = 0; r < map.rows(); ++r)
    for (int c = 0; c < map.columns(); ++c) {
      const std::size_t k = map.index(c, r);
      w.field(format_double(map.dx(c))).field(format_double(map.dy(r)));
      w.integer(static_cast<long long>(map.pairs[k]));
      w.field(map.pairs[k] ? format_double(map.gamma[k]) : "");
      w.end_row();
    }
}

}  // namespace georeserve
