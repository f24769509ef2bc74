// Our GLSL (shaders/*.glsl, embedded into the program at build time) cut into the named sections that
// go into VTK's shader templates: a file holds "//@ name" lines, each starting a section that runs to
// the next one. Named replacement rules rather than #ifdef piles (as Polyscope assembles its shaders).
#pragma once

#include <string>
#include <string_view>

namespace georeserve::viewer {

// The text of an embedded shader file, e.g. "block_faces.glsl"; ResourceError when there is none.
std::string_view embedded_shader(std::string_view file_name);

// The section `name` of a shader text; ResourceError naming the file when it is missing.
std::string shader_section(std::string_view text, std::string_view name, std::string_view file_name);

}  // namespace georeserve::viewer
