// Desurvey against hand-computed and published cases: a quarter circle of known radius, a straight
// inclined hole, the textbook minimum-curvature example, azimuth wrap-around, holes without survey,
// the first station below the collar, tangential and balanced tangential, and batch queries.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "core/error.h"
#include "drillhole/desurvey.h"

using namespace georeserve;
using namespace georeserve::drillhole;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kMm = 1e-3;

Collar make_collar(double max_depth, double x = 1000, double y = 2000, double z = 100) {
  return Collar{.hole_id = "T", .x = x, .y = y, .z = z, .max_depth = max_depth, .azimuth = {}, .dip = {}, .line = 0};
}

std::vector<SurveyStation> stations(std::initializer_list<std::array<double, 3>> rows) {
  std::vector<SurveyStation> out;
  for (const auto& r : rows) out.push_back({r[0], r[1], r[2], 0});
  return out;
}

void expect_near(const Eigen::Vector3d& a, const Eigen::Vector3d& b, double tol) {
  EXPECT_NEAR(a.x(), b.x(), tol);
  EXPECT_NEAR(a.y(), b.y(), tol);
  EXPECT_NEAR(a.z(), b.z(), tol);
}

// Independent oracle for a circular arc: start p0, unit tangent t0 turning towards unit t1 by
// angle beta over length L. At arc length s: p0 + R (sin(phi) t0 + (1 - cos(phi)) n), phi = s / R.
Eigen::Vector3d arc_point(const Eigen::Vector3d& p0, const Eigen::Vector3d& t0, const Eigen::Vector3d& t1,
                          double length, double s) {
  const double beta = std::acos(std::clamp(t0.dot(t1), -1.0, 1.0));
  const double radius = length / beta, phi = s / radius;
  const Eigen::Vector3d n = (t1 - std::cos(beta) * t0) / std::sin(beta);
  return p0 + radius * (std::sin(phi) * t0 + (1 - std::cos(phi)) * n);
}

}  // namespace

TEST(Desurvey, DirectionConvention) {
  expect_near(direction_vector(0, -90), {0, 0, -1}, 1e-15);
  expect_near(direction_vector(90, 0), {1, 0, 0}, 1e-15);   // east
  expect_near(direction_vector(0, 0), {0, 1, 0}, 1e-15);    // north
  expect_near(direction_vector(180, -45), {0, -std::sqrt(0.5), -std::sqrt(0.5)}, 1e-15);
  expect_near(direction_vector(std::nan(""), -90), {0, 0, -1}, 1e-15);  // azimuth undefined when vertical
}

TEST(Desurvey, QuarterCircleFollowsTheArcInsideTheSegment) {
  // Vertical at the collar, horizontal towards east at the end of a quarter circle of radius 100 m.
  const double r = 100, length = kPi / 2 * r;
  const HoleTrace trace(make_collar(length + 20), stations({{0, 0, -90}, {length, 90, 0}}),
                        DesurveyMethod::minimum_curvature);
  for (double s : {0.0, 10.0, 33.3, 50.0, 78.5, 100.0, 140.0, length}) {
    const double theta = s / r;
    const Eigen::Vector3d expected(1000 + r * (1 - std::cos(theta)), 2000, 100 - r * std::sin(theta));
    expect_near(trace.position_at(s), expected, 1e-9);
    expect_near(trace.direction_at(s), {std::sin(theta), 0, -std::cos(theta)}, 1e-12);
  }
  // Below the last station the hole goes straight on, east.
  expect_near(trace.position_at(length + 20), {1000 + r + 20, 2000, 100 - r}, 1e-9);
}

TEST(Desurvey, QuarterCircleFromManyStationsIsTheSameArc) {
  const double r = 100, length = kPi / 2 * r;
  std::vector<SurveyStation> st;
  for (int k = 0; k <= 9; ++k) {
    const double s = length * k / 9;
    st.push_back({s, 90, -90 + s / r * 180 / kPi, 0});
  }
  const HoleTrace trace(make_collar(length), st, DesurveyMethod::minimum_curvature);
  for (double s = 0; s <= length; s += 7.3) {
    const double theta = s / r;
    expect_near(trace.position_at(s), {1000 + r * (1 - std::cos(theta)), 2000, 100 - r * std::sin(theta)}, 1e-9);
  }
}

