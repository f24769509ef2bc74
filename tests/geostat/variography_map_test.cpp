// The variogram map against brute force (every ordered pair into the cell of its vector), its
// symmetry, the vertical slice, and an anisotropic field showing its long axis.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <sstream>

#include "core/error.h"
#include "geostat/variogram_map.h"
#include "io/csv.h"

using namespace georeserve;

namespace {

VariogramSamples random_samples(int n, unsigned seed, bool three_d) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  VariogramSamples s;
  s.dimension = three_d ? 3 : 2;
  for (int i = 0; i < n; ++i) {
    s.x.push_back(std::round(200 * u(rng)));
    s.y.push_back(std::round(150 * u(rng)));
    s.z.push_back(three_d ? std::round(-40 * u(rng)) : 0.0);
    s.value.push_back(s.x.back() / 50 + u(rng));
  }
  return s;
}

}  // namespace

TEST(VariographyMap, MatchesBruteForce) {
  for (const bool three_d : {false, true}) {
    const auto s = random_samples(600, three_d ? 2 : 1, three_d);
    VariogramMapOptions o;
    o.cell_x = 10;
    o.cell_y = 7.5;
    o.half_x = 6;
    o.half_y = 8;
    o.max_dz = three_d ? 5 : INFINITY;
    const VariogramMap m = compute_variogram_map(s, o);
    ASSERT_EQ(m.columns(), 13);
    ASSERT_EQ(m.rows(), 17);
    std::vector<std::uint64_t> n(m.pairs.size(), 0);
    std::vector<double> g(m.pairs.size(), 0.0);
    for (std::size_t i = 0; i < s.size(); ++i)
      for (std::size_t j = 0; j < s.size(); ++j) {
        if (i == j || std::abs(s.z[i] - s.z[j]) > o.max_dz) continue;
        const double cx = std::round((s.x[i] - s.x[j]) / o.cell_x), cy = std::round((s.y[i] - s.y[j]) / o.cell_y);
        if (std::abs(cx) > o.half_x || std::abs(cy) > o.half_y) continue;
        const std::size_t k = m.index(static_cast<int>(cx) + o.half_x, static_cast<int>(cy) + o.half_y);
        ++n[k];
        g[k] += (s.value[i] - s.value[j]) * (s.value[i] - s.value[j]);
      }
    const std::size_t centre = m.index(o.half_x, o.half_y);
    n[centre] /= 2;  // ordered pairs in the centre cell are one pair each way; the map counts a pair once
    g[centre] /= 2;
    for (std::size_t k = 0; k < n.size(); ++k) {
      EXPECT_EQ(m.pairs[k], n[k]) << k;
      if (n[k]) {
        EXPECT_NEAR(m.gamma[k], g[k] / (2.0 * static_cast<double>(n[k])), 1e-12 * (1 + g[k])) << k;
      } else {
        EXPECT_TRUE(std::isnan(m.gamma[k]));
      }
    }
  }
}

TEST(VariographyMap, IsSymmetricAndShowsTheLongAxis) {
  // Values vary fast east-west and slowly north-south: low gamma along dy, high along dx.
  VariogramSamples s;
  for (int i = 0; i < 40; ++i)
    for (int j = 0; j < 40; ++j) {
      s.x.push_back(i * 5);
      s.y.push_back(j * 5);
      s.z.push_back(0);
      s.value.push_back(std::sin(i * 0.7) + 0.05 * j);
    }
  VariogramMapOptions o;
  o.cell_x = o.cell_y = 5;
  o.half_x = o.half_y = 6;
  const VariogramMap m = compute_variogram_map(s, o);
  for (int r = 0; r < m.rows(); ++r)
    for (int c = 0; c < m.columns(); ++c) {
      const std::size_t a = m.index(c, r), b = m.index(m.columns() - 1 - c, m.rows() - 1 - r);
      EXPECT_EQ(m.pairs[a], m.pairs[b]);
      if (m.pairs[a]) {
        EXPECT_EQ(m.gamma[a], m.gamma[b]);
      }
    }
  EXPECT_LT(m.gamma[m.index(6, 9)], m.gamma[m.index(9, 6)]);  // 15 m north vs 15 m east

  std::ostringstream csv;
  write_variogram_map_csv(csv, m);
  const CsvTable t = parse_csv(csv.str(), "map.csv");
  EXPECT_EQ(t.row_count(), 13u * 13u);
  EXPECT_EQ(t.header(), (std::vector<std::string>{"dx", "dy", "pairs", "gamma"}));
  EXPECT_TRUE(t.is_missing(t.row_count() / 2, 3) || *t.number(t.row_count() / 2, 2) > 0);
}

TEST(VariographyMap, BadOptions) {
  const auto s = random_samples(10, 3, false);
  VariogramMapOptions o;
  o.cell_x = 0;
  EXPECT_THROW(compute_variogram_map(s, o), Error);
  o.cell_x = 1;
  o.half_x = 0;
  EXPECT_THROW(compute_variogram_map(s, o), Error);
  o.half_x = 3;
  o.max_dz = -1;
  EXPECT_THROW(compute_variogram_map(s, o), Error);
}
