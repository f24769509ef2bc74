// See poly_base.h.
#include "viewer/scene/internal/poly_base.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <vtkActor.h>
#include <vtkActor2D.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCellPicker.h>
#include <vtkDataSet.h>
#include <vtkIdTypeArray.h>
#include <vtkIntArray.h>
#include <vtkLabeledDataMapper.h>
#include <vtkLookupTable.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkStringArray.h>
#include <vtkTextProperty.h>

#include "viewer/scene/internal/lookup_table.h"
#include "viewer/scene/palette.h"

namespace georeserve::viewer {

PolyBase::~PolyBase() = default;

vtkDataArray* PolyBase::shown_array(const std::string& name, bool* point_data) const {
  if (!shown || name.empty()) return nullptr;
  if (vtkDataArray* a = shown->GetPointData()->GetArray(name.c_str())) {
    if (point_data) *point_data = true;
    return a;
  }
  if (point_data) *point_data = false;
  return shown->GetCellData()->GetArray(name.c_str());
}

void PolyBase::finish() {
  std::set<std::string> names;
  for (vtkFieldData* fd : {static_cast<vtkFieldData*>(shown->GetPointData()), static_cast<vtkFieldData*>(shown->GetCellData())})
    for (int i = 0; i < fd->GetNumberOfArrays(); ++i) {
      vtkDataArray* a = fd->GetArray(i);
      if (a && a->GetName() && a->GetNumberOfComponents() == 1 && std::string(a->GetName()) != "source_cell")
        names.insert(a->GetName());
    }
  drop_attributes_without_data([&](const std::string& n) { return names.count(n) > 0; });
  for (vtkFieldData* fd : {static_cast<vtkFieldData*>(shown->GetPointData()), static_cast<vtkFieldData*>(shown->GetCellData())})
    for (int i = 0; i < fd->GetNumberOfArrays(); ++i) {
      vtkDataArray* a = fd->GetArray(i);
      if (a && a->GetName() && names.count(a->GetName())) add_found_attribute(std::string(a->GetName()));
    }
  if (!direct_colors || !desc().color_by.empty()) choose_initial_coloring();
}

std::optional<std::array<double, 2>> PolyBase::data_range(const std::string& attribute) const {
  vtkDataArray* a = shown_array(attribute);
  if (!a || a->GetNumberOfTuples() == 0) return std::nullopt;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (vtkIdType t = 0; t < a->GetNumberOfTuples(); ++t) {
    const double v = a->GetComponent(t, 0);
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (!(lo <= hi)) return std::nullopt;
  return std::array<double, 2>{lo, hi};
}

std::optional<std::array<double, 6>> PolyBase::bounds() const {
  if (!ok() || !shown || shown->GetNumberOfPoints() == 0) return std::nullopt;
  double b[6];
  shown->GetBounds(b);
  return std::array<double, 6>{b[0] + offset[0], b[1] + offset[0], b[2] + offset[1],
                               b[3] + offset[1], b[4] + offset[2], b[5] + offset[2]};
}

void PolyBase::attach(RenderContext& context) {
  context_ = &context;
  if (!ok()) return;
  mapper_ = vtkSmartPointer<vtkPolyDataMapper>::New();
  mapper_->SetInputData(shown);
  actor_ = vtkSmartPointer<vtkActor>::New();
  actor_->SetMapper(mapper_);
  if (point_size > 0) {
    actor_->GetProperty()->SetPointSize(static_cast<float>(point_size));
    actor_->GetProperty()->SetRenderPointsAsSpheres(true);
  }
  if (line_width > 0) actor_->GetProperty()->SetLineWidth(static_cast<float>(line_width));
  actor_->GetProperty()->SetLighting(lighting);
  actor_->GetProperty()->SetSpecular(0.1);
  context.renderer->AddActor(actor_);
  if (!labels.empty()) {
    label_points_ = vtkSmartPointer<vtkPolyData>::New();
    vtkNew<vtkLabeledDataMapper> label_mapper;
    label_mapper->SetInputData(label_points_);
    label_mapper->SetLabelModeToLabelFieldData();
    label_mapper->SetFieldDataName("label");
    style_text(label_mapper->GetLabelTextProperty(), context, 13, {1.0, 1.0, 0.85}, true);
    label_mapper->GetLabelTextProperty()->SetShadow(true);
    label_mapper->GetLabelTextProperty()->SetJustificationToLeft();
    label_actor_ = vtkSmartPointer<vtkActor2D>::New();
    label_actor_->SetMapper(label_mapper);
    context.renderer->AddActor2D(label_actor_);
  }
  picker_ = vtkSmartPointer<vtkCellPicker>::New();
  picker_->PickFromListOn();
  picker_->AddPickList(actor_);
  picker_->SetTolerance(0.004);
}

void PolyBase::place_labels() {
  // Labels are 2D actors drawn at display coordinates, so they move with the exaggeration here.
  vtkNew<vtkPoints> points;
  vtkNew<vtkStringArray> text;
  text->SetName("label");
  vtkNew<vtkCellArray> verts;
  vtkNew<vtkMatrix4x4> display;
  context_->display_matrix(display);
  for (const auto& [p, label] : labels) {
    const double local[4] = {p[0] + offset[0], p[1] + offset[1], p[2] + offset[2], 1.0};
    double d[4];
    display->MultiplyPoint(local, d);
    const vtkIdType id = points->InsertNextPoint(d);
    verts->InsertNextCell(1, &id);
    text->InsertNextValue(label);
  }
  label_points_->SetPoints(points);
  label_points_->SetVerts(verts);
  label_points_->GetPointData()->AddArray(text);
  label_points_->Modified();
  placed_exaggeration_ = context_->vertical_exaggeration;
}

void PolyBase::sync(RenderContext& context) {
  context_ = &context;
  if (!ok() || !actor_) return;
  vtkNew<vtkMatrix4x4> local;
  for (int a = 0; a < 3; ++a) local->SetElement(a, 3, offset[static_cast<std::size_t>(a)]);
  context.place(actor_, local);
  actor_->SetVisibility(visible());
  actor_->GetProperty()->SetOpacity(opacity());
  const Rgb solid = default_layer_color(desc(), 0);
  actor_->GetProperty()->SetColor(solid.r / 255.0, solid.g / 255.0, solid.b / 255.0);
  if (const scene::Attribute* a = color_attribute()) {
    bool point_data = true;
    shown_array(a->name, &point_data);
    mapper_->SetScalarMode(point_data ? VTK_SCALAR_MODE_USE_POINT_FIELD_DATA : VTK_SCALAR_MODE_USE_CELL_FIELD_DATA);
    mapper_->SelectColorArray(a->name.c_str());
    mapper_->SetColorModeToMapScalars();
    mapper_->SetLookupTable(make_lookup_table(*a, color_range()));
    mapper_->SetUseLookupTableScalarRange(true);
    mapper_->ScalarVisibilityOn();
  } else if (direct_colors) {
    mapper_->SetScalarModeToUsePointFieldData();
    mapper_->SelectColorArray("colors");
    mapper_->SetColorModeToDirectScalars();
    mapper_->ScalarVisibilityOn();
  } else {
    mapper_->ScalarVisibilityOff();
  }
  if (label_actor_) {
    if (placed_exaggeration_ != context.vertical_exaggeration) place_labels();
    label_actor_->SetVisibility(visible() && labels_visible());
  }
}

std::optional<PickResult> PolyBase::pick(const Ray& ray, RenderContext& context) {
  if (!ok() || !actor_ || !visible()) return std::nullopt;
  if (!picker_->Pick(ray.display[0], ray.display[1], 0.0, context.renderer)) return std::nullopt;
  const vtkIdType cell = picker_->GetCellId();
  if (cell < 0) return std::nullopt;
  double p[3];
  picker_->GetPickPosition(p);
  PickResult r;
  r.layer_id = id();
  r.layer_title = title();
  r.position = context.to_crs({p[0], p[1], p[2]});
  r.distance = std::sqrt((p[0] - ray.origin[0]) * (p[0] - ray.origin[0]) + (p[1] - ray.origin[1]) * (p[1] - ray.origin[1]) +
                         (p[2] - ray.origin[2]) * (p[2] - ray.origin[2]));
  long long source_cell = cell;
  if (auto* ids = vtkIdTypeArray::SafeDownCast(shown->GetCellData()->GetArray("source_cell"))) source_cell = ids->GetValue(cell);
  describe(source_cell, r.position, r);
  return r;
}

void PolyBase::describe(long long source_cell, const std::array<double, 3>&, PickResult& r) const {
  r.item = "cell " + std::to_string(source_cell);
  if (!source || source_cell < 0 || source_cell >= source->GetNumberOfCells()) return;
  vtkCellData* cd = source->GetCellData();
  for (int i = 0; i < cd->GetNumberOfArrays(); ++i) {
    vtkAbstractArray* a = cd->GetAbstractArray(i);
    if (!a || !a->GetName() || a->GetNumberOfComponents() != 1 || std::string(a->GetName()) == "source_cell") continue;
    const std::string name = a->GetName();
    const scene::Attribute* attr = attribute(name);
    const std::string title = attr ? attr->title : name;
    if (auto* s = vtkStringArray::SafeDownCast(a)) r.values.emplace_back(title, s->GetValue(source_cell));
    else if (auto* d = vtkDataArray::SafeDownCast(a)) {
      const double v = d->GetComponent(source_cell, 0);
      r.values.emplace_back(title, attr && attr->kind == scene::AttributeKind::categorical && std::isfinite(v)
                                       ? category_text(*attr, v)
                                       : format_value(v, attr ? attr->unit : ""));
    }
  }
}

std::vector<scene::Attribute> categorize_strings(vtkDataSet* data, const std::string& skip) {
  std::vector<scene::Attribute> made;
  for (vtkFieldData* fd : {static_cast<vtkFieldData*>(data->GetPointData()), static_cast<vtkFieldData*>(data->GetCellData())}) {
    std::vector<vtkStringArray*> strings;
    for (int i = 0; i < fd->GetNumberOfArrays(); ++i)
      if (auto* s = vtkStringArray::SafeDownCast(fd->GetAbstractArray(i)); s && s->GetName() && skip != s->GetName())
        strings.push_back(s);
    for (vtkStringArray* s : strings) {
      std::map<std::string, int> codes;
      for (vtkIdType t = 0; t < s->GetNumberOfValues(); ++t) codes.emplace(s->GetValue(t), 0);
      if (codes.size() > kMaxCategories) continue;  // free text, not categories
      scene::Attribute a;
      a.name = std::string(s->GetName()) + " (text)";
      a.title = s->GetName();
      a.kind = scene::AttributeKind::categorical;
      int next = 0;
      for (auto& [text, code] : codes) {
        code = next++;
        a.categories.push_back({code, text.empty() ? "(none)" : text, "", category_color(static_cast<std::size_t>(code))});
      }
      vtkNew<vtkIntArray> ints;
      ints->SetName(a.name.c_str());
      ints->SetNumberOfTuples(s->GetNumberOfValues());
      for (vtkIdType t = 0; t < s->GetNumberOfValues(); ++t) ints->SetValue(t, codes[s->GetValue(t)]);
      fd->AddArray(ints);
      made.push_back(std::move(a));
    }
  }
  return made;
}

}  // namespace georeserve::viewer
