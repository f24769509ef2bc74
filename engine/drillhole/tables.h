// The drillhole database in memory: collars indexed by hole id, survey stations sorted by depth,
// and any number of interval tables stored by column (numeric fields as doubles with NaN for
// missing, text fields dictionary-encoded). Hole ids are interned: rows refer to holes by index.
// Every row keeps the file line it came from, so later checks can point at it.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace georeserve::drillhole {

using HoleIndex = std::int32_t;
inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// Lets hash maps keyed by std::string be searched with a string_view (no allocation per lookup).
struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Collar {
  std::string hole_id;
  double x = 0, y = 0, z = 0;  // projected metres, z up
  double max_depth = 0;        // metres along the hole
  std::optional<double> azimuth, dip;  // used when the hole has no survey stations
  long line = 0;               // line in the collar file (0 = made in code)
};

struct SurveyStation {
  double depth = 0;    // metres along the hole
  double azimuth = 0;  // degrees clockwise from north; NaN when undefined (vertical station)
  double dip = -90;    // degrees, negative downward
  long line = 0;
};

// One column of an interval table beyond hole_id/from/to.
struct IntervalField {
  enum class Kind { numeric, text };
  std::string name;
  Kind kind = Kind::numeric;
  std::vector<double> values;            // numeric: one per row, NaN = missing
  std::vector<std::int32_t> codes;       // text: index into categories per row, -1 = missing
  std::vector<std::string> categories;   // text: distinct values in order of first appearance

  bool is_numeric() const { return kind == Kind::numeric; }
  bool missing(std::size_t row) const;
  std::string_view text(std::size_t row) const;  // text fields; "" when missing
};

// Intervals (hole, from, to, fields...). Rows are added in any order; finalize() sorts them by
// hole and from (stable, so file order breaks ties) and builds the per-hole ranges.
class IntervalTable {
 public:
  IntervalTable() = default;
  IntervalTable(std::string name, std::string file) : name_(std::move(name)), file_(std::move(file)) {}

  const std::string& name() const { return name_; }  // e.g. "assay"
  const std::string& file() const { return file_; }  // for messages

  std::size_t add(HoleIndex hole, double from, double to, long line = 0);
  // Fields have one value per row added so far (the caller adds rows first). Empty text = missing.
  IntervalField& add_field(IntervalField field);
  IntervalField& add_numeric_field(std::string name, std::vector<double> values);
  IntervalField& add_text_field(std::string name, const std::vector<std::string>& values);
  void finalize(std::size_t hole_count);

  std::size_t row_count() const { return from_.size(); }
  HoleIndex hole(std::size_t row) const { return hole_[row]; }
  double from(std::size_t row) const { return from_[row]; }
  double to(std::size_t row) const { return to_[row]; }
  long line(std::size_t row) const { return line_[row]; }
  const std::vector<double>& from_column() const { return from_; }
  const std::vector<double>& to_column() const { return to_; }

  // Number of holes the table was finalized for (the database's hole count).
  std::size_t hole_count() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  // Rows of one hole: [first, last) in the sorted order. Needs finalize().
  std::size_t hole_begin(HoleIndex h) const { return offsets_[static_cast<std::size_t>(h)]; }
  std::size_t hole_end(HoleIndex h) const { return offsets_[static_cast<std::size_t>(h) + 1]; }

  const std::vector<IntervalField>& fields() const { return fields_; }
  const IntervalField* find_field(std::string_view name) const;  // case-insensitive
  // InputError naming the table's file when absent.
  const IntervalField& require_field(std::string_view name) const;

 private:
  std::string name_, file_;
  std::vector<HoleIndex> hole_;
  std::vector<double> from_, to_;
  std::vector<long> line_;
  std::vector<IntervalField> fields_;
  std::vector<std::size_t> offsets_;
};

// Builds a text field value by value (dictionary encoding; an empty value is missing).
class TextFieldBuilder {
 public:
  explicit TextFieldBuilder(std::string name);
  void push(std::string_view value);
  IntervalField finish();

 private:
  IntervalField field_;
  std::unordered_map<std::string, std::int32_t, TransparentStringHash, std::equal_to<>> lookup_;
};

class DrillholeDatabase {
 public:
  // Adds a collar; nullopt when the hole id is already present (the first one is kept).
  std::optional<HoleIndex> add_collar(Collar collar);
  void add_station(HoleIndex hole, SurveyStation station);
  IntervalTable& add_table(IntervalTable table);
  // Sorts survey stations by depth (stable) and finalizes every interval table.
  void finalize();

  std::size_t hole_count() const { return collars_.size(); }
  const Collar& collar(HoleIndex h) const { return collars_[static_cast<std::size_t>(h)]; }
  const std::vector<Collar>& collars() const { return collars_; }
  std::optional<HoleIndex> find_hole(std::string_view hole_id) const;

  // Survey stations of a hole, sorted by depth. Needs finalize().
  std::span<const SurveyStation> survey(HoleIndex h) const;
  std::size_t station_count() const { return stations_.size(); }

  std::vector<IntervalTable>& tables() { return tables_; }
  const std::vector<IntervalTable>& tables() const { return tables_; }
  // By name (file stem) or file, case-insensitive; InputError when absent.
  const IntervalTable& table(std::string_view name) const;

  // Where the collar and survey rows came from (empty when made in code or not given).
  void set_files(std::string collar_file, std::string survey_file) {
    collar_file_ = std::move(collar_file);
    survey_file_ = std::move(survey_file);
  }
  const std::string& collar_file() const { return collar_file_; }
  const std::string& survey_file() const { return survey_file_; }

 private:
  std::string collar_file_, survey_file_;
  std::vector<Collar> collars_;
  std::unordered_map<std::string, HoleIndex, TransparentStringHash, std::equal_to<>> index_;
  std::vector<HoleIndex> station_hole_;
  std::vector<SurveyStation> stations_;
  std::vector<std::size_t> station_offsets_;
  std::vector<IntervalTable> tables_;
};

}  // namespace georeserve::drillhole