TEST(Desurvey, StraightInclinedHole) {
  const HoleTrace trace(make_collar(200), stations({{0, 30, -60}, {100, 30, -60}, {200, 30, -60}}),
                        DesurveyMethod::minimum_curvature);
  const Eigen::Vector3d t(std::cos(kPi / 3) * std::sin(kPi / 6), std::cos(kPi / 3) * std::cos(kPi / 6),
                          -std::sin(kPi / 3));
  for (double d : {0.0, 12.5, 100.0, 150.0, 200.0})
    expect_near(trace.position_at(d), Eigen::Vector3d(1000, 2000, 100) + d * t, 1e-9);
  // The three methods agree on a straight hole.
  for (auto m : {DesurveyMethod::tangential, DesurveyMethod::balanced_tangential}) {
    const HoleTrace other(make_collar(200), stations({{0, 30, -60}, {100, 30, -60}}), m);
    expect_near(other.position_at(173), trace.position_at(173), 1e-9);
  }
}

TEST(Desurvey, PublishedMinimumCurvatureExample) {
  // drillingformulas.com "Minimum Curvature Method": MD 3500 ft inc 15 az 20, MD 3600 ft inc 25 az 45
  // gives North 27.22, East 19.45, TVD 94.01 (ft), dog-leg 12.95 degrees, RF 1.00408.
  // Inclination is from vertical, so dip = inclination - 90.
  const HoleTrace trace(make_collar(4000, 0, 0, 0), stations({{3500, 20, -75}, {3600, 45, -65}}),
                        DesurveyMethod::minimum_curvature);
  const Eigen::Vector3d d = trace.position_at(3600) - trace.position_at(3500);
  EXPECT_NEAR(d.y(), 27.22, 0.005);
  EXPECT_NEAR(d.x(), 19.45, 0.005);
  EXPECT_NEAR(-d.z(), 94.01, 0.005);
  EXPECT_NEAR(angle_between(direction_vector(20, -75), direction_vector(45, -65)) * 180 / kPi, 12.95, 0.005);
  // Inside the segment the points lie on the circular arc (independent closed form).
  const Eigen::Vector3d p0 = trace.position_at(3500);
  for (double s : {10.0, 25.0, 50.0, 90.0})
    expect_near(trace.position_at(3500 + s), arc_point(p0, direction_vector(20, -75), direction_vector(45, -65), 100, s),
                1e-9);
}

TEST(Desurvey, ArcMatchesNumericalIntegrationOfTheDirection) {
  // A general 3D turn: integrate the unit tangent of the circular arc numerically (Simpson).
  const Eigen::Vector3d t0 = direction_vector(350, -70), t1 = direction_vector(80, -30);
  const double length = 60;
  const HoleTrace trace(make_collar(100, 0, 0, 0), stations({{0, 350, -70}, {length, 80, -30}}),
                        DesurveyMethod::minimum_curvature);
  const double beta = std::acos(t0.dot(t1));
  auto tangent = [&](double s) {
    const double f = s / length;
    return Eigen::Vector3d((std::sin((1 - f) * beta) * t0 + std::sin(f * beta) * t1) / std::sin(beta));
  };
  for (double s : {15.0, 41.0, 60.0}) {
    const int n = 2000;
    const double h = s / n;
    Eigen::Vector3d sum = tangent(0) + tangent(s);
    for (int k = 1; k < n; ++k) sum += (k % 2 ? 4.0 : 2.0) * tangent(k * h);
    expect_near(trace.position_at(s), sum * h / 3, 1e-9);
  }
}

