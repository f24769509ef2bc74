// The spatial index and the neighbour selection policy against brute force: k nearest within a bound
// over many sizes (ties broken by index), Euclidean nmax, ellipsoids ranked by anisotropic distance,
// octant and drillhole limits, exclusions (cross-validation) and passes. The candidate cache against
// the uncached index, along walks like the targets' and with balls too small by construction.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <random>

#include <Eigen/Core>

#include "geostat/candidate_cache.h"
#include "geostat/neighbour_search.h"
#include "geostat/spatial_index.h"

using namespace georeserve;

namespace {

std::vector<double> random_points(std::size_t n, unsigned seed, bool lattice = false) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 100.0);
  std::uniform_int_distribution<int> k(0, 6);
  std::vector<double> xyz(3 * n);
  for (double& v : xyz) v = lattice ? static_cast<double>(k(rng)) : u(rng);
  return xyz;
}

std::vector<Neighbour> brute_nearest(const std::vector<double>& xyz, const double q[3], std::size_t k, double bound) {
  std::vector<Neighbour> all;
  for (std::size_t i = 0; i < xyz.size() / 3; ++i) {
    const double dx = xyz[3 * i] - q[0], dy = xyz[3 * i + 1] - q[1], dz = xyz[3 * i + 2] - q[2];
    const double d2 = dx * dx + dy * dy + dz * dz;
    if (d2 <= bound) all.push_back({d2, static_cast<std::uint32_t>(i)});
  }
  std::sort(all.begin(), all.end(), [](const Neighbour& a, const Neighbour& b) {
    return a.dist2 < b.dist2 || (a.dist2 == b.dist2 && a.index < b.index);
  });
  if (all.size() > k) all.resize(k);
  return all;
}

TEST(SpatialIndex, MatchesBruteForceOverSizesWithTiesByIndex) {
  for (bool lattice : {false, true})
    for (std::size_t n : {1u, 2u, 7u, 100u, 2500u}) {
      const auto xyz = random_points(n, static_cast<unsigned>(n) + (lattice ? 1000u : 0u), lattice);
      const SpatialIndex index(xyz);
      std::mt19937 rng(7);
      std::uniform_real_distribution<double> u(-10.0, 110.0);
      for (int trial = 0; trial < 40; ++trial) {
        const double q[3] = {lattice ? 3.0 : u(rng), lattice ? 3.0 : u(rng), lattice ? 2.0 : u(rng)};
        for (std::size_t k : {std::size_t{1}, std::size_t{5}, std::size_t{33}, n, n + 3})
          for (double bound : {std::numeric_limits<double>::infinity(), 400.0, 9.0}) {
            std::vector<Neighbour> got(std::max(k, n));
            got.resize(index.nearest(q, k, bound, got.data()));
            const auto want = brute_nearest(xyz, q, k, bound);
            ASSERT_EQ(got.size(), want.size()) << "n " << n << " k " << k;
            for (std::size_t i = 0; i < want.size(); ++i) {
              ASSERT_EQ(got[i].index, want[i].index) << "n " << n << " k " << k << " rank " << i;
              ASSERT_EQ(got[i].dist2, want[i].dist2);
            }
          }
      }
    }
}

// A radius query returns every point within the bound, or says there are more than it may hold.
TEST(SpatialIndex, WithinStopsPastItsCapacity) {
  const auto xyz = random_points(2500, 23);
  const SpatialIndex index(xyz);
  const double q[3] = {40, 55, 60};
  const auto want = brute_nearest(xyz, q, xyz.size(), 225.0);
  ASSERT_GT(want.size(), 10u);
  const auto by_index_order = [](const Neighbour& a, const Neighbour& b) { return a.index < b.index; };
  auto by_index = want;
  std::sort(by_index.begin(), by_index.end(), by_index_order);
  std::vector<Neighbour> got(xyz.size());
  for (std::size_t capacity : {want.size() + 5, want.size()}) {
    got.resize(index.within(q, 225.0, got.data(), capacity));
    ASSERT_EQ(got.size(), want.size());
    std::sort(got.begin(), got.end(), by_index_order);
    for (std::size_t i = 0; i < want.size(); ++i) {
      ASSERT_EQ(got[i].index, by_index[i].index);
      ASSERT_EQ(got[i].dist2, by_index[i].dist2);
    }
    got.resize(xyz.size());
  }
  EXPECT_EQ(index.within(q, 225.0, got.data(), want.size() - 1), want.size());
}

