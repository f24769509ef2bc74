// Google Benchmark companion of bench/krige_vs_gstat (the script that compares with R gstat): the same
// two jobs made in memory, timed in parts, with 1 and 2 threads.
//   Krige3D    100,000 block centres, 200,000 samples along 2,000 drillholes, 30 nearest by anisotropic
//              distance, ordinary point kriging (the 3D job)
//   Krige2D    78,000 grid nodes, 10,000 samples, 24 nearest
//   Search3D   the neighbour search of Krige3D alone
//   Block3D    Krige3D as block kriging, 4 x 4 x 2 discretisation
// Counters: targets/s (items_per_second) and the fractions of targets whose kriging system was
// updated from the previous target's, or reused unchanged.
// Run: build/bin/bench_krige_vs_gstat --benchmark_filter=Krige3D
#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <random>

#include <tbb/global_control.h>

#include "geostat/estimation.h"

using namespace georeserve;

namespace {

struct Job {
  KrigingSamples samples;
  KrigingTargets targets;
  VariogramModel model;
  EstimationOptions options;
};

VariogramModel spherical(double nugget, double sill, std::array<double, 3> ranges, std::array<double, 3> angles) {
  VariogramModel m;
  m.nugget = nugget;
  VariogramStructure s;
  s.type = StructureType::spherical;
  s.sill = sill;
  s.anisotropy.ranges = ranges;
  s.anisotropy.angles = angles;
  m.structures.push_back(s);
  return m;
}

const Job& job3d() {
  static const Job job = [] {
    Job j;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1000), az(0, 2 * std::numbers::pi), dip(60, 90);
    std::normal_distribution<double> noise(0, 0.45);
    j.samples.dimension = 3;
    for (int h = 0; h < 2000; ++h) {
      const double cx = u(rng), cy = u(rng), a = az(rng), d = dip(rng) * std::numbers::pi / 180;
      j.samples.hole_names.push_back(std::string("H").append(std::to_string(h)));  // GCC 12: no false -Wrestrict
      for (int k = 0; k < 100; ++k) {
        const double s = (k + 0.5) * 2;
        const double x = cx + s * std::cos(d) * std::sin(a), y = cy + s * std::cos(d) * std::cos(a), z = -s * std::sin(d);
        j.samples.x.push_back(x);
        j.samples.y.push_back(y);
        j.samples.z.push_back(z);
        j.samples.value.push_back(2 + std::sin(x / 120 + y / 300) + std::cos(z / 40) + noise(rng));
        j.samples.hole.push_back(h);
      }
    }
    for (int k = 0; k < 40; ++k)
      for (int jy = 0; jy < 50; ++jy)
        for (int i = 0; i < 50; ++i) {
          j.targets.x.push_back((i + 0.5) * 20);
          j.targets.y.push_back((jy + 0.5) * 20);
          j.targets.z.push_back(-(k + 0.5) * 5);
        }
    j.model = spherical(0.2, 1.0, {150, 80, 20}, {30, -10, 0});
    SearchPass p;
    p.max_samples = 30;
    p.ellipsoid = true;
    p.shape.ranges = {1200, 640, 160};
    p.shape.angles = {30, -10, 0};
    j.options.search.passes.push_back(p);
    return j;
  }();
  return job;
}

const Job& job2d() {
  static const Job job = [] {
    Job j;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> ux(0, 3000), uy(0, 2600);
    std::normal_distribution<double> noise(0, 0.6);
    for (int i = 0; i < 10000; ++i) {
      const double x = ux(rng), y = uy(rng);
      j.samples.x.push_back(x);
      j.samples.y.push_back(y);
      j.samples.z.push_back(0);
      j.samples.value.push_back(10 + 2 * std::sin(x / 400) + 1.5 * std::cos(y / 300) + noise(rng));
    }
    for (int jy = 0; jy < 260; ++jy)
      for (int i = 0; i < 300; ++i) {
        j.targets.x.push_back((i + 0.5) * 10);
        j.targets.y.push_back((jy + 0.5) * 10);
        j.targets.z.push_back(0);
      }
    j.model = spherical(0.3, 3.2, {600, 300, 600}, {30, 0, 0});
    SearchPass p;
    p.max_samples = 24;
    j.options.search.passes.push_back(p);
    return j;
  }();
  return job;
}

void run_krige(benchmark::State& state, const Job& job, const EstimationOptions& options) {
  tbb::global_control threads(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(state.range(0)));
  const Estimator estimator(job.samples, &job.model, options);
  for (auto _ : state) {  // into fresh memory each time, as `georeserve krige` does
    EstimateBuffer out(job.targets.size());
    estimator.estimate_into(job.targets, out.span());
    benchmark::DoNotOptimize(out.span().data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * job.targets.size()));
  const double total =
      static_cast<double>(estimator.last_factorisations() + estimator.last_updates() + estimator.last_reuses());
  state.counters["updated"] = total > 0 ? static_cast<double>(estimator.last_updates()) / total : 0.0;
  state.counters["reused"] = total > 0 ? static_cast<double>(estimator.last_reuses()) / total : 0.0;
}

void Krige3D(benchmark::State& state) { run_krige(state, job3d(), job3d().options); }
void Krige2D(benchmark::State& state) { run_krige(state, job2d(), job2d().options); }
void Block3D(benchmark::State& state) {
  EstimationOptions o = job3d().options;
  o.block = BlockSupport{{20, 20, 5}, {4, 4, 2}};
  run_krige(state, job3d(), o);
}

void Search3D(benchmark::State& state) {
  const Job& job = job3d();
  std::vector<double> xyz;
  for (std::size_t i = 0; i < job.samples.size(); ++i)
    for (const auto* axis : {&job.samples.x, &job.samples.y, &job.samples.z}) xyz.push_back((*axis)[i] - 500.0);
  const NeighbourSearch search(job.options.search, xyz, job.samples.hole);
  auto ws = search.make_workspace();
  std::size_t total = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < job.targets.size(); ++i) {
      const double t[3] = {job.targets.x[i] - 500.0, job.targets.y[i] - 500.0, job.targets.z[i] - 500.0};
      total += search.select(t, {}, ws).count;
    }
  }
  benchmark::DoNotOptimize(total);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * job.targets.size()));
}

}  // namespace

BENCHMARK(Krige3D)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(Krige2D)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(Block3D)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(Search3D)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

BENCHMARK_MAIN();
