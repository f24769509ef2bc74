// The viewer's live statement (filtered_statement) against a hand-worked grid and against a brute-force
// sum over every block of random rotated grids with random selections (value range, classes, domains,
// index box, section and bench slabs, a polygon with a hole).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.h"
#include "geometry/polygon.h"
#include "resources/filtered_statement.h"

using namespace georeserve;

namespace {

struct Model {
  std::array<int, 3> cells;
  std::vector<float> tonnes, klass, grade, grade2, domain, filter;
  BlockColumns columns() const {
    BlockColumns c;
    c.cells = cells;
    c.tonnes = tonnes;
    c.class_code = klass;
    c.grades = {{"CaSiO3", "%", grade}, {"Fe2O3", "%", grade2}};
    return c;
  }
};

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

}  // namespace

TEST(FilteredStatement, HandWorkedTwoByTwo) {
  // Four 10 x 10 x 5 m blocks in a row of two columns, two levels.
  Model m;
  m.cells = {2, 1, 2};
  m.tonnes = {1000, 2000, 500, 0};
  m.klass = {1, 1, 2, kNaN};
  m.grade = {50, 80, 40, 99};
  m.grade2 = {1, kNaN, 3, 4};
  BlockColumns c = m.columns();
  c.axes = {{{10, 0, 0}, {0, 10, 0}, {0, 0, 5}}};
  const auto s = filtered_statement(c, {});
  ASSERT_EQ(s.rows.size(), 3u);  // measured, indicated, total (the unclassified block has no tonnes)
  EXPECT_EQ(s.rows[0].class_name_cn, "探明");
  EXPECT_DOUBLE_EQ(s.rows[0].tonnes, 3000);
  EXPECT_DOUBLE_EQ(s.rows[0].grades[0], (1000 * 50 + 2000 * 80) / 3000.0);
  EXPECT_DOUBLE_EQ(s.rows[0].grades[1], 1.0);  // only the first block carries Fe2O3
  EXPECT_EQ(s.rows[1].class_name, "indicated");
  EXPECT_DOUBLE_EQ(s.rows[1].tonnes, 500);
  EXPECT_EQ(s.rows[2].class_name_cn, "合计");
  EXPECT_DOUBLE_EQ(s.rows[2].tonnes, 3500);
  EXPECT_DOUBLE_EQ(s.rows[2].grades[0], (1000 * 50 + 2000 * 80 + 500 * 40) / 3500.0);
  EXPECT_DOUBLE_EQ(s.rows[2].grades[1], (1000 * 1 + 500 * 3) / 1500.0);
  EXPECT_EQ(s.blocks_selected, 4u);

  // A bench: block centres between elevations 0 and 5 (the lower level only).
  BlockSelection bench;
  bench.slabs.push_back({{0, 0, 1}, 0.0, 0.0, 5.0});
  const auto b = filtered_statement(c, bench);
  EXPECT_DOUBLE_EQ(b.rows.back().tonnes, 3000);
  // A cut-off at 60 on the grade keeps the 80 % block only.
  BlockSelection cutoff;
  cutoff.filter_values = m.grade;
  cutoff.filter_lo = 60;
  cutoff.filter_hi = 1e9;
  const auto k = filtered_statement(c, cutoff);
  EXPECT_DOUBLE_EQ(k.rows.back().tonnes, 2000);
  EXPECT_DOUBLE_EQ(k.rows.back().grades[0], 80);
  // A polygon around the east column only.
  BlockSelection east;
  east.polygon = geometry::MultiPolygon{{{{12, -1}, {19, -1}, {19, 11}, {12, 11}}, {}}};
  const auto e = filtered_statement(c, east);
  EXPECT_DOUBLE_EQ(e.rows.back().tonnes, 2000);
  // Nothing selected: only the total row, with no tonnes and no grades.
  BlockSelection none;
  none.classes = std::vector<long long>{};
  const auto z = filtered_statement(c, none);
  ASSERT_EQ(z.rows.size(), 1u);
  EXPECT_EQ(z.rows[0].tonnes, 0);
  EXPECT_TRUE(std::isnan(z.rows[0].grades[0]));
}

