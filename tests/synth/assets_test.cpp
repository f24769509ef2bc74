// The committed assets are the generator's output: regenerating with the default seed reproduces every
// file byte for byte, no stale file lies in assets/, and every drillhole set passes `georeserve
// validate` without errors (warnings allowed: the sets carry deliberate flaws and sparse samples).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <sys/wait.h>
#include <unistd.h>

#include "formats/raster.h"
#include "io/csv.h"
#include "synth/generate.h"
#include "synth/trace.h"

using namespace georeserve;
namespace fs = std::filesystem;

namespace {
const fs::path kAssets = fs::path(GEORESERVE_SOURCE_DIR) / "assets";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

TEST(Assets, RegenerationIsByteIdentical) {
  const fs::path tmp = fs::temp_directory_path() / ("georeserve_synth_regen_" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  const synth::SynthResult r = synth::generate_assets({tmp, synth::kDefaultSeed, std::nullopt}, nullptr);
  ASSERT_GT(r.files.size(), 20u);
  std::set<std::string> generated(r.files.begin(), r.files.end());
  for (const std::string& rel : r.files) {
    const fs::path committed = kAssets / rel;
    ASSERT_TRUE(fs::exists(committed)) << rel << " is generated but not committed";
    if (slurp(committed) == slurp(tmp / rel)) continue;
    if (rel.ends_with(".tif")) {  // another GDAL build may lay the bytes out differently: compare content
      const RasterGrid a = read_geotiff(committed), b = read_geotiff(tmp / rel);
      EXPECT_EQ(a.values, b.values) << rel;
      EXPECT_EQ(a.epsg, b.epsg) << rel;
      EXPECT_EQ(a.west, b.west) << rel;
      EXPECT_EQ(a.north, b.north) << rel;
      EXPECT_EQ(a.cell_x, b.cell_x) << rel;
      continue;
    }
    ADD_FAILURE() << rel << " differs from its regeneration (run `georeserve synth --out assets`)";
  }
  // Nothing in assets/ that the generator does not write (README.md is written by hand).
  for (const auto& e : fs::recursive_directory_iterator(kAssets)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), kAssets).generic_string();
    if (rel == "README.md") continue;
    EXPECT_TRUE(generated.count(rel)) << "assets/" << rel << " is not written by the generator";
  }
  fs::remove_all(tmp);
}

TEST(Assets, DrillholeSetsValidate) {
  const std::string cli = GEORESERVE_CLI;
  ASSERT_TRUE(fs::exists(cli)) << "build the georeserve command first";
  const std::string q = (kAssets / "qianyu").string(), t = (kAssets / "tiefa").string();
  EXPECT_EQ(run(cli + " validate --collar " + q + "/collar.csv --survey " + q + "/survey.csv --intervals " + q +
                "/lithology.csv " + q + "/assay.csv " + q + "/density.csv > /dev/null 2>&1"),
            0);
  EXPECT_EQ(run(cli + " validate --collar " + t + "/collar.csv --survey " + t + "/survey.csv --intervals " + t +
                "/lithology.csv " + t + "/seams.csv > /dev/null 2>&1"),
            0);
}

TEST(Assets, TablesHaveTheDesignColumns) {
  const std::pair<const char*, std::vector<const char*>> tables[] = {
      {"qianyu/collar.csv", {"hole_id", "x", "y", "z", "max_depth", "azimuth", "dip"}},
      {"qianyu/survey.csv", {"hole_id", "depth", "azimuth", "dip"}},
      {"qianyu/lithology.csv", {"hole_id", "from", "to", "lith", "lith_cn"}},
      {"qianyu/assay.csv", {"hole_id", "from", "to", "CaSiO3", "Fe2O3", "LOI"}},
      {"qianyu/density.csv", {"hole_id", "from", "to", "density"}},
      {"tiefa/collar.csv", {"hole_id", "x", "y", "z", "max_depth"}},
      {"tiefa/survey.csv", {"hole_id", "depth", "azimuth", "dip"}},
      {"tiefa/lithology.csv", {"hole_id", "from", "to", "lith"}},
      {"tiefa/seams.csv", {"hole_id", "from", "to", "seam", "ash", "sulfur", "cv", "density"}}};
  for (const auto& [file, columns] : tables) {
    const CsvTable t = read_csv_file(kAssets / file);
    EXPECT_TRUE(t.problems().empty()) << file;
    EXPECT_GT(t.row_count(), 10u) << file;
    for (const char* c : columns) EXPECT_TRUE(t.find_column(c).has_value()) << file << " lacks " << c;
  }
}

// Samples were taken on the minimum-curvature paths through survey.csv: `georeserve desurvey` (an
// independent implementation) must find the holes in the same places.
TEST(Assets, DesurveyFindsTheTruePaths) {
  const std::string cli = GEORESERVE_CLI;
  ASSERT_TRUE(fs::exists(cli));
  const fs::path out = fs::temp_directory_path() / ("georeserve_synth_desurvey_" + std::to_string(::getpid()) + ".csv");
  const std::string q = (kAssets / "qianyu").string();
  ASSERT_EQ(run(cli + " desurvey --collar " + q + "/collar.csv --survey " + q + "/survey.csv --step 7 --out " + out.string() +
                " > /dev/null 2>&1"),
            0);
  const CsvTable collar = read_csv_file(kAssets / "qianyu/collar.csv"), survey = read_csv_file(kAssets / "qianyu/survey.csv");
  const CsvTable points = read_csv_file(out);
  std::map<std::string, std::array<double, 3>> collars;
  std::map<std::string, std::vector<synth::Station>> stations;
  for (std::size_t r = 0; r < collar.row_count(); ++r)
    collars[std::string(collar.cell(r, 0))] = {*collar.number(r, 1), *collar.number(r, 2), *collar.number(r, 3)};
  for (std::size_t r = 0; r < survey.row_count(); ++r)
    stations[std::string(survey.cell(r, 0))].push_back({*survey.number(r, 1), *survey.number(r, 2), *survey.number(r, 3)});
  ASSERT_GT(points.row_count(), 1000u);
  double worst = 0.0;
  for (std::size_t r = 0; r < points.row_count(); ++r) {
    const std::string id(points.cell(r, 0));
    const synth::DrillTrace trace(collars.at(id), stations.at(id));
    const auto p = trace.at(*points.number(r, 1));
    for (int i = 0; i < 3; ++i) worst = std::max(worst, std::abs(p[static_cast<std::size_t>(i)] - *points.number(r, static_cast<std::size_t>(2 + i))));
  }
  EXPECT_LT(worst, 0.001);  // the desurvey output is rounded to the millimetre
  fs::remove(out);
}