// A hint only prunes: exact, loose, and too tight (the index must then search again) give the same.
TEST(SpatialIndex, DistanceHintNeverChangesTheResult) {
  const auto xyz = random_points(3000, 17);
  const SpatialIndex index(xyz);
  std::mt19937 rng(8);
  std::uniform_real_distribution<double> u(0.0, 100.0);
  for (int trial = 0; trial < 100; ++trial) {
    const double q[3] = {u(rng), u(rng), u(rng)};
    const auto want = brute_nearest(xyz, q, 30, std::numeric_limits<double>::infinity());
    const double kth = want.back().dist2;
    for (double hint : {kth, kth * 1.5, kth * 0.5, 0.0}) {
      std::vector<Neighbour> got(30);
      ASSERT_EQ(index.nearest(q, 30, std::numeric_limits<double>::infinity(), got.data(), hint), 30u);
      for (std::size_t i = 0; i < 30; ++i) ASSERT_EQ(got[i].index, want[i].index) << "hint " << hint / kth;
    }
  }
}

bool ranked_before(const Neighbour& a, const Neighbour& b) {
  return a.dist2 < b.dist2 || (a.dist2 == b.dist2 && a.index < b.index);
}

// Targets as they come from a grid: rows of small steps with a jump at each row's end, the first of
// each row asked twice; then random jumps. flat: z = 0 (2D).
std::vector<std::array<double, 3>> grid_walk(double lo, double hi, double step, bool flat) {
  std::vector<std::array<double, 3>> targets;
  const double span = hi - lo;
  for (int layer = 0; layer < (flat ? 1 : 3); ++layer)
    for (int row = 0; row < 5; ++row) {
      const double y = lo + span * row / 4, z = flat ? 0.0 : lo + span * layer / 2;
      targets.push_back({lo, y, z});
      for (double x = lo; x <= hi; x += step) targets.push_back({x, y, z});
    }
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(lo, hi);
  for (int i = 0; i < 40; ++i) targets.push_back({u(rng), u(rng), flat ? 0.0 : u(rng)});
  return targets;
}

// The cache's answer is the index's, bit for bit (ranked: in the same order; else the same set).
void expect_uncached_answer(const SpatialIndex& index, CandidateCache& cache, const double q[3], std::size_t k,
                            double bound, bool ranked) {
  std::vector<Neighbour> want(std::max(k, index.size())), got(want.size());
  want.resize(index.nearest(q, k, bound, want.data()));
  got.resize(cache.nearest(index, q, k, bound, got.data(), ranked));
  if (!ranked) std::sort(got.begin(), got.end(), ranked_before);
  ASSERT_EQ(got.size(), want.size()) << "k " << k << " at " << q[0] << " " << q[1] << " " << q[2];
  for (std::size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(got[i].index, want[i].index) << "k " << k << " rank " << i << " at " << q[0] << " " << q[1] << " " << q[2];
    ASSERT_EQ(got[i].dist2, want[i].dist2);
  }
}