TEST(FilteredStatement, WrongColumnLengthIsAnError) {
  Model m;
  m.cells = {2, 2, 2};
  m.tonnes.assign(7, 1.0f);
  BlockColumns c;
  c.cells = m.cells;
  c.tonnes = m.tonnes;
  EXPECT_THROW(filtered_statement(c, {}), InputError);
}

TEST(FilteredStatement, MatchesBruteForceOnRandomGridsAndSelections) {
  std::mt19937 rng(20261129);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 40; ++trial) {
    Model m;
    m.cells = {3 + static_cast<int>(u(rng) * 20), 3 + static_cast<int>(u(rng) * 15), 2 + static_cast<int>(u(rng) * 10)};
    const std::size_t n = static_cast<std::size_t>(m.cells[0]) * m.cells[1] * m.cells[2];
    for (std::size_t b = 0; b < n; ++b) {
      m.tonnes.push_back(u(rng) < 0.2 ? 0.0f : static_cast<float>(100 + 2000 * u(rng)));
      const double r = u(rng);
      m.klass.push_back(r < 0.1 ? kNaN : static_cast<float>(1 + static_cast<int>(r * 3.3)));  // 1..4 (4: not a resource class)
      m.grade.push_back(u(rng) < 0.05 ? kNaN : static_cast<float>(100 * u(rng)));
      m.grade2.push_back(static_cast<float>(10 * u(rng)));
      m.domain.push_back(u(rng) < 0.1 ? kNaN : static_cast<float>(1 + static_cast<int>(u(rng) * 3)));
      m.filter.push_back(u(rng) < 0.05 ? kNaN : static_cast<float>(u(rng)));
    }
    BlockColumns c = m.columns();
    const double angle = trial % 2 ? 0.0 : u(rng) * 3.14159;
    const double sx = 5 + 10 * u(rng), sy = 5 + 10 * u(rng), sz = 2 + 5 * u(rng);
    c.origin = {41512000 + 100 * u(rng), 4690000 + 100 * u(rng), -200 * u(rng)};
    c.axes = {{{sx * std::cos(angle), sx * std::sin(angle), 0}, {-sy * std::sin(angle), sy * std::cos(angle), 0}, {0, 0, sz}}};
    if (trial % 7 == 3) c.axes[2] = {0.3, 0.2, sz};  // a sheared grid: the polygon test goes per block

    BlockSelection s;
    if (u(rng) < 0.7) {
      s.filter_values = m.filter;
      s.filter_lo = 0.3 * u(rng);
      s.filter_hi = s.filter_lo + 0.6 * u(rng);
    }
    if (u(rng) < 0.3) s.required = m.grade;
    if (u(rng) < 0.5) s.classes = std::vector<long long>{1, 3, -1};
    if (u(rng) < 0.5) {
      s.domain_code = m.domain;
      s.domains = std::vector<long long>{2, -1};
    }
    if (u(rng) < 0.5) {
      s.index_min = std::array<int, 3>{1, 0, 1};
      s.index_max = std::array<int, 3>{m.cells[0] - 2, m.cells[1] * 2, m.cells[2] - 1};
    }
    const auto mid = c.centre(m.cells[0] / 2, m.cells[1] / 2, m.cells[2] / 2);
    if (u(rng) < 0.6) {  // a vertical section through the middle at a random azimuth, 15 m wide, 80 m long
      const double az = u(rng) * 3.14159;
      const std::array<double, 3> across{std::cos(az), -std::sin(az), 0}, along{std::sin(az), std::cos(az), 0};
      s.slabs.push_back({across, across[0] * mid[0] + across[1] * mid[1], -7.5, 7.5});
      s.slabs.push_back({along, along[0] * mid[0] + along[1] * mid[1], -40, 40});
    }
    if (u(rng) < 0.4) s.slabs.push_back({{0, 0, 1}, 0.0, mid[2] - 6, mid[2] + 6});
    if (u(rng) < 0.6) {
      geometry::Polygon p;
      const double r = 30 + 60 * u(rng);
      for (int v = 0; v < 7; ++v)
        p.outer.push_back({mid[0] + r * std::cos(v * 0.9), mid[1] + r * std::sin(v * 0.9) * 0.8});
      p.holes.push_back({{mid[0] - 5, mid[1] - 5}, {mid[0] - 5, mid[1] + 5}, {mid[0] + 5, mid[1] + 5}, {mid[0] + 5, mid[1] - 5}});
      geometry::orient(p);
      s.polygon = geometry::MultiPolygon{p};
    }

    // Brute force: every block, every condition spelled out.
    std::array<double, 5> tonnes{}, weighted{}, carried{};
    std::size_t selected = 0;
    for (int k = 0; k < m.cells[2]; ++k)
      for (int j = 0; j < m.cells[1]; ++j)
        for (int i = 0; i < m.cells[0]; ++i) {
          const std::size_t b = (static_cast<std::size_t>(k) * m.cells[1] + j) * m.cells[0] + i;
          if (s.index_min && (i < (*s.index_min)[0] || j < (*s.index_min)[1] || k < (*s.index_min)[2])) continue;
          if (s.index_max && (i > (*s.index_max)[0] || j > (*s.index_max)[1] || k > (*s.index_max)[2])) continue;
          if (!s.required.empty() && std::isnan(s.required[b])) continue;
          if (!s.filter_values.empty() && !(m.filter[b] >= s.filter_lo && m.filter[b] <= s.filter_hi)) continue;
          const long long klass = std::isnan(m.klass[b]) ? -1 : static_cast<long long>(m.klass[b]);
          if (s.classes && std::find(s.classes->begin(), s.classes->end(), klass) == s.classes->end()) continue;
          const long long dom = std::isnan(m.domain[b]) ? -1 : static_cast<long long>(m.domain[b]);
          if (s.domains && std::find(s.domains->begin(), s.domains->end(), dom) == s.domains->end()) continue;
          const auto p = c.centre(i, j, k);
          bool keep = true;
          for (const auto& slab : s.slabs) {
            const double v = slab.normal[0] * p[0] + slab.normal[1] * p[1] + slab.normal[2] * p[2] - slab.offset;
            keep = keep && v >= slab.lo && v <= slab.hi;
          }
          if (!keep) continue;
          if (s.polygon && !geometry::contains(*s.polygon, {p[0], p[1]})) continue;
          ++selected;
          if (!(m.tonnes[b] > 0)) continue;
          const std::size_t slot = klass >= 1 && klass <= 3 ? static_cast<std::size_t>(klass) : 0;
          tonnes[slot] += m.tonnes[b];
          tonnes[4] += m.tonnes[b];
          if (!std::isnan(m.grade[b])) {
            weighted[slot] += static_cast<double>(m.tonnes[b]) * m.grade[b];
            carried[slot] += m.tonnes[b];
            weighted[4] += static_cast<double>(m.tonnes[b]) * m.grade[b];
            carried[4] += m.tonnes[b];
          }
        }

    const auto got = filtered_statement(c, s);
    SCOPED_TRACE("trial " + std::to_string(trial));
    EXPECT_EQ(got.blocks_selected, selected);
    ASSERT_FALSE(got.rows.empty());
    const auto& total = got.rows.back();
    EXPECT_EQ(total.class_code, -1);
    EXPECT_NEAR(total.tonnes, tonnes[4], 1e-6 * (1 + tonnes[4]));
    if (carried[4] > 0) {
      EXPECT_NEAR(total.grades[0], weighted[4] / carried[4], 1e-9 * 100);
    }
    for (const auto& row : got.rows) {
      if (row.class_code < 0) continue;
      const std::size_t slot = static_cast<std::size_t>(row.class_code);
      EXPECT_NEAR(row.tonnes, tonnes[slot], 1e-6 * (1 + tonnes[slot]));
      if (carried[slot] > 0) {
        EXPECT_NEAR(row.grades[0], weighted[slot] / carried[slot], 1e-9 * 100);
      }
    }
    std::size_t classes_with_tonnes = 0;
    for (std::size_t slot = 0; slot < 4; ++slot) classes_with_tonnes += tonnes[slot] > 0;
    EXPECT_EQ(got.rows.size(), classes_with_tonnes + 1);
  }
}
