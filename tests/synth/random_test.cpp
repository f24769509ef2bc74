// The generator's own random numbers: fixed sequences (any change to them changes every bundled file),
// unbiased ranges, normal moments, and the normal quantile as the inverse of the CDF.
#include <gtest/gtest.h>

#include <cmath>

#include "synth/random.h"

using namespace georeserve::synth;

TEST(SynthRandom, SequenceIsFixed) {
  // SplitMix64 reference values for state 0 (from the algorithm's published test vector).
  std::uint64_t s = 0;
  EXPECT_EQ(splitmix64(s), 0xE220A8397B1DCDAFull);
  EXPECT_EQ(splitmix64(s), 0x6E789E6AA1B965F4ull);
  Rng a(42, "x"), b(42, "x"), c(42, "y"), d(43, "x");
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t va = a.next();
    EXPECT_EQ(va, b.next());
    EXPECT_NE(va, c.next());
    EXPECT_NE(va, d.next());
  }
}

TEST(SynthRandom, RangesAndMoments) {
  Rng r(7, "moments");
  const int n = 200000;
  double sum = 0, sum2 = 0, usum = 0;
  int counts[5] = {0, 0, 0, 0, 0};
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    usum += u;
    const long long k = r.integer(-2, 2);
    ASSERT_GE(k, -2);
    ASSERT_LE(k, 2);
    ++counts[k + 2];
    const double z = r.normal();
    sum += z;
    sum2 += z * z;
  }
  EXPECT_NEAR(usum / n, 0.5, 0.005);
  for (int c : counts) EXPECT_NEAR(c / static_cast<double>(n), 0.2, 0.005);
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(sum2 / n, 1.0, 0.015);
}

TEST(SynthRandom, NormalQuantileInvertsCdf) {
  for (double p : {1e-9, 1e-4, 0.01, 0.02425, 0.1, 0.5, 0.77, 0.97575, 0.999, 1 - 1e-7}) {
    EXPECT_NEAR(normal_cdf(normal_quantile(p)), p, 1e-12 + 1e-9 * p);
  }
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(normal_cdf(1.0), 0.8413447460685429, 1e-15);
}
