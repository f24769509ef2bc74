// Experimental variograms and fits against R gstat 2.1 (fixtures made by
// tests/fixtures/variography/make_fixtures.R): pair counts exactly, distances and semivariances to
// 1e-9 relative; fitted parameters to gstat's within its own convergence, weighted SSE never worse.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "core/text.h"
#include "geostat/experimental_variogram.h"
#include "geostat/variogram_fit.h"
#include "io/csv.h"

using namespace georeserve;

namespace {

const std::string dir = std::string(GEORESERVE_TEST_DATA) + "/variography/";

double num(const CsvTable& t, std::size_t row, std::string_view col) { return *t.number(row, t.require_column(col)); }

VariogramSamples load(const std::string& file, const std::string& value, bool three_d) {
  const CsvTable t = read_csv_file(dir + file);
  VariogramSamples s;
  s.dimension = three_d ? 3 : 2;
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    s.x.push_back(num(t, r, "x"));
    s.y.push_back(num(t, r, "y"));
    s.z.push_back(three_d ? num(t, r, "z") : 0.0);
    s.value.push_back(num(t, r, value));
  }
  return s;
}

struct GstatRow {
  long np;
  double dist, gamma, dir_hor, dir_ver;
};

std::vector<GstatRow> gstat_case(const std::string& name) {
  const CsvTable t = read_csv_file(dir + "gstat_variograms.csv");
  std::vector<GstatRow> rows;
  for (std::size_t r = 0; r < t.row_count(); ++r)
    if (t.cell(r, t.require_column("case")) == name)
      rows.push_back({static_cast<long>(num(t, r, "np")), num(t, r, "dist"), num(t, r, "gamma"), num(t, r, "dir_hor"),
                      num(t, r, "dir_ver")});
  EXPECT_FALSE(rows.empty()) << name;
  return rows;
}

VariogramDirection direction(double azimuth, double tol, double dip = 0, double dip_tol = 90) {
  VariogramDirection d;
  d.azimuth = azimuth;
  d.tolerance = tol;
  d.dip = dip;
  d.dip_tolerance = dip_tol;
  return d;
}

// gstat lists the non-empty lags of each direction in order, directions in the order of the loops.
void expect_matches(const std::vector<ExperimentalVariogram>& ours, const std::vector<GstatRow>& gstat) {
  std::size_t row = 0;
  for (const auto& ev : ours) {
    for (const auto& lag : ev.lags) {
      if (lag.pairs == 0) continue;
      ASSERT_LT(row, gstat.size()) << "more non-empty lags than gstat";
      const GstatRow& g = gstat[row++];
      EXPECT_EQ(static_cast<long>(lag.pairs), g.np) << ev.direction.label() << " lag " << lag.from;
      EXPECT_NEAR(lag.distance, g.dist, 1e-9 * g.dist) << ev.direction.label() << " lag " << lag.from;
      EXPECT_NEAR(lag.gamma, g.gamma, 1e-9 * g.gamma) << ev.direction.label() << " lag " << lag.from;
    }
  }
  EXPECT_EQ(row, gstat.size()) << "fewer non-empty lags than gstat";
}

}  // namespace

TEST(VariographyGstat, MeuseOmnidirectional) {
  const auto s = load("meuse_logzinc.csv", "logzinc", false);
  for (auto [name, cutoff, width] : {std::tuple{"meuse_omni_1500_100", 1500.0, 100.0}, {"meuse_omni_1000_75", 1000.0, 75.0}}) {
    ExperimentalVariogramOptions o;
    o.lags = LagDefinition::cutoff_width(width, cutoff);
    o.directions = {direction(0, 90)};
    expect_matches(compute_experimental_variograms(s, o), gstat_case(name));
  }
}

TEST(VariographyGstat, MeuseFourDirections) {
  const auto s = load("meuse_logzinc.csv", "logzinc", false);
  ExperimentalVariogramOptions o;
  o.lags = LagDefinition::cutoff_width(100, 1500);
  for (double a : {0.0, 45.0, 90.0, 135.0}) o.directions.push_back(direction(a, 22.5));
  expect_matches(compute_experimental_variograms(s, o), gstat_case("meuse_dir4_1500_100"));

  o.lags = LagDefinition::cutoff_width(80, 1200);
  o.directions = {direction(30, 10)};
  expect_matches(compute_experimental_variograms(s, o), gstat_case("meuse_dir30_tol10"));
}

