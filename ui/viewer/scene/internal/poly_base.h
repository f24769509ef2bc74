// The common VTK side of layers drawn from a vtkPolyData (holes, points, meshes, terrain, polygons):
// one actor, colouring by a point or cell array through a lookup table, a translation from the file's
// coordinates to the scene's, labels placed in 2D, and picking with vtkCellPicker that reports the
// values of the source cell. Loaders fill the protected members and call finish().
#pragma once

#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <vtkSmartPointer.h>

#include "core/error.h"
#include "viewer/scene/internal/render_context.h"
#include "viewer/scene/layer.h"

class vtkActor;
class vtkActor2D;
class vtkCellPicker;
class vtkDataArray;
class vtkDataSet;
class vtkPolyData;
class vtkPolyDataMapper;

namespace georeserve::viewer {

class PolyBase : public Layer {
 public:
  using Layer::Layer;
  ~PolyBase() override;

  std::optional<std::array<double, 2>> data_range(const std::string& attribute) const override;
  void attach(RenderContext& context) override;
  void sync(RenderContext& context) override;
  std::optional<PickResult> pick(const Ray& ray, RenderContext& context) override;
  std::optional<std::array<double, 6>> bounds() const override;

 protected:
  // The geometry drawn, in the file's coordinates; its cell array "source_cell" (vtkIdType) names the
  // cell of `source` each drawn cell comes from.
  vtkSmartPointer<vtkPolyData> shown;
  vtkSmartPointer<vtkDataSet> source;
  std::array<double, 3> offset{0, 0, 0};  // file coordinates + offset = scene local coordinates
  std::vector<std::pair<std::array<double, 3>, std::string>> labels;  // file coordinates
  bool lighting = true;
  bool direct_colors = false;   // `shown` carries RGB point colours ("colors") instead of attributes
  double point_size = 0.0;      // > 0: points drawn as spheres of this many pixels
  double line_width = 0.0;      // > 0: lines this wide

  // Makes the attributes from the arrays of `shown` (numeric, one component), then the initial colouring.
  void finish();
  // The values reported for a picked cell of `source` at a point (CRS coordinates).
  virtual void describe(long long source_cell, const std::array<double, 3>& crs, PickResult& result) const;
  // The array named `name` of `shown`, point data first.
  vtkDataArray* shown_array(const std::string& name, bool* point_data = nullptr) const;
  const RenderContext* context() const { return context_; }

 private:
  void place_labels();
  RenderContext* context_ = nullptr;
  vtkSmartPointer<vtkActor> actor_;
  vtkSmartPointer<vtkPolyDataMapper> mapper_;
  vtkSmartPointer<vtkActor2D> label_actor_;
  vtkSmartPointer<vtkPolyData> label_points_;
  vtkSmartPointer<vtkCellPicker> picker_;
  double placed_exaggeration_ = -1.0;
};

// Makes a layer of type L and loads it with load(L&); an Error while loading becomes the layer's problem.
template <class L, class Load>
std::unique_ptr<Layer> make_loaded(const scene::Layer& desc, Load&& load) {
  auto layer = std::make_unique<L>(desc);
  try {
    load(*layer);
  } catch (const Error& e) {
    layer->set_problem(e.what());
  }
  return layer;
}

// String cell/point arrays of `data` become integer codes (0, 1, ... in sorted order) with a categorical
// attribute whose labels are the strings, so text fields such as lithology can be coloured; `skip` is
// left alone (hole ids).
std::vector<scene::Attribute> categorize_strings(vtkDataSet* data, const std::string& skip);

}  // namespace georeserve::viewer
