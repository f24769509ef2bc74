// The CPU twin of the block shader: the filter predicate, the candidate faces ("exposed" must be exactly
// the faces with one passing side; "all" must contain them for every filter) and the picking ray,
// each against brute force on random grids and filters (value ranges, classes, domains, index boxes and
// the clip slabs of sections and benches).
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <tuple>

#include "viewer/scene/block_volume.h"

using namespace georeserve::viewer;

namespace {

BlockVolume random_volume(std::mt19937& rng, std::array<int, 3> cells) {
  BlockVolume v(cells);
  std::uniform_real_distribution<float> u(0, 1);
  std::vector<float> colour(v.block_count()), value(v.block_count()), klass(v.block_count()), domain(v.block_count());
  for (std::size_t b = 0; b < v.block_count(); ++b) {
    colour[b] = u(rng) < 0.15f ? NAN : u(rng) * 100;
    value[b] = u(rng) < 0.1f ? NAN : u(rng) * 100;
    klass[b] = u(rng) < 0.2f ? static_cast<float>(kNoCategory) : static_cast<float>(static_cast<int>(u(rng) * 3));
    domain[b] = static_cast<float>(static_cast<int>(u(rng) * 2));
  }
  v.set_channel(0, colour);
  v.set_channel(1, value);
  v.set_channel(2, klass);
  v.set_channel(3, domain);
  return v;
}

BlockFilter random_filter(std::mt19937& rng, const std::array<int, 3>& cells) {
  std::uniform_real_distribution<float> u(0, 1);
  BlockFilter f = BlockFilter::everything(cells);
  f.show_missing = u(rng) < 0.3f;
  f.value_enabled = u(rng) < 0.7f;
  f.value_lo = u(rng) * 50;
  f.value_hi = f.value_lo + u(rng) * 60;
  for (int c : {0, 1, 2, kNoCategory}) BlockFilter::set(f.class_mask, c, u(rng) < 0.7f);
  BlockFilter::set(f.domain_mask, 1, u(rng) < 0.6f);
  for (std::size_t a = 0; a < 3; ++a) {
    f.index_min[a] = static_cast<int>(u(rng) * cells[a] / 3);
    f.index_max[a] = cells[a] - 1 - static_cast<int>(u(rng) * cells[a] / 3);
  }
  // Sections and benches: up to three clip slabs at random orientations through the grid.
  f.clip_count = static_cast<int>(u(rng) * 4);
  for (int n = 0; n < f.clip_count; ++n) {
    ClipSlab& c = f.clips[static_cast<std::size_t>(n)];
    c.plane = {u(rng) * 2 - 1, u(rng) * 2 - 1, u(rng) * 2 - 1, 0.0f};
    c.plane[3] = -(c.plane[0] * cells[0] + c.plane[1] * cells[1] + c.plane[2] * cells[2]) * u(rng);
    c.lo = -1.0f - 2 * u(rng);
    c.hi = 1.0f + 2 * u(rng);
  }
  return f;
}

// The predicate written out from its definition, independently of BlockVolume::passes.
bool expected_pass(const BlockVolume& v, const BlockFilter& f, int i, int j, int k) {
  const std::array<int, 3> c{i, j, k};
  for (std::size_t a = 0; a < 3; ++a)
    if (c[a] < 0 || c[a] >= v.cells()[a] || c[a] < f.index_min[a] || c[a] > f.index_max[a]) return false;
  for (int n = 0; n < f.clip_count; ++n) {
    const ClipSlab& s = f.clips[static_cast<std::size_t>(n)];
    const double at = s.plane[0] * (i + 0.5) + s.plane[1] * (j + 0.5) + s.plane[2] * (k + 0.5) + s.plane[3];
    if (at < s.lo || at > s.hi) return false;
  }
  const float colour = v.value(0, i, j, k), value = v.value(1, i, j, k);
  if (colour == kMissing && !f.show_missing) return false;
  if (f.value_enabled && (value == kMissing || value < f.value_lo || value > f.value_hi)) return false;
  return BlockFilter::has(f.class_mask, static_cast<int>(v.value(2, i, j, k))) &&
         BlockFilter::has(f.domain_mask, static_cast<int>(v.value(3, i, j, k)));
}

}  // namespace

TEST(BlockVolume, PredicateMatchesItsDefinition) {
  std::mt19937 rng(7);
  const std::array<int, 3> cells{9, 7, 5};
  const BlockVolume v = random_volume(rng, cells);
  for (int trial = 0; trial < 20; ++trial) {
    const BlockFilter f = random_filter(rng, cells);
    std::size_t n = 0;
    for (int k = -1; k <= cells[2]; ++k)
      for (int j = -1; j <= cells[1]; ++j)
        for (int i = -1; i <= cells[0]; ++i) {
          const bool want = expected_pass(v, f, i, j, k);
          ASSERT_EQ(v.passes(f, i, j, k), want) << i << "," << j << "," << k;
          n += want;
        }
    EXPECT_EQ(v.count_passing(f), n);
  }
}