TEST(Desurvey, AzimuthWrapsAroundNorth) {
  // 359 -> 1 is a 2-degree turn through north, not 358 degrees the long way round.
  const HoleTrace trace(make_collar(100, 0, 0, 0), stations({{0, 359, -45}, {100, 1, -45}}),
                        DesurveyMethod::minimum_curvature);
  const Eigen::Vector3d t0 = direction_vector(359, -45), t1 = direction_vector(1, -45);
  for (double s : {30.0, 50.0, 100.0}) expect_near(trace.position_at(s), arc_point({0, 0, 0}, t0, t1, 100, s), 1e-9);
  const Eigen::Vector3d end = trace.position_at(100);
  EXPECT_NEAR(end.x(), 0, 1e-9);  // symmetric about north
  EXPECT_NEAR(end.y(), 100 * std::cos(kPi / 4), 0.01);
  EXPECT_GT(trace.position_at(50).y(), 35);  // heading north all the way
  const double dogleg = angle_between(t0, t1) * 180 / kPi;
  EXPECT_NEAR(dogleg, 2 * std::asin(std::cos(kPi / 4) * std::sin(kPi / 180)) * 180 / kPi, 1e-9);
  EXPECT_LT(dogleg, 1.5);
}

TEST(Desurvey, HolesWithoutSurvey) {
  Collar c = make_collar(100);
  const HoleTrace vertical(c, {}, DesurveyMethod::minimum_curvature);
  expect_near(vertical.position_at(100), {1000, 2000, 0}, 1e-12);
  c.azimuth = 45;
  c.dip = -60;
  const HoleTrace inclined(c, {}, DesurveyMethod::minimum_curvature);
  const double h = 100 * std::cos(kPi / 3) / std::sqrt(2.0);
  expect_near(inclined.position_at(100), {1000 + h, 2000 + h, 100 - 100 * std::sin(kPi / 3)}, 1e-9);
  c.azimuth.reset();
  c.dip = -90;
  const HoleTrace dip_only(c, {}, DesurveyMethod::minimum_curvature);
  expect_near(dip_only.position_at(50), {1000, 2000, 50}, 1e-12);
}

TEST(Desurvey, FirstStationBelowTheCollarAndPastTheLast) {
  // The first station's direction applies above it; the last one's below it.
  const HoleTrace trace(make_collar(300, 0, 0, 0), stations({{50, 90, -60}, {100, 90, -60}}),
                        DesurveyMethod::minimum_curvature);
  const Eigen::Vector3d t = direction_vector(90, -60);
  expect_near(trace.position_at(20), 20 * t, 1e-12);
  expect_near(trace.position_at(250), 250 * t, 1e-9);
  EXPECT_EQ(trace.station_count(), 3u);  // the collar station was added
}

TEST(Desurvey, VerticalStationsWithUndefinedAzimuth) {
  const HoleTrace trace(make_collar(100, 0, 0, 0), stations({{0, std::nan(""), -90}, {50, 90, -90}, {100, 0, -90}}),
                        DesurveyMethod::minimum_curvature);
  expect_near(trace.position_at(75), {0, 0, -75}, 1e-12);
}

TEST(Desurvey, TangentialAndBalancedTangential) {
  // Vertical at 0, horizontal east at 100.
  const auto st = stations({{0, 90, -90}, {100, 90, 0}});
  const HoleTrace tan(make_collar(100, 0, 0, 0), st, DesurveyMethod::tangential);
  expect_near(tan.position_at(100), {100, 0, 0}, 1e-12);
  expect_near(tan.position_at(30), {30, 0, 0}, 1e-12);
  const HoleTrace bal(make_collar(100, 0, 0, 0), st, DesurveyMethod::balanced_tangential);
  expect_near(bal.position_at(30), {0, 0, -30}, 1e-12);
  expect_near(bal.position_at(100), {50, 0, -50}, 1e-12);
  expect_near(bal.position_at(80), {30, 0, -50}, 1e-12);
  // Minimum curvature = balanced tangential times the ratio factor tan(b/2)/(b/2) at station depths.
  const HoleTrace mc(make_collar(100, 0, 0, 0), st, DesurveyMethod::minimum_curvature);
  const double rf = std::tan(kPi / 4) / (kPi / 4);
  expect_near(mc.position_at(100), rf * Eigen::Vector3d(50, 0, -50), 1e-9);
}

