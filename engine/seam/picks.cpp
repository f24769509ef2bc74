// Seam picks from the seam interval table: per hole and seam, roof/floor elevation, vertical coal
// thickness and composited qualities (rules in picks.h).
#include "seam/picks.h"

#include <cmath>

#include "core/error.h"
#include "core/text.h"

namespace georeserve::seam {

int SeamList::index(std::string_view name) const {
  const auto t = trim(name);
  for (std::size_t i = 0; i < names.size(); ++i)
    if (iequals(names[i], t)) return static_cast<int>(i);
  return -1;
}

const SeamPick* SeamPicks::find(drillhole::HoleIndex hole, int seam) const {
  if (hole < 0 || static_cast<std::size_t>(hole) >= by_hole.size()) return nullptr;
  const int i = by_hole[static_cast<std::size_t>(hole)][static_cast<std::size_t>(seam)];
  return i < 0 ? nullptr : &picks[static_cast<std::size_t>(i)];
}

namespace {

// A field's value as text: numbers in shortest form ("12"), text as written; "" when missing.
std::string field_text(const drillhole::IntervalField& f, std::size_t row) {
  if (f.missing(row)) return {};
  if (f.is_numeric()) return format_double(f.values[row]);
  return std::string(trim(f.text(row)));
}

double field_number(const drillhole::IntervalField* f, std::size_t row) {
  if (!f || !f->is_numeric() || f->missing(row)) return std::nan("");
  return f->values[row];
}

// Weighted sums of one pick's plies.
struct Accumulator {
  double coal = 0, mass = 0;
  double ash = 0, ash_w = 0, sulfur = 0, sulfur_w = 0, cv = 0, cv_w = 0, density = 0, density_w = 0;
  void add(double t, double ash_v, double s_v, double cv_v, double d_v, double default_density) {
    const double d = std::isnan(d_v) ? default_density : d_v;
    const double m = t * d;
    coal += t;
    mass += m;
    if (!std::isnan(ash_v)) ash += m * ash_v, ash_w += m;
    if (!std::isnan(s_v)) sulfur += m * s_v, sulfur_w += m;
    if (!std::isnan(cv_v)) cv += m * cv_v, cv_w += m;
    if (!std::isnan(d_v)) density += t * d_v, density_w += t;
  }
  static double mean(double s, double w) { return w > 0 ? s / w : std::nan(""); }
};

}  // namespace

SeamPicks extract_seam_picks(const drillhole::DrillholeDatabase& db, const std::vector<drillhole::HoleTrace>& traces,
                             const SeamList& seams, const SeamFields& fields, double default_density) {
  const auto& table = db.table(fields.table);
  const auto& seam_field = table.require_field(fields.seam);
  const auto* ply_field = table.find_field(fields.ply);
  const auto* ash = table.find_field(fields.ash);
  const auto* sulfur = table.find_field(fields.sulfur);
  const auto* cv = table.find_field(fields.cv);
  const auto* density = table.find_field(fields.density);
  SeamPicks out;
  out.file = table.file();
  out.by_hole.assign(db.hole_count(), std::vector<int>(seams.size(), -1));
  for (std::size_t h = 0; h < db.hole_count(); ++h) {
    const auto hole = static_cast<drillhole::HoleIndex>(h);
    const auto& trace = traces[h];
    int last_seam = -1;
    double last_ply = -1;
    long last_line = 0;
    SeamPick* current = nullptr;
    Accumulator acc;
    double last_floor_z = 0;
    auto finish = [&] {
      if (!current) return;
      current->thickness = acc.coal;
      current->ash = Accumulator::mean(acc.ash, acc.ash_w);
      current->sulfur = Accumulator::mean(acc.sulfur, acc.sulfur_w);
      current->cv = Accumulator::mean(acc.cv, acc.cv_w);
      current->density = Accumulator::mean(acc.density, acc.density_w);
      if (current->plies > 1) ++out.split;
      current = nullptr;
    };
    for (std::size_t r = table.hole_begin(hole); r < table.hole_end(hole); ++r) {
      const long line = table.line(r);
      const std::string name = field_text(seam_field, r);
      const int s = seams.index(name);
      if (s < 0) {
        std::string known;
        for (const auto& n : seams.names) known += (known.empty() ? "" : ", ") + n;
        throw InputError(table.file(), line, fields.seam,
                         name.empty() ? "seam name is missing" : "unknown seam '" + name + "' (the model lists " + known + ")");
      }
      const double ply = ply_field ? field_number(ply_field, r) : std::nan("");
      const auto& hid = db.collar(hole).hole_id;
      if (s < last_seam)
        throw InputError(table.file(), line, fields.seam,
                         "seam " + name + " lies below seam " + seams.names[static_cast<std::size_t>(last_seam)] +
                             " (line " + std::to_string(last_line) + ") in hole " + hid +
                             ": picks out of stratigraphic order");
      const Eigen::Vector3d top = trace.position_at(table.from(r));
      const Eigen::Vector3d base = trace.position_at(table.to(r));
      if (s == last_seam) {
        // Another ply of the same seam: it must carry a higher ply number than the previous one.
        if (std::isnan(ply) || std::isnan(last_ply) || ply == last_ply)
          throw InputError(table.file(), line, fields.seam,
                           "seam " + name + " repeated in hole " + hid + " (first at line " + std::to_string(last_line) +
                               "); plies of a split seam need distinct `" + fields.ply + "` numbers");
        if (ply < last_ply)
          throw InputError(table.file(), line, fields.ply,
                           "ply " + format_double(ply) + " of seam " + name + " lies below ply " + format_double(last_ply) +
                               " in hole " + hid + ": plies out of order");
        current->parting += std::max(0.0, last_floor_z - top.z());
        current->plies += 1;
      } else {
        finish();
        SeamPick p;
        p.hole = hole;
        p.seam = s;
        p.x = top.x();
        p.y = top.y();
        p.roof_z = top.z();
        p.line = line;
        out.by_hole[h][static_cast<std::size_t>(s)] = static_cast<int>(out.picks.size());
        out.picks.push_back(p);
        current = &out.picks.back();
        acc = Accumulator{};
      }
      acc.add(top.z() - base.z(), field_number(ash, r), field_number(sulfur, r), field_number(cv, r),
              field_number(density, r), default_density);
      current->floor_z = base.z();
      last_floor_z = base.z();
      last_seam = s;
      last_ply = ply;
      last_line = line;
    }
    finish();
  }
  return out;
}

}  // namespace georeserve::seam
