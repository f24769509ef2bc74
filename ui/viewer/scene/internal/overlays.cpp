// See overlays.h.
#include "viewer/scene/internal/overlays.h"

#include <cmath>
#include <numbers>

#include <vtkActor2D.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkUnsignedCharArray.h>
#include <vtkCubeAxesActor.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty.h>
#include <vtkProperty2D.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include "core/text.h"
#include "viewer/scene/internal/lookup_table.h"
#include "viewer/scene/palette.h"

namespace georeserve::viewer {
namespace {

const std::array<double, 3> kInk{0.95, 0.95, 0.95};

vtkSmartPointer<vtkActor2D> shape_actor(vtkPolyData* shape) {
  vtkNew<vtkPolyDataMapper2D> mapper;
  mapper->SetInputData(shape);
  auto actor = vtkSmartPointer<vtkActor2D>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(kInk[0], kInk[1], kInk[2]);
  return actor;
}

}  // namespace

double nice_length(double target) {
  if (!(target > 0)) return 1.0;
  const double power = std::pow(10.0, std::floor(std::log10(target)));
  const double m = target / power;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * power;
}

void OverlayActors::attach(RenderContext& context) {
  title_ = vtkSmartPointer<vtkTextActor>::New();
  style_text(title_->GetTextProperty(), context, 18, kInk, true);
  title_->GetTextProperty()->SetVerticalJustificationToTop();
  title_->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
  title_->SetPosition(0.015, 0.975);
  title_->SetInput(context.scene && !context.scene->title.empty() ? context.scene->title.c_str() : "");
  context.renderer->AddActor2D(title_);

  legend_ = vtkSmartPointer<vtkScalarBarActor>::New();
  style_text(legend_->GetTitleTextProperty(), context, 14, kInk, true);
  style_text(legend_->GetLabelTextProperty(), context, 12, kInk);
  style_text(legend_->GetAnnotationTextProperty(), context, 12, kInk);
  legend_->SetBarRatio(0.25);
  legend_->SetNumberOfLabels(5);
  legend_->SetLabelFormat("%-#8.4g");
  legend_->SetDrawAnnotations(true);
  legend_->SetAnnotationTextScaling(false);
  legend_->SetUnconstrainedFontSize(true);
  legend_->SetVisibility(false);
  context.renderer->AddActor2D(legend_);

  swatches_ = vtkSmartPointer<vtkPolyData>::New();
  swatch_actor_ = shape_actor(swatches_);
  static_cast<vtkPolyDataMapper2D*>(swatch_actor_->GetMapper())->SetColorModeToDirectScalars();
  static_cast<vtkPolyDataMapper2D*>(swatch_actor_->GetMapper())->SetScalarModeToUseCellData();
  context.renderer->AddActor2D(swatch_actor_);
  category_title_ = vtkSmartPointer<vtkTextActor>::New();
  style_text(category_title_->GetTextProperty(), context, 14, kInk, true);
  category_title_->GetTextProperty()->SetBackgroundColor(0.08, 0.09, 0.11);
  category_title_->GetTextProperty()->SetBackgroundOpacity(0.6);
  context.renderer->AddActor2D(category_title_);

  axes_ = vtkSmartPointer<vtkCubeAxesActor>::New();
  axes_->SetCamera(context.renderer->GetActiveCamera());
  axes_->SetUse2DMode(1);
  axes_->SetFlyModeToOuterEdges();
  axes_->SetLabelScaling(false, 0, 0, 0);
  axes_->SetXLabelFormat("%.0f");
  axes_->SetYLabelFormat("%.0f");
  axes_->SetZLabelFormat("%.0f");
  axes_->SetXTitle("E (m)");
  axes_->SetYTitle("N (m)");
  axes_->SetZTitle("Z (m)");
  axes_->SetTickLocationToOutside();
  for (int a = 0; a < 3; ++a) {
    style_text(axes_->GetTitleTextProperty(a), context, 12, kInk, true);
    style_text(axes_->GetLabelTextProperty(a), context, 11, kInk);
  }
  axes_->GetXAxesLinesProperty()->SetColor(0.75, 0.75, 0.75);
  axes_->GetYAxesLinesProperty()->SetColor(0.75, 0.75, 0.75);
  axes_->GetZAxesLinesProperty()->SetColor(0.75, 0.75, 0.75);
  axes_->SetVisibility(false);
  context.renderer->AddActor(axes_);

  scale_bar_lines_ = vtkSmartPointer<vtkPolyData>::New();
  scale_bar_ = shape_actor(scale_bar_lines_);
  context.renderer->AddActor2D(scale_bar_);
  scale_text_ = vtkSmartPointer<vtkTextActor>::New();
  style_text(scale_text_->GetTextProperty(), context, 13, kInk);
  scale_text_->GetTextProperty()->SetJustificationToCentered();
  context.renderer->AddActor2D(scale_text_);

  north_shape_ = vtkSmartPointer<vtkPolyData>::New();
  north_ = shape_actor(north_shape_);
  context.renderer->AddActor2D(north_);
  north_text_ = vtkSmartPointer<vtkTextActor>::New();
  style_text(north_text_->GetTextProperty(), context, 15, kInk, true);
  north_text_->GetTextProperty()->SetJustificationToCentered();
  north_text_->GetTextProperty()->SetVerticalJustificationToCentered();
  north_text_->SetInput("N");
  context.renderer->AddActor2D(north_text_);
}

void OverlayActors::update(RenderContext& context, const Overlays& show, const Layer* legend_layer,
                           const std::optional<std::array<double, 6>>& bounds, int width, int height, int scale) {
  title_->SetVisibility(show.title && context.scene && !context.scene->title.empty());
  update_legend(context, legend_layer, show.legend, width, height, scale);
  update_axes(context, bounds, show.axes, scale);
  update_scale_bar(context, show.scale_bar, width, height, scale);
  update_north_arrow(context, show.north_arrow, width, height, scale);
}

void OverlayActors::update_legend(RenderContext& context, const Layer* layer, bool show, int width, int height, int scale) {
  const scene::Attribute* a = layer ? layer->color_attribute() : nullptr;
  const bool categorical = a && a->kind == scene::AttributeKind::categorical;
  legend_->SetVisibility(show && a && !categorical);
  // The continuous bar sits in the right 190 px (times the picture scale), its tick labels right of it.
  const double w = std::max(width, 1), h = std::max(height, 1);
  legend_->SetPosition(1.0 - 190.0 * scale / w, 0.12);
  legend_->SetWidth(175.0 * scale / w);
  legend_->SetHeight(std::min(0.6, 330.0 * scale / h));
  legend_->SetMaximumWidthInPixels(175 * scale);
  if (a && (layer != legend_layer_ || layer->revision() != legend_revision_)) {
    legend_layer_ = layer;
    legend_revision_ = layer->revision();
    if (!categorical) {
      legend_->SetLookupTable(make_lookup_table(*a, layer->color_range()));
      const std::string title = a->legend_title();
      legend_->SetTitle(title.c_str());
      legend_->SetDrawAnnotations(false);
      legend_->SetTextPositionToSucceedScalarBar();
    }
  }
  layout_categories(context, show && categorical ? a : nullptr, show && categorical, width, height, scale);
}

void OverlayActors::layout_categories(RenderContext& context, const scene::Attribute* a, bool show, int width, int height, int scale) {
  swatch_actor_->SetVisibility(show);
  category_title_->SetVisibility(show);
  for (auto& label : category_labels_) label->SetVisibility(false);
  if (!show || !a) return;
  const double s = scale, top = height - 120.0 * s, line = 20.0 * s, box = 13.0 * s;
  const std::string title = a->legend_title();
  category_title_->SetInput(title.c_str());
  vtkNew<vtkPoints> points;
  vtkNew<vtkCellArray> quads;
  vtkNew<vtkUnsignedCharArray> colors;
  colors->SetNumberOfComponents(3);
  const std::size_t n = std::min<std::size_t>(a->categories.size(), 24);
  while (category_labels_.size() < n) {
    auto label = vtkSmartPointer<vtkTextActor>::New();
    style_text(label->GetTextProperty(), context, 12, kInk);
    label->GetTextProperty()->SetVerticalJustificationToCentered();
    label->GetTextProperty()->SetBackgroundColor(0.08, 0.09, 0.11);  // readable over any scene
    label->GetTextProperty()->SetBackgroundOpacity(0.6);
    context.renderer->AddActor2D(label);
    category_labels_.push_back(label);
  }
  // As wide as the longest label, against the right edge.
  double widest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string text = category_text(*a, static_cast<double>(a->categories[i].code));
    category_labels_[i]->SetInput(text.c_str());
    double b[4];
    category_labels_[i]->GetBoundingBox(context.renderer, b);
    widest = std::max(widest, b[1] - b[0]);
  }
  const double x0 = std::max(8.0 * s, width - 14.0 * s - widest - box - 6.0 * s);
  category_title_->SetPosition(x0, top + 6.0 * s);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& c = a->categories[i];
    const double y = top - line * static_cast<double>(i + 1);
    const vtkIdType base = points->GetNumberOfPoints();
    points->InsertNextPoint(x0, y - box / 2, 0);
    points->InsertNextPoint(x0 + box, y - box / 2, 0);
    points->InsertNextPoint(x0 + box, y + box / 2, 0);
    points->InsertNextPoint(x0, y + box / 2, 0);
    const vtkIdType ids[4] = {base, base + 1, base + 2, base + 3};
    quads->InsertNextCell(4, ids);
    colors->InsertNextTuple3(c.color.r, c.color.g, c.color.b);
    category_labels_[i]->SetPosition(x0 + box + 6.0 * s, y);
    category_labels_[i]->SetVisibility(true);
  }
  swatches_->SetPoints(points);
  swatches_->SetPolys(quads);
  swatches_->GetCellData()->SetScalars(colors);
  swatches_->Modified();
}

