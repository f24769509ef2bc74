// Drillhole benchmark: 10,000 holes with 30 survey stations and 100 intervals each (1M intervals),
// generated in code. Desurvey (minimum curvature), interval geometry and compositing, apart and all
// together (the figure that counts: aim under one second on 2 cores); plus reading the same tables
// from CSV text, for scale.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>
#include <random>
#include <sstream>

#include "drillhole/composite.h"
#include "drillhole/desurvey.h"
#include "drillhole/geometry.h"
#include "drillhole/reader.h"
#include "io/csv.h"

using namespace georeserve;
using namespace georeserve::drillhole;

namespace {

constexpr int kHoles = 10000, kStations = 30, kIntervals = 100;

// Holes on a 50 m grid, 300 m deep, curving gently (random walk of azimuth and dip); intervals
// of 2.4-3.6 m with a lithology that changes every few intervals, a grade with 5 % missing values
// and a density.
const DrillholeDatabase& data() {
  static const DrillholeDatabase db = [] {
    DrillholeDatabase out;
    std::mt19937_64 rng(20240611);
    std::uniform_real_distribution<double> u(0, 1);
    IntervalTable table("assay", "assay.csv");
    std::vector<double> grade, density;
    std::vector<std::string> lith;
    const char* liths[] = {"大理岩", "硅灰石矿", "矽卡岩"};
    for (int h = 0; h < kHoles; ++h) {
      Collar c;
      c.hole_id = std::string("ZK").append(std::to_string(h));
      c.x = 41500000 + 50.0 * (h % 100);
      c.y = 4680000 + 50.0 * (h / 100);
      c.z = 60 + 10 * u(rng);
      c.max_depth = 300;
      const HoleIndex hi = *out.add_collar(c);
      double az = 360 * u(rng), dip = -85 + 30 * u(rng);
      for (int k = 0; k < kStations; ++k) {
        out.add_station(hi, {10.0 * k, az, dip, 0});
        az = std::fmod(az + 2 * (u(rng) - 0.5) + 360, 360);
        dip = std::clamp(dip + (u(rng) - 0.5), -89.0, -30.0);
      }
      double from = 0;
      int code = 0;
      for (int k = 0; k < kIntervals; ++k) {
        const double to = from + 2.4 + 1.2 * u(rng);
        table.add(hi, from, to);
        grade.push_back(u(rng) < 0.05 ? kMissing : 40 + 40 * u(rng));
        density.push_back(2.7 + 0.3 * u(rng));
        if (u(rng) < 0.2) code = (code + 1) % 3;
        lith.emplace_back(liths[code]);
        from = to;
      }
    }
    table.add_numeric_field("grade", std::move(grade));
    table.add_numeric_field("density", std::move(density));
    table.add_text_field("lith", lith);
    out.add_table(std::move(table));
    out.finalize();
    return out;
  }();
  return db;
}

// The same database as CSV text (collar, survey, assay).
struct CsvText {
  std::string collar, survey, assay;
};

const CsvText& csv_text() {
  static const CsvText text = [] {
    const auto& db = data();
    const auto& t = db.tables()[0];
    std::ostringstream collar, survey, assay;
    collar << "hole_id,x,y,z,max_depth\n";
    survey << "hole_id,depth,azimuth,dip\n";
    assay << "hole_id,from,to,grade,density,lith\n";
    collar.precision(17);
    survey.precision(17);
    assay.precision(17);
    for (std::size_t h = 0; h < db.hole_count(); ++h) {
      const auto& c = db.collar(static_cast<HoleIndex>(h));
      collar << c.hole_id << ',' << c.x << ',' << c.y << ',' << c.z << ',' << c.max_depth << '\n';
      for (const auto& s : db.survey(static_cast<HoleIndex>(h)))
        survey << c.hole_id << ',' << s.depth << ',' << s.azimuth << ',' << s.dip << '\n';
    }
    const auto &grade = t.require_field("grade"), &density = t.require_field("density"), &lith = t.require_field("lith");
    for (std::size_t r = 0; r < t.row_count(); ++r) {
      assay << db.collar(t.hole(r)).hole_id << ',' << t.from(r) << ',' << t.to(r) << ',';
      if (!grade.missing(r)) assay << grade.values[r];
      assay << ',' << density.values[r] << ',' << lith.text(r) << '\n';
    }
    return CsvText{collar.str(), survey.str(), assay.str()};
  }();
  return text;
}

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// CPU time of all threads per iteration: on a busy machine the wall time says little, this does.
class CpuMeter {
 public:
  explicit CpuMeter(benchmark::State& state) : state_(state), start_(process_cpu_seconds()) {}
  ~CpuMeter() {
    const double ms = 1e3 * (process_cpu_seconds() - start_) / static_cast<double>(std::max<benchmark::IterationCount>(1, state_.iterations()));
    state_.counters["all_threads_cpu_ms"] = ms;
  }

