// A layer of the viewer's scene (Polyscope style: a structure registered with the scene, plus the
// attributes it can be coloured by). This header shows no VTK type: the window, the panels and the
// tests work through it; each kind of layer implements it with VTK behind the wall (scene/internal/).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geometry/types.h"
#include "scene/scene.h"

namespace georeserve::viewer {

struct RenderContext;  // VTK side, scene/internal/render_context.h

// A ray in the scene's display coordinates (local coordinates with vertical exaggeration), through
// the pixel `display` (VTK display coordinates, origin bottom-left). direction has length 1.
struct Ray {
  std::array<double, 3> origin{};
  std::array<double, 3> direction{};
  std::array<double, 2> display{};
};

// What the user clicked: the layer, where (CRS coordinates) and the values there.
// A named area of a polygon layer (a planning block), CRS coordinates: for statements inside it.
struct NamedArea {
  std::string name;
  geometry::MultiPolygon polygons;
};

struct PickResult {
  std::string layer_id;
  std::string layer_title;
  std::string item;  // "block (12, 40, 7)", "hole ZK0101, 45.0-47.0 m", "规划区块 ..."
  std::array<double, 3> position{};            // CRS coordinates, real elevation
  std::vector<std::pair<std::string, std::string>> values;  // name -> value with unit
  double distance = 0.0;  // along the ray, display units (to choose the nearest of several layers)
};

class Layer {
 public:
  explicit Layer(scene::Layer desc);
  virtual ~Layer();
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  const scene::Layer& desc() const { return desc_; }
  const std::string& id() const { return desc_.id; }
  const std::string& title() const { return desc_.title; }
  scene::LayerKind kind() const { return desc_.kind; }

  // Empty when the layer loaded; else why not ("FILE: error: ..."). A failed layer draws nothing.
  const std::string& problem() const { return problem_; }
  bool ok() const { return problem_.empty(); }

  bool visible() const { return visible_; }
  void set_visible(bool on);
  double opacity() const { return opacity_; }
  void set_opacity(double opacity);
  // Text labels of the layer's items (hole names, planning block names), where it has any.
  bool labels_visible() const { return labels_visible_; }
  void set_labels_visible(bool on);

  // The attributes this layer can be coloured by: those of the manifest, then any further data arrays
  // found in the file (continuous, no unit).
  const std::vector<scene::Attribute>& attributes() const { return attributes_; }
  const scene::Attribute* attribute(const std::string& name) const;
  // "" = the layer's solid colour.
  const std::string& color_by() const { return color_by_; }
  void set_color_by(const std::string& name);
  const scene::Attribute* color_attribute() const { return attribute(color_by_); }
  // Values mapped to the ends of the colour map (continuous attributes).
  std::array<double, 2> color_range() const { return color_range_; }
  void set_color_range(double lo, double hi);
  // Smallest and largest value of an attribute in the data; nullopt when it has none.
  virtual std::optional<std::array<double, 2>> data_range(const std::string& attribute) const = 0;

  // The layer's areas (planning blocks of a polygon layer); empty for other layers.
  virtual std::vector<NamedArea> areas() const { return {}; }

  // Bumped by every change; the view re-applies layers whose revision moved.
  std::uint64_t revision() const { return revision_; }

  // --- used by SceneView (VTK side) ---
  virtual void attach(RenderContext& context) = 0;  // add props to the renderer
  virtual void sync(RenderContext& context) = 0;    // apply settings, transforms, exaggeration
  virtual std::optional<PickResult> pick(const Ray& ray, RenderContext& context) = 0;
  // Bounds in local coordinates (no exaggeration): xmin, xmax, ymin, ymax, zmin, zmax; nullopt if empty.
  virtual std::optional<std::array<double, 6>> bounds() const = 0;
  void set_problem(std::string message) { problem_ = std::move(message); }

 protected:
  void touch() { ++revision_; }
  // Adds attributes for data arrays the manifest does not describe.
  void add_found_attribute(const std::string& name);
  void add_found_attribute(scene::Attribute attribute);
  scene::Attribute* mutable_attribute(const std::string& name);
  // Drops manifest attributes the data does not have, so panels offer only what can be shown.
  void drop_attributes_without_data(const std::function<bool(const std::string&)>& has_data);
  // After loading: the manifest's colour_by (or the first attribute) and its range.
  void choose_initial_coloring();

 private:
  scene::Layer desc_;
  std::string problem_;
  bool visible_;
  double opacity_;
  bool labels_visible_ = true;
  std::vector<scene::Attribute> attributes_;
  std::string color_by_;
  std::array<double, 2> color_range_{0.0, 1.0};
  std::uint64_t revision_ = 1;
};

}  // namespace georeserve::viewer
