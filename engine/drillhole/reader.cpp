// Reading drillhole tables: required columns, typed cells, value ranges, hole ids. Every problem is
// collected (never thrown) so that one run lists them all; rows with errors are left out.
#include "drillhole/reader.h"

#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"

namespace georeserve::drillhole {
namespace {

std::string num(double v) { return format_double(v); }

// Typed access to the cells of one row; problems go to the diagnostics and mark the row bad.
class RowReader {
 public:
  RowReader(const CsvTable& t, Diagnostics& d) : t_(t), d_(d) {}

  void start(std::size_t row) {
    row_ = row;
    ok_ = true;
  }
  bool ok() const { return ok_; }
  long line() const { return t_.line(row_); }
  std::size_t row() const { return row_; }
  std::string_view text(std::size_t col) const { return trim(t_.cell(row_, col)); }

  void error(std::size_t col, const std::string& message) {
    d_.error(t_.path(), line(), "field '" + t_.header()[col] + "': " + message);
    ok_ = false;
  }
  void row_error(const std::string& message) {
    d_.error(t_.path(), line(), message);
    ok_ = false;
  }

  // A number that may be missing; a present but non-numeric value is an error.
  std::optional<double> optional_number(std::size_t col) {
    bool bad = false;
    auto v = t_.try_number(row_, col, &bad);
    if (bad) error(col, "'" + std::string(text(col)) + "' is not a number");
    return v;
  }
  // A number that must be there; NaN after reporting when it is not.
  double required_number(std::size_t col) {
    bool bad = false;
    auto v = t_.try_number(row_, col, &bad);
    if (v) return *v;
    if (!bad) error(col, "value is missing");
    else error(col, "'" + std::string(text(col)) + "' is not a number");
    return kMissing;
  }
  std::string_view required_text(std::size_t col) {
    const auto s = text(col);
    if (is_missing_value(s)) error(col, "value is missing");
    return s;
  }

  void check_dip(std::size_t col, double v) {
    if (!std::isnan(v) && (v < -90 || v > 90)) error(col, num(v) + " is outside [-90, 90]");
  }
  void check_azimuth(std::size_t col, double v) {
    if (!std::isnan(v) && (v < 0 || v >= 360)) error(col, num(v) + " is outside [0, 360)");
  }
  void check_depth(std::size_t col, double v) {
    if (!std::isnan(v) && v < 0) error(col, num(v) + " is a negative depth");
  }

 private:
  const CsvTable& t_;
  Diagnostics& d_;
  std::size_t row_ = 0;
  bool ok_ = true;
};

// Looks up required columns; each missing one is an error at line 1. False when any is missing.
bool find_columns(const CsvTable& t, std::initializer_list<std::pair<const std::string*, std::size_t*>> cols,
                  Diagnostics& d) {
  if (t.column_count() == 0) return false;  // an empty file: its structural problem says so already
  bool all = true;
  for (auto [name, index] : cols) {
    if (auto c = t.find_column(*name)) *index = *c;
    else {
      d.error(t.path(), 1, "missing required column '" + *name + "'");
      all = false;
    }
  }
  return all;
}

void copy_problems(const CsvTable& t, Diagnostics& d) {
  for (const auto& p : t.problems()) d.add(p);
}

// What the collar table told us about hole ids, for matching the other tables' rows.
struct HoleRegistry {
  explicit HoleRegistry(const DrillholeDatabase& database) : db(database) {}
  const DrillholeDatabase& db;
  bool collar_known = false;                 // false: the collar table could not be read
  std::string collar_file;
  std::unordered_set<std::string, TransparentStringHash, std::equal_to<>> broken;  // collar rows with errors

  // The hole of a row; nullopt when unknown (recorded for one message per hole and file).
  std::optional<HoleIndex> find(std::string_view id, long line) {
    if (!have_last_ || id != last_id_) {
      last_id_.assign(id);
      last_ = db.find_hole(id);
      have_last_ = true;
    }
    if (!last_ && collar_known && !broken.contains(id)) {
      auto [it, added] = unknown_.try_emplace(std::string(id));
      if (added) unknown_order_.push_back(&it->first);
      it->second.push_back(line);
    }
    return last_;
  }

  // One error per unknown hole of a file, at its first row, listing the lines.
  void report_unknown(const std::string& file, Diagnostics& d) {
    for (const std::string* id : unknown_order_) {
      const auto& lines = unknown_.at(*id);
      std::string msg = "hole '" + *id + "' is not in " + collar_file;
      if (lines.size() > 1) {
        msg += " (" + std::to_string(lines.size()) + " rows, lines ";
        for (std::size_t i = 0; i < lines.size() && i < 10; ++i) msg += (i ? ", " : "") + std::to_string(lines[i]);
        msg += lines.size() > 10 ? ", ...)" : ")";
      }
      d.error(file, lines.front(), msg);
    }
    unknown_.clear();
    unknown_order_.clear();
    have_last_ = false;
  }

