// Drilling the synthetic Qianyu deposit: exploration lines across strike (50 m apart in the centre,
// 100 m outside), inclined holes with curving downhole surveys, lithology logs, assays (1-2 m in ore,
// longer shoulder samples in waste), density on some intervals, and a few realistic flaws.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synth/qianyu_model.h"
#include "synth/table.h"

namespace georeserve::synth {

struct QianyuDrilling {
  Table collar{{"hole_id", "x", "y", "z", "max_depth", "azimuth", "dip"}};
  Table survey{{"hole_id", "depth", "azimuth", "dip"}};
  Table lithology{{"hole_id", "from", "to", "lith", "lith_cn"}};
  Table assay{{"hole_id", "from", "to", "sample_id", "CaSiO3", "Fe2O3", "LOI"}};
  Table density{{"hole_id", "from", "to", "density"}};
  std::vector<std::string> flaws;  // what was spoiled on purpose, one sentence each
  int holes = 0;
  double metres = 0;
};

// Measurement error added to samples (the "nugget" of the sampled data; the truth has none).
struct QianyuSampling {
  static constexpr double casio3_sd = 1.2;      // absolute %, XRF/chemical analysis repeatability
  static constexpr double fe2o3_rel_sd = 0.06;  // relative
  static constexpr double loi_sd = 0.25;        // absolute %
  static constexpr double density_sd = 0.015;   // t/m3
};

QianyuDrilling drill_qianyu(const QianyuDeposit& deposit, std::uint64_t seed);

}  // namespace georeserve::synth
