// `georeserve validate`: every problem of a set of drillhole tables, compiler style, in one run.
#include <iostream>

#include "command.h"
#include "drillhole/validate.h"
#include "drillhole_options.h"

namespace georeserve::cli {
namespace {

struct Options {
  DrillholeFileOptions files;
  double dogleg_limit = 10;
};

const RegisterCommand reg{{"validate", "Check drillhole tables and list every problem",
  [](CLI::App& sub) -> CommandRun {
    auto o = std::make_shared<Options>();
    add_drillhole_file_options(sub, o->files, IntervalFiles::many);
    sub.add_option("--dogleg-limit", o->dogleg_limit,
                   "Warn about dog-legs above this many degrees per 30 m (default 10)")
        ->check(CLI::Range(0.0, 1e6));
    sub.footer(
        "Prints one line per problem on stdout, `FILE:LINE: error: message` or `FILE:LINE: warning: message`,\n"
        "and a summary on stderr. Exit status 1 when there is any error, else 0.\n"
        "Errors: duplicate hole ids, rows of holes missing from the collar table, from >= to, overlapping\n"
        "intervals, intervals below max_depth, dip outside [-90, 90], azimuth outside [0, 360), values that\n"
        "are not numbers, missing columns or values, negative depths, duplicate survey depths, malformed rows.\n"
        "Warnings: gaps between intervals, survey stations below max_depth, holes without survey, dog-legs,\n"
        "holes without intervals in a table.\n\n"
        "Example: georeserve validate --collar collar.csv --survey survey.csv --intervals assay.csv lith.csv");
    return [o] {
      drillhole::ValidationOptions options;
      options.dogleg_limit = o->dogleg_limit;
      Diagnostics diag;
      drillhole::load_drillholes(drillhole_sources(o->files), column_map(o->files), options, diag);
      diag.print(std::cout);
      std::cout.flush();
      std::cerr << drillhole::summary_line(diag, file_count(o->files)) << '\n';
      return diag.has_errors() ? 1 : 0;
    };
  }, /*order=*/10}};

}  // namespace
}  // namespace georeserve::cli