TEST(BlockVolume, ExposedFacesAreExactlyTheBoundaryOfWhatPasses) {
  std::mt19937 rng(11);
  const std::array<int, 3> cells{8, 6, 5};
  const BlockVolume v = random_volume(rng, cells);
  for (int trial = 0; trial < 10; ++trial) {
    const BlockFilter f = random_filter(rng, cells);
    std::set<std::tuple<int, int, int, int>> expected;
    for (int k = 0; k < cells[2]; ++k)
      for (int j = 0; j < cells[1]; ++j)
        for (int i = 0; i < cells[0]; ++i) {
          if (!expected_pass(v, f, i, j, k)) continue;
          // Each of the 6 faces of a passing block whose neighbour does not pass.
          for (int axis = 0; axis < 3; ++axis)
            for (int side : {-1, 1}) {
              std::array<int, 3> n{i, j, k};
              n[static_cast<std::size_t>(axis)] += side;
              if (expected_pass(v, f, n[0], n[1], n[2])) continue;
              std::array<int, 3> high{i, j, k};
              if (side == 1) high[static_cast<std::size_t>(axis)] += 1;
              expected.insert({axis, high[0], high[1], high[2]});
            }
        }
    const auto exposed = v.faces(FaceSet::exposed, f);
    std::set<std::tuple<int, int, int, int>> got;
    for (const Face& face : exposed) got.insert({face.axis, face.i, face.j, face.k});
    EXPECT_EQ(got.size(), exposed.size()) << "duplicate faces";
    EXPECT_EQ(got, expected);
    // Every exposed face is among the "all" candidates, and the shader's test keeps exactly them.
    const auto all = v.faces(FaceSet::all, f);
    std::set<std::tuple<int, int, int, int>> candidates;
    std::size_t kept = 0;
    for (const Face& face : all) {
      candidates.insert({face.axis, face.i, face.j, face.k});
      kept += v.exposed(f, face);
    }
    for (const auto& e : expected) EXPECT_TRUE(candidates.count(e));
    EXPECT_EQ(kept, expected.size());
  }
}

TEST(BlockVolume, AllFacesDoNotDependOnTheSliderFilter) {
  std::mt19937 rng(3);
  const std::array<int, 3> cells{6, 5, 4};
  const BlockVolume v = random_volume(rng, cells);
  BlockFilter a = random_filter(rng, cells), b = random_filter(rng, cells);
  a.show_missing = b.show_missing = false;
  const auto fa = v.faces(FaceSet::all, a), fb = v.faces(FaceSet::all, b);
  ASSERT_EQ(fa.size(), fb.size());
  for (std::size_t i = 0; i < fa.size(); ++i) EXPECT_TRUE(fa[i].axis == fb[i].axis && fa[i].i == fb[i].i && fa[i].j == fb[i].j && fa[i].k == fb[i].k);
}

TEST(BlockVolume, FirstHitMatchesMarchingAlongTheRay) {
  std::mt19937 rng(5);
  const std::array<int, 3> cells{10, 8, 6};
  const BlockVolume v = random_volume(rng, cells);
  std::uniform_real_distribution<double> u(-1, 1);
  int hits = 0;
  for (int trial = 0; trial < 300; ++trial) {
    BlockFilter f = random_filter(rng, cells);
    f.value_hi = f.value_lo + 15;  // sparse, so rays travel
    const std::array<double, 3> origin{5 + 12 * u(rng), 4 + 12 * u(rng), 3 + 10 * u(rng)};
    const std::array<double, 3> target{5 + 4 * u(rng), 4 + 3 * u(rng), 3 + 2 * u(rng)};
    std::array<double, 3> d{target[0] - origin[0], target[1] - origin[1], target[2] - origin[2]};
    const double n = std::sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    for (double& c : d) c /= n;
    // Brute force: small steps along the ray, the first passing cell.
    std::optional<std::array<int, 3>> want;
    for (double t = 0; t < 60 && !want; t += 1e-3) {
      const int c[3] = {static_cast<int>(std::floor(origin[0] + t * d[0])), static_cast<int>(std::floor(origin[1] + t * d[1])),
                        static_cast<int>(std::floor(origin[2] + t * d[2]))};
      if (v.passes(f, c[0], c[1], c[2])) want = std::array<int, 3>{c[0], c[1], c[2]};
    }
    const auto got = v.first_hit(f, origin, d);
    ASSERT_EQ(got.has_value(), want.has_value()) << "trial " << trial;
    if (got) {
      EXPECT_EQ(got->cell, *want) << "trial " << trial;
      ++hits;
    }
  }
  EXPECT_GT(hits, 50);
}
