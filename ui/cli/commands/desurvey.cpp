// `georeserve desurvey`: 3D positions along every hole (minimum curvature by default).
#include "command.h"
#include "drillhole/desurvey.h"
#include "drillhole/output.h"
#include "drillhole_options.h"
#include "progress_bar.h"

namespace georeserve::cli {
namespace {

struct Options {
  DrillholeFileOptions files;
  std::string method = "minimum-curvature";
  double step = 0;
  std::string out;
  int threads = 0;
};

const RegisterCommand reg{{"desurvey", "3D positions along the drillholes (minimum curvature by default)",
  [](CLI::App& sub) -> CommandRun {
    auto o = std::make_shared<Options>();
    add_drillhole_file_options(sub, o->files, IntervalFiles::none);
    sub.add_option("--method", o->method, "minimum-curvature (default), tangential or balanced-tangential")
        ->check(CLI::IsMember({"minimum-curvature", "tangential", "balanced-tangential"}));
    sub.add_option("--step", o->step,
                   "Report every STEP metres (0, STEP, 2 STEP, ... and max_depth); default: at the survey stations")
        ->check(CLI::Range(0.001, 1e6));
    sub.add_option("--out", o->out, "Output CSV: hole_id,depth,x,y,z")->required();
    add_threads_option(sub, o->threads);
    sub.footer(
        "Positions inside a survey interval follow the minimum-curvature arc. Azimuth is clockwise from north,\n"
        "dip negative downward. Above the first station the first station's direction applies, below the\n"
        "last the last one's; a hole without stations uses the collar azimuth/dip, else it is vertical.\n"
        "The tables are validated first; with any error nothing is written (exit 1).\n\n"
        "Example: georeserve desurvey --collar collar.csv --survey survey.csv --step 5 --out trace.csv");
    return [o] {
      ThreadLimit limit(o->threads);
      const auto db = load_valid_drillholes(o->files);
      if (!db) return 1;
      const auto traces = drillhole::desurvey_all(*db, drillhole::parse_desurvey_method(o->method), progress());
      drillhole::write_desurvey_csv(o->out, *db, traces, o->step);
      return 0;
    };
  }, /*order=*/11}};

}  // namespace
}  // namespace georeserve::cli