// Runs a test body with each scan kernel this machine has (AVX-512 where present, and the portable one).
template <class Body>
void with_each_scan_kernel(Body body) {
  const bool wide = CandidateCache::wide_kernel();
  for (bool allow : {true, false}) {
    if (allow && !wide) continue;
    SCOPED_TRACE(allow ? "AVX-512 scan" : "portable scan");
    CandidateCache::allow_wide_kernel(allow);
    body();
    CandidateCache::allow_wide_kernel(true);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(CandidateCache, WalksGiveTheUncachedAnswer) { with_each_scan_kernel([] {
  struct Case {
    const char* name;
    std::vector<double> xyz;
    double hi, step, bound;  // walk over [0, hi]; bound: one that often cuts the k-th neighbour
    bool cached;             // whether the walk's steps are short enough for the cache to serve
  };
  std::vector<Case> cases;
  cases.push_back({"uniform", random_points(2000, 31), 100, 1.5, 144, true});
  cases.push_back({"lattice", random_points(2000, 32, true), 6, 0.5, 2, false});  // ties, duplicates
  auto twice = random_points(1000, 33);                                             // every point twice
  twice.insert(twice.end(), twice.begin(), twice.end());
  cases.push_back({"duplicates", twice, 100, 2.5, 144, true});
  auto flat = random_points(2000, 34);
  for (std::size_t i = 2; i < flat.size(); i += 3) flat[i] = 0;
  cases.push_back({"flat", flat, 100, 1.5, 100, true});
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const SpatialIndex index(c.xyz);
    const auto walk = grid_walk(0, c.hi, c.step, std::string(c.name) == "flat");
    const std::size_t n = index.size();
    for (double bound : {std::numeric_limits<double>::infinity(), c.bound})
      for (bool ranked : {true, false})
        for (std::size_t k : {std::size_t{1}, std::size_t{5}, std::size_t{24}, n - 1, n}) {
          CandidateCache cache;
          const std::size_t stride = k + 1 >= n ? 5 : 1;  // (k near n: slow, and less to learn)
          for (std::size_t i = 0; i < walk.size(); i += stride)
            ASSERT_NO_FATAL_FAILURE(expect_uncached_answer(index, cache, walk[i].data(), k, bound, ranked));
          if (c.cached && k == 24 && bound > c.bound) {
            EXPECT_GT(cache.hits(), walk.size() / 2) << "the cache was not used";
          }
        }
    // k changing between queries, as in the retry loop of a pass whose constraints reject candidates
    CandidateCache cache;
    for (const auto& q : walk)
      for (std::size_t k : {24, 49, 24, 98})
        ASSERT_NO_FATAL_FAILURE(expect_uncached_answer(index, cache, q.data(), k, c.bound * 4, false));
  }
}); }

// A ball that does not hold the answer must never answer, whatever its centre: the exactness test
// must count the distance from the ball's centre to the query, and the whole bound when fewer than
// k points lie within it. A ball just large enough must answer.
TEST(CandidateCache, ABallTooSmallByConstructionIsNeverTrusted) { with_each_scan_kernel([] {
  for (bool lattice : {false, true}) {
    const auto xyz = random_points(1500, lattice ? 41 : 42, lattice);
    const SpatialIndex index(xyz);
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(0.0, lattice ? 6.0 : 100.0), unit(-1.0, 1.0);
    std::vector<Neighbour> want(index.size());
    for (int trial = 0; trial < 300; ++trial) {
      double q[3] = {u(rng), u(rng), u(rng)};
      if (lattice)
        for (double& v : q) v = std::round(2 * v) / 2;  // on the lattice or half-way: ties
      const std::size_t k = std::vector<std::size_t>{1, 7, 24}[trial % 3];
      const double bound = trial % 2 ? std::numeric_limits<double>::infinity() : (lattice ? 2.0 : 100.0);
      const std::size_t found = index.nearest(q, k, bound, want.data());
      const double reach = found == k ? std::sqrt(want[k - 1].dist2) : std::sqrt(bound);
      const double offset = std::vector<double>{0.0, 0.3, 1.0, 2.0}[trial % 4] * reach;
      Eigen::Vector3d dir(unit(rng), unit(rng), unit(rng));
      dir.normalize();
      const double centre[3] = {q[0] + offset * dir.x(), q[1] + offset * dir.y(), q[2] + offset * dir.z()};
      const double dq = std::sqrt((centre[0] - q[0]) * (centre[0] - q[0]) + (centre[1] - q[1]) * (centre[1] - q[1]) +
                                  (centre[2] - q[2]) * (centre[2] - q[2]));
      for (double f : {0.5, 0.9, 0.99, 1 - 1e-12, 1 + 1e-6, 1.2, 2.0}) {
        SCOPED_TRACE(::testing::Message() << "lattice " << lattice << " trial " << trial << " f " << f);
        CandidateCache cache;
        ASSERT_TRUE(cache.fill(index, centre, f * (reach + dq), index.size()));
        ASSERT_NO_FATAL_FAILURE(expect_uncached_answer(index, cache, q, k, bound, true));
        if (f < 1) {
          EXPECT_EQ(cache.hits(), 0u) << "answered from a ball that does not hold the answer";
        }
        if (f > 1 && reach > 0) {
          EXPECT_EQ(cache.hits(), 1u) << "a ball that holds the answer did not answer";
        }
      }
    }
  }
}); }

// The policy written out plainly: rank by (distance, index), walk, apply the limits.
struct BruteSelection {
  std::vector<std::uint32_t> indices;  // sorted
  std::uint32_t nearest = 0;           // the first taken in the ranking
};

BruteSelection brute_select(const std::vector<double>& xyz, const std::vector<std::int32_t>& hole, const SearchPass& p,
                            const double t[3], std::int64_t exclude_sample = -1, std::int32_t exclude_hole = -1) {
  const Eigen::Matrix3d m = p.ellipsoid ? p.shape.transform() : Eigen::Matrix3d::Identity();
  const Eigen::Matrix3d rot = p.ellipsoid ? p.shape.rotation() : Eigen::Matrix3d::Identity();
  std::vector<std::pair<double, std::uint32_t>> ranked;
  for (std::size_t i = 0; i < xyz.size() / 3; ++i) {
    const Eigen::Vector3d d(xyz[3 * i] - t[0], xyz[3 * i + 1] - t[1], xyz[3 * i + 2] - t[2]);
    const double d2 = (m * d).squaredNorm();
    if (p.ellipsoid && d2 > 1.0) continue;
    ranked.emplace_back(d2, static_cast<std::uint32_t>(i));
  }
  std::sort(ranked.begin(), ranked.end());
  BruteSelection s;
  std::map<std::int32_t, std::size_t> per_hole;
  std::size_t per_octant[8] = {};
  for (const auto& [d2, i] : ranked) {
    if (p.max_samples && s.indices.size() == p.max_samples) break;
    const std::int32_t h = hole.empty() ? -1 : hole[i];
    if (static_cast<std::int64_t>(i) == exclude_sample || (h >= 0 && h == exclude_hole)) continue;
    const Eigen::Vector3d r = rot * Eigen::Vector3d(xyz[3 * i] - t[0], xyz[3 * i + 1] - t[1], xyz[3 * i + 2] - t[2]);
    const int oct = (r.x() > 0 ? 1 : 0) + (r.y() > 0 ? 2 : 0) + (r.z() > 0 ? 4 : 0);
    if (p.max_per_octant && per_octant[oct] >= p.max_per_octant) continue;
    if (p.max_per_hole && h >= 0 && per_hole[h] >= p.max_per_hole) continue;
    ++per_octant[oct];
    if (h >= 0) ++per_hole[h];
    if (s.indices.empty()) s.nearest = i;
    s.indices.push_back(i);
  }
  std::sort(s.indices.begin(), s.indices.end());
  return s;
}

// Random targets, then targets walking along grid rows (where the candidate cache serves); with
// exclusions, a random sample, then the sample nearest the target (as in cross-validation).
void check_policy(const SearchPass& pass, bool holes, bool exclusions) {
  const std::size_t n = 1200;
  const auto xyz = random_points(n, 99);
  std::vector<std::int32_t> hole;
  if (holes)
    for (std::size_t i = 0; i < n; ++i) hole.push_back(static_cast<std::int32_t>(i / 12));
  SearchPlan plan;
  plan.passes.push_back(pass);
  const NeighbourSearch search(plan, xyz, hole);
  auto ws = search.make_workspace();
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(0.0, 100.0);
  std::vector<std::array<double, 3>> targets;
  for (int trial = 0; trial < 200; ++trial) targets.push_back({u(rng), u(rng), u(rng)});
  const std::size_t random_targets = targets.size();
  for (const auto& t : grid_walk(0, 100, 0.8, false)) targets.push_back(t);
  for (std::size_t trial = 0; trial < targets.size(); ++trial) {
    const double* t = targets[trial].data();
    SearchExclusion ex;
    if (exclusions) {
      ex.sample = static_cast<std::int64_t>(trial % n);
      if (trial >= random_targets) ex.sample = brute_nearest(xyz, t, 1, std::numeric_limits<double>::infinity())[0].index;
      if (holes) ex.hole = hole[static_cast<std::size_t>(ex.sample)];
    }
    const auto got = search.select(t, ex, ws);
    const auto want = brute_select(xyz, hole, pass, t, ex.sample, ex.hole);
    if (want.indices.size() < pass.min_samples || want.indices.empty()) {
      EXPECT_EQ(got.count, 0u);
      continue;
    }
    ASSERT_EQ(got.count, want.indices.size()) << "trial " << trial;
    for (std::size_t i = 0; i < got.count; ++i) ASSERT_EQ(got.indices[i], want.indices[i]) << "trial " << trial;
    EXPECT_EQ(got.nearest, want.nearest) << "trial " << trial;
    EXPECT_EQ(got.pass, 1);
  }
}

TEST(NeighbourSearch, EuclideanNearest) {
  SearchPass p;
  p.max_samples = 24;
  check_policy(p, false, false);
}

TEST(NeighbourSearch, EllipsoidRankedByAnisotropicDistance) {
  SearchPass p;
  p.max_samples = 30;
  p.ellipsoid = true;
  p.shape.ranges = {40, 15, 8};
  p.shape.angles = {35, -20, 10};
  check_policy(p, false, false);
  p.max_samples = 0;  // everything inside
  check_policy(p, false, false);
}

TEST(NeighbourSearch, OctantLimitsInTheEllipsoidFrame) {
  SearchPass p;
  p.max_samples = 24;
  p.max_per_octant = 3;
  p.ellipsoid = true;
  p.shape.ranges = {50, 30, 20};
  p.shape.angles = {120, 30, 0};
  check_policy(p, false, false);
}

TEST(NeighbourSearch, DrillholeLimitsAndExclusions) {
  SearchPass p;
  p.max_samples = 16;
  p.max_per_hole = 2;
  check_policy(p, true, false);
  check_policy(p, true, true);
  p.max_per_hole = 0;
  p.min_samples = 5;
  check_policy(p, false, true);
}

SearchPass ellipsoid_pass(std::array<double, 3> ranges, std::size_t max_samples, std::size_t min_samples) {
  SearchPass p;
  p.ellipsoid = true;
  p.shape.ranges = ranges;
  p.shape.angles = {30, 0, 0};
  p.max_samples = max_samples;
  p.min_samples = min_samples;
  return p;
}

TEST(NeighbourSearch, PassesShareATreeAndFallBack) {
  const auto xyz = random_points(300, 5);
  SearchPlan plan;
  const SearchPass small = ellipsoid_pass({2, 1, 1}, 8, 4);
  SearchPass big = small;
  big.shape.ranges = {200, 100, 100};
  plan.passes = {small, big};
  const NeighbourSearch search(plan, xyz, {});
  auto ws = search.make_workspace();
  const double t[3] = {50, 50, 50};
  const auto got = search.select(t, {}, ws);
  EXPECT_EQ(got.pass, 2);
  EXPECT_EQ(got.count, 8u);
  const auto want = brute_select(xyz, {}, big, t);
  for (std::size_t i = 0; i < got.count; ++i) EXPECT_EQ(got.indices[i], want.indices[i]);
  // The pass distance is in the pass's own units: inside the big ellipsoid, below 1.
  for (std::size_t i = 0; i < got.count; ++i) EXPECT_LE(got.dist2[i], 1.0);
}

// Along a walk, with a first pass that often finds too few: a second pass on the same tree (a larger
// ellipsoid of the same shape) or on its own (Euclidean) gives the brute-force answer too.
TEST(NeighbourSearch, PassesAlongAWalk) {
  const auto xyz = random_points(1500, 6);
  const SearchPass small = ellipsoid_pass({12, 8, 6}, 12, 6);
  const SearchPass larger = ellipsoid_pass({48, 32, 24}, 12, 6);
  SearchPass euclidean = small;
  euclidean.ellipsoid = false;
  euclidean.max_samples = 16;
  for (const SearchPass& second : {larger, euclidean}) {
    SearchPlan plan;
    plan.passes = {small, second};
    const NeighbourSearch search(plan, xyz, {});
    auto ws = search.make_workspace();
    int fell_back = 0;
    for (const auto& target : grid_walk(0, 100, 0.8, false)) {
      const double* t = target.data();
      const auto got = search.select(t, {}, ws);
      int pass = 0;
      BruteSelection want;
      for (const SearchPass& p : plan.passes) {
        ++pass;
        want = brute_select(xyz, {}, p, t);
        if (!want.indices.empty() && want.indices.size() >= p.min_samples) break;
      }
      ASSERT_EQ(got.pass, pass);
      fell_back += pass == 2 ? 1 : 0;
      ASSERT_EQ(got.count, want.indices.size());
      for (std::size_t i = 0; i < got.count; ++i) ASSERT_EQ(got.indices[i], want.indices[i]);
      EXPECT_EQ(got.nearest, want.nearest);
    }
    EXPECT_GT(fell_back, 100);
  }
}

TEST(NeighbourSearch, GlobalTakesEverySampleButTheExcluded) {
  const auto xyz = random_points(50, 8);
  std::vector<std::int32_t> hole(50);
  for (std::size_t i = 0; i < 50; ++i) hole[i] = static_cast<std::int32_t>(i / 5);
  SearchPlan plan;
  plan.global = true;
  const NeighbourSearch search(plan, xyz, hole);
  auto ws = search.make_workspace();
  const double t[3] = {1, 2, 3};
  EXPECT_EQ(search.select(t, {}, ws).count, 50u);
  EXPECT_EQ(search.select(t, {7, -1}, ws).count, 49u);
  const auto sel = search.select(t, {7, 1}, ws);
  EXPECT_EQ(sel.count, 45u);
  EXPECT_EQ(sel.holes, 9u);
}

}  // namespace
