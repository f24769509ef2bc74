// Experimental variogram speed on 100,000 3D samples (the brief's figure), 1 and 2 threads:
//  - drillholes: 1,000 vertical-ish holes on a 2 x 2 km area, 100 composites of 2 m each;
//  - uniform: 100,000 points scattered in a 1,000 x 1,000 x 200 m box.
// Six variograms at once (omnidirectional, four horizontal directions, down-hole), cutoff 300 m in
// 15 lags; plus a 41 x 41 variogram map. Counters: pairs within the cutoff per second.
// Run: build/bin/bench_variogram   (one line per case)
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include <tbb/global_control.h>

#include "geostat/experimental_variogram.h"
#include "geostat/variogram_map.h"

using namespace georeserve;

namespace {

VariogramSamples drillholes() {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  std::normal_distribution<double> noise(0, 0.5);
  VariogramSamples s;
  s.dimension = 3;
  for (int h = 0; h < 1000; ++h) {
    const double x0 = 41500000 + 2000 * u(rng), y0 = 4680000 + 2000 * u(rng), z0 = 60;
    const double dx = 0.05 * (u(rng) - 0.5), dy = 0.05 * (u(rng) - 0.5);  // a slight deviation
    for (int k = 0; k < 100; ++k) {
      const double depth = 1 + 2 * k;
      s.x.push_back(x0 + dx * depth);
      s.y.push_back(y0 + dy * depth);
      s.z.push_back(z0 - depth);
      s.value.push_back(std::sin(s.x.back() / 150) + std::cos(s.y.back() / 90) + 0.01 * depth + noise(rng));
      s.hole.push_back(h);
    }
  }
  return s;
}

VariogramSamples uniform() {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  VariogramSamples s;
  s.dimension = 3;
  for (int i = 0; i < 100000; ++i) {
    s.x.push_back(1000 * u(rng));
    s.y.push_back(1000 * u(rng));
    s.z.push_back(-200 * u(rng));
    s.value.push_back(std::sin(s.x.back() / 100) + u(rng));
  }
  return s;
}

ExperimentalVariogramOptions six_directions() {
  ExperimentalVariogramOptions o;
  o.lags = LagDefinition::cutoff_width(20, 300);
  auto d = [](std::string name, double az, double tol, double dip, double dip_tol) {
    VariogramDirection v;
    v.name = std::move(name);
    v.azimuth = az;
    v.tolerance = tol;
    v.dip = dip;
    v.dip_tolerance = dip_tol;
    return v;
  };
  o.directions = {d("omni", 0, 90, 0, 90), d("N", 0, 22.5, 0, 10), d("NE", 45, 22.5, 0, 10),
                  d("E", 90, 22.5, 0, 10), d("SE", 135, 22.5, 0, 10), d("down", 0, 90, -90, 15)};
  return o;
}

std::uint64_t pairs_within_cutoff(const VariogramSamples& s) {
  ExperimentalVariogramOptions o = six_directions();
  o.directions.resize(1);
  return compute_experimental_variograms(s, o).front().total_pairs();
}

void run(benchmark::State& state, const VariogramSamples& s) {
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(state.range(0)));
  static const std::uint64_t pairs = pairs_within_cutoff(s);
  const auto o = six_directions();
  for (auto _ : state) benchmark::DoNotOptimize(compute_experimental_variograms(s, o));
  state.counters["pairs"] = static_cast<double>(pairs);
  state.counters["pairs_per_s"] =
      benchmark::Counter(static_cast<double>(pairs), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_VariogramDrillholes100k(benchmark::State& state) {
  static const VariogramSamples s = drillholes();
  run(state, s);
}

void BM_VariogramUniform100k(benchmark::State& state) {
  static const VariogramSamples s = uniform();
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(state.range(0)));
  const auto o = six_directions();
  for (auto _ : state) benchmark::DoNotOptimize(compute_experimental_variograms(s, o));
}

void BM_VariogramMapDrillholes100k(benchmark::State& state) {
  static const VariogramSamples s = drillholes();
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(state.range(0)));
  VariogramMapOptions o;
  o.cell_x = o.cell_y = 15;
  o.half_x = o.half_y = 20;
  o.max_dz = 10;
  for (auto _ : state) benchmark::DoNotOptimize(compute_variogram_map(s, o));
}

}  // namespace

BENCHMARK(BM_VariogramDrillholes100k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_VariogramUniform100k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_VariogramMapDrillholes100k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
