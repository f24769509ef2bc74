// Writers for the desurvey and composite tables (see output.h for the columns).
#include "drillhole/output.h"

#include <ostream>

#include "core/atomic_file.h"
#include "core/text.h"
#include "io/csv.h"

namespace georeserve::drillhole {
namespace {

// Fixed decimals without trailing zeros: 12.5, 100, 0.3333.
std::string trimmed(double v, int decimals) {
  std::string s = format_fixed(v, decimals);
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

void write_point(CsvWriter& w, const Eigen::Vector3d& p) {
  w.number(p.x(), 3).number(p.y(), 3).number(p.z(), 3);
}

}  // namespace

void write_desurvey_csv(const std::filesystem::path& path, const DrillholeDatabase& db,
                        std::span<const HoleTrace> traces, double step) {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvWriter w(out);
    w.row({"hole_id", "depth", "x", "y", "z"});
    std::vector<Eigen::Vector3d> points;
    for (std::size_t h = 0; h < db.hole_count(); ++h) {
      const auto hi = static_cast<HoleIndex>(h);
      const auto depths = report_depths(db.collar(hi), db.survey(hi), step);
      points.resize(depths.size());
      traces[h].positions_at(depths, points);
      for (std::size_t i = 0; i < depths.size(); ++i) {
        w.field(db.collar(hi).hole_id).field(trimmed(depths[i], 4));
        write_point(w, points[i]);
        w.end_row();
      }
    }
  });
}

void write_composites_csv(const std::filesystem::path& path, const DrillholeDatabase& db, const Composites& c) {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvWriter w(out);
    std::vector<std::string> header{"hole_id", "from", "to", "length", "x", "y", "z"};
    if (!c.break_name.empty()) header.push_back(c.break_name);
    for (const auto& name : c.field_names) {
      header.push_back(name);
      header.push_back(name + "_coverage");
    }
    w.row(header);
    for (std::size_t i = 0; i < c.size(); ++i) {
      w.field(db.collar(c.hole[i]).hole_id)
          .field(trimmed(c.from[i], 4))
          .field(trimmed(c.to[i], 4))
          .field(trimmed(c.to[i] - c.from[i], 4));
      write_point(w, c.mid[i]);
      if (!c.break_name.empty()) w.field(c.break_value(i));
      for (std::size_t f = 0; f < c.field_names.size(); ++f)
        w.field(trimmed(c.value[f][i], 6)).field(trimmed(c.coverage[f][i], 4));
      w.end_row();
    }
  });
}

}  // namespace georeserve::drillhole
