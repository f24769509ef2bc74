// VTK lookup tables from the manifest's attributes: a continuous colour map over a range, or one colour
// per category code with its label (so vtkScalarBarActor draws a categorical legend).
#pragma once

#include <array>

#include <vtkSmartPointer.h>

#include "scene/scene.h"

class vtkLookupTable;

namespace georeserve::viewer {

vtkSmartPointer<vtkLookupTable> make_lookup_table(const scene::Attribute& attribute, const std::array<double, 2>& range);

}  // namespace georeserve::viewer
