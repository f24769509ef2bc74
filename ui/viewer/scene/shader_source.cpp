// See shader_source.h.
#include "viewer/scene/shader_source.h"

#include "core/error.h"
#include "embedded_shaders.h"

namespace georeserve::viewer {

std::string_view embedded_shader(std::string_view file_name) {
  for (const auto& s : kEmbeddedShaders)
    if (file_name == s.name) return s.text;
  throw ResourceError("shader " + std::string(file_name) + " is not built into this program");
}

std::string shader_section(std::string_view text, std::string_view name, std::string_view file_name) {
  const std::string marker = "//@ " + std::string(name);
  std::size_t at = 0;
  while ((at = text.find(marker, at)) != std::string_view::npos) {
    const std::size_t end_of_line = text.find('\n', at);
    const std::string_view rest_of_line =
        text.substr(at + marker.size(), (end_of_line == std::string_view::npos ? text.size() : end_of_line) - at - marker.size());
    const bool whole_name = rest_of_line.find_first_not_of(" \t\r") == std::string_view::npos;
    const bool line_start = at == 0 || text[at - 1] == '\n';
    if (whole_name && line_start && end_of_line != std::string_view::npos) {
      const std::size_t begin = end_of_line + 1;
      std::size_t next = text.find("\n//@ ", end_of_line);
      next = next == std::string_view::npos ? text.size() : next + 1;
      return std::string(text.substr(begin, next - begin));
    }
    at += marker.size();
  }
  throw ResourceError(std::string(file_name) + ": no shader section '" + std::string(name) + "'");
}

}  // namespace georeserve::viewer
