// The spatial index and the neighbour selection policy against brute force: k nearest within a bound
// over many sizes (ties broken by index), Euclidean nmax, ellipsoids ranked by anisotropic distance,
// octant and drillhole limits, exclusions (cross-validation) and passes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

#include <Eigen/Core>

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

// The policy written out plainly: rank by (distance, index), walk, apply the limits.
struct BruteSelection {
  std::vector<std::uint32_t> indices;  // sorted
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
    s.indices.push_back(i);
  }
  std::sort(s.indices.begin(), s.indices.end());
  return s;
}

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
  for (int trial = 0; trial < 200; ++trial) {
    const double t[3] = {u(rng), u(rng), u(rng)};
    SearchExclusion ex;
    if (exclusions) {
      ex.sample = trial % static_cast<int>(n);
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

TEST(NeighbourSearch, PassesShareATreeAndFallBack) {
  const auto xyz = random_points(300, 5);
  SearchPlan plan;
  SearchPass small;
  small.ellipsoid = true;
  small.shape.ranges = {2, 1, 1};
  small.shape.angles = {30, 0, 0};
  small.max_samples = 8;
  small.min_samples = 4;
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
