// The picture's furniture: the title, the legend of one layer's colours (continuous bar with unit, or
// one swatch per category with Chinese and English labels), axes labelled in real CRS coordinates, a
// scale bar and a north arrow that follow the camera. Internal to the scene library.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include <vtkSmartPointer.h>

#include "viewer/scene/internal/render_context.h"
#include "viewer/scene/layer.h"
#include "viewer/scene/scene_view.h"

class vtkActor2D;
class vtkCubeAxesActor;
class vtkPolyData;
class vtkScalarBarActor;
class vtkTextActor;

namespace georeserve::viewer {

class OverlayActors {
 public:
  void attach(RenderContext& context);
  // Before each frame. `bounds`: what the visible layers span, local coordinates (no exaggeration).
  // `scale`: picture size over window size (posters), for line widths.
  void update(RenderContext& context, const Overlays& show, const Layer* legend_layer,
              const std::optional<std::array<double, 6>>& bounds, int width, int height, int scale);

 private:
  void update_legend(RenderContext& context, const Layer* layer, bool show, int width, int height, int scale);
  void layout_categories(RenderContext& context, const scene::Attribute* attribute, bool show, int width, int height, int scale);
  void update_axes(RenderContext& context, const std::optional<std::array<double, 6>>& bounds, bool show, int scale);
  void update_scale_bar(RenderContext& context, bool show, int width, int height, int scale);
  void update_north_arrow(RenderContext& context, bool show, int width, int height, int scale);

  vtkSmartPointer<vtkTextActor> title_;
  vtkSmartPointer<vtkScalarBarActor> legend_;  // continuous attributes
  // Categorical attributes: a swatch and a label per category, under a title.
  vtkSmartPointer<vtkPolyData> swatches_;
  vtkSmartPointer<vtkActor2D> swatch_actor_;
  std::vector<vtkSmartPointer<vtkTextActor>> category_labels_;
  vtkSmartPointer<vtkTextActor> category_title_;
  vtkSmartPointer<vtkCubeAxesActor> axes_;
  vtkSmartPointer<vtkPolyData> scale_bar_lines_, north_shape_;
  vtkSmartPointer<vtkActor2D> scale_bar_, north_;
  vtkSmartPointer<vtkTextActor> scale_text_, north_text_;
  std::uint64_t legend_revision_ = 0;
  const Layer* legend_layer_ = nullptr;
};

// A round length for a scale bar near `target` metres: 1, 2 or 5 times a power of ten.
double nice_length(double target);

}  // namespace georeserve::viewer