 private:
  benchmark::State& state_;
  double start_;
};

CompositeOptions composite_options() {
  CompositeOptions o;
  o.length = 2;
  o.fields = {"grade", "density"};
  o.break_field = "lith";
  o.density_field = "density";
  return o;
}

void BM_Desurvey(benchmark::State& state) {
  const auto& db = data();
  CpuMeter cpu(state);
  for (auto _ : state) benchmark::DoNotOptimize(desurvey_all(db, DesurveyMethod::minimum_curvature));
  state.SetItemsProcessed(state.iterations() * kHoles);
}

void BM_IntervalGeometry(benchmark::State& state) {
  const auto& db = data();
  const auto traces = desurvey_all(db, DesurveyMethod::minimum_curvature);
  CpuMeter cpu(state);
  for (auto _ : state) benchmark::DoNotOptimize(interval_geometry(db.tables()[0], traces));
  state.SetItemsProcessed(state.iterations() * kHoles * kIntervals);
}

void BM_Composite(benchmark::State& state) {
  const auto& db = data();
  const auto traces = desurvey_all(db, DesurveyMethod::minimum_curvature);
  const auto o = composite_options();
  std::size_t n = 0;
  CpuMeter cpu(state);
  for (auto _ : state) {
    const auto c = composite(db.tables()[0], traces, o);
    n = c.size();
    benchmark::DoNotOptimize(c.from.data());
  }
  state.counters["composites"] = static_cast<double>(n);
  state.SetItemsProcessed(state.iterations() * kHoles * kIntervals);
}

// The figure of the issue: desurvey + interval geometry + compositing of all 10,000 holes.
// Argument: the most threads TBB may use (0 = all cores).
void BM_DesurveyGeometryComposite(benchmark::State& state) {
  const auto& db = data();
  const auto o = composite_options();
  std::optional<tbb::global_control> limit;
  if (state.range(0) > 0)
    limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(state.range(0)));
  CpuMeter cpu(state);
  for (auto _ : state) {
    const auto traces = desurvey_all(db, DesurveyMethod::minimum_curvature);
    const auto g = interval_geometry(db.tables()[0], traces);
    const auto c = composite(db.tables()[0], traces, o);
    benchmark::DoNotOptimize(g.mid.data());
    benchmark::DoNotOptimize(c.from.data());
  }
  state.SetItemsProcessed(state.iterations() * kHoles * kIntervals);
}

// For scale: parsing the same tables from CSV text into a database (1M interval rows).
void BM_ReadCsv(benchmark::State& state) {
  const auto& s = csv_text();
  CpuMeter cpu(state);
  for (auto _ : state) {
    const CsvTable c = parse_csv(s.collar, "collar.csv"), v = parse_csv(s.survey, "survey.csv"),
                   a = parse_csv(s.assay, "assay.csv");
    Diagnostics d;
    benchmark::DoNotOptimize(read_drillholes(&c, &v, {&a}, {}, d));
  }
  state.SetItemsProcessed(state.iterations() * kHoles * kIntervals);
}

}  // namespace

BENCHMARK(BM_Desurvey)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IntervalGeometry)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Composite)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DesurveyGeometryComposite)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReadCsv)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

BENCHMARK_MAIN();
