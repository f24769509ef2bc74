// The exhaustive truth of the Qianyu deposit: every 2 m cell whose centre lies in ore, with its lens and
// true grades, the tonnage summary per lens, and the calibration of the lenses' thickness so that the
// true ore tonnage equals the plan's 10,365.9 kt.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/progress.h"
#include "synth/qianyu_model.h"

namespace georeserve::synth {

struct QianyuTruthCell {
  double x, y, z;  // cell centre
  int lens;
  double casio3, fe2o3, loi, density;
};

struct QianyuLensSummary {
  std::string id;
  long long cells = 0;
  double volume_m3 = 0, tonnes = 0;
  double casio3 = 0, fe2o3 = 0, loi = 0;  // tonnage-weighted means, %
  double top_z = -1e9, bottom_z = 1e9;     // elevation range of its cells' centres
};

struct QianyuTruth {
  double cell_size = 2.0;
  double thickness_scale = 1.0;
  std::vector<QianyuTruthCell> cells;     // empty unless asked for
  std::vector<QianyuLensSummary> lenses;  // one per lens
  QianyuLensSummary total;
};

// Ore volume (m3) of the deposit on the truth grid: geometry only, fast (used by the calibration).
double qianyu_ore_volume(const QianyuDeposit& deposit, double cell_size = 2.0);
// Truth tonnage and grades on the grid; keep_cells keeps every cell (for --truth).
QianyuTruth qianyu_truth(const QianyuDeposit& deposit, bool keep_cells, double cell_size = 2.0);
// Sets the deposit's thickness scale so that its true ore tonnage is QianyuFacts::target_ore_kt (to
// within one grid cell) and returns the truth at that scale (as qianyu_truth would).
QianyuTruth calibrate_qianyu(QianyuDeposit& deposit, bool keep_cells, ProgressSink* progress);

nlohmann::ordered_json qianyu_truth_summary_json(const QianyuTruth& truth, std::uint64_t seed);
// The ore cells as CSV (x,y,z,lens,CaSiO3,Fe2O3,LOI,density); large (tens of MB).
void write_qianyu_truth_cells(const std::filesystem::path& path, const QianyuTruth& truth);

}  // namespace georeserve::synth
