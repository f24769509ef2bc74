// End-to-end tests of `georeserve subsidence CONFIG.json`: every output of a full run, the fit, and
// one clear error line (exit 1, no files written) for each kind of bad input.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "formats/raster.h"
#include "formats/vector.h"
#include "io/csv.h"
#include "subsidence/model.h"

namespace georeserve::subsidence {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CliRun run_cli(const std::string& args, const fs::path& dir) {
  const fs::path out = dir / "stdout.txt", err = dir / "stderr.txt";
  const std::string cmd = std::string(GEORESERVE_CLI) + " -q subsidence " + args + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(cmd.c_str());
  CliRun r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  fs::remove(out);
  fs::remove(err);
  return r;
}

class SubsidenceCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("georeserve_subsidence_cli_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  std::size_t file_count() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), fs::directory_iterator{})); }
  fs::path dir_;
};

// Two panels near Tiefa coordinates: a rectangle and a quadrilateral that is not one.
const char* kPanels = R"([
    {"id": "W1-01", "polygon": [[41500000, 4680000], [41500200, 4680000], [41500200, 4681000], [41500000, 4681000]],
     "thickness": 3.0, "depth": 400.0},
    {"id": "W1-02", "polygon": [[41500260, 4680050], [41500470, 4680000], [41500480, 4681000], [41500260, 4680950]],
     "thickness": 2.5, "depth": 420.0, "dip": -8, "dip_azimuth": 90}])";

std::string config(const std::string& extra, const std::string& parameters = R"({"q": 0.8, "tan_beta": 2.0, "b": 0.3, "theta": 85})",
                   const std::string& grid = R"({"origin": [41499400, 4679400], "spacing": [20, 20], "count": [70, 110]})",
                   const std::string& panels = kPanels) {
  return std::string("{\"title\": \"铁法 W1 盘区\", \"panels\": ") + panels + ", \"parameters\": " + parameters + ", \"grid\": " + grid +
         ", \"output\": \"grid.csv\"" + extra + "}";
}

const char* kBlocks = R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4529"}},
 "features": [
  {"type": "Feature", "properties": {"name": "调兵山村"}, "geometry": {"type": "Polygon", "coordinates":
    [[[41499900, 4680400], [41500300, 4680400], [41500300, 4680700], [41499900, 4680700], [41499900, 4680400]]]}},
  {"type": "Feature", "properties": {"name": "远处 far"}, "geometry": {"type": "Polygon", "coordinates":
    [[[41500600, 4681600], [41500700, 4681600], [41500700, 4681700], [41500600, 4681700], [41500600, 4681600]]]}}]})";

