// See exports.h.
#include "viewer/app/exports.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "io/json_config.h"

extern char** environ;

namespace georeserve::viewer {

std::string timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &local);
  return text;
}

std::filesystem::path write_screenshot(SceneView& view, const std::filesystem::path& file, int width, int height, int scale) {
  write_png(file, view.capture(width, height, scale));
  return file;
}

std::optional<std::filesystem::path> find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::string list = path;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = list.find(':', start);
    const std::filesystem::path candidate = std::filesystem::path(list.substr(start, end - start)) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return std::nullopt;
}

namespace {

// Runs a program with arguments (no shell); its exit status, or -1 when it could not start.
int run_program(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

namespace {

// Frames from `render` (which calls its argument once per picture) into `folder`, then <video>.mp4 with
// ffmpeg when it is on the PATH.
TurntableResult write_frames(const std::filesystem::path& folder, const std::string& video_name,
                             const std::function<void(const std::function<void(int, const Image&)>&)>& render) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw InputError(folder.string(), 0, "", "cannot create folder: " + ec.message());
  TurntableResult result;
  result.folder = folder;
  render([&](int frame, const Image& image) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%04d.png", frame + 1);
    write_png(folder / name, image);
    ++result.frames;
  });
  const auto ffmpeg = find_program("ffmpeg");
  if (!ffmpeg) {
    result.note = "ffmpeg is not installed: PNG frames only";
    return result;
  }
  // Written under a temporary name and renamed, so a failed encoding leaves no half video.
  const auto video = folder / (video_name + ".mp4"), partial = folder / (video_name + ".partial.mp4");
  const int status = run_program({ffmpeg->string(), "-y", "-loglevel", "error", "-framerate", "24", "-i",
                                  (folder / "frame_%04d.png").string(), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-vf",
                                  "pad=ceil(iw/2)*2:ceil(ih/2)*2", partial.string()});
  if (status == 0 && std::filesystem::exists(partial, ec)) {
    std::filesystem::rename(partial, video, ec);
    if (!ec) result.video = video;
  } else {
    std::filesystem::remove(partial, ec);
    result.note = "ffmpeg failed (exit " + std::to_string(status) + "): PNG frames only";
  }
  return result;
}

}  // namespace

TurntableResult write_turntable(SceneView& view, const std::filesystem::path& folder, int width, int height, int frames, int scale) {
  return write_frames(folder, "turntable", [&](const auto& write) { view.turntable(width, height, frames, scale, write); });
}

TurntableResult write_flythrough(SceneView& view, const std::vector<scene::Bookmark>& bookmarks, const std::filesystem::path& folder,
                                 int width, int height, int frames_per_leg, int scale) {
  if (bookmarks.size() < 2)
    throw InputError(folder.string(), 0, "", "a fly-through needs at least two bookmarks (the scene has " + std::to_string(bookmarks.size()) + ")");
  return write_frames(folder, "flythrough",
                      [&](const auto& write) { view.flythrough(bookmarks, frames_per_leg, width, height, scale, write); });
}

std::vector<scene::Bookmark> read_saved_bookmarks(const std::filesystem::path& folder) {
  std::error_code ec;
  const auto file = folder / "bookmarks.json";
  if (!std::filesystem::is_regular_file(file, ec)) return {};
  const JsonDocument doc = load_json_file(file);
  const ConfigView root(doc);
  root.allow_only({"bookmarks"});
  std::vector<scene::Bookmark> out;
  if (auto list = root.find("bookmarks"))
    for (std::size_t i = 0; i < list->size(); ++i) out.push_back(scene::parse_bookmark(list->at(i)));
  return out;
}

void write_saved_bookmarks(const std::filesystem::path& folder, const std::vector<scene::Bookmark>& bookmarks) {
  nlohmann::ordered_json j;
  j["bookmarks"] = nlohmann::ordered_json::array();
  for (const auto& b : bookmarks) j["bookmarks"].push_back(scene::to_json(b));
  const std::string text = j.dump(2) + "\n";
  write_file_atomically(folder / "bookmarks.json", [&](std::ostream& out) { out << text; });
}

}  // namespace georeserve::viewer
