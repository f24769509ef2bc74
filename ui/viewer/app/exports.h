// Pictures for review panels: screenshots at window size or several times it (posters), turntables as
// PNG frames and, where ffmpeg is installed, an MP4; and camera bookmarks saved beside the scene.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scene/scene.h"
#include "viewer/scene/scene_view.h"

namespace georeserve::viewer {

// "20260128-153012": for file names.
std::string timestamp();

// Renders at width*scale x height*scale and writes a PNG; returns the path.
std::filesystem::path write_screenshot(SceneView& view, const std::filesystem::path& file, int width, int height, int scale);

struct TurntableResult {
  std::filesystem::path folder;
  int frames = 0;
  std::optional<std::filesystem::path> video;  // turntable.mp4 when ffmpeg made one
  std::string note;                            // why there is no video, if there is none
};
// frame_0001.png ... into `folder`, then turntable.mp4 with ffmpeg when it is on the PATH.
TurntableResult write_turntable(SceneView& view, const std::filesystem::path& folder, int width, int height, int frames, int scale);
// A bookmark fly-through the same way (flythrough.mp4): frames_per_leg pictures between bookmarks.
// InputError with fewer than two bookmarks.
TurntableResult write_flythrough(SceneView& view, const std::vector<scene::Bookmark>& bookmarks, const std::filesystem::path& folder,
                                 int width, int height, int frames_per_leg, int scale);

// The path of an executable on PATH, or nullopt.
std::optional<std::filesystem::path> find_program(const std::string& name);

// Bookmarks saved from the viewer: <scene folder>/bookmarks.json ({"bookmarks": [...]}, the same shape as
// the manifest's, so they can be copied into the model file's viewer.bookmarks).
std::vector<scene::Bookmark> read_saved_bookmarks(const std::filesystem::path& scene_folder);
void write_saved_bookmarks(const std::filesystem::path& scene_folder, const std::vector<scene::Bookmark>& bookmarks);

}  // namespace georeserve::viewer
