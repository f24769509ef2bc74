// `georeserve synth`: writes every bundled data file (assets/) from a seed, and on request the truth
// fields the drillholes were sampled from. Same seed, same bytes, on every machine.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"

namespace georeserve::synth {

inline constexpr std::uint64_t kDefaultSeed = 20212025;  // the plan's period, 2021-2025

struct SynthOptions {
  std::filesystem::path out;                  // the assets folder to write into
  std::uint64_t seed = kDefaultSeed;
  std::optional<std::filesystem::path> truth;  // where to write the exhaustive truth fields, if anywhere
};

struct SynthResult {
  std::vector<std::string> files;        // written under out, relative paths with '/', in order
  std::vector<std::string> truth_files;  // written under truth
  std::vector<std::string> notes;        // one line each: what was made (counts, tonnages)
};

SynthResult generate_assets(const SynthOptions& options, ProgressSink* progress);

}  // namespace georeserve::synth
