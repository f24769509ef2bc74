// A small deposit made in code for pipeline tests: vertical holes on a 20 m grid over 200 x 200 m,
// a flat ore layer 20 m thick (z from -60 to -40 m below a collar plane at z = 0) whose CaSiO3 grade
// follows a smooth known field. The true tonnage inside the drilled square is 200*200*20*2.8 t.
#pragma once

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <string>

namespace georeserve::synthetic {

inline double true_grade(double x, double y) { return 70 + 10 * std::sin(x / 40.0) * std::cos(y / 55.0); }

inline void write_synthetic_deposit(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::ofstream collar(dir / "collar.csv"), lith(dir / "lithology.csv"), assay(dir / "assay.csv"),
      density(dir / "density.csv");
  collar << "hole_id,x,y,z,max_depth,azimuth,dip\n";
  lith << "hole_id,from,to,lith\n";
  assay << "hole_id,from,to,CaSiO3\n";
  density << "hole_id,from,to,density\n";
  for (auto* f : {&collar, &lith, &assay, &density}) *f << std::fixed << std::setprecision(3);
  int n = 0;
  for (int i = 0; i <= 10; ++i)
    for (int j = 0; j <= 10; ++j) {
      const double x = 41500000 + i * 20.0, y = 4700000 + j * 20.0;
      const std::string id = "ZK" + std::to_string(i) + "-" + std::to_string(j);
      collar << id << "," << x << "," << y << ",0,100,0,-90\n";
      lith << id << ",0,40,MB\n" << id << ",40,60,ORE\n" << id << ",60,100,MB\n";
      for (int d = 40; d < 60; d += 2)
        assay << id << "," << d << "," << d + 2 << "," << true_grade(x - 41500000, y - 4700000) + ((d / 2 + n) % 3 - 1) * 0.5 << "\n";
      assay << id << ",30,40,5\n" << id << ",60,70,4\n";
      density << id << ",45,46,2.8\n";
      ++n;
    }
}

inline std::string synthetic_model_json(const std::string& data_dir) {
  return R"({
  // A small synthetic deposit for tests.
  "name": "synthetic",
  "title": "合成矿床 synthetic deposit",
  "drillholes": {"collar": ")" + data_dir + R"(/collar.csv", "intervals": [")" + data_dir + R"(/lithology.csv", ")" +
         data_dir + R"(/assay.csv", ")" + data_dir + R"(/density.csv"]},
  "domains": [{"name": "ore", "name_cn": "矿体", "table": "lithology", "field": "lith", "codes": ["ORE"],
               "implicit": {"resolution": 4, "max_extrapolation": 15, "padding": 8,
                            "variogram": {"structures": [{"type": "cubic", "sill": 1, "ranges": [120, 120, 60]}]}}}],
  "compositing": {"table": "assay", "length": 2},
  "grades": [{"field": "CaSiO3", "unit": "%", "name_cn": "硅灰石",
              "variogram": {"nugget": 0.2, "structures": [{"type": "spherical", "sill": 30, "ranges": [150, 150, 40]}]}}],
  "density": {"table": "density", "field": "density"},
  "block_model": {"block_size": [20, 20, 5], "subcells": [4, 4, 4]},
  "estimation": {"search": [{"max_samples": 24, "ranges": [120, 120, 40], "angles": [0, 0, 0]},
                            {"max_samples": 24, "ranges": [300, 300, 80], "angles": [0, 0, 0]}]},
  "classification": {"spacing": 25},
  "cutoff": {"field": "CaSiO3", "value": 40},
  "reserves": {"mining_recovery": 0.85, "dilution": 0.1, "production_rate": 200000},
  "report": {"level_interval": 10}
})";
}

}  // namespace georeserve::synthetic
