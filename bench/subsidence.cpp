// Speed of the subsidence grid prediction (issue 7): 100 longwall panels on a 1000 x 1000 grid.
// Panels are 200 m x 1200 m at 400-800 m depth in a 10 x 10 layout over a 20 km x 20 km grid
// (20 m spacing). Three variants: axis-aligned rectangles (separable path), the same rectangles
// rotated 30 degrees (per-node erf path) and hexagonal outlines (exact polygon path); and the
// zones and contours derived from such a grid.
// Run: build-h5/bin/bench_subsidence --benchmark_filter=Grid   (add --threads via taskset/TBB as wished)
#include <benchmark/benchmark.h>

#include <cmath>

#include "subsidence/damage.h"
#include "subsidence/grid.h"
#include "geometry/contour.h"

namespace {

using georeserve::geometry::Point2;
using georeserve::geometry::Ring;
using namespace georeserve::subsidence;

enum class Shape { AxisAligned, Rotated, Hexagon };

std::vector<Panel> layout(Shape shape) {
  std::vector<Panel> panels;
  const double c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
  for (int a = 0; a < 10; ++a)
    for (int b = 0; b < 10; ++b) {
      const Point2 centre{1500.0 + 1800.0 * a, 1500.0 + 1800.0 * b};
      std::vector<Point2> local;
      if (shape == Shape::Hexagon)
        local = {{-100, -600}, {100, -600}, {160, 0}, {100, 600}, {-100, 600}, {-160, 0}};
      else
        local = {{-100, -600}, {100, -600}, {100, 600}, {-100, 600}};
      Ring ring;
      for (Point2 p : local)
        ring.push_back(shape == Shape::Rotated ? Point2{centre.x + c * p.x - s * p.y, centre.y + s * p.x + c * p.y}
                                               : Point2{centre.x + p.x, centre.y + p.y});
      Panel panel;
      panel.id = std::string("P").append(std::to_string(a * 10 + b));  // GCC 12: no false -Wrestrict
      panel.polygon = ring;
      panel.thickness = 2.0 + 0.02 * b;
      panel.depth = 400.0 + 40.0 * ((a + b) % 11);
      panels.push_back(panel);
    }
  return panels;
}

void run(benchmark::State& state, Shape shape) {
  Parameters p;
  p.s_ratio = 0.05;
  const SubsidenceModel model(layout(shape), p);
  const GridSpec spec{0.0, 0.0, 20.0, 20.0, 1000, 1000};
  double checksum = 0.0;
  for (auto _ : state) {
    const DeformationGrid g = predict_grid(model, spec);
    checksum = g.w[500 * 1000 + 500];
    benchmark::DoNotOptimize(checksum);
  }
  state.counters["nodes_per_s"] = benchmark::Counter(1e6, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Grid100AxisAlignedRectangles(benchmark::State& state) { run(state, Shape::AxisAligned); }
void BM_Grid100RotatedRectangles(benchmark::State& state) { run(state, Shape::Rotated); }
void BM_Grid100HexagonPanels(benchmark::State& state) { run(state, Shape::Hexagon); }

// Damage index, the five zone bands and the contour bands/lines of 10, 100, 500 and 1000 mm on the
// axis-aligned layout's grid (the work between the prediction and the files).
void BM_ZonesAndContours1000(benchmark::State& state) {
  Parameters p;
  p.s_ratio = 0.05;
  const SubsidenceModel model(layout(Shape::AxisAligned), p);
  const DeformationGrid g = predict_grid(model, GridSpec{0.0, 0.0, 20.0, 20.0, 1000, 1000});
  for (auto _ : state) {
    const std::vector<double> index = damage_index_field(g, DamageThresholds{});
    const DamageZones z = damage_zones(g, index);
    std::size_t parts = z.subsided.size();
    for (double level : {10.0, 100.0, 500.0, 1000.0}) {
      parts += georeserve::geometry::contour_band(g.view(g.w), level, INFINITY).size();
      parts += georeserve::geometry::contour_lines(g.view(g.w), level).size();
    }
    benchmark::DoNotOptimize(parts);
  }
}

BENCHMARK(BM_Grid100AxisAlignedRectangles)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_Grid100RotatedRectangles)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_Grid100HexagonPanels)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_ZonesAndContours1000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
