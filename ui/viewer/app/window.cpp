// See window.h.
#include "viewer/app/window.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <vector>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "core/error.h"

namespace georeserve::viewer {
namespace {

std::string& glfw_message() {
  static std::string message;
  return message;
}

void on_glfw_error(int, const char* description) { glfw_message() = description ? description : "unknown GLFW error"; }

}  // namespace

Window::Window(int width, int height, const std::string& title, bool visible) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit())
    throw ResourceError("error: no display available (" + glfw_message() +
                        "). Run it on a desktop, or headless with: xvfb-run -a georeserve-view ... --screenshot F.png");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SAMPLES, 0);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw ResourceError("error: cannot open an OpenGL 3.2 window (" + glfw_message() + ")");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
}

Window::~Window() {
  if (imgui_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  glfwDestroyWindow(window_);
  glfwTerminate();
}

void Window::framebuffer_size(int& width, int& height) const { glfwGetFramebufferSize(window_, &width, &height); }
bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

void Window::toggle_fullscreen() {
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (!fullscreen_ && monitor) {
    glfwGetWindowPos(window_, &saved_[0], &saved_[1]);
    glfwGetWindowSize(window_, &saved_[2], &saved_[3]);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    fullscreen_ = true;
  } else if (fullscreen_) {
    glfwSetWindowMonitor(window_, nullptr, saved_[0], saved_[1], saved_[2], saved_[3], 0);
    fullscreen_ = false;
  }
}

void Window::start_imgui(const std::string& font_file, const std::string& text) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini left in the user's folder
  ImGui::StyleColorsDark();
  ImGui::GetStyle().WindowRounding = 4.0f;
  if (!font_file.empty()) {
    // The ranges must outlive the atlas build: kept for the life of the program.
    static ImVector<ImWchar> ranges;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    builder.AddText(text.c_str());
    builder.AddText("探明控制推断证实可信矿体块模型钻孔规划区块地形剖面平面图北米层位台阶");
    ranges.clear();
    builder.BuildRanges(&ranges);
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    io.Fonts->AddFontFromFileTTF(font_file.c_str(), 16.0f, &config, ranges.Data);
  }
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 150");
  imgui_ = true;
}

void Window::begin_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void Window::end_frame() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (capture_) {
    int w = 0, h = 0;
    framebuffer_size(w, h);
    std::vector<std::uint8_t> rows(static_cast<std::size_t>(w) * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, rows.data());
    capture_->width = w;
    capture_->height = h;
    capture_->rgb.resize(rows.size());
    const std::size_t row = static_cast<std::size_t>(w) * 3;
    for (int y = 0; y < h; ++y)  // OpenGL rows start at the bottom
      std::copy_n(&rows[static_cast<std::size_t>(h - 1 - y) * row], row, &capture_->rgb[static_cast<std::size_t>(y) * row]);
    capture_ = nullptr;
  }
  glfwSwapBuffers(window_);
}

}  // namespace georeserve::viewer