void OverlayActors::update_axes(RenderContext& context, const std::optional<std::array<double, 6>>& bounds, bool show, int scale) {
  axes_->SetVisibility(show && bounds.has_value());
  if (!bounds) return;
  const auto& b = *bounds;
  const double ve = context.vertical_exaggeration, base = context.exaggeration_base;
  const double display[6] = {b[0], b[1], b[2], b[3], base + (b[4] - base) * ve, base + (b[5] - base) * ve};
  axes_->SetBounds(display);
  const auto& o = context.scene->origin;
  axes_->SetXAxisRange(b[0] + o[0], b[1] + o[0]);
  axes_->SetYAxisRange(b[2] + o[1], b[3] + o[1]);
  axes_->SetZAxisRange(b[4] + o[2], b[5] + o[2]);
  axes_->SetScreenSize(10.0 * scale);
  // Looking straight down (plans) the vertical axis shrinks to a point: leave it out.
  double dop[3];
  context.renderer->GetActiveCamera()->GetDirectionOfProjection(dop);
  const bool vertical = std::abs(dop[2]) < 0.98;
  axes_->SetZAxisVisibility(vertical);
  axes_->SetZAxisLabelVisibility(vertical);
  axes_->SetZAxisTickVisibility(vertical);
  axes_->SetZAxisMinorTickVisibility(vertical);
  axes_->SetCamera(context.renderer->GetActiveCamera());
}

