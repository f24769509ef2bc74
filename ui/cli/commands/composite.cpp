// `georeserve composite`: fixed-length composites of an interval table, with x,y,z of their middles.
#include "command.h"
#include "drillhole/composite.h"
#include "drillhole/desurvey.h"
#include "drillhole/output.h"
#include "drillhole_options.h"
#include "progress_bar.h"

namespace georeserve::cli {
namespace {

struct Options {
  DrillholeFileOptions files;
  drillhole::CompositeOptions composite;
  std::string residual = "keep";
  std::string out;
  int threads = 0;
};

const RegisterCommand reg{{"composite", "Fixed-length composites of an interval table, with x,y,z",
  [](CLI::App& sub) -> CommandRun {
    auto o = std::make_shared<Options>();
    add_drillhole_file_options(sub, o->files, IntervalFiles::one);
    auto& c = o->composite;
    sub.add_option("--field", c.fields, "Numeric field to average (repeat for several)")->required();
    sub.add_option("--length", c.length, "Composite length in metres along the hole")
        ->required()->check(CLI::PositiveNumber);
    sub.add_option("--residual", o->residual, "Short last piece of a run: merge into the previous composite, "
                                               "or keep it when >= min-fraction * length (default keep)")
        ->check(CLI::IsMember({"merge", "keep"}));
    sub.add_option("--min-fraction", c.min_fraction, "Shortest residual kept, as a fraction of --length (default 0.5)")
        ->check(CLI::Range(0.0, 1.0));
    sub.add_option("--break-on", c.break_field, "Field whose changes start new composites (domain, lith, seam)");
    sub.add_option("--density-field", c.density_field, "Weight averages by length * this density (t/m3)");
    sub.add_option("--out", o->out, "Output CSV")->required();
    add_threads_option(sub, o->threads);
    sub.footer(
        "Composites start at the top of each hole's first interval (and restart at each change of the\n"
        "--break-on field). Averages are length-weighted (length * density with --density-field); missing\n"
        "values are left out and FIELD_coverage says which fraction of the composite had a value.\n"
        "Output: hole_id,from,to,length,x,y,z[,BREAK],FIELD,FIELD_coverage,... (x,y,z at mid depth,\n"
        "minimum curvature). The tables are validated first; with any error nothing is written (exit 1).\n\n"
        "Example: georeserve composite --collar collar.csv --survey survey.csv --intervals assay.csv \\\n"
        "           --field CaSiO3 --length 2 --break-on lith --out composites.csv");
    return [o] {
      ThreadLimit limit(o->threads);
      o->composite.residual = drillhole::parse_residual_rule(o->residual);
      const auto db = load_valid_drillholes(o->files);
      if (!db) return 1;
      const auto traces =
          drillhole::desurvey_all(*db, drillhole::DesurveyMethod::minimum_curvature, progress());
      const auto composites = drillhole::composite(db->tables().front(), traces, o->composite, progress());
      drillhole::write_composites_csv(o->out, *db, composites);
      return 0;
    };
  }, /*order=*/12}};

}  // namespace
}  // namespace georeserve::cli