TEST(Desurvey, DuplicateStationDepthsKeepTheFirst) {
  const HoleTrace trace(make_collar(100, 0, 0, 0), stations({{0, 0, -90}, {50, 0, -90}, {50, 90, 0}}),
                        DesurveyMethod::minimum_curvature);
  EXPECT_EQ(trace.station_count(), 2u);
  expect_near(trace.position_at(100), {0, 0, -100}, 1e-12);
}

TEST(Desurvey, BatchQueriesEqualSingleQueries) {
  const HoleTrace trace(make_collar(300), stations({{0, 10, -80}, {60, 40, -70}, {130, 80, -55}, {210, 95, -50}}),
                        DesurveyMethod::minimum_curvature);
  std::vector<double> depths{0, 5, 59.99, 60, 60.01, 129, 200, 210, 250, 300};
  std::vector<Eigen::Vector3d> out(depths.size());
  trace.positions_at(depths, out);
  for (std::size_t i = 0; i < depths.size(); ++i) expect_near(out[i], trace.position_at(depths[i]), 1e-12);
  std::reverse(depths.begin(), depths.end());  // unsorted input works too
  trace.positions_at(depths, out);
  for (std::size_t i = 0; i < depths.size(); ++i) expect_near(out[i], trace.position_at(depths[i]), 1e-12);
  // Continuity at stations.
  for (std::size_t i = 1; i < trace.station_count(); ++i) {
    const double d = trace.station_depth(i);
    expect_near(trace.position_at(d - 1e-9), trace.position_at(d + 1e-9), 1e-6);
    expect_near(trace.position_at(d), trace.station_position(i), 1e-9);
  }
}

TEST(Desurvey, ArcLengthEqualsDepth) {
  // Along any minimum-curvature path, the distance travelled equals the measured depth.
  const HoleTrace trace(make_collar(300), stations({{0, 10, -80}, {60, 40, -70}, {130, 280, -55}, {210, 95, -20}}),
                        DesurveyMethod::minimum_curvature);
  double travelled = 0;
  const int n = 30000;
  for (int k = 0; k < n; ++k)
    travelled += (trace.position_at(300.0 * (k + 1) / n) - trace.position_at(300.0 * k / n)).norm();
  EXPECT_NEAR(travelled, 300, kMm);
}

TEST(Desurvey, ReportDepths) {
  const Collar c = make_collar(23);
  EXPECT_EQ(report_depths(c, {}, 5), (std::vector<double>{0, 5, 10, 15, 20, 23}));
  EXPECT_EQ(report_depths(make_collar(20), {}, 5), (std::vector<double>{0, 5, 10, 15, 20}));
  const auto st = stations({{0, 0, -90}, {7, 0, -90}, {30, 0, -90}});
  EXPECT_EQ(report_depths(c, st, 0), (std::vector<double>{0, 7, 23}));
  EXPECT_THROW(report_depths(make_collar(1e6), {}, 0.01), ResourceError);  // 100 million points
}

TEST(Desurvey, MethodNames) {
  EXPECT_EQ(parse_desurvey_method("balanced-tangential"), DesurveyMethod::balanced_tangential);
  EXPECT_EQ(to_string(DesurveyMethod::minimum_curvature), "minimum-curvature");
  EXPECT_THROW(parse_desurvey_method("radius-of-curvature"), Error);
}

TEST(Desurvey, DegenerateCasesStayFinite) {
  const HoleTrace empty;  // default: vertical at the origin
  expect_near(empty.position_at(5), {0, 0, -5}, 0);
  // A hole that doubles back (180-degree dog-leg) has no plane of turn: balanced tangential there.
  const HoleTrace back(make_collar(100, 0, 0, 0), stations({{0, 0, -90}, {10, 0, 90}}),
                       DesurveyMethod::minimum_curvature);
  expect_near(back.position_at(10), {0, 0, 0}, 1e-12);
  EXPECT_TRUE(back.position_at(7).allFinite());
  // A dog-leg of 1e-10 rad is a straight line.
  const HoleTrace tiny(make_collar(100, 0, 0, 0), stations({{0, 0, -60}, {50, 1e-8, -60}}),
                       DesurveyMethod::minimum_curvature);
  expect_near(tiny.position_at(50), 50 * direction_vector(0, -60), 1e-9);
}
