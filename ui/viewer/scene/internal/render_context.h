// What every layer's VTK side shares: the renderer, the window (for textures), the scene manifest, the
// vertical exaggeration and the CJK font for text. Internal to the scene library.
#pragma once

#include <array>
#include <string>

#include <vtkSmartPointer.h>

#include "formats/raster.h"
#include "scene/scene.h"
#include "viewer/scene/block_volume.h"

class vtkActor;
class vtkFieldData;
class vtkMatrix4x4;
class vtkOpenGLRenderWindow;
class vtkProp3D;
class vtkRenderer;
class vtkTextProperty;

namespace georeserve::viewer {

struct RenderContext {
  vtkRenderer* renderer = nullptr;
  vtkOpenGLRenderWindow* window = nullptr;
  const scene::Scene* scene = nullptr;
  double vertical_exaggeration = 1.0;
  double exaggeration_base = 0.0;  // local elevation that stays put when exaggerating
  std::string font_file;           // CJK font for VTK text; "" = VTK's own font (no Chinese)
  FaceSet block_faces = FaceSet::all;
  const RasterGrid* terrain = nullptr;  // the first DEM layer, for draping (CRS coordinates)

  // Local coordinates -> display coordinates (the exaggeration about exaggeration_base).
  void display_matrix(vtkMatrix4x4* out) const;
  // display_matrix * local_matrix into the prop's user matrix.
  void place(vtkProp3D* prop, const vtkMatrix4x4* local_matrix = nullptr) const;
  // CRS coordinates of a display point (exaggeration undone, origin added).
  std::array<double, 3> to_crs(const std::array<double, 3>& display) const;
};

// Font, size (points at 72 dpi) and colour of a text property, with the CJK font when there is one.
void style_text(vtkTextProperty* text, const RenderContext& context, int size, const std::array<double, 3>& rgb,
                bool bold = false);

// The offset of a data file's coordinates against the scene's: its field data `global_origin` minus
// the scene's origin (a file without one holds CRS coordinates).
std::array<double, 3> file_offset(vtkFieldData* field_data, const scene::Scene& scene);

}  // namespace georeserve::viewer
