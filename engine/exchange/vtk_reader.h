// Reading back the VTK XML files that io/vtk_xml.h writes (.vti, .vts, .vtp, .vtu), without VTK: the
// exports of `georeserve export` start from a run folder's files, and tests check that what we write
// is what we meant. Understood: appended raw or inline base64 ("binary") data, header_type UInt32 or
// UInt64, little-endian, no compression (what our writer produces; VTK's own readers cover the rest).
// Points come back in CRS coordinates: the `global_origin` of the field data is added back.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "io/vtk_xml.h"

namespace georeserve::vtkxml {

struct VtkFile {
  std::string type;     // "ImageData", "StructuredGrid", "PolyData" or "UnstructuredGrid"
  GeoReference geo;     // from the field data (global_origin, crs "EPSG:n"); zeros when absent
  ImageData image;      // for ImageData (origin in CRS coordinates)
  StructuredGrid structured;
  PolyData poly;
  UnstructuredGrid unstructured;

  // The data set's attributes, whichever type it is.
  const Attributes& data() const;
  // A point or cell array by name; nullptr when absent.
  const DataArray* cell_array(const std::string& name) const;
  const DataArray* point_array(const std::string& name) const;
  // The unit recorded for an array in the field data (array_names / array_units), "" when none.
  std::string unit_of(const std::string& name) const;
};

// InputError naming the file for anything unreadable or outside the subset above.
VtkFile read_vtk_xml(const std::filesystem::path& path);

// Values of a numeric array as doubles (strings: InputError).
std::vector<double> as_doubles(const DataArray& array, const std::string& file);

}  // namespace georeserve::vtkxml
