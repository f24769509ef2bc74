// The variogram catalogue and the anisotropy convention.
#include <gtest/gtest.h>

#include <cmath>

#include <Eigen/LU>

#include "core/error.h"
#include "geostat/variogram_model.h"
#include "io/json_config.h"

using namespace georeserve;

namespace {
VariogramModel parse(const std::string& text) {
  static JsonDocument doc;  // ConfigView keeps a pointer to it
  doc = parse_json_text(text, "v.json");
  return VariogramModel::from_config(ConfigView(doc));
}
}  // namespace

TEST(VariogramModel, GstatParameterisation) {
  EXPECT_DOUBLE_EQ(unit_variogram(StructureType::spherical, 0.5), 0.6875);
  EXPECT_DOUBLE_EQ(unit_variogram(StructureType::spherical, 1.5), 1.0);
  EXPECT_DOUBLE_EQ(unit_variogram(StructureType::exponential, 1.0), 1 - std::exp(-1.0));
  EXPECT_DOUBLE_EQ(unit_variogram(StructureType::gaussian, 2.0), 1 - std::exp(-4.0));
  EXPECT_NEAR(unit_variogram(StructureType::cubic, 1.0 - 1e-12), 1.0, 1e-9);
  // Practical ranges: 95 % of the sill at 3 a (Exp) and sqrt(3) a (Gau).
  EXPECT_NEAR(unit_variogram(StructureType::exponential, 3.0), 0.95, 0.001);
  EXPECT_NEAR(unit_variogram(StructureType::gaussian, std::sqrt(3.0)), 0.95, 0.001);
}

TEST(VariogramModel, NuggetOnlyAwayFromZero) {
  const auto m = parse(R"({"nugget": 2, "structures": [{"type": "Sph", "sill": 40, "range": 100}]})");
  EXPECT_EQ(m.variogram(0, 0, 0), 0.0);
  EXPECT_DOUBLE_EQ(m.variogram(1e-9, 0, 0), 2.0 + 40 * unit_variogram(StructureType::spherical, 1e-11));
  EXPECT_DOUBLE_EQ(m.variogram(150, 0, 0), 42.0);
  EXPECT_DOUBLE_EQ(m.covariance({0, 0, 0}), 42.0);
  EXPECT_DOUBLE_EQ(m.total_sill(), 42.0);
}

TEST(VariogramModel, AzimuthIsClockwiseFromNorth) {
  const auto m = parse(R"({"structures": [{"type": "spherical", "sill": 1, "ranges": [300, 100, 30],
                          "angles": [30, 0, 0]}]})");
  const double s = std::sin(30 * M_PI / 180), c = std::cos(30 * M_PI / 180);
  // 150 m along azimuth 30 is half the major range; along azimuth 120 half the minor range is 50 m.
  EXPECT_NEAR(m.variogram(150 * s, 150 * c, 0), unit_variogram(StructureType::spherical, 0.5), 1e-12);
  EXPECT_NEAR(m.variogram(50 * c, -50 * s, 0), unit_variogram(StructureType::spherical, 0.5), 1e-12);
  EXPECT_NEAR(m.variogram(0, 0, 15), unit_variogram(StructureType::spherical, 0.5), 1e-12);
}

TEST(VariogramModel, DipNegativeIsDownward) {
  Anisotropy a;
  a.angles = {90, -30, 0};  // major axis towards east, plunging 30 degrees down
  const Eigen::Vector3d u = a.major_axis();
  EXPECT_NEAR(u.x(), std::cos(30 * M_PI / 180), 1e-12);
  EXPECT_NEAR(u.y(), 0, 1e-12);
  EXPECT_NEAR(u.z(), -0.5, 1e-12);
  EXPECT_NEAR((u - direction_vector(90, -30)).norm(), 0, 1e-12);
}

TEST(VariogramModel, RotationIsOrthonormal) {
  Anisotropy a;
  a.angles = {37, -52, 18};
  const Eigen::Matrix3d r = a.rotation();
  EXPECT_NEAR((r * r.transpose() - Eigen::Matrix3d::Identity()).norm(), 0, 1e-12);
  EXPECT_NEAR(r.determinant(), 1.0, 1e-12);
}

TEST(VariogramModel, BadConfigsNameTheKey) {
  auto message = [](const std::string& text) {
    try {
      parse(text);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message(R"({"structures": [{"type": "sperical", "sill": 1, "range": 10}]})")
                .find("structures[0].type: unknown structure type 'sperical'"),
            std::string::npos);
  EXPECT_NE(message(R"({"structures": [{"type": "Sph", "sill": -1, "range": 10}]})").find("structures[0].sill"),
            std::string::npos);
  EXPECT_NE(message(R"({"structures": [{"type": "Sph", "sill": 1, "ranges": [10, 0, 5]}]})")
                .find("structures[0].ranges"),
            std::string::npos);
  EXPECT_NE(message(R"({"structures": []})").find("empty"), std::string::npos);
  EXPECT_NE(message(R"({"structures": [{"type": "Exp", "sill": 1, "range": 10, "rnage": 3}]})").find("rnage"),
            std::string::npos);
}

TEST(VariogramModel, JsonRoundTrip) {
  const auto m = parse(R"({"nugget": 0.5, "structures": [{"type": "exponential", "sill": 3, "ranges": [90, 60, 10],
                          "angles": [45, -10, 5]}, {"type": "power", "sill": 0.1, "range": 1, "exponent": 1.5}]})");
  const auto text = m.to_json().dump();
  const auto back = parse(text);
  for (double d : {1.0, 10.0, 55.0, 200.0})
    EXPECT_DOUBLE_EQ(back.variogram(d, d / 2, -d / 7), m.variogram(d, d / 2, -d / 7));
  EXPECT_FALSE(m.bounded());
}
