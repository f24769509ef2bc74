// Reading VTK XML files for layers with errors that say what is wrong: a missing file, an unreadable or
// truncated one (VTK's own messages are caught rather than printed), or one of the wrong data set type.
#pragma once

#include <filesystem>
#include <string>

#include <vtkSmartPointer.h>

class vtkDataSet;

namespace georeserve::viewer {

// .vti, .vts, .vtp or .vtu by extension. InputError("FILE: error: ...") on any failure.
vtkSmartPointer<vtkDataSet> read_vtk_xml(const std::filesystem::path& path);

}  // namespace georeserve::viewer
