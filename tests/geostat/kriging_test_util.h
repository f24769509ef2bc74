// Helpers shared by the kriging tests: scratch folders, small files, running the `georeserve`
// command, reading CSV columns, and kriging jobs built in code.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "geostat/estimation.h"
#include "geostat/kriging_data.h"
#include "io/csv.h"

namespace georeserve::test {

namespace fs = std::filesystem;

inline fs::path fixture(const std::string& name) { return fs::path(GEORESERVE_TEST_DATA) / "gstat" / name; }

// A fresh folder under the system temp folder, removed at destruction.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    static int counter = 0;
    path_ = fs::temp_directory_path() / ("georeserve-" + tag + "-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

inline void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `georeserve ARGS` (args already shell-quoted) with stdout and stderr captured.
inline CommandResult run_cli(const std::string& args, const fs::path& scratch) {
  const fs::path out = scratch / "cli.stdout", err = scratch / "cli.stderr";
  const std::string cmd = std::string("'") + GEORESERVE_CLI + "' -q " + args + " >'" + out.string() + "' 2>'" +
                          err.string() + "'";
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_text(out);
  r.err = read_text(err);
  return r;
}

// A numeric column of a CSV file; NaN for empty cells.
inline std::vector<double> csv_column(const fs::path& file, const std::string& column) {
  const CsvTable t = read_csv_file(file);
  const std::size_t c = t.require_column(column);
  std::vector<double> v;
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    const auto x = t.number(r, c);
    v.push_back(x ? *x : std::numeric_limits<double>::quiet_NaN());
  }
  return v;
}

// Random samples in a box, with a smooth field plus noise; holes of `per_hole` consecutive samples.
inline KrigingSamples random_samples(std::size_t n, int dimension, unsigned seed, std::size_t per_hole = 0) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1000.0), uz(-200.0, 0.0);
  std::normal_distribution<double> noise(0.0, 0.3);
  KrigingSamples s;
  s.dimension = dimension;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = u(rng), y = u(rng), z = dimension == 3 ? uz(rng) : 0.0;
    s.x.push_back(x);
    s.y.push_back(y);
    s.z.push_back(z);
    s.value.push_back(5 + std::sin(x / 170) + std::cos(y / 230) + z / 150 + noise(rng));
    s.line.push_back(static_cast<long>(i) + 2);
    if (per_hole) s.hole.push_back(static_cast<std::int32_t>(i / per_hole));
  }
  if (per_hole)
    for (std::size_t h = 0; h <= n / per_hole; ++h) s.hole_names.push_back(std::string("H").append(std::to_string(h)));  // GCC 12: no false -Wrestrict
  return s;
}

inline KrigingTargets random_targets(std::size_t n, int dimension, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-50.0, 1050.0), uz(-220.0, 20.0);
  KrigingTargets t;
  for (std::size_t i = 0; i < n; ++i) {
    t.x.push_back(u(rng));
    t.y.push_back(u(rng));
    t.z.push_back(dimension == 3 ? uz(rng) : 0.0);
  }
  return t;
}

// Targets in grid order, row by row (x fastest), as a `grid` job has them, over the samples' box:
// nearby targets share most neighbours.
inline KrigingTargets grid_targets(int nx, int ny, int nz) {
  KrigingTargets t;
  for (int k = 0; k < nz; ++k)
    for (int j = 0; j < ny; ++j)
      for (int i = 0; i < nx; ++i) {
        t.x.push_back(20 + 960.0 * i / nx);
        t.y.push_back(20 + 960.0 * j / ny);
        t.z.push_back(nz > 1 ? -190 + 180.0 * k / nz : 0.0);
      }
  return t;
}

}  // namespace georeserve::test
