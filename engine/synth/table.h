// Output tables of the generator: text cells, already formatted with fixed decimals, written as CSV
// through the atomic writer. Keeping cells as text makes the files' bytes depend on nothing else.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace georeserve::synth {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  explicit Table(std::vector<std::string> columns) : header(std::move(columns)) {}
  // Starts a row; add its cells with the returned builder.
  class RowBuilder {
   public:
    explicit RowBuilder(std::vector<std::string>& row) : row_(row) {}
    RowBuilder& text(std::string_view s);
    RowBuilder& number(double v, int decimals);  // NaN -> empty (missing)
    RowBuilder& integer(long long v);
   private:
    std::vector<std::string>& row_;
  };
  RowBuilder add_row();
};

// Writes header and rows (comma-separated, LF line ends, quoting where needed). Every row must have
// as many cells as the header (std::logic_error otherwise: a generator bug).
void write_table(const std::filesystem::path& path, const Table& table);

}  // namespace georeserve::synth