void OverlayActors::update_scale_bar(RenderContext& context, bool show, int width, int height, int scale) {
  scale_bar_->SetVisibility(show);
  scale_text_->SetVisibility(show);
  if (!show || height <= 0) return;
  vtkCamera* camera = context.renderer->GetActiveCamera();
  // Metres per pixel at the focal point (exact in orthographic views, at the focal depth in perspective).
  const double per_pixel = camera->GetParallelProjection()
                               ? 2.0 * camera->GetParallelScale() / height
                               : 2.0 * camera->GetDistance() * std::tan(camera->GetViewAngle() * std::numbers::pi / 360.0) / height;
  const double metres = nice_length(per_pixel * width * 0.18);
  const double length = metres / per_pixel, x0 = 24.0 * scale, y0 = 22.0 * scale, tick = 6.0 * scale;
  vtkNew<vtkPoints> points;
  vtkNew<vtkCellArray> lines;
  auto segment = [&](double ax, double ay, double bx, double by) {
    const vtkIdType ids[2] = {points->InsertNextPoint(ax, ay, 0), points->InsertNextPoint(bx, by, 0)};
    lines->InsertNextCell(2, ids);
  };
  segment(x0, y0, x0 + length, y0);
  segment(x0, y0 - tick, x0, y0 + tick);
  segment(x0 + length, y0 - tick, x0 + length, y0 + tick);
  segment(x0 + length / 2, y0, x0 + length / 2, y0 + tick * 0.6);
  scale_bar_lines_->SetPoints(points);
  scale_bar_lines_->SetLines(lines);
  scale_bar_lines_->Modified();
  scale_bar_->GetProperty()->SetLineWidth(2.0f * static_cast<float>(scale));
  std::string label = metres >= 1000 ? format_double(metres / 1000) + " km" : format_double(metres) + " m";
  if (!camera->GetParallelProjection()) label.insert(0, 1, '~');  // true at the focal depth only
  scale_text_->SetInput(label.c_str());
  scale_text_->SetPosition(x0 + length / 2, y0 + tick + 3.0 * scale);
}

