// CSV output of generated tables (see table.h).
#include "synth/table.h"

#include <stdexcept>

#include "core/atomic_file.h"
#include "core/text.h"
#include "io/csv.h"

namespace georeserve::synth {

Table::RowBuilder& Table::RowBuilder::text(std::string_view s) {
  row_.emplace_back(s);
  return *this;
}

Table::RowBuilder& Table::RowBuilder::number(double v, int decimals) {
  std::string s = format_fixed(v, decimals);
  if (s == "-0" || (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos)) s.erase(0, 1);
  row_.push_back(std::move(s));
  return *this;
}

Table::RowBuilder& Table::RowBuilder::integer(long long v) {
  row_.push_back(std::to_string(v));
  return *this;
}

Table::RowBuilder Table::add_row() {
  rows.emplace_back();
  rows.back().reserve(header.size());
  return RowBuilder(rows.back());
}

void write_table(const std::filesystem::path& path, const Table& table) {
  for (const auto& row : table.rows)
    if (row.size() != table.header.size())
      throw std::logic_error("synth table " + path.string() + ": row with " + std::to_string(row.size()) +
                             " cells for " + std::to_string(table.header.size()) + " columns");
  write_file_atomically(path, [&](std::ostream& out) {
    CsvWriter w(out);
    w.row(table.header);
    for (const auto& row : table.rows) w.row(row);
  });
}

}  // namespace georeserve::synth
