// Layers from .vtp/.vtu files: drillholes and composites as tubes with hole labels, points as spheres,
// surfaces and solids as shaded meshes. Text fields become categories (categorize_strings).
#include <algorithm>
#include <cmath>
#include <map>

#include <vtkCellData.h>
#include <vtkCellArray.h>
#include <vtkDataSet.h>
#include <vtkGeometryFilter.h>
#include <vtkIdList.h>
#include <vtkIdTypeArray.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataNormals.h>
#include <vtkStringArray.h>
#include <vtkTubeFilter.h>

#include "core/error.h"
#include "viewer/scene/internal/layers.h"
#include "viewer/scene/internal/poly_base.h"
#include "viewer/scene/internal/vtk_io.h"

namespace georeserve::viewer {
namespace {

class PolyLayer : public PolyBase {
 public:
  using PolyBase::PolyBase;
  void load(const scene::Scene& scene);

 protected:
  void describe(long long source_cell, const std::array<double, 3>& crs, PickResult& r) const override {
    PolyBase::describe(source_cell, crs, r);
    if (!label_field_.empty() && source)
      if (auto* ids = vtkStringArray::SafeDownCast(source->GetCellData()->GetAbstractArray(label_field_.c_str())))
        r.item = ids->GetValue(source_cell);
  }

 private:
  void make_tubes(vtkPolyData* poly);
  void make_hole_labels(vtkPolyData* poly);
  std::string label_field_;
};

vtkSmartPointer<vtkPolyData> as_polydata(vtkDataSet* data) {
  if (auto* poly = vtkPolyData::SafeDownCast(data)) return poly;
  vtkNew<vtkGeometryFilter> surface;  // outer faces of a .vtu
  surface->SetInputData(data);
  surface->Update();
  return surface->GetOutput();
}

double auto_radius(vtkPolyData* poly) {
  double b[6];
  poly->GetBounds(b);
  const double diagonal = std::sqrt((b[1] - b[0]) * (b[1] - b[0]) + (b[3] - b[2]) * (b[3] - b[2]) + (b[5] - b[4]) * (b[5] - b[4]));
  return std::clamp(0.003 * diagonal, 0.25, 15.0);
}

void PolyLayer::load(const scene::Scene& scene) {
  source = read_vtk_xml(desc().resolved);
  offset = file_offset(source->GetFieldData(), scene);
  label_field_ = desc().label_field.empty() ? "hole_id" : desc().label_field;
  if (!source->GetCellData()->GetAbstractArray(label_field_.c_str())) label_field_.clear();
  for (auto& a : categorize_strings(source, label_field_)) add_found_attribute(std::move(a));
  vtkNew<vtkIdTypeArray> ids;
  ids->SetName("source_cell");
  ids->SetNumberOfTuples(source->GetNumberOfCells());
  for (vtkIdType c = 0; c < source->GetNumberOfCells(); ++c) ids->SetValue(c, c);
  source->GetCellData()->AddArray(ids);
  vtkSmartPointer<vtkPolyData> poly = as_polydata(source);
  if (poly->GetNumberOfPoints() == 0) throw InputError(desc().resolved.string(), 0, "", "the file holds no points");

  switch (kind()) {
    case scene::LayerKind::drillholes:
    case scene::LayerKind::composites:
      if (poly->GetNumberOfLines() == 0) throw InputError(desc().resolved.string(), 0, "", "a drillhole layer needs polylines");
      make_tubes(poly);
      make_hole_labels(poly);
      break;
    case scene::LayerKind::points: {
      shown = vtkSmartPointer<vtkPolyData>::New();
      shown->ShallowCopy(poly);
      if (poly->GetNumberOfVerts() == 0) {
        vtkNew<vtkCellArray> verts;
        for (vtkIdType p = 0; p < poly->GetNumberOfPoints(); ++p) verts->InsertNextCell(1, &p);
        shown->SetVerts(verts);
      }
      point_size = 7.0;
      break;
    }
    default: {
      // Surfaces and solids: smooth shading within 40 degrees, sharp edges kept.
      vtkNew<vtkPolyDataNormals> normals;
      normals->SetInputData(poly);
      normals->SetFeatureAngle(40.0);
      normals->SplittingOn();
      normals->ConsistencyOn();
      normals->Update();
      shown = normals->GetOutput();
      if (shown->GetNumberOfPolys() == 0) line_width = 2.0;
    }
  }
  finish();
}

void PolyLayer::make_tubes(vtkPolyData* poly) {
  vtkNew<vtkTubeFilter> tubes;
  tubes->SetInputData(poly);
  double radius = desc().tube_radius > 0 ? desc().tube_radius : auto_radius(poly);
  if (kind() == scene::LayerKind::composites && desc().tube_radius <= 0) radius *= 1.4;
  tubes->SetRadius(radius);
  tubes->SetNumberOfSides(10);
  tubes->CappingOn();
  tubes->Update();
  shown = tubes->GetOutput();
}

void PolyLayer::make_hole_labels(vtkPolyData* poly) {
  if (label_field_.empty()) return;
  auto* ids = vtkStringArray::SafeDownCast(poly->GetCellData()->GetAbstractArray(label_field_.c_str()));
  if (!ids) return;
  // The highest point of each hole is its collar (holes go down from the surface).
  std::map<std::string, std::array<double, 3>> collars;
  vtkNew<vtkIdList> points;
  for (vtkIdType c = 0; c < poly->GetNumberOfCells(); ++c) {
    poly->GetCellPoints(c, points);
    for (vtkIdType k = 0; k < points->GetNumberOfIds(); ++k) {
      double p[3];
      poly->GetPoint(points->GetId(k), p);
      auto [it, fresh] = collars.try_emplace(ids->GetValue(c), std::array<double, 3>{p[0], p[1], p[2]});
      if (!fresh && p[2] > it->second[2]) it->second = {p[0], p[1], p[2]};
    }
  }
  for (const auto& [hole, at] : collars) labels.emplace_back(at, hole);
}

}  // namespace

std::unique_ptr<Layer> load_poly_layer(const scene::Layer& desc, const scene::Scene& scene) {
  return make_loaded<PolyLayer>(desc, [&](PolyLayer& layer) { layer.load(scene); });
}

}  // namespace georeserve::viewer