TEST_F(SubsidenceCli, FullRunWritesEveryOutput) {
  write("blocks.geojson", kBlocks);
  const fs::path cfg = write("run.json", config(R"(, "crs": "EPSG:4529", "directions": [45], "principal": true,
      "geotiff": {"W": "w.tif", "grade": "grade.tif"}, "contours": "contours.geojson", "contour_lines": "lines.geojson",
      "zones": "zones.geojson", "dxf": "subsidence.dxf", "planning_blocks": "blocks.geojson", "overlay": "overlay.csv", "map": "map.svg")"));
  const CliRun r = run_cli(cfg.string(), dir_);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("max W = "), std::string::npos);

  const CsvTable csv = read_csv_file(dir_ / "grid.csv");
  const std::vector<std::string> header{"x", "y", "W", "tilt_x", "tilt_y", "curvature_x", "curvature_y", "u_x", "u_y", "strain_x", "strain_y",
                                        "tilt_az45", "curvature_az45", "u_az45", "strain_az45", "tilt_max", "curvature_max", "strain_max", "damage_grade"};
  EXPECT_EQ(csv.header(), header);
  ASSERT_EQ(csv.row_count(), 70u * 110u);
  // A node checked against the engine's point model (same parameters as the config).
  Panel a, b;
  a.id = "W1-01";
  a.polygon = {{41500000, 4680000}, {41500200, 4680000}, {41500200, 4681000}, {41500000, 4681000}};
  a.thickness = 3.0, a.depth = 400.0;
  b.id = "W1-02";
  b.polygon = {{41500260, 4680050}, {41500470, 4680000}, {41500480, 4681000}, {41500260, 4680950}};
  b.thickness = 2.5, b.depth = 420.0, b.dip = -8, b.dip_azimuth = 90;
  Parameters p;
  p.q = 0.8, p.tan_beta = 2.0, p.b = 0.3, p.theta = 85;
  const SubsidenceModel model({a, b}, p);
  const std::size_t row = 55 * 70 + 35;  // node (35, 55)
  const Deformation d = model.at({41499400 + 35 * 20.0, 4679400 + 55 * 20.0});
  EXPECT_NEAR(*csv.number(row, 2), d.w, 1e-3);
  EXPECT_NEAR(*csv.number(row, 3), d.tilt_x, 1e-4);
  EXPECT_NEAR(*csv.number(row, 10), d.strain_yy, 1e-4);
  EXPECT_NEAR(*csv.number(row, 13), d.along(45).u, 1e-3);

  const RasterGrid w = read_geotiff(dir_ / "w.tif");
  EXPECT_EQ(w.epsg, 4529);
  EXPECT_EQ(w.cols, 70u);
  EXPECT_NEAR(w.at(35, 110 - 1 - 55), d.w, 1e-2);  // north-up rows
  EXPECT_TRUE(fs::exists(dir_ / "grade.tif"));

  const PolygonFile contours = read_polygon_file(dir_ / "contours.geojson");
  EXPECT_EQ(contours.epsg, 4529);
  EXPECT_GE(contours.features.size(), 3u);  // 10, 100, 500, 1000, ... mm
  EXPECT_EQ(contours.features[0].property_text("level_mm").value_or(""), "10");
  const PolygonFile zones = read_polygon_file(dir_ / "zones.geojson");
  EXPECT_EQ(zones.features[0].property_text("zone").value_or(""), "subsided_10mm");
  EXPECT_NE(slurp(dir_ / "lines.geojson").find("MultiLineString"), std::string::npos);
  EXPECT_NE(slurp(dir_ / "subsidence.dxf").find("damage_grade_II"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir_ / "subsidence.prj"));

  const CsvTable overlay = read_csv_file(dir_ / "overlay.csv");
  ASSERT_EQ(overlay.row_count(), 2u);
  EXPECT_EQ(overlay.cell(0, 0), "调兵山村");
  EXPECT_NEAR(*overlay.number(0, 1), 400.0 * 300.0, 0.1);
  EXPECT_GT(*overlay.number(0, 7), 1000.0);  // over the panels: over a metre of subsidence
  EXPECT_EQ(overlay.cell(1, 8), "-");         // the far block sees none
  double graded = 0.0;
  for (std::size_t c = 3; c <= 6; ++c) graded += *overlay.number(0, c);
  EXPECT_NEAR(graded, *overlay.number(0, 2), 0.02 * *overlay.number(0, 2));

  const std::string svg = slurp(dir_ / "map.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("调兵山村"), std::string::npos);
  EXPECT_NE(svg.find("铁法 W1 盘区"), std::string::npos);
}

TEST_F(SubsidenceCli, FitRecoversParametersFromLevelling) {
  Panel a;
  a.id = "W1";
  a.polygon = {{0, 0}, {250, 0}, {250, 1200}, {0, 1200}};
  a.thickness = 3.0, a.depth = 450.0;
  Parameters truth;
  truth.q = 0.68, truth.tan_beta = 2.4;
  const SubsidenceModel model({a}, truth);
  std::ostringstream pts;
  pts << "x,y,W\n";
  for (double x = -500; x <= 750; x += 20) pts << x << ",600," << model.at({x, 600}).w + 2.0 * std::sin(x) << "\n";
  for (double y = -500; y <= 1700; y += 25) pts << "125," << y << "," << model.at({125, y}).w + 2.0 * std::cos(y) << "\n";
  write("levelling.csv", pts.str());
  const std::string panels = R"([{"id": "W1", "polygon": [[0,0],[250,0],[250,1200],[0,1200]], "thickness": 3.0, "depth": 450.0}])";
  const fs::path cfg = write("fit.json", config(R"(, "fit": {"points": "levelling.csv", "parameters": ["q", "tan_beta"], "output": "fit_report.json", "residuals": "residuals.csv"})",
                                                R"({"q": 0.5, "tan_beta": 1.5})", R"({"origin": [-500, -500], "spacing": [25, 25], "count": [51, 89]})", panels));
  const CliRun r = run_cli(cfg.string() + " --fit-only", dir_);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("q = 0.68"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tan_beta = 2.4"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "grid.csv"));  // --fit-only
  const std::string report = slurp(dir_ / "fit_report.json");
  EXPECT_NE(report.find("\"std_error\""), std::string::npos);
  EXPECT_EQ(read_csv_file(dir_ / "residuals.csv").row_count(), 63u + 89u);
  // Without --fit-only the prediction uses the fitted parameters.
  const CliRun full = run_cli(cfg.string(), dir_);
  ASSERT_EQ(full.code, 0) << full.err;
  EXPECT_TRUE(fs::exists(dir_ / "grid.csv"));
}


// Each bad configuration: exit 1, one line on stderr holding `needle`, nothing written.
class SubsidenceCliBad : public SubsidenceCli {
 public:
  void expect_bad(const std::string& json, const std::string& needle) {
    const fs::path cfg = write("bad.json", json);
    const std::size_t before = file_count();
    const CliRun r = run_cli(cfg.string(), dir_);
    EXPECT_EQ(r.code, 1) << needle;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(file_count(), before) << "files were written for: " << needle;
  }
};

std::string one_panel(const std::string& polygon, const std::string& rest = R"("thickness": 3.0, "depth": 400.0)") {
  return R"([{"id": "P", "polygon": )" + polygon + ", " + rest + "}]";
}
const char* kSquare = "[[0,0],[300,0],[300,300],[0,300]]";
const char* kGrid = R"({"origin": [-500, -500], "spacing": [20, 20], "count": [66, 66]})";
const char* kParams = R"({"q": 0.8, "tan_beta": 2.0})";

TEST_F(SubsidenceCliBad, EachBadInputHasOneClearError) {
  expect_bad(config("", kParams, kGrid, one_panel(kSquare, R"("thickness": 3.0, "depth": 0)")), "panels[0].depth: panel 'P': depth must be > 0");
  expect_bad(config("", kParams, kGrid, one_panel(kSquare, R"("thickness": -2, "depth": 400)")), "panels[0].thickness");
  expect_bad(config("", R"({"q": 1.5, "tan_beta": 2.0})", kGrid, one_panel(kSquare)), "parameters.q: subsidence factor q must be in (0, 1.2]");
  expect_bad(config("", R"({"q": 0, "tan_beta": 2.0})", kGrid, one_panel(kSquare)), "parameters.q");
  expect_bad(config("", R"({"q": 0.8, "tan_beta": 0})", kGrid, one_panel(kSquare)), "parameters.tan_beta: tan(beta) must be > 0");
  expect_bad(config("", kParams, kGrid, one_panel("[[0,0],[300,0]]")), "panels[0].polygon: panel 'P': outline has only 2 distinct vertices");
  expect_bad(config("", kParams, kGrid, one_panel("[[0,0],[300,300],[300,0],[0,300]]")), "intersects itself");
  expect_bad(config("", kParams, R"({"origin": [0, 0], "spacing": [1, 1], "count": [1000000, 1000000]})", one_panel(kSquare)),
             "grid.count: 1000000 x 1000000 nodes need about");
  expect_bad(config(R"(, "colour": "blue")", kParams, kGrid, one_panel(kSquare)), "colour: unknown key");
  expect_bad(config("", R"({"q": 0.8, "tan_beta": 2.0, "s_ratio": 0.4})", kGrid, one_panel(kSquare)), "inflection-point offset s = 160.0 m");
  expect_bad(config(R"(, "crs": "EPSG:999999")", kParams, kGrid, one_panel(kSquare)), "crs: EPSG:999999");
  write("open.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "村"},
      "geometry": {"type": "Polygon", "coordinates": [[[0,0],[10,0],[10,10],[0,10]]]}}]})");
  expect_bad(config(R"(, "planning_blocks": "open.geojson", "overlay": "o.csv")", kParams, kGrid, one_panel(kSquare)), "ring 1 is not closed");
  expect_bad(config("", kParams, kGrid, one_panel(kSquare, R"("thickness": 3.0, "depth": 400, "dip": 10)")), "panels[0].dip_azimuth: required key is missing");
  const CliRun missing = run_cli((dir_ / "nope.json").string(), dir_);
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos);
}

