// The coal seam model of the Tiefa field (models/tiefa-coal.json, the bundled data): the project's
// largest job, 843 x 1249 nodes (0.82 million inside the field) x 6 seams, kriged coal presence and
// thickness at every node, roof (marker surface and isochore) and four qualities where there is coal.
//   BM_SeamModel/threads:     the kriged seam grids (stage "seams");
//   BM_CoalResources/threads: mineability, classes, block method, statements (stage "resources");
//   BM_CoalRun/threads:       the whole `georeserve run models/tiefa-coal.json`, report and exports included.
// Counters: nodes = field nodes x seams; estimates = kriging estimates made; per second of real time.
// Run: build/bin/bench_seam --benchmark_filter=SeamModel   (one line per thread count)
#include <benchmark/benchmark.h>

#include <filesystem>

#include <tbb/global_control.h>

#include "pipeline/coal_context.h"
#include "pipeline/coal_run.h"

using namespace georeserve;
namespace fs = std::filesystem;

namespace {

const CoalModel& model() {
  static const CoalModel m = CoalModel::load(fs::path(GEORESERVE_SOURCE_DIR) / "models" / "tiefa-coal.json");
  return m;
}

CoalContext& loaded() {
  static CoalContext c = [] {
    const auto out = fs::temp_directory_path() / "georeserve_bench_seam";
    fs::create_directories(out);
    CoalContext ctx(model(), out);
    coal_stage_load(ctx);
    return ctx;
  }();
  return c;
}

std::size_t field_nodes(const CoalContext& c) {
  std::size_t n = 0;
  for (auto v : c.inputs.inside) n += v;
  return n * c.inputs.seams.size();
}

void BM_SeamModel(benchmark::State& state) {
  auto& c = loaded();
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(state.range(0)));
  std::size_t estimates = 0;
  for (auto _ : state) {
    const auto m = seam::build_seam_model(c.inputs, model().grid);
    estimates = 0;
    // Thickness at every field node (indicator method: presence and thickness, two runs), then roof
    // (marker residual and isochore: two runs) and four qualities where there is coal.
    const std::size_t thickness_runs = model().grid.thickness_method == seam::ThicknessMethod::indicator ? 2 : 1;
    const std::size_t roof_runs = c.inputs.marker_z.empty() ? 1 : 2;
    for (const auto& s : m.seams)
      estimates += thickness_runs * field_nodes(c) / c.inputs.seams.size() + (roof_runs + 4) * s.coal_nodes;
    benchmark::DoNotOptimize(m.seams.size());
  }
  state.counters["nodes"] = static_cast<double>(field_nodes(c));
  state.counters["estimates"] = static_cast<double>(estimates);
  state.counters["estimates_per_s"] =
      benchmark::Counter(static_cast<double>(estimates), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_CoalResources(benchmark::State& state) {
  auto& c = loaded();
  if (c.seams.seams.empty()) coal_stage_seams(c);
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) coal_stage_resources(c);
  state.counters["nodes"] = static_cast<double>(field_nodes(c));
}

void BM_CoalRun(benchmark::State& state) {
  const tbb::global_control threads(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(state.range(0)));
  RunOptions o;
  o.out = fs::temp_directory_path() / "georeserve_bench_seam_run";
  for (auto _ : state) benchmark::DoNotOptimize(run_coal_model(model(), o).resource_tonnes);
}

}  // namespace

BENCHMARK(BM_SeamModel)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_CoalResources)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_CoalRun)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

BENCHMARK_MAIN();
