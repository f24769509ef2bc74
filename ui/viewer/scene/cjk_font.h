// Finding a font with Chinese glyphs at run time, for ImGui and for VTK's text: the GEORESERVE_CJK_FONT
// environment variable when set, else the first present of the fonts Debian packages install
// (fonts-wqy-microhei, fonts-wqy-zenhei, fonts-noto-cjk, fonts-arphic-uming, fonts-droid-fallback).
#pragma once

#include <string>

namespace georeserve::viewer {

// The font file's path, or "" when none is installed (text then shows without Chinese characters).
std::string find_cjk_font();

}  // namespace georeserve::viewer
