// "No allocation per estimate in the hot loop": counts operator new calls while kriging 2,000 and
// 8,000 targets; the counts must be equal (only the result array and the per-thread workspaces
// allocate, once per run). Replaces the global operator new/delete of this test program with a counting
// pass-through.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include <tbb/global_control.h>

#include "geostat/estimation.h"
#include "kriging_test_util.h"

namespace {
std::atomic<std::uint64_t> allocations{0};
}

void* operator new(std::size_t n) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace georeserve;
using namespace georeserve::test;

namespace {

std::uint64_t allocations_of(const Estimator& e, const KrigingTargets& t) {
  const std::uint64_t before = allocations.load();
  const auto r = e.estimate(t);
  EXPECT_EQ(r.size(), t.size());
  return allocations.load() - before;
}

TEST(KrigingAllocation, NoAllocationPerTarget) {
  tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
  const auto s = random_samples(2000, 3, 3, 20);
  VariogramModel m;
  m.nugget = 0.1;
  VariogramStructure st;
  st.sill = 1;
  st.anisotropy.ranges = {200, 100, 40};
  st.anisotropy.angles = {30, -10, 0};
  m.structures.push_back(st);
  for (bool block : {false, true}) {
    EstimationOptions o;
    SearchPass p;
    p.max_samples = 24;
    p.max_per_hole = 4;
    p.max_per_octant = 6;
    p.ellipsoid = true;
    p.shape.ranges = {400, 300, 100};
    o.search.passes = {p};
    if (block) o.block = BlockSupport{{10, 10, 5}, {3, 3, 2}};
    const Estimator e(s, &m, o);
    allocations_of(e, random_targets(100, 3, 1));  // warm-up
    const auto few = allocations_of(e, random_targets(2000, 3, 2));
    const auto many = allocations_of(e, random_targets(8000, 3, 2));
    EXPECT_EQ(few, many) << (block ? "block" : "point");
    EXPECT_LT(many, 200u);
    allocations_of(e, grid_targets(40, 2, 1));  // warm-up
    const auto few_in_order = allocations_of(e, grid_targets(40, 10, 5));
    const auto many_in_order = allocations_of(e, grid_targets(40, 40, 5));
    EXPECT_EQ(few_in_order, many_in_order) << (block ? "block" : "point") << ", grid order";
  }
}

}  // namespace
