// `georeserve run MODEL.json [--out DIR]`: the whole pipeline of one deposit model.
#include <iostream>

#include "command.h"
#include "core/text.h"
#include "pipeline/coal_run.h"
#include "pipeline/run.h"
#include "pipeline/stage.h"
#include "progress_bar.h"

namespace georeserve::cli {
namespace {

struct Options {
  std::string model;
  std::string out;
  int threads = 0;
  bool verbose = false;
};

std::string stage_list() {
  std::string s = "Stages, in order:\n";
  for (const auto& st : standard_stages()) s += "  " + st.name + " (" + st.name_cn + "): " + st.summary + "\n";
  s += "Coal seam models (\"kind\": \"coal-seams\" in the model file), stages in order:\n";
  for (const auto& st : coal_stages()) s += "  " + st.name + " (" + st.name_cn + "): " + st.summary + "\n";
  return s;
}

const RegisterCommand reg{{"run", "Run a deposit model end to end: domains, kriging, classification, report",
                           [](CLI::App& sub) -> CommandRun {
                             auto o = std::make_shared<Options>();
                             sub.add_option("model", o->model, "Deposit model file (JSON with comments), e.g. models/qianyu-wollastonite.json")
                                 ->required()
                                 ->check(CLI::ExistingFile);
                             sub.add_option("--out", o->out, "Output folder (default: out/<model name>/)");
                             sub.add_flag("-v,--verbose", o->verbose, "Print each stage and every note");
                             add_threads_option(sub, o->threads);
                             sub.footer(stage_list() +
                                        "\nWrites report.json, report.html (statements, grade-tonnage, variograms, plans and\n"
                                        "sections, validation), figures/*.svg, blocks.csv, blocks.vti, the domain solids\n"
                                        "(.vtp, .obj, .ply), drillholes.vtp, scene.json for georeserve-view, scene.glb\n"
                                        "(glTF for PowerPoint and Blender) and gis/ (GeoPackage, Shapefiles, GeoJSON, DXF,\n"
                                        "GeoTIFF plan maps for QGIS and CAD). A coal model (\"kind\": \"coal-seams\")\n"
                                        "writes seam grids and maps instead; see models/README.md.\n"
                                        "The folder is replaced only when the whole run succeeds.\n\n"
                                        "Examples: georeserve run models/qianyu-wollastonite.json\n"
                                        "          georeserve run models/tiefa-coal.json");
                             return [o] {
                               ThreadLimit limit(o->threads);
                               RunOptions ro;
                               ro.out = o->out;
                               ro.progress = progress();
                               ro.log = o->verbose ? &std::cerr : nullptr;
                               if (CoalModel::is_coal_model(o->model)) {
                                 const auto coal = CoalModel::load(o->model);
                                 const auto r = run_coal_model(coal, ro);
                                 std::cout << coal.title << "\n  coal resources " << format_fixed(r.resource_tonnes / 1e6, 2)
                                           << " Mt, reserves " << format_fixed(r.reserve_tonnes / 1e6, 2) << " Mt\n  "
                                           << r.out.string() << "/report.html (" << format_fixed(r.seconds, 1) << " s)\n";
                                 return 0;
                               }
                               const auto model = DepositModel::load(o->model);
                               const auto r = run_model(model, ro);
                               std::cout << model.title << "\n  resources " << format_fixed(r.resource_tonnes / 1000, 1)
                                         << " kt, reserves " << format_fixed(r.reserve_tonnes / 1000, 1) << " kt\n  "
                                         << r.out.string() << "/report.html (" << format_fixed(r.seconds, 1) << " s)\n";
                               return 0;
                             };
                           },
                           40}};

}  // namespace
}  // namespace georeserve::cli
