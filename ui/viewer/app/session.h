// One run of the viewer: the scene read from its manifest, the window, the scene view and the state of
// the panels. frame() is one turn of the interactive loop (input, panels, drawing); the tests drive it
// in a hidden window to exercise the panels.
#pragma once

#include <filesystem>
#include <memory>
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
  int poster_scale = 4;
  int turntable_frames = 72;
  std::filesystem::path export_folder = ".";
  // Requests made by panels or keys, carried out at the start of the next frame.
  bool want_screenshot = false, want_poster = false, want_turntable = false, want_save_bookmarks = false;
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
