// See render_context.h.
#include "viewer/scene/internal/render_context.h"

#include <vtkDataArray.h>
#include <vtkFieldData.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkProp3D.h>
#include <vtkTextProperty.h>

namespace georeserve::viewer {

void RenderContext::display_matrix(vtkMatrix4x4* out) const {
  out->Identity();
  out->SetElement(2, 2, vertical_exaggeration);
  out->SetElement(2, 3, exaggeration_base * (1.0 - vertical_exaggeration));
}

void RenderContext::place(vtkProp3D* prop, const vtkMatrix4x4* local_matrix) const {
  vtkNew<vtkMatrix4x4> display;
  display_matrix(display);
  vtkNew<vtkMatrix4x4> m;
  if (local_matrix) vtkMatrix4x4::Multiply4x4(display, local_matrix, m);
  else m->DeepCopy(display);
  prop->SetUserMatrix(m);
}

std::array<double, 3> RenderContext::to_crs(const std::array<double, 3>& d) const {
  const double z = exaggeration_base + (d[2] - exaggeration_base) / vertical_exaggeration;
  const auto& o = scene->origin;
  return {d[0] + o[0], d[1] + o[1], z + o[2]};
}

void style_text(vtkTextProperty* text, const RenderContext& context, int size, const std::array<double, 3>& rgb,
                bool bold) {
  if (!context.font_file.empty()) {
    text->SetFontFamily(VTK_FONT_FILE);
    text->SetFontFile(context.font_file.c_str());
  }
  text->SetFontSize(size);
  text->SetColor(rgb[0], rgb[1], rgb[2]);
  text->SetBold(bold);
  text->SetShadow(false);
}

std::array<double, 3> file_offset(vtkFieldData* field_data, const scene::Scene& scene) {
  std::array<double, 3> offset{0, 0, 0};
  vtkDataArray* origin = field_data ? field_data->GetArray("global_origin") : nullptr;
  if (!origin || origin->GetNumberOfTuples() < 1 || origin->GetNumberOfComponents() != 3) {
    // A file without a global origin holds CRS coordinates: shift it by the whole scene origin.
    for (int a = 0; a < 3; ++a) offset[static_cast<std::size_t>(a)] = -scene.origin[static_cast<std::size_t>(a)];
    return offset;
  }
  for (int a = 0; a < 3; ++a)
    offset[static_cast<std::size_t>(a)] = origin->GetComponent(0, a) - scene.origin[static_cast<std::size_t>(a)];
  return offset;
}

}  // namespace georeserve::viewer
