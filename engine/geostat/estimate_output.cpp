#include "geostat/estimate_output.h"

#include <ostream>

#include "core/atomic_file.h"
#include "core/text.h"
#include "io/csv.h"

namespace georeserve {

void write_estimates_csv(std::ostream& out, const KrigingTargets& t, int dimension, bool holes,
                         std::span<const EstimateRecord> records) {
  CsvWriter w(out);
  w.field("x").field("y");
  if (dimension == 3) w.field("z");
  w.field("estimate").field("variance").field("n_samples");
  if (holes) w.field("n_holes");
  w.field("nearest_distance").field("pass").field("slope_of_regression").field("kriging_efficiency");
  w.field("sum_weights").field("lagrange").field("status");
  w.end_row();
  for (std::size_t i = 0; i < records.size(); ++i) {
    const EstimateRecord& r = records[i];
    w.field(format_double(t.x[i])).field(format_double(t.y[i]));
    if (dimension == 3) w.field(format_double(t.z[i]));
    w.field(format_double(r.estimate)).field(format_double(r.variance)).integer(r.n_samples);
    if (holes) w.integer(r.n_holes);
    w.field(format_double(r.nearest_distance));
    if (r.pass > 0)
      w.integer(r.pass);
    else
      w.field("");
    w.field(format_double(r.slope)).field(format_double(r.efficiency));
    w.field(format_double(r.sum_weights)).field(format_double(r.lagrange));
    w.field(status_name(r.status));
    w.end_row();
  }
}

void write_estimates_csv(const std::filesystem::path& path, const KrigingTargets& targets, int dimension, bool holes,
                         std::span<const EstimateRecord> records) {
  write_file_atomically(path, [&](std::ostream& out) { write_estimates_csv(out, targets, dimension, holes, records); });
}

EstimateTally tally_estimates(std::span<const EstimateRecord> records) {
  EstimateTally t;
  t.total = records.size();
  double sum = 0;
  for (const auto& r : records) {
    switch (r.status) {
      case EstimateStatus::ok: break;
      case EstimateStatus::pseudo_inverse: ++t.pseudo_inverse; break;
      case EstimateStatus::too_few_samples: ++t.too_few; break;
      case EstimateStatus::singular: ++t.singular; break;
    }
    if (estimated(r.status)) {
      ++t.estimated;
      sum += r.estimate;
    }
  }
  t.mean_estimate = t.estimated ? sum / static_cast<double>(t.estimated) : 0.0;
  return t;
}

}  // namespace georeserve