TEST(VariographyGstat, Synthetic3D) {
  const auto s = load("synthetic3d.csv", "v", true);
  ExperimentalVariogramOptions o;
  o.lags = LagDefinition::cutoff_width(25, 300);
  o.directions = {direction(0, 90)};
  expect_matches(compute_experimental_variograms(s, o), gstat_case("syn3d_omni_300_25"));

  // gstat loops alpha outside beta; its beta is our dip (both positive upward).
  o.directions.clear();
  for (double a : {0.0, 90.0})
    for (double b : {0.0, 90.0}) o.directions.push_back(direction(a, 30, b, 30));
  expect_matches(compute_experimental_variograms(s, o), gstat_case("syn3d_dir_300_25"));

  o.lags = LagDefinition::cutoff_width(20, 250);
  o.directions = {direction(60, 30, 0, 20)};
  expect_matches(compute_experimental_variograms(s, o), gstat_case("syn3d_flat_tol20"));
}

namespace {

struct GstatFit {
  std::string name, type;
  int method;
  double start_nugget, start_sill, start_range, nugget, sill, range, sserr;
};

std::vector<GstatFit> gstat_fits() {
  const CsvTable t = read_csv_file(dir + "gstat_fits.csv");
  std::vector<GstatFit> fits;
  for (std::size_t r = 0; r < t.row_count(); ++r)
    fits.push_back({std::string(t.cell(r, t.require_column("case"))), std::string(t.cell(r, t.require_column("type"))),
                    static_cast<int>(num(t, r, "method")), num(t, r, "start_nugget"), num(t, r, "start_sill"),
                    num(t, r, "start_range"), num(t, r, "nugget"), num(t, r, "sill"), num(t, r, "range"),
                    num(t, r, "sserr")});
  return fits;
}

VariogramModel one_structure(const std::string& type, double nugget, double sill, double range) {
  VariogramModel m;
  m.nugget = nugget;
  VariogramStructure s;
  EXPECT_TRUE(parse_structure_type(type, &s.type));
  s.sill = sill;
  s.anisotropy.ranges = {range, range, range};
  m.structures.push_back(s);
  return m;
}

}  // namespace

// gstat fits sill and range jointly with its own Gauss-Newton and stops at a relative SSE change of
// 1e-6; ours converges further, so: weighted SSE not above gstat's, parameters within 1e-3.
// gstat's exponential fits with methods 1, 2 and 6 end with the nugget at its bound 0 (gstat refits
// with the nugget fixed at 0); ours reaches the same point through the bounds. Method 2 there is
// skipped: gstat's refit takes its Cressie weights from a different model (fitted sill, initial range).
TEST(VariographyGstat, FitVariogramMeuse) {
  const auto s = load("meuse_logzinc.csv", "logzinc", false);
  ExperimentalVariogramOptions o;
  o.lags = LagDefinition::cutoff_width(100, 1500);
  o.directions = {direction(0, 90)};
  const auto ev = compute_experimental_variograms(s, o);
  int compared = 0;
  for (const auto& g : gstat_fits()) {
    if (g.name == "exp_nug_m2") continue;
    SCOPED_TRACE(g.name);
    const VariogramModel start = one_structure(g.type, g.start_nugget, g.start_sill, g.start_range);
    VariogramFitOptions fo;
    fo.method = g.method;
    fo.multistart = false;  // the same start as gstat
    const VariogramFitResult r = fit_variogram(ev, start, fo);
    // gstat's own SSErr and ours of gstat's parameters agree: the same objective.
    const VariogramModel theirs = one_structure(g.type, g.nugget, g.sill, g.range);
    EXPECT_NEAR(variogram_fit_sse(ev, theirs, g.method, start), g.sserr, 1e-9 * g.sserr);
    EXPECT_LE(r.weighted_sse, g.sserr * (1 + 1e-6));
    EXPECT_NEAR(r.model.nugget, g.nugget, 1e-3 * std::max(g.nugget, 0.01));
    EXPECT_NEAR(r.model.structures[0].sill, g.sill, 1e-3 * g.sill);
    EXPECT_NEAR(r.model.structures[0].anisotropy.ranges[0], g.range, 1e-3 * g.range);
    // The default multistart fit finds the same minimum.
    fo.multistart = true;
    const VariogramFitResult rm = fit_variogram(ev, start, fo);
    EXPECT_LE(rm.weighted_sse, r.weighted_sse * (1 + 1e-9));
    ++compared;
  }
  EXPECT_EQ(compared, 7);
}