 private:
  std::string last_id_;
  std::optional<HoleIndex> last_;
  bool have_last_ = false;
  std::unordered_map<std::string, std::vector<long>, TransparentStringHash, std::equal_to<>> unknown_;
  std::vector<const std::string*> unknown_order_;
};

void read_collars(const CsvTable& t, const CollarColumns& c, DrillholeDatabase& db, HoleRegistry& holes,
                  Diagnostics& d) {
  copy_problems(t, d);
  std::size_t hole = 0, x = 0, y = 0, z = 0, md = 0;
  if (!find_columns(t, {{&c.hole_id, &hole}, {&c.x, &x}, {&c.y, &y}, {&c.z, &z}, {&c.max_depth, &md}}, d)) return;
  holes.collar_known = true;
  const auto az = t.find_column(c.azimuth), dip = t.find_column(c.dip);
  std::unordered_map<std::string, long, TransparentStringHash, std::equal_to<>> first_line;
  RowReader r(t, d);
  for (std::size_t row = 0; row < t.row_count(); ++row) {
    r.start(row);
    Collar col;
    col.line = r.line();
    const auto id = r.required_text(hole);
    col.x = r.required_number(x);
    col.y = r.required_number(y);
    col.z = r.required_number(z);
    col.max_depth = r.required_number(md);
    if (!std::isnan(col.max_depth) && col.max_depth <= 0) r.error(md, "must be greater than 0, not " + num(col.max_depth));
    if (az) {
      col.azimuth = r.optional_number(*az);
      if (col.azimuth) r.check_azimuth(*az, *col.azimuth);
    }
    if (dip) {
      col.dip = r.optional_number(*dip);
      if (col.dip) r.check_dip(*dip, *col.dip);
    }
    if (id.empty() || is_missing_value(id)) continue;
    if (auto [it, added] = first_line.try_emplace(std::string(id), r.line()); !added) {
      r.row_error("duplicate hole id '" + std::string(id) + "' (first at line " + std::to_string(it->second) + ")");
      continue;
    }
    if (!r.ok()) {
      holes.broken.emplace(id);
      continue;
    }
    col.hole_id.assign(id);
    db.add_collar(std::move(col));
  }
}

void read_survey(const CsvTable& t, const SurveyColumns& c, DrillholeDatabase& db, HoleRegistry& holes,
                 Diagnostics& d) {
  copy_problems(t, d);
  std::size_t hole = 0, depth = 0, az = 0, dip = 0;
  if (!find_columns(t, {{&c.hole_id, &hole}, {&c.depth, &depth}, {&c.azimuth, &az}, {&c.dip, &dip}}, d)) return;
  RowReader r(t, d);
  for (std::size_t row = 0; row < t.row_count(); ++row) {
    r.start(row);
    SurveyStation s;
    s.line = r.line();
    const auto id = r.required_text(hole);
    s.depth = r.required_number(depth);
    r.check_depth(depth, s.depth);
    s.dip = r.required_number(dip);
    r.check_dip(dip, s.dip);
    const auto a = r.optional_number(az);
    if (a) r.check_azimuth(az, *a);
    else if (!std::isnan(s.dip) && std::abs(s.dip) != 90 && is_missing_value(r.text(az)))
      r.error(az, "value is missing (allowed only for a vertical station, dip -90 or 90)");
    s.azimuth = a.value_or(kMissing);
    if (is_missing_value(id)) continue;
    const auto h = holes.find(id, r.line());
    if (h && r.ok()) db.add_station(*h, s);
  }
  holes.report_unknown(t.path(), d);
}

// Columns of an interval table beyond hole_id/from/to; unnamed and repeated ones are warned about and skipped.
std::vector<std::size_t> field_columns(const CsvTable& t, std::initializer_list<std::size_t> used, Diagnostics& d) {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < t.column_count(); ++c) {
    bool skip = false;
    for (auto u : used) skip = skip || u == c;
    if (skip) continue;
    const auto& name = t.header()[c];
    if (name.empty()) {
      d.warning(t.path(), 1, "column " + std::to_string(c + 1) + " has no name; it is ignored");
      continue;
    }
    if (*t.find_column(name) != c) {
      d.warning(t.path(), 1, "column '" + name + "' appears more than once; only the first is used");
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// A field is numeric when every non-missing value is a number, text otherwise.
IntervalField read_field(const CsvTable& t, std::size_t col, const std::vector<std::size_t>& rows, Diagnostics& d) {
  IntervalField f;
  f.name = t.header()[col];
  f.values.reserve(rows.size());
  std::size_t numbers = 0, texts = 0;
  std::optional<std::size_t> first_text;
  for (std::size_t row : rows) {
    bool bad = false;
    const auto v = t.try_number(row, col, &bad);
    if (bad) {
      ++texts;
      if (!first_text) first_text = row;
    } else if (v) {
      ++numbers;
    }
    f.values.push_back(v.value_or(kMissing));
  }
  if (texts == 0) return f;
  if (numbers > texts)
    d.warning(t.path(), t.line(*first_text),
              "field '" + f.name + "': '" + std::string(trim(t.cell(*first_text, col))) +
                  "' is not a number, so the whole field is read as text (" + std::to_string(texts) + " of " +
                  std::to_string(numbers + texts) + " values are not numbers)");
  TextFieldBuilder b(f.name);
  for (std::size_t row : rows) {
    const auto s = trim(t.cell(row, col));
    b.push(is_missing_value(s) ? std::string_view() : s);
  }
  return b.finish();
}

void read_intervals(const CsvTable& t, const IntervalColumns& c, DrillholeDatabase& db, HoleRegistry& holes,
                    Diagnostics& d) {
  copy_problems(t, d);
  IntervalTable table(std::filesystem::path(t.path()).stem().string(), t.path());
  std::size_t hole = 0, from = 0, to = 0;
  // A table without its key columns is left out (the error says why); no per-hole checks follow.
  if (!find_columns(t, {{&c.hole_id, &hole}, {&c.from, &from}, {&c.to, &to}}, d)) return;
  const auto fields = field_columns(t, {hole, from, to}, d);
  std::vector<std::size_t> accepted;
  accepted.reserve(t.row_count());
  RowReader r(t, d);
  for (std::size_t row = 0; row < t.row_count(); ++row) {
    r.start(row);
    const auto id = r.required_text(hole);
    const double f = r.required_number(from), e = r.required_number(to);
    r.check_depth(from, f);
    r.check_depth(to, e);
    if (!std::isnan(f) && !std::isnan(e) && f >= e)
      r.row_error("interval " + num(f) + "-" + num(e) + ": from must be less than to");
    if (is_missing_value(id)) continue;
    const auto h = holes.find(id, r.line());
    if (!h || !r.ok()) continue;
    table.add(*h, f, e, r.line());
    accepted.push_back(row);
  }
  holes.report_unknown(t.path(), d);
  for (std::size_t col : fields) table.add_field(read_field(t, col, accepted, d));
  db.add_table(std::move(table));
}

}  // namespace

DrillholeDatabase read_drillholes(const CsvTable* collar, const CsvTable* survey,
                                  const std::vector<const CsvTable*>& intervals, const ColumnMap& columns,
                                  Diagnostics& diag) {
  DrillholeDatabase db;
  db.set_files(collar ? collar->path() : std::string(), survey ? survey->path() : std::string());
  HoleRegistry holes{db};
  if (collar) {
    holes.collar_file = collar->path();
    read_collars(*collar, columns.collar, db, holes, diag);
  }
  if (survey) read_survey(*survey, columns.survey, db, holes, diag);
  for (const CsvTable* t : intervals)
    if (t) read_intervals(*t, columns.intervals, db, holes, diag);
  db.finalize();
  return db;
}

namespace {

std::optional<CsvTable> try_read(const std::filesystem::path& path, Diagnostics& diag) {
  try {
    return read_csv_file(path);
  } catch (const InputError& e) {
    diag.error(e.file(), e.line(), e.message());
    return std::nullopt;
  }
}

}  // namespace

DrillholeDatabase read_drillhole_files(const DrillholeSources& sources, const ColumnMap& columns,
                                       Diagnostics& diag) {
  const auto collar = try_read(sources.collar, diag);
  std::optional<CsvTable> survey;
  if (sources.survey) survey = try_read(*sources.survey, diag);
  std::vector<std::optional<CsvTable>> tables;
  tables.reserve(sources.intervals.size());
  for (const auto& p : sources.intervals) tables.push_back(try_read(p, diag));
  std::vector<const CsvTable*> pointers;
  for (const auto& t : tables)
    if (t) pointers.push_back(&*t);
  return read_drillholes(collar ? &*collar : nullptr, survey ? &*survey : nullptr, pointers, columns, diag);
}

}  // namespace georeserve::drillhole
