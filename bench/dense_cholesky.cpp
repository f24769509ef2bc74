// The kriging system's factor kernels on the sizes kriging uses (24 and 30 neighbours): a fresh
// factorisation, a triangular solve, and the updates as a target moves (a removal d rows from the
// end, an append). Each iteration restores the factor from a copy, timed apart (PauseTiming costs
// more than these kernels, so the copy is measured alone in Copy/n and is to be subtracted).
// Run: build/bin/bench_dense_cholesky
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "geostat/dense_cholesky.h"

using namespace georeserve;

namespace {

// A spherical-covariance matrix of n random points in a 100 m square (range 300 m, nugget 0.3),
// as a 2D kriging system is: lower triangle, column-major, leading dimension ld.
std::vector<double> kriging_matrix(std::size_t n, std::size_t ld) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0, 100);
  std::vector<double> x(n), y(n), a(ld * ld, 0.0);
  for (std::size_t i = 0; i < n; ++i) x[i] = u(rng), y[i] = u(rng);
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = j; i < n; ++i) {
      const double h = std::hypot(x[i] - x[j], y[i] - y[j]) / 300;
      a[j * ld + i] = (i == j ? 0.3 : 0.0) + 3.2 * (h < 1 ? 1 - 1.5 * h + 0.5 * h * h * h : 0.0);
    }
  return a;
}

struct Factored {
  std::size_t n, ld;
  std::vector<double> l, g, h;
  explicit Factored(std::size_t size) : n(size), ld(size + 1), l(kriging_matrix(size, size + 1)), g(ld, 1.0), h(ld, 1.0) {
    double ratio = 0;
    cholesky_lower(l.data(), n, ld, 1e-12, &ratio);
    for (std::size_t i = 0; i < n; ++i) g[i] = std::sin(static_cast<double>(i));
    solve_lower(l.data(), n, ld, g.data());
    solve_lower(l.data(), n, ld, h.data());
  }
};

void Copy(benchmark::State& state) {
  const Factored f(static_cast<std::size_t>(state.range(0)));
  Factored work = f;
  for (auto _ : state) {
    work.l = f.l, work.g = f.g, work.h = f.h;
    benchmark::DoNotOptimize(work.l.data());
  }
}

void Remove(benchmark::State& state) {
  const Factored f(static_cast<std::size_t>(state.range(0)));
  const std::size_t depth = static_cast<std::size_t>(state.range(1));
  Factored work = f;
  std::vector<double> scratch(f.ld);
  for (auto _ : state) {
    work.l = f.l, work.g = f.g, work.h = f.h;
    cholesky_remove(work.l.data(), f.n, f.ld, f.n - depth, work.g.data(), work.h.data(), scratch.data());
    benchmark::DoNotOptimize(work.l.data());
  }
}

void Factorise(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  const std::vector<double> a = kriging_matrix(n, n);
  std::vector<double> l = a;
  for (auto _ : state) {
    l = a;
    double ratio = 0;
    benchmark::DoNotOptimize(cholesky_lower(l.data(), n, n, 1e-12, &ratio));
  }
}

void Solve(benchmark::State& state) {
  const Factored f(static_cast<std::size_t>(state.range(0)));
  std::vector<double> b(f.ld);
  for (auto _ : state) {
    std::fill(b.begin(), b.end(), 1.0);
    solve_lower(f.l.data(), f.n, f.ld, b.data());
    benchmark::DoNotOptimize(b.data());
  }
}

}  // namespace

BENCHMARK(Copy)->Arg(24)->Arg(30);
BENCHMARK(Remove)->Args({24, 1})->Args({24, 6})->Args({24, 12})->Args({24, 24})->Args({30, 15});
BENCHMARK(Factorise)->Arg(24)->Arg(30);
BENCHMARK(Solve)->Arg(24)->Arg(30);
BENCHMARK_MAIN();
