#include "io/csv.h"

#include <fstream>
#include <ostream>
#include <sstream>

#include "core/error.h"
#include "core/text.h"

namespace georeserve {

std::optional<std::size_t> CsvTable::find_column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (iequals(header_[i], name)) return i;
  return std::nullopt;
}

std::size_t CsvTable::require_column(std::string_view name) const {
  if (auto c = find_column(name)) return *c;
  throw InputError(path_, 1, std::string(name), "required column is missing");
}

std::string_view CsvTable::cell(std::size_t row, std::size_t col) const {
  const std::size_t k = row * header_.size() + col;
  return std::string_view(text_).substr(cell_offsets_[k], cell_offsets_[k + 1] - cell_offsets_[k]);
}

bool CsvTable::is_missing(std::size_t row, std::size_t col) const { return is_missing_value(cell(row, col)); }

std::optional<double> CsvTable::try_number(std::size_t row, std::size_t col, bool* bad) const {
  if (bad) *bad = false;
  const auto text = cell(row, col);
  if (is_missing_value(text)) return std::nullopt;
  auto v = parse_double(text);
  if (!v && bad) *bad = true;
  return v;
}

std::optional<double> CsvTable::number(std::size_t row, std::size_t col) const {
  bool bad = false;
  auto v = try_number(row, col, &bad);
  if (bad)
    throw InputError(path_, line(row), header_[col], "'" + std::string(trim(cell(row, col))) + "' is not a number");
  return v;
}

void CsvTable::throw_if_problems() const {
  if (problems_.empty()) return;
  const auto& p = problems_.front();
  throw InputError(p.file, p.line, "", p.message);
}

namespace {

// Splits one record starting at pos; returns false when the text is exhausted.
// Handles quotes ("" inside quotes is one quote), quoted newlines, CRLF and LF.
struct RecordReader {
  std::string_view text;
  std::size_t pos = 0;
  long line = 1;

  bool next(std::vector<std::string>& fields, long& start_line, std::string& problem) {
    fields.clear();
    problem.clear();
    if (pos >= text.size()) return false;
    start_line = line;
    std::string field;
    bool in_quotes = false, was_quoted = false;
    while (pos < text.size()) {
      const char c = text[pos++];
      if (in_quotes) {
        if (c == '"') {
          if (pos < text.size() && text[pos] == '"') { field += '"'; ++pos; }
          else in_quotes = false;
        } else {
          if (c == '\n') ++line;
          field += c;
        }
        continue;
      }
      if (c == '"' && trim(field).empty()) { field.clear(); in_quotes = true; was_quoted = true; }
      else if (c == ',') { fields.push_back(finish(field, was_quoted)); field.clear(); was_quoted = false; }
      else if (c == '\n') { ++line; fields.push_back(finish(field, was_quoted)); return true; }
      else if (c == '\r') { /* CRLF: the LF ends the record */ }
      else field += c;
    }
    if (in_quotes) problem = "unterminated quoted field";
    fields.push_back(finish(field, was_quoted));
    return true;
  }

  static std::string finish(const std::string& f, bool quoted) {
    return quoted ? f : std::string(trim(f));
  }
};

bool blank_record(const std::vector<std::string>& fields) {
  for (const auto& f : fields)
    if (!trim(f).empty()) return false;
  return true;
}

}  // namespace

CsvTable parse_csv(std::string_view text, std::string display_name) {
  CsvTable t;
  t.path_ = std::move(display_name);
  text = strip_utf8_bom(text);
  RecordReader reader{text};
  std::vector<std::string> fields;
  std::string problem;
  long start_line = 1;
  bool have_header = false;
  t.cell_offsets_.push_back(0);
  while (reader.next(fields, start_line, problem)) {
    if (!have_header) {
      if (blank_record(fields) && problem.empty()) continue;
      t.header_.reserve(fields.size());
      for (auto& f : fields) t.header_.push_back(std::string(trim(f)));
      have_header = true;
      if (!problem.empty()) t.problems_.push_back({t.path_, start_line, Severity::error, problem});
      continue;
    }
    if (blank_record(fields) && problem.empty()) continue;
    if (!problem.empty()) {
      t.problems_.push_back({t.path_, start_line, Severity::error, problem});
      continue;
    }
    if (fields.size() != t.header_.size()) {
      t.problems_.push_back({t.path_, start_line, Severity::error,
                             "row has " + std::to_string(fields.size()) + " fields, the header has " +
                                 std::to_string(t.header_.size())});
      continue;
    }
    bool utf8_ok = true;
    for (const auto& f : fields) utf8_ok = utf8_ok && is_valid_utf8(f);
    if (!utf8_ok) {
      t.problems_.push_back({t.path_, start_line, Severity::error, "row is not valid UTF-8 text"});
      continue;
    }
    for (const auto& f : fields) {
      t.text_ += f;
      t.cell_offsets_.push_back(t.text_.size());
    }
    t.row_lines_.push_back(start_line);
  }
  if (!have_header) t.problems_.push_back({t.path_, 1, Severity::error, "file is empty: no header line"});
  for (const auto& h : t.header_)
    if (!is_valid_utf8(h)) t.problems_.push_back({t.path_, 1, Severity::error, "header is not valid UTF-8 text"});
  return t;
}

CsvTable read_csv_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), 0, "", "cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError(path.string(), 0, "", "cannot read file");
  return parse_csv(ss.str(), path.string());
}

std::string csv_quote(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos && trim(text).size() == text.size())
    return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  for (const auto& f : fields) field(f);
  end_row();
}

CsvWriter& CsvWriter::field(std::string_view text) {
  if (!first_) out_ << ',';
  out_ << csv_quote(text);
  first_ = false;
  return *this;
}

CsvWriter& CsvWriter::number(double v, int decimals) { return field(format_fixed(v, decimals)); }

CsvWriter& CsvWriter::integer(long long v) { return field(std::to_string(v)); }

void CsvWriter::end_row() {
  out_ << '\n';
  first_ = true;
}

}  // namespace georeserve
