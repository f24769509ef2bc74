#include "core/diagnostics.h"

#include <algorithm>
#include <map>
#include <ostream>

namespace georeserve {

void Diagnostics::error(const std::string& file, long line, std::string message) {
  items_.push_back({file, line, Severity::error, std::move(message)});
}

void Diagnostics::warning(const std::string& file, long line, std::string message) {
  items_.push_back({file, line, Severity::warning, std::move(message)});
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::sort_by_location() {
  std::map<std::string, std::size_t> file_rank;
  for (const auto& d : items_) file_rank.emplace(d.file, file_rank.size());
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const auto ra = file_rank[a.file], rb = file_rank[b.file];
    if (ra != rb) return ra < rb;
    return a.line < b.line;
  });
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out.append(":").append(std::to_string(d.line));
  out.append(d.severity == Severity::error ? ": error: " : ": warning: ");
  return out.append(d.message);
}

void Diagnostics::print(std::ostream& out) const {
  for (const auto& d : items_) out << format_diagnostic(d) << '\n';
}

}  // namespace georeserve
