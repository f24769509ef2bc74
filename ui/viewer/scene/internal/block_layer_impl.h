// The inside of BlockLayer: data (attribute values, packed texels, filter) and the VTK objects that
// draw it. Internal to the scene library; block_layer.cpp holds the data side, block_layer_gpu.cpp the
// GPU side.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <vtkSmartPointer.h>

#include "viewer/scene/block_layer.h"
#include "viewer/scene/internal/render_context.h"

class vtkActor;
class vtkCallbackCommand;
class vtkOpenGLPolyDataMapper;
class vtkPolyData;
class vtkShaderProgram;
class vtkTextureObject;

namespace georeserve::viewer {

struct BlockLayer::Impl {
  // Geometry: cell counts, and index -> local coordinates as p = axes[3] + i axes[0] + j axes[1] + k axes[2].
  std::array<int, 3> cells{0, 0, 0};
  std::array<std::array<double, 3>, 4> axes{};
  std::array<double, 3> scene_origin{0, 0, 0};
  std::map<std::string, std::vector<float>> arrays;  // one value per block, NaN = none (codes for categories)
  std::string filter_attribute, class_attribute, domain_attribute;

  BlockVolume volume;
  BlockFilter filter;
  std::optional<SectionCut> section;
  std::optional<BenchCut> bench;
  bool show_edges = true;
  FaceSet face_set = FaceSet::all;
  bool face_set_chosen = false;  // set by the caller; else the view's choice for its renderer

  // What is packed and uploaded, and what must be redone.
  std::string packed_color, packed_filter;
  bool color_packed = false, filter_packed = false;
  bool texels_dirty = true, palette_dirty = true, faces_dirty = true;
  std::size_t face_count = 0, builds = 0;
  double build_ms = 0.0;

  // Cache of blocks_shown().
  mutable std::size_t shown = 0;
  mutable bool shown_valid = false;
  mutable BlockFilter shown_filter;
  mutable std::string shown_color, shown_filter_attribute;

  // VTK.
  vtkSmartPointer<vtkActor> actor;
  vtkSmartPointer<vtkOpenGLPolyDataMapper> mapper;
  vtkSmartPointer<vtkPolyData> poly;
  vtkSmartPointer<vtkTextureObject> texture, palette;
  vtkSmartPointer<vtkCallbackCommand> uniforms;
  RenderContext* context = nullptr;
  bool categorical = false;
  const scene::Attribute* palette_attribute = nullptr;  // the colour attribute (null: solid colour)
  std::array<double, 2> color_range{0, 1};
  Rgb solid{200, 200, 200};

  std::array<double, 3> local_point(const std::array<double, 3>& index) const;
  // The section and bench as clip slabs of `filter` (index coordinates).
  void update_clips(const std::vector<Slab>& slabs);
  void pack_class_and_domain(const Layer& layer);
  void pack_color_and_filter(const Layer& layer);
  // The display ray in index coordinates (same parameter t).
  void display_to_index(const Ray& ray, const RenderContext& context, std::array<double, 3>& origin,
                        std::array<double, 3>& direction) const;
  void build_faces();
  void upload_textures();
  void set_uniforms(vtkShaderProgram* program);
};

}  // namespace georeserve::viewer
