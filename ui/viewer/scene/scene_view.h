// The viewer's scene: its layers, the camera, the overlays (axes in real coordinates, scale bar, north
// arrow, legend, title), picking and pictures. It draws into whatever OpenGL context is current (a GLFW
// window, visible or hidden), so the interactive window, --screenshot and the tests share one path.
// No VTK type in this header (VTK stays behind the wall, as in f3d's library).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scene/scene.h"
#include "viewer/scene/block_layer.h"
#include "viewer/scene/layer.h"

namespace georeserve::viewer {

struct ViewOptions {
  // Block faces: "all" makes every filter change a uniform change (GPUs); "exposed" draws far fewer
  // triangles (CPU renderers such as Mesa llvmpipe). nullopt = decide from the renderer's name.
  std::optional<FaceSet> block_faces;
  std::string font_file;  // CJK font for text in the picture; "" = find one (cjk_font.h)
};

struct Overlays {
  bool axes = true;         // bounding box with real (CRS) coordinates
  bool scale_bar = true;
  bool north_arrow = true;
  bool legend = true;
  bool title = true;
  bool hole_labels = true;
  bool polygon_labels = true;
  bool operator==(const Overlays&) const = default;
};

// An RGB picture, rows from the top.
struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;
  std::array<std::uint8_t, 3> pixel(int x, int y) const {
    const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3;
    return {rgb[at], rgb[at + 1], rgb[at + 2]};
  }
};

class SceneView {
 public:
  explicit SceneView(ViewOptions options = {});
  ~SceneView();
  SceneView(const SceneView&) = delete;
  SceneView& operator=(const SceneView&) = delete;

  // Loads every layer of the manifest. A layer that fails keeps its problem (problems()) and the rest
  // still shows. Must be called with the OpenGL context current.
  void load(const scene::Scene& scene);
  // Registers a layer made in memory (tests, benchmarks), Polyscope style.
  Layer& add_layer(std::unique_ptr<Layer> layer);
  const scene::Scene& scene() const;

  std::vector<Layer*> layers() const;
  Layer* layer(const std::string& id) const;
  // "layer title: FILE: error: message" for each layer that failed.
  std::vector<std::string> problems() const;
  // The layer whose colours the legend explains; "" = the first visible coloured layer.
  void set_legend_layer(const std::string& id);
  std::string legend_layer() const;

  Overlays& overlays();
  double vertical_exaggeration() const;
  void set_vertical_exaggeration(double factor);
  std::array<double, 3> background() const;
  // The renderer's name (GL_RENDERER) and whether it is a CPU one.
  std::string renderer_name() const;
  bool software_renderer() const;

  // Draws the scene into the current context's default framebuffer, width x height pixels.
  void render(int width, int height);
  // True when a setting, layer or the camera changed since the last render.
  bool needs_render() const;
  // Puts the last picture back into the default framebuffer without drawing (cheap; for UI-only frames).
  void redraw_last(int width, int height);

  // Camera. Orbit turns about the focal point (azimuth about the vertical, elevation limited to
  // +-89 degrees); pan moves by pixels; zoom > 1 moves closer.
  void orbit(double azimuth_deg, double elevation_deg);
  void pan(double dx_pixels, double dy_pixels, int viewport_height);
  void zoom(double factor);
  void fit();
  void view_plan();                     // from above, north up, orthographic
  void view_section(double azimuth_deg);  // looking towards azimuth, horizontal, orthographic
  void set_orthographic(bool on);
  bool orthographic() const;
  void apply_bookmark(const scene::Bookmark& bookmark);
  scene::Bookmark bookmark_here(const std::string& name, const std::string& title) const;

  // Where the ray through pixel (x, y) meets the horizontal plane through the focal point, CRS
  // coordinates (real elevation): for drawing section lines on the map. nullopt when the ray is horizontal.
  std::optional<std::array<double, 3>> ground_point(int x, int y, int width, int height);
  // Looks straight at a section: orthographic, horizontal, perpendicular to the line (from its left,
  // so that the line runs left to right on screen), framing its length and the model's height.
  void view_section_line(const SectionCut& section);
  // Draws the section line (CRS x, y) on top of the scene, or nothing.
  void set_section_trace(const std::optional<SectionCut>& section);

  // What lies under pixel (x, y) of a width x height view (origin top-left): the nearest hit.
  std::optional<PickResult> pick(int x, int y, int width, int height);

  // Renders the scene at (width * scale) x (height * scale) pixels off-screen and reads it back; text and
  // lines scale with it (posters).
  Image capture(int width, int height, int scale = 1);
  // Renders `frames` pictures turning once around the vertical axis; each goes to write(frame, image).
  void turntable(int width, int height, int frames, int scale, const std::function<void(int, const Image&)>& write);
  // Renders a fly-through from bookmark to bookmark, `frames_per_leg` pictures per leg (the last
  // bookmark's picture ends it); each goes to write(frame, image).
  void flythrough(const std::vector<scene::Bookmark>& bookmarks, int frames_per_leg, int width, int height, int scale,
                  const std::function<void(int, const Image&)>& write);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes a PNG (atomically); InputError when it cannot be written.
void write_png(const std::filesystem::path& path, const Image& image);
Image read_png(const std::filesystem::path& path);

}  // namespace georeserve::viewer
