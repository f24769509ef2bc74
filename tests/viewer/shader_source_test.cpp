// Our GLSL is embedded and cut into the sections the block layer installs; a missing section is a
// clear error naming the file.
#include <gtest/gtest.h>

#include "core/error.h"
#include "viewer/scene/shader_source.h"

using namespace georeserve;
using namespace georeserve::viewer;

TEST(ShaderSource, BlockShaderHasEverySectionTheLayerUses) {
  const std::string_view text = embedded_shader("block_faces.glsl");
  for (const char* name : {"vertex-declarations", "vertex-main", "fragment-declarations", "fragment-uniform-flow",
                           "fragment-color", "fragment-light"}) {
    const std::string section = shader_section(text, name, "block_faces.glsl");
    EXPECT_FALSE(section.empty()) << name;
    EXPECT_EQ(section.find("//@ "), std::string::npos) << name << " runs into the next section";
  }
  EXPECT_NE(shader_section(text, "vertex-declarations", "f").find("bool blockPasses("), std::string::npos);
  EXPECT_NE(shader_section(text, "fragment-light", "f").find("gl_FragData[0]"), std::string::npos);
}

TEST(ShaderSource, SectionsAreCutAtWholeMarkerLines) {
  const std::string text = "//@ a\nline a\n//@ ab\nline ab\n//@ b\nline b\n";
  EXPECT_EQ(shader_section(text, "a", "t"), "line a\n");
  EXPECT_EQ(shader_section(text, "ab", "t"), "line ab\n");
  EXPECT_EQ(shader_section(text, "b", "t"), "line b\n");
  try {
    shader_section(text, "c", "test.glsl");
    FAIL();
  } catch (const ResourceError& e) {
    EXPECT_NE(std::string(e.what()).find("test.glsl: no shader section 'c'"), std::string::npos);
  }
  EXPECT_THROW(embedded_shader("nope.glsl"), ResourceError);
}
