// A list of problems found in input data, printed compiler style ("FILE:LINE: error: message").
// Validation collects every problem in one run instead of stopping at the first.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace georeserve {

enum class Severity { warning, error };

struct Diagnostic {
  std::string file;
  long line = 0;  // 1-based; 0 = the file as a whole
  Severity severity = Severity::error;
  std::string message;
};

class Diagnostics {
 public:
  void error(const std::string& file, long line, std::string message);
  void warning(const std::string& file, long line, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }

  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // Sorts by file (in order of first appearance), then line; keeps the order of equal lines.
  void sort_by_location();
  // One line per diagnostic: FILE:LINE: error|warning: message
  void print(std::ostream& out) const;

 private:
  std::vector<Diagnostic> items_;
};

std::string format_diagnostic(const Diagnostic& d);

}  // namespace georeserve
