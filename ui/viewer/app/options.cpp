// See options.h.
#include "viewer/app/options.h"

#include <CLI/CLI.hpp>

#include "core/error.h"
#include "core/text.h"
#include "io/json_config.h"

namespace georeserve::viewer {

void add_options(CLI::App& app, Options& o) {
  app.add_option("input", o.input, "Model file (MODEL.json: opens out/<name>/), an output folder of `georeserve run`, or a scene.json")
      ->required();
  app.add_option("--screenshot", o.screenshot, "Render one picture into this PNG file and exit (works under xvfb-run)");
  app.add_option("--size", o.size, "Window or picture size in pixels, WxH")->capture_default_str();
  app.add_option("--scale", o.scale, "Picture resolution as a multiple of --size (posters), 1-8")->capture_default_str();
  app.add_option("--bookmark", o.bookmark, "Start at this camera bookmark of the scene");
  app.add_flag("--plan", o.plan, "Start in plan view (from above, north up, orthographic)");
  app.add_option("--exaggeration", o.exaggeration, "Vertical exaggeration (default: the scene's)");
  app.add_option("--block-faces", o.block_faces,
                 "Block model geometry: all (filters are GPU uniforms), exposed (fewest triangles, for CPU renderers) or auto")
      ->capture_default_str();
  app.add_option("--hide", o.hide, "Layers (ids from scene.json) not to show, e.g. --hide drillholes composites");
  app.add_option("--color-by", o.color_by, "Colour a layer by an attribute: LAYER=ATTRIBUTE, e.g. blocks=class");
  app.add_option("--section", o.section, "Cut the block model along a vertical section (剖面): X0,Y0,X1,Y1[,WIDTH] in CRS metres (width default 20)");
  app.add_flag("--section-view", o.section_view, "Look at the --section face on (orthographic)");
  app.add_option("--bench", o.bench, "Show one bench or level of the block model: FLOOR,THICKNESS in metres");
  app.add_flag("--presentation", o.presentation, "Start full-screen without panels (F11 toggles, Esc leaves)");
  app.add_option("--turntable", o.turntable, "Write a turntable (PNG frames, and turntable.mp4 where ffmpeg exists) into this folder and exit");
  app.add_option("--flythrough", o.flythrough,
                 "Write a fly-through from bookmark to bookmark (PNG frames, and flythrough.mp4 where ffmpeg exists) into this folder and exit");
  app.add_option("--frames", o.frames, "Frames of the turntable, or per leg of the fly-through")->capture_default_str();
  app.footer(
      "Examples:\n"
      "  georeserve-view models/qianyu-wollastonite.json\n"
      "  georeserve-view out/qianyu-wollastonite --screenshot view.png --size 1600x1000\n"
      "  xvfb-run -a georeserve-view out/q --screenshot poster.png --size 1600x1000 --scale 4 --bookmark plan\n"
      "  xvfb-run -a georeserve-view out/q --flythrough fly --frames 48 --size 1280x720\n"
      "  georeserve-view out/q --screenshot s.png --section 41539700,4707400,41540500,4708200,20 --section-view\n"
      "Mouse: left drag orbits, right or middle drag pans, wheel zooms, click picks. Keys: F fit, P plan,\n"
      "O orthographic, F11 presentation, Ctrl+S screenshot. Sections: 'draw on map' in the block filter panel,\n"
      "then click the line's two ends (Esc cancels); the live statement panel follows every filter and cut.\n"
      "Exit status: 0 fine, 1 bad input or no display (a layer that fails to load is reported and the rest\n"
      "still shows; with --screenshot the picture is written and the exit status is 1), 2 bad usage.");
}

void check(Options& o) {
  const auto x = o.size.find('x');
  const auto w = x == std::string::npos ? std::nullopt : parse_double(o.size.substr(0, x));
  const auto h = x == std::string::npos ? std::nullopt : parse_double(o.size.substr(x + 1));
  if (!w || !h || *w < 16 || *h < 16 || *w > 8192 || *h > 8192 || std::floor(*w) != *w || std::floor(*h) != *h)
    throw CLI::ValidationError("--size", "expected WxH in pixels, e.g. 1280x800 (16 to 8192 each), got '" + o.size + "'");
  o.width = static_cast<int>(*w);
  o.height = static_cast<int>(*h);
  if (o.scale < 1 || o.scale > 8) throw CLI::ValidationError("--scale", "must be between 1 and 8");
  if (o.block_faces != "auto" && o.block_faces != "all" && o.block_faces != "exposed")
    throw CLI::ValidationError("--block-faces", "must be auto, all or exposed");
  if (o.frames < 1 || o.frames > 3600) throw CLI::ValidationError("--frames", "must be between 1 and 3600");
  if (o.exaggeration < 0 || o.exaggeration > 100) throw CLI::ValidationError("--exaggeration", "must be between 0 and 100");
  auto numbers = [](const std::string& text) {
    std::vector<double> out;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find(',', start), text.size());
      const auto v = parse_double(trim(text.substr(start, end - start)));
      if (!v) return std::vector<double>{};
      out.push_back(*v);
      start = end + 1;
    }
    return out;
  };
  if (!o.section.empty()) {
    const auto v = numbers(o.section);
    SectionCut cut;
    if (v.size() == 4 || v.size() == 5) {
      cut.start = {v[0], v[1]};
      cut.end = {v[2], v[3]};
      cut.width = v.size() == 5 ? v[4] : 20.0;
    }
    if ((v.size() != 4 && v.size() != 5) || !(cut.length() > 0) || !(cut.width > 0))
      throw CLI::ValidationError("--section", "expected X0,Y0,X1,Y1[,WIDTH] with two different points and a positive width, got '" + o.section + "'");
    o.section_cut = cut;
  }
  if (o.section_view && !o.section_cut) throw CLI::ValidationError("--section-view", "needs --section");
  if (!o.bench.empty()) {
    const auto v = numbers(o.bench);
    if (v.size() != 2 || !(v[1] > 0)) throw CLI::ValidationError("--bench", "expected FLOOR,THICKNESS with a positive thickness, got '" + o.bench + "'");
    o.bench_cut = BenchCut{v[0], v[1]};
  }
  for (const auto& c : o.color_by)
    if (c.find('=') == std::string::npos || c.front() == '=')
      throw CLI::ValidationError("--color-by", "expected LAYER=ATTRIBUTE, got '" + c + "'");
}

