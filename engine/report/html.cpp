#include "report/html.h"

#include "core/atomic_file.h"

namespace georeserve {

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

HtmlPage::HtmlPage(std::string title, std::string lang) : title_(std::move(title)), lang_(std::move(lang)) {}

void HtmlPage::heading(int level, std::string_view text, std::string_view id) {
  std::string anchor(id);
  if (level == 2 && anchor.empty()) anchor = std::string("s").append(std::to_string(toc_.size() + 1));  // GCC 12: no false -Wrestrict
  if (level == 2) toc_.emplace_back(anchor, std::string(text));
  body_ << "<h" << level;
  if (!anchor.empty()) body_ << " id=\"" << anchor << "\"";
  body_ << '>' << html_escape(text) << "</h" << level << ">\n";
}

void HtmlPage::paragraph(std::string_view text, std::string_view css_class) {
  body_ << "<p";
  if (!css_class.empty()) body_ << " class=\"" << css_class << "\"";
  body_ << '>' << html_escape(text) << "</p>\n";
}

void HtmlPage::table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                     const std::vector<bool>& numeric, std::string_view caption) {
  body_ << "<table>\n";
  if (!caption.empty()) body_ << "<caption>" << html_escape(caption) << "</caption>\n";
  body_ << "<thead><tr>";
  for (const auto& h : headers) body_ << "<th>" << html_escape(h) << "</th>";
  body_ << "</tr></thead>\n<tbody>\n";
  for (const auto& r : rows) {
    const bool total = !r.empty() && (r[0].find("合计") != std::string::npos || r[0].find("all") != std::string::npos);
    body_ << (total ? "<tr class=\"total\">" : "<tr>");
    for (std::size_t c = 0; c < r.size(); ++c)
      body_ << (c < numeric.size() && numeric[c] ? "<td class=\"n\">" : "<td>") << html_escape(r[c]) << "</td>";
    body_ << "</tr>\n";
  }
  body_ << "</tbody></table>\n";
}

void HtmlPage::figure(std::string_view svg, std::string_view caption) {
  body_ << "<figure>" << svg << "<figcaption>" << html_escape(caption) << "</figcaption></figure>\n";
}

void HtmlPage::raw(std::string_view html) { body_ << html << '\n'; }

void HtmlPage::list(const std::vector<std::string>& items) {
  body_ << "<ul>\n";
  for (const auto& i : items) body_ << "<li>" << html_escape(i) << "</li>\n";
  body_ << "</ul>\n";
}

std::string HtmlPage::str() const {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"" << lang_ << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
      << html_escape(title_) << "</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;max-width:1100px;"
         "margin:24px auto;padding:0 16px;color:#222;line-height:1.5}\n"
      << "h1{border-bottom:3px solid #b22;padding-bottom:6px}h2{border-bottom:1px solid #ccc;margin-top:2em}\n"
      << "table{border-collapse:collapse;margin:12px 0;font-size:14px}caption{text-align:left;font-weight:bold;"
         "padding:4px 0}\n"
      << "th,td{border:1px solid #bbb;padding:4px 8px}th{background:#f0f0f0}td.n{text-align:right;"
         "font-variant-numeric:tabular-nums}\n"
      << "tr.total td{font-weight:bold;background:#fafafa}figure{margin:16px 0}figcaption{font-size:13px;"
         "color:#555}\n"
      << "svg{max-width:100%;height:auto}.note{color:#555;font-size:13px}nav a{margin-right:12px}\n"
      << "@media print{nav{display:none}h2{page-break-before:always}}\n</style>\n</head>\n<body>\n";
  out << "<h1>" << html_escape(title_) << "</h1>\n<nav>";
  for (const auto& [id, text] : toc_) out << "<a href=\"#" << id << "\">" << html_escape(text) << "</a>";
  out << "</nav>\n" << body_.str() << "</body>\n</html>\n";
  return out.str();
}

void HtmlPage::write(const std::filesystem::path& path) const {
  write_file_atomically(path, [&](std::ostream& o) { o << str(); });
}

}  // namespace georeserve
