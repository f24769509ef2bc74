// `georeserve synth`: regenerate the bundled synthetic data sets (assets/) and, on request, their truth.
#include <iostream>

#include "command.h"
#include "progress_bar.h"
#include "synth/generate.h"

namespace georeserve::cli {
namespace {

struct Options {
  std::string out, truth;
  std::uint64_t seed = synth::kDefaultSeed;
};

const RegisterCommand reg{{"synth", "Generate the bundled synthetic data sets (Qianyu, Tiefa, planning blocks, DEM)",
  [](CLI::App& sub) -> CommandRun {
    auto o = std::make_shared<Options>();
    sub.add_option("--out", o->out, "Folder to write the data sets into (created if needed)")->required();
    sub.add_option("--seed", o->seed, "Random seed; the same seed gives the same bytes (default " +
                                          std::to_string(synth::kDefaultSeed) + ", the committed assets)");
    sub.add_option("--truth", o->truth,
                   "Also write the exhaustive truth fields here (Qianyu ore cells on a 2 m grid, Tiefa seam grids); "
                   "tens of MB");
    sub.footer(
        "The data are SYNTHETIC, calibrated to published facts (see assets/README.md). Writes\n"
        "qianyu/{collar,survey,lithology,assay,density}.csv and truth_summary.json, tiefa/..., planning/*.geojson\n"
        "and terrain/dem.tif, in CGCS2000 3-degree Gauss-Kruger zone 41 (EPSG:4529).\n\n"
        "Example: georeserve synth --out assets\n"
        "         georeserve synth --out /tmp/a --truth /tmp/truth");
    return [o] {
      synth::SynthOptions options;
      options.out = o->out;
      options.seed = o->seed;
      if (!o->truth.empty()) options.truth = o->truth;
      const synth::SynthResult r = synth::generate_assets(options, progress());
      for (const std::string& note : r.notes) std::cerr << note << '\n';
      std::cerr << "wrote " << r.files.size() << " files into " << o->out;
      if (options.truth) std::cerr << " and " << r.truth_files.size() << " truth files into " << o->truth;
      std::cerr << '\n';
      return 0;
    };
  }, /*order=*/90}};

}  // namespace
}  // namespace georeserve::cli