std::optional<FaceSet> face_set_option(const Options& o) {
  if (o.block_faces == "all") return FaceSet::all;
  if (o.block_faces == "exposed") return FaceSet::exposed;
  return std::nullopt;
}

std::filesystem::path resolve_scene(const std::string& input, const std::filesystem::path& working_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path path = input;
  if (fs::is_directory(path, ec)) {
    const fs::path manifest = path / "scene.json";
    if (!fs::is_regular_file(manifest, ec))
      throw InputError(manifest.string(), 0, "", "no scene manifest in this folder; `georeserve run MODEL.json` writes one");
    return manifest;
  }
  if (!fs::is_regular_file(path, ec)) throw InputError(input, 0, "", "no such file or folder");
  const JsonDocument doc = load_json_file(path);
  if (doc.root.is_object() && doc.root.value("format", "") == "georeserve-scene") return path;  // a manifest itself
  // A model file: its output folder.
  std::string name = path.stem().string();
  if (doc.root.is_object() && doc.root.contains("name") && doc.root["name"].is_string()) name = doc.root["name"].get<std::string>();
  const fs::path manifest = working_dir / "out" / name / "scene.json";
  if (!fs::is_regular_file(manifest, ec))
    throw InputError(manifest.string(), 0, "", "not found: run `georeserve run " + input + "` first (it writes out/" + name + "/)");
  return manifest;
}

}  // namespace georeserve::viewer
