// Cell declustering: a cluster counts as one sample per cell.
#include <gtest/gtest.h>

#include "geostat/declustering.h"

using namespace georeserve;

TEST(Declustering, ClusterIsDownWeighted) {
  // Four spread samples of value 1 and a tight cluster of five samples of value 10 in one cell.
  std::vector<double> x = {0, 100, 200, 300, 150, 151, 152, 153, 154};
  std::vector<double> y(9, 0.0), z(9, 0.0);
  std::vector<double> v = {1, 1, 1, 1, 10, 10, 10, 10, 10};
  const auto w = cell_declustering_weights(x, y, z, {50, 50, 0}, 1);
  double sum = 0;
  for (double a : w) sum += a;
  EXPECT_NEAR(sum, 9.0, 1e-12);
  EXPECT_NEAR(w[0] / w[4], 5.0, 1e-12);
  EXPECT_NEAR(weighted_mean(v, w), (4 * 1 + 10) / 5.0, 1e-12);
  // With several origins the weights still sum to n and still favour the spread samples.
  const auto w4 = cell_declustering_weights(x, y, z, {50, 50, 0}, 4);
  double s4 = 0;
  for (double a : w4) s4 += a;
  EXPECT_NEAR(s4, 9.0, 1e-9);
  EXPECT_LT(weighted_mean(v, w4), 3.5);
}

TEST(Declustering, RegularDataKeepEqualWeights) {
  std::vector<double> x, y, z;
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 10; ++j) {
      x.push_back(i * 10 + 5);
      y.push_back(j * 10 + 5);
      z.push_back(0);
    }
  const auto w = cell_declustering_weights(x, y, z, {10, 10, 0}, 1);
  for (double a : w) EXPECT_NEAR(a, 1.0, 1e-12);
}
