// Reading and writing the comma-separated tables of DESIGN.md section 3: quoted fields, UTF-8 with
// or without BOM, CRLF, case-insensitive column names, missing values (empty, NA, -).
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace georeserve {

class CsvTable {
 public:
  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t column_count() const { return header_.size(); }
  std::size_t row_count() const { return row_lines_.size(); }

  // Column index by name, case-insensitively; nullopt when absent.
  std::optional<std::size_t> find_column(std::string_view name) const;
  // Same, but a missing column is an InputError at line 1 naming the column.
  std::size_t require_column(std::string_view name) const;

  std::string_view cell(std::size_t row, std::size_t col) const;
  // The file line (1-based) where a data row starts; the header is line 1.
  long line(std::size_t row) const { return row_lines_[row]; }
  bool is_missing(std::size_t row, std::size_t col) const;
  // nullopt for a missing value; InputError naming file, line and column when not a number.
  std::optional<double> number(std::size_t row, std::size_t col) const;
  // Same without throwing: sets *bad when the cell is present but not numeric.
  std::optional<double> try_number(std::size_t row, std::size_t col, bool* bad) const;

  // Structural problems met while reading (wrong field count, unterminated quote, bad UTF-8).
  // The rows concerned are left out of the table; validation reports these, other readers throw.
  const std::vector<Diagnostic>& problems() const { return problems_; }
  // Throws the first structural problem as an InputError, if any.
  void throw_if_problems() const;

 private:
  friend CsvTable parse_csv(std::string_view text, std::string display_name);
  std::string path_;
  std::vector<std::string> header_;
  std::string text_;                            // all cell contents, unquoted, back to back
  std::vector<std::uint64_t> cell_offsets_;     // row-major, column_count()+... one past: begin of each cell
  std::vector<long> row_lines_;
  std::vector<Diagnostic> problems_;
};

// Parses CSV text; display_name is used in messages (usually the file path).
CsvTable parse_csv(std::string_view text, std::string display_name);
// Reads a file; InputError when it cannot be opened.
CsvTable read_csv_file(const std::filesystem::path& path);

// Writes CSV rows; quotes fields when they need it. Numbers are locale-independent.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void row(const std::vector<std::string>& fields);
  CsvWriter& field(std::string_view text);
  CsvWriter& number(double v, int decimals);  // NaN writes an empty field
  CsvWriter& integer(long long v);
  void end_row();

 private:
  std::ostream& out_;
  bool first_ = true;
};

std::string csv_quote(std::string_view text);

}  // namespace georeserve