TEST_F(SubsidenceCli, PanelsFromAGeoJsonFile) {
  write("panels.geojson", R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "W1-01", "m": 3.0, "H": "400"}, "geometry": {"type": "Polygon", "coordinates":
      [[[41500000, 4680000], [41500200, 4680000], [41500200, 4681000], [41500000, 4681000], [41500000, 4680000]]]}},
    {"type": "Feature", "properties": {"id": "W1-02", "m": 2.5, "H": 420}, "geometry": {"type": "Polygon", "coordinates":
      [[[41500260, 4680000], [41500460, 4680000], [41500460, 4681000], [41500260, 4681000], [41500260, 4680000]]]}}]})");
  const std::string from_file = R"({"file": "panels.geojson", "thickness": "m", "depth": "H", "dip": 0})";
  const fs::path cfg = write("file.json", config("", R"({"q": 0.8, "tan_beta": 2.0})",
                                                 R"({"origin": [41499400, 4679400], "spacing": [20, 20], "count": [70, 110]})", from_file));
  const CliRun r = run_cli(cfg.string(), dir_);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("W1-02: W0 = 2000 mm, r = 210.0 m"), std::string::npos) << r.out;
  // A feature without the depth property is named in the error.
  write("panels.geojson", R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "W9", "m": 3.0}, "geometry": {"type": "Polygon", "coordinates":
      [[[0, 0], [200, 0], [200, 1000], [0, 1000], [0, 0]]]}}]})");
  const CliRun bad = run_cli(cfg.string(), dir_);
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("panels.geojson: error: feature 1 ('W9'): property 'H' is missing"), std::string::npos) << bad.err;
}

TEST_F(SubsidenceCli, SameFilesForAnyThreadCount) {
  const fs::path cfg = write("run.json", config(R"(, "zones": "zones.geojson", "principal": true)"));
  ASSERT_EQ(run_cli(cfg.string() + " --threads 1", dir_).code, 0);
  const std::string csv1 = slurp(dir_ / "grid.csv"), zones1 = slurp(dir_ / "zones.geojson");
  ASSERT_EQ(run_cli(cfg.string() + " --threads 2", dir_).code, 0);
  EXPECT_TRUE(csv1 == slurp(dir_ / "grid.csv"));
  EXPECT_TRUE(zones1 == slurp(dir_ / "zones.geojson"));
}

TEST_F(SubsidenceCli, HelpTeachesTheConfiguration) {
  const CliRun r = run_cli("--help", dir_);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\"planning_blocks\""), std::string::npos);
  EXPECT_NE(r.out.find("--fit-only"), std::string::npos);
}

}  // namespace
}  // namespace georeserve::subsidence
