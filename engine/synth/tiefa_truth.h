// The truth of the synthetic Tiefa field on its 100 m lattice: per seam the present coal thickness,
// roof elevation and quality in every cell inside the field; the tonnages in situ, burnt and mined;
// and the calibration of the seams' thickness multiplier to the plan's remaining coal.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/progress.h"
#include "formats/raster.h"
#include "synth/tiefa_mining.h"
#include "synth/tiefa_model.h"

namespace georeserve::synth {

struct TiefaFacts {
  // The plan: 煤炭保有资源储量 8 亿多吨 (over 800 Mt) city-wide; the field holds almost all of it. Calibrated:
  // remaining in-situ coal of seams 12-17 with thickness >= 0.7 m, outside the burnt zone and the panels.
  static constexpr double target_remaining_mt = 860.0;
  static constexpr double min_thickness = 0.7;  // m, DESIGN.md section 5 (gently dipping bituminous seams)
};

struct TiefaSeamTruth {
  std::string seam;
  double area_km2 = 0;          // cells with coal (> 0 m), outside the burnt part
  double insitu_mt = 0;         // all coal (> 0 m), not burnt
  double mineable_mt = 0;       // thickness >= 0.7 m, not burnt
  double burnt_mt = 0;          // coal lost to the diabase (what would be there)
  double mined_mt = 0;          // inside mined-out panels
  double remaining_mt = 0;      // mineable minus mined
  double thickness_mean = 0;    // area-weighted over cells with coal, m
  double ash = 0, sulfur = 0, cv = 0, density = 0;  // tonnage-weighted over in-situ coal
};

struct TiefaTruth {
  double multiplier = 1;
  std::vector<TiefaSeamTruth> seams;
  TiefaSeamTruth total;
  // Per seam grids on the lattice (filled when asked for): coal thickness, roof elevation, ash, sulfur,
  // cv, density; NaN outside the field or where the seam is absent.
  std::vector<std::array<RasterGrid, 6>> grids;
};

// Fraction of each lattice cell covered by mined panels of each seam: [seam][cell].
std::vector<std::vector<float>> mined_fractions(const TiefaField& field, const std::vector<TiefaPanel>& panels);
TiefaTruth tiefa_truth(const TiefaField& field, const std::vector<std::vector<float>>& mined, bool keep_grids);
// Sets the field's thickness multiplier so that the remaining mineable coal is about the target.
double calibrate_tiefa(TiefaField& field, const std::vector<std::vector<float>>& mined, ProgressSink* progress);

nlohmann::ordered_json tiefa_truth_summary_json(const TiefaTruth& truth, const std::vector<TiefaPanel>& panels,
                                                std::uint64_t seed);
// Writes the per-seam truth grids as GeoTIFFs into dir (seam_<id>_<field>.tif); returns the names.
std::vector<std::string> write_tiefa_truth_grids(const std::filesystem::path& dir, const TiefaTruth& truth);

}  // namespace georeserve::synth
