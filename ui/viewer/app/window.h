// A GLFW window with an OpenGL 3.2 core context (visible, or hidden for pictures and tests) and Dear
// ImGui on it, its text in a CJK font. Without a display: ResourceError with a clear message.
#pragma once

#include <string>

#include "viewer/scene/scene_view.h"

struct GLFWwindow;

namespace georeserve::viewer {

class Window {
 public:
  Window(int width, int height, const std::string& title, bool visible);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return window_; }
  void framebuffer_size(int& width, int& height) const;
  bool should_close() const;
  void set_title(const std::string& title);
  void toggle_fullscreen();
  bool fullscreen() const { return fullscreen_; }

  // Dear ImGui with the font at `font_file` (or ImGui's own when ""), its glyphs: Latin, the 2500 common
  // simplified Chinese characters, and every character of `text` (the scene's titles and labels).
  void start_imgui(const std::string& font_file, const std::string& text);
  void begin_frame();
  void end_frame();  // draws ImGui over what is in the back buffer and swaps
  // The next end_frame() copies the finished frame (scene and panels) into *target before swapping.
  void capture_next_frame(Image* target) { capture_ = target; }

 private:
  GLFWwindow* window_ = nullptr;
  bool imgui_ = false;
  bool fullscreen_ = false;
  Image* capture_ = nullptr;
  int saved_[4] = {0, 0, 0, 0};  // position and size before full screen
};

}  // namespace georeserve::viewer