void OverlayActors::update_north_arrow(RenderContext& context, bool show, int width, int height, int scale) {
  north_->SetVisibility(show);
  north_text_->SetVisibility(show);
  if (!show) return;
  // Where north points on the screen: project the focal point and a point north of it.
  vtkCamera* camera = context.renderer->GetActiveCamera();
  double focal[3];
  camera->GetFocalPoint(focal);
  const double step = std::max(1.0, camera->GetDistance() * 0.05);
  double a[4] = {focal[0], focal[1], focal[2], 1.0}, b[4] = {focal[0], focal[1] + step, focal[2], 1.0};
  context.renderer->SetWorldPoint(a);
  context.renderer->WorldToDisplay();
  double da[3];
  context.renderer->GetDisplayPoint(da);
  context.renderer->SetWorldPoint(b);
  context.renderer->WorldToDisplay();
  double db[3];
  context.renderer->GetDisplayPoint(db);
  double dx = db[0] - da[0], dy = db[1] - da[1];
  const double n = std::hypot(dx, dy);
  if (n < 1e-6) {
    dx = 0;
    dy = 1;
  } else {
    dx /= n;
    dy /= n;
  }
  const double cx = width - 46.0 * scale, cy = height - 78.0 * scale, r = 24.0 * scale;
  const double px = -dy, py = dx;  // perpendicular
  vtkNew<vtkPoints> points;
  points->InsertNextPoint(cx + dx * r, cy + dy * r, 0);                                     // tip
  points->InsertNextPoint(cx - dx * r + px * r * 0.55, cy - dy * r + py * r * 0.55, 0);    // left
  points->InsertNextPoint(cx - dx * r * 0.45, cy - dy * r * 0.45, 0);                        // notch
  points->InsertNextPoint(cx - dx * r - px * r * 0.55, cy - dy * r - py * r * 0.55, 0);    // right
  vtkNew<vtkCellArray> polys;
  const vtkIdType left[3] = {0, 1, 2}, right[3] = {0, 2, 3};
  polys->InsertNextCell(3, left);
  polys->InsertNextCell(3, right);
  north_shape_->SetPoints(points);
  north_shape_->SetPolys(polys);
  north_shape_->Modified();
  north_text_->SetPosition(cx + dx * (r + 14.0 * scale), cy + dy * (r + 14.0 * scale));
}

}  // namespace georeserve::viewer
