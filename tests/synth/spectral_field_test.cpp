// Spectral random fields: the line and lattice evaluations equal the direct sum, and the experimental
// variogram over many realisations matches the model (gstat parameterisation, GSLIB anisotropy).
#include <gtest/gtest.h>

#include <cmath>

#include "synth/spectral_field.h"

using namespace georeserve::synth;

namespace {
FieldStructure structure(CovarianceType t, double sill, double major, double minor, double vert, double az) {
  FieldStructure s;
  s.type = t;
  s.sill = sill;
  s.anisotropy.ranges = {major, minor, vert};
  s.anisotropy.angles = {az, 0, 0};
  return s;
}
}  // namespace

TEST(SpectralField, LineAndLatticeEqualDirectSum) {
  const SpectralField f({structure(CovarianceType::exponential, 2.0, 50, 20, 5, 30)}, 3, 11, "t", 1000, 2000, 0, 300);
  std::vector<double> line(40);
  f.evaluate_line({1010, 1990, -5}, {1.5, -0.5, 2.0}, line.size(), line.data());
  for (std::size_t i = 0; i < line.size(); ++i)
    EXPECT_NEAR(line[i], f(1010 + 1.5 * i, 1990 - 0.5 * i, -5 + 2.0 * i), 1e-9);
  SpectralLattice lat(f, {990, 1995, 0}, {2, 3, 4}, {6, 5, 7});
  for (std::size_t i = 0; i < 6; ++i)
    for (std::size_t j = 0; j < 5; ++j) {
      lat.select_column(i, j);
      for (std::size_t k = 0; k < 7; ++k) EXPECT_NEAR(lat.value(k), f(990 + 2.0 * i, 1995 + 3.0 * j, 4.0 * k), 1e-9);
    }
}

// gamma(h) of gstat's Exp and Gau with anisotropic ranges, averaged over 200 realisations.
TEST(SpectralField, VariogramMatchesModel) {
  const double sill = 3.0;
  for (CovarianceType type : {CovarianceType::exponential, CovarianceType::gaussian}) {
    const FieldStructure s = structure(type, sill, 400, 100, 100, 60);  // major axis azimuth 60
    const double ax = std::sin(60 * M_PI / 180), ay = std::cos(60 * M_PI / 180);
    for (double h : {50.0, 150.0, 400.0}) {
      double major = 0, minor = 0;
      const int reps = 200, pairs = 50;
      for (int r = 0; r < reps; ++r) {
        const SpectralField f({s}, 2, 1000 + r, "vario", 0, 0, 0, 512);
        for (int p = 0; p < pairs; ++p) {
          const double x = 5000.0 * p, y = 3000.0 * (p % 7);  // far apart: nearly independent pairs
          major += std::pow(f(x + h * ax, y + h * ay) - f(x, y), 2) / 2;
          minor += std::pow(f(x + h * ay, y - h * ax) - f(x, y), 2) / 2;
        }
      }
      major /= reps * pairs;
      minor /= reps * pairs;
      auto model = [&](double range) {
        return type == CovarianceType::exponential ? sill * (1 - std::exp(-h / range)) : sill * (1 - std::exp(-(h * h) / (range * range)));
      };
      // Relative sampling error of a mean of 10,000 chi-square(1)-like terms is about 1.4 %; allow 8 %.
      EXPECT_NEAR(major, model(400), 0.08 * sill) << "type " << static_cast<int>(type) << " h " << h;
      EXPECT_NEAR(minor, model(100), 0.08 * sill) << "type " << static_cast<int>(type) << " h " << h;
    }
  }
}
