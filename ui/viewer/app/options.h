// The command line of georeserve-view (DESIGN.md section 4) and where its input lies: a model file
// (MODEL.json -> out/<model name>/scene.json, the name being the file's `name` key or its stem), an output
// folder (DIR/scene.json) or a scene manifest itself.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <vector>

#include "viewer/scene/block_layer.h"
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
  std::string flythrough;            // folder: fly from bookmark to bookmark (PNG frames, flythrough.mp4 with ffmpeg) and exit
  int frames = 72;                   // turntable frames, or fly-through frames per leg
  std::vector<std::string> hide;     // layer ids not shown
  std::vector<std::string> color_by; // "LAYER=ATTRIBUTE"
  std::string section;               // "X0,Y0,X1,Y1[,WIDTH]" (CRS, m): a vertical section of the block model
  bool section_view = false;         // look at the section face on
  std::string bench;                 // "FLOOR,THICKNESS" (m): a bench of the block model
  int width = 1280, height = 800;    // parsed from size
  std::optional<SectionCut> section_cut;  // parsed from section
  std::optional<BenchCut> bench_cut;      // parsed from bench
};

// Declares the options on `app`; check() afterwards validates and fills width/height.
void add_options(CLI::App& app, Options& options);
// Throws InputError/std::invalid_argument for a bad --size, --scale, --block-faces.
void check(Options& options);
std::optional<FaceSet> face_set_option(const Options& options);

// The scene manifest the input names. InputError with a hint when it does not exist.
std::filesystem::path resolve_scene(const std::string& input, const std::filesystem::path& working_dir);

}  // namespace georeserve::viewer
