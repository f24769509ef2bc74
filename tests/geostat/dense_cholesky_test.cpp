// The factor updates of dense_cholesky.h against factorising the changed matrix afresh.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include <Eigen/Dense>

#include "geostat/dense_cholesky.h"

using namespace georeserve;

namespace {

// A random symmetric positive definite n x n matrix, moderately conditioned.
Eigen::MatrixXd random_spd(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> nd;
  const Eigen::MatrixXd b = Eigen::MatrixXd::NullaryExpr(n, n, [&] { return nd(rng); });
  return b * b.transpose() / n + 0.1 * Eigen::MatrixXd::Identity(n, n);
}

struct Factor {
  std::size_t n, ld;
  std::vector<double> l, g, h;
};

// Factor of a, with g = L^-1 z and h = L^-1 1, stored as the kriging system stores them (ld > n).
Factor factorise(const Eigen::MatrixXd& a, const Eigen::VectorXd& z, std::size_t ld) {
  const auto n = static_cast<std::size_t>(a.rows());
  Factor f{n, ld, std::vector<double>(ld * ld, 0.0), std::vector<double>(ld, 0.0), std::vector<double>(ld, 0.0)};
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = j; i < n; ++i) f.l[j * ld + i] = a(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
  double ratio = 0;
  EXPECT_TRUE(cholesky_lower(f.l.data(), n, ld, 1e-10, &ratio));
  for (std::size_t i = 0; i < n; ++i) f.g[i] = z[static_cast<Eigen::Index>(i)], f.h[i] = 1.0;
  solve_lower(f.l.data(), n, ld, f.g.data());
  solve_lower(f.l.data(), n, ld, f.h.data());
  return f;
}

void expect_same_factor(const Factor& got, const Factor& want) {
  ASSERT_EQ(got.n, want.n);
  for (std::size_t j = 0; j < want.n; ++j) {
    for (std::size_t i = j; i < want.n; ++i)
      EXPECT_NEAR(got.l[j * got.ld + i], want.l[j * want.ld + i], 1e-11 * (1 + std::abs(want.l[j * want.ld + i])))
          << "L(" << i << ", " << j << ")";
    EXPECT_NEAR(got.g[j], want.g[j], 1e-11 * (1 + std::abs(want.g[j]))) << "g " << j;
    EXPECT_NEAR(got.h[j], want.h[j], 1e-11 * (1 + std::abs(want.h[j]))) << "h " << j;
  }
}

Eigen::MatrixXd without(const Eigen::MatrixXd& a, int k) {
  const int n = static_cast<int>(a.rows());
  Eigen::MatrixXd b(n - 1, n - 1);
  for (int i = 0, bi = 0; i < n; ++i) {
    if (i == k) continue;
    for (int j = 0, bj = 0; j < n; ++j)
      if (j != k) b(bi, bj++) = a(i, j);
    ++bi;
  }
  return b;
}

Eigen::VectorXd without(const Eigen::VectorXd& z, int k) {
  Eigen::VectorXd b(z.size() - 1);
  for (int i = 0, bi = 0; i < z.size(); ++i)
    if (i != k) b[bi++] = z[i];
  return b;
}

TEST(DenseCholesky, RemovingAnyRowMatchesAFreshFactor) {
  for (int n : {1, 2, 5, 24, 31}) {
    const Eigen::MatrixXd a = random_spd(n, 7 + static_cast<unsigned>(n));
    const Eigen::VectorXd z = Eigen::VectorXd::LinSpaced(n, -2.0, 3.0);
    for (int k = 0; k < n; ++k) {
      Factor f = factorise(a, z, 40);
      std::vector<double> scratch(40);
      cholesky_remove(f.l.data(), f.n, f.ld, static_cast<std::size_t>(k), f.g.data(), f.h.data(), scratch.data());
      f.n -= 1;
      if (f.n == 0) continue;
      expect_same_factor(f, factorise(without(a, k), without(z, k), 40));
    }
  }
}

TEST(DenseCholesky, AppendingARowMatchesAFreshFactor) {
  const int n = 24;
  const Eigen::MatrixXd a = random_spd(n + 1, 3);
  const Eigen::VectorXd z = Eigen::VectorXd::LinSpaced(n + 1, 1.0, 4.0);
  Factor f = factorise(a.topLeftCorner(n, n), z.head(n), 32);
  std::vector<double> c(n), x(n);
  for (int i = 0; i < n; ++i) c[static_cast<std::size_t>(i)] = a(n, i);
  double inverse = 0;
  ASSERT_TRUE(cholesky_append(f.l.data(), n, f.ld, c.data(), a(n, n), 1e-6, x.data(), &inverse));
  f.g[n] = (z[n] - dot(x.data(), f.g.data(), n)) * inverse;
  f.h[n] = (1.0 - dot(x.data(), f.h.data(), n)) * inverse;
  f.n = n + 1;
  expect_same_factor(f, factorise(a, z, 32));
}

// A row that repeats an earlier one makes the matrix singular: append refuses and changes nothing.
TEST(DenseCholesky, AppendRefusesADependentRow) {
  const int n = 6;
  const Eigen::MatrixXd a = random_spd(n, 5);
  Factor f = factorise(a, Eigen::VectorXd::Ones(n), 8);
  const std::vector<double> before = f.l;
  std::vector<double> c(n), x(n);
  for (int i = 0; i < n; ++i) c[static_cast<std::size_t>(i)] = a(2, i);
  double inverse = 0;
  EXPECT_FALSE(cholesky_append(f.l.data(), n, f.ld, c.data(), a(2, 2), 1e-6, x.data(), &inverse));
  EXPECT_EQ(f.l, before);
}

// Many removals and appends in turn (a target walking along a row) stay as exact as a fresh factor.
TEST(DenseCholesky, ManyUpdatesInARowStayExact) {
  const int total = 200, n = 20;
  const Eigen::MatrixXd a = random_spd(total, 11);
  const Eigen::VectorXd zall = Eigen::VectorXd::LinSpaced(total, 0.0, 10.0);
  std::vector<int> members(n);
  for (int i = 0; i < n; ++i) members[static_cast<std::size_t>(i)] = i;
  auto sub = [&](const std::vector<int>& m) {
    const int k = static_cast<int>(m.size());
    Eigen::MatrixXd s(k, k);
    Eigen::VectorXd zs(k);
    for (int i = 0; i < k; ++i) {
      zs[i] = zall[m[static_cast<std::size_t>(i)]];
      for (int j = 0; j < k; ++j) s(i, j) = a(m[static_cast<std::size_t>(i)], m[static_cast<std::size_t>(j)]);
    }
    return std::pair{s, zs};
  };
  auto [s0, z0] = sub(members);
  Factor f = factorise(s0, z0, 32);
  std::mt19937 rng(2);
  std::vector<double> scratch(32), c(32), x(32);
  for (int step = 0, next = n; step < 150; ++step, ++next) {
    const auto k = static_cast<std::size_t>(rng() % members.size());
    cholesky_remove(f.l.data(), f.n, f.ld, k, f.g.data(), f.h.data(), scratch.data());
    members.erase(members.begin() + static_cast<std::ptrdiff_t>(k));
    f.n -= 1;
    for (std::size_t i = 0; i < f.n; ++i) c[i] = a(next, members[i]);
    double inverse = 0;
    ASSERT_TRUE(cholesky_append(f.l.data(), f.n, f.ld, c.data(), a(next, next), 1e-6, x.data(), &inverse));
    f.g[f.n] = (zall[next] - dot(x.data(), f.g.data(), f.n)) * inverse;
    f.h[f.n] = (1.0 - dot(x.data(), f.h.data(), f.n)) * inverse;
    f.n += 1;
    members.push_back(next);
  }
  auto [s1, z1] = sub(members);
  expect_same_factor(f, factorise(s1, z1, 32));
}

}  // namespace
