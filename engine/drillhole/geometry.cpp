// 3D from/to/mid points of intervals, hole by hole with sorted (linear-time) trace queries.
#include "drillhole/geometry.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "core/error.h"
#include "drillhole/large_array.h"

namespace georeserve::drillhole {

IntervalGeometry interval_geometry(const IntervalTable& table, std::span<const HoleTrace> traces) {
  const std::size_t n = table.row_count();
  IntervalGeometry g;
  resize_large(g.from, n);
  resize_large(g.to, n);
  resize_large(g.mid, n);
  if (table.hole_count() != traces.size())
    throw Error("interval_geometry: table '" + table.name() + "' is not finalized for " +
                std::to_string(traces.size()) + " holes");
  const std::span<const double> from(table.from_column()), to(table.to_column());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, traces.size(), 64), [&](const auto& r) {
    std::vector<double> mid;
    for (std::size_t h = r.begin(); h != r.end(); ++h) {
      const auto b = table.hole_begin(static_cast<HoleIndex>(h)), e = table.hole_end(static_cast<HoleIndex>(h));
      if (b == e) continue;
      const auto& trace = traces[h];
      trace.positions_at(from.subspan(b, e - b), std::span(g.from).subspan(b, e - b));
      trace.positions_at(to.subspan(b, e - b), std::span(g.to).subspan(b, e - b));
      mid.resize(e - b);
      for (std::size_t i = b; i < e; ++i) mid[i - b] = 0.5 * (from[i] + to[i]);
      trace.positions_at(mid, std::span(g.mid).subspan(b, e - b));
    }
  });
  return g;
}

}  // namespace georeserve::drillhole
