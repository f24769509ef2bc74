// A self-contained HTML page for reports (report.html): headings, paragraphs, tables and inline SVG
// figures, no external files, UTF-8, printable. Text is escaped; figures are trusted SVG.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace georeserve {

class HtmlPage {
 public:
  HtmlPage(std::string title, std::string lang = "zh-CN");
  void heading(int level, std::string_view text, std::string_view id = {});
  void paragraph(std::string_view text, std::string_view css_class = {});
  // Cells are text; `numeric` columns are right-aligned. A first row of headers.
  void table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
             const std::vector<bool>& numeric = {}, std::string_view caption = {});
  void figure(std::string_view svg, std::string_view caption);
  void raw(std::string_view html);
  void list(const std::vector<std::string>& items);
  std::string str() const;
  void write(const std::filesystem::path& path) const;  // atomically

 private:
  std::string title_, lang_;
  std::ostringstream body_;
  std::vector<std::pair<std::string, std::string>> toc_;  // id, text of level-2 headings
};

std::string html_escape(std::string_view text);

}  // namespace georeserve
