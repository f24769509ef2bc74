// See cjk_font.h.
#include "viewer/scene/cjk_font.h"

#include <cstdlib>
#include <filesystem>

namespace georeserve::viewer {

std::string find_cjk_font() {
  std::error_code ec;
  if (const char* chosen = std::getenv("GEORESERVE_CJK_FONT"); chosen && *chosen && std::filesystem::is_regular_file(chosen, ec))
    return chosen;
  static const char* const candidates[] = {
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
      "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
      "/usr/share/fonts/truetype/arphic/uming.ttc",
      "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
  };
  for (const char* path : candidates)
    if (std::filesystem::is_regular_file(path, ec)) return path;
  return {};
}

}  // namespace georeserve::viewer
