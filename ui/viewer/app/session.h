// One run of the viewer: the scene read from its manifest, the window, the scene view and the state of
// the panels. frame() is one turn of the interactive loop (input, panels, drawing); the tests drive it
// in a hidden window to exercise the panels.
#pragma once

#include <filesystem>
#include <memory>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "viewer/app/options.h"
#include "viewer/app/window.h"
#include "viewer/scene/scene_view.h"

namespace georeserve::viewer {

struct UiState {
  bool panels = true;                 // false in presentation mode
  std::string active_layer;           // the layer whose colouring and filter the panels show
  std::optional<PickResult> picked;
  std::string status;                 // the last action's message (exports, bookmarks)
  std::vector<scene::Bookmark> bookmarks;  // the scene's, then the saved ones
  char new_bookmark[64] = "view-1";
  double section_azimuth = 90.0;
  // Section line: 0 = not drawing; 1, 2 = the next click on the map is its first or second point.
  int section_clicks = 0;
  std::array<double, 2> section_start{0, 0};
  double section_coords[4] = {0, 0, 0, 0};  // typed x0, y0, x1, y1 (CRS)
  float section_width = 20.0f;               // m
  float bench_floor = 0.0f, bench_thickness = 10.0f;  // m
  // Live statement: the planning block chosen (-1 = the whole filter), the last result and when it was made.
  int statement_area = -1;
  std::optional<FilteredStatement> statement;
  std::string statement_layer;
  std::uint64_t statement_revision = 0;
  int statement_area_done = -2;
  double statement_time = -1e9;   // glfwGetTime() of the last computation
  double statement_ms = 0.0;      // how long it took
  int flythrough_frames = 48;     // per leg
  bool problems_open = true;      // the problems panel (layers that failed to load)
  int poster_scale = 4;
  int turntable_frames = 72;
  std::filesystem::path export_folder = ".";
  // Requests made by panels or keys, carried out at the start of the next frame.
  bool want_screenshot = false, want_poster = false, want_turntable = false, want_save_bookmarks = false;
  bool want_flythrough = false;
};

class Session {
 public:
  // Reads the scene (InputError/ConfigError when the manifest is bad), opens the window (ResourceError
  // without a display) and loads the layers (failures are kept per layer and printed to stderr).
  Session(const Options& options, bool visible);
  ~Session();

  SceneView& view() { return *view_; }
  Window& window() { return *window_; }
  UiState& ui() { return ui_; }
  const std::filesystem::path& scene_folder() const { return folder_; }
  const std::vector<std::string>& problems() const { return problems_; }
  // Recomputes the live statement when the block filter or the chosen area changed, at most every
  // `min_interval` seconds while it keeps changing (so dragging a slider stays smooth); `now` in seconds.
  void update_statement(double now, double min_interval = 0.25);
  // What a left click at pixel (x, y) does while a section line is being drawn (ui().section_clicks > 0):
  // the first click starts the line, the second ends it and cuts the block model along it.
  void section_click(int x, int y, int width, int height);

  // One interactive frame; false once the window is to close.
  bool frame();
  void run();

 private:
  void handle_input(int width, int height);
  void carry_out_requests(int width, int height);

  Options options_;
  std::filesystem::path folder_;
  std::unique_ptr<Window> window_;
  std::unique_ptr<SceneView> view_;
  UiState ui_;
  std::vector<std::string> problems_;
  double press_x_ = 0, press_y_ = 0;
};

// Applies --exaggeration, --bookmark and --plan; InputError for an unknown bookmark.
void apply_start_options(SceneView& view, const Options& options, const std::vector<scene::Bookmark>& bookmarks);

}  // namespace georeserve::viewer
