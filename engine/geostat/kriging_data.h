// Samples and targets of an estimation job (DESIGN.md section 4), read from the CSV files a kriging
// configuration names. Columns are named by the configuration (`samples.x`, ...), matched
// case-insensitively; errors name the configuration key and the data file.
//
// Coincident samples policy: samples at exactly the same coordinates are merged into one sample at
// that place whose value is their mean (its hole is the first one's). Kriging with two samples at one
// place is singular without a nugget and meaningless with one; merging is what gstat users do by
// hand (zerodist / remove.duplicates) and keeps every system solvable. The count is reported.
// Samples whose value is missing (empty, NA, -) are skipped and counted; a missing coordinate is an error.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace georeserve {

class ConfigView;

struct KrigingSamples {
  int dimension = 2;  // 2: z is 0
  std::vector<double> x, y, z, value;
  std::vector<std::int32_t> hole;       // drillhole index per sample (-1 none); empty without a hole column
  std::vector<std::string> hole_names;  // by index
  std::vector<long> line;               // source line of each sample (the first, for merged ones)
  std::string file;
  std::size_t size() const { return value.size(); }
  bool has_holes() const { return !hole.empty(); }
};

struct KrigingTargets {
  std::vector<double> x, y, z;
  std::size_t size() const { return x.size(); }
};

struct SampleReadReport {
  std::size_t rows = 0;            // data rows in the file
  std::size_t missing_values = 0;  // skipped: no value
  std::size_t merged = 0;          // samples merged into others (coincident)
  std::size_t merged_places = 0;   // places that had more than one sample
};

// Reads `samples` {"file", "x", "y", "z", "value", "hole"}; z present means 3D.
KrigingSamples read_kriging_samples(const ConfigView& samples, SampleReadReport* report);

// Merges coincident samples (see the policy above); returns how many samples were merged away.
std::size_t merge_coincident_samples(KrigingSamples& samples, std::size_t* places = nullptr);

// Reads `targets` {"file", "x", "y", "z"} with the samples' dimension.
KrigingTargets read_kriging_targets(const ConfigView& targets, int dimension);

// Node centres of `grid` {"origin", "spacing", "count"} (2 or 3 numbers each; origin is the first
// node's centre); x varies fastest, then y, then z.
KrigingTargets grid_targets(const ConfigView& grid, int dimension);

}  // namespace georeserve
