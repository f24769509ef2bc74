// The command line of georeserve-view (DESIGN.md section 4) and where its input lies: a model file
// (MODEL.json -> out/<model name>/scene.json, the name being the file's `name` key or its stem), an output
// folder (DIR/scene.json) or a scene manifest itself.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "viewer/scene/block_volume.h"

namespace CLI {
class App;
}

namespace georeserve::viewer {

struct Options {
  std::string input;                 // MODEL.json | DIR | scene.json
  std::string screenshot;            // write one picture and exit
  std::string size = "1280x800";     // window or picture size, WxH
  int scale = 1;                     // picture scale (posters): WxH times this
  std::string bookmark;              // start at this bookmark
  std::string block_faces = "auto";  // auto | all | exposed
  double exaggeration = 0;           // vertical exaggeration; 0 = the manifest's
  bool plan = false;                 // start in plan view
  bool presentation = false;         // start without panels
  std::string turntable;             // folder: write turntable frames (and turntable.mp4 with ffmpeg) and exit
  int frames = 72;
  int width = 1280, height = 800;    // parsed from size
};

// Declares the options on `app`; check() afterwards validates and fills width/height.
void add_options(CLI::App& app, Options& options);
// Throws InputError/std::invalid_argument for a bad --size, --scale, --block-faces.
void check(Options& options);
std::optional<FaceSet> face_set_option(const Options& options);

// The scene manifest the input names. InputError with a hint when it does not exist.
std::filesystem::path resolve_scene(const std::string& input, const std::filesystem::path& working_dir);

}  // namespace georeserve::viewer
