// Raster layers: a DEM drawn as terrain with its hillshade baked into the colours, or a grid of values
// (subsidence, seam thickness) coloured by value and draped on the terrain. Big rasters are thinned to
// about a million cells for drawing (the hillshade is computed at full resolution first).
#include <algorithm>
#include <cmath>

#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkUnsignedCharArray.h>

#include "core/error.h"
#include "core/text.h"
#include "scene/hillshade.h"
#include "viewer/scene/internal/layers.h"
#include "viewer/scene/internal/poly_base.h"
#include "viewer/scene/internal/vtk_io.h"
#include "viewer/scene/palette.h"

namespace georeserve::viewer {
namespace {

// A flat .vti (one cell thick) as a raster of its first cell array.
RasterGrid raster_from_vti(const std::filesystem::path& path, const scene::Scene& scene) {
  auto data = read_vtk_xml(path);
  auto* image = vtkImageData::SafeDownCast(data);
  int dims[3];
  if (image) image->GetDimensions(dims);
  if (!image || dims[2] > 2 || image->GetCellData()->GetNumberOfArrays() < 1)
    throw InputError(path.string(), 0, "", "a grid layer reads a flat ImageData with a cell array");
  const auto offset = file_offset(data->GetFieldData(), scene);
  double origin[3], spacing[3];
  image->GetOrigin(origin);
  image->GetSpacing(spacing);
  const std::size_t cols = static_cast<std::size_t>(dims[0] - 1), rows = static_cast<std::size_t>(dims[1] - 1);
  RasterGrid g(cols, rows, origin[0] + offset[0] + scene.origin[0],
               origin[1] + offset[1] + scene.origin[1] + static_cast<double>(rows) * spacing[1], spacing[0], spacing[1], scene.epsg);
  vtkDataArray* values = image->GetCellData()->GetArray(0);
  for (std::size_t r = 0; r < rows; ++r)  // VTK rows run north, raster rows run south
    for (std::size_t c = 0; c < cols; ++c)
      g.at(c, rows - 1 - r) = static_cast<float>(values->GetComponent(static_cast<vtkIdType>(r * cols + c), 0));
  return g;
}

class RasterLayer : public PolyBase {
 public:
  using PolyBase::PolyBase;
  void load(const scene::Scene& scene, const RasterGrid* terrain);
  const RasterGrid* dem() const { return kind() == scene::LayerKind::surface ? &grid_ : nullptr; }

 protected:
  void describe(long long, const std::array<double, 3>& crs, PickResult& r) const override {
    const auto v = grid_.sample(crs[0], crs[1]);
    const scene::Attribute* a = attributes().empty() ? nullptr : &attributes().front();
    r.item = kind() == scene::LayerKind::surface ? "terrain" : "grid";
    r.values.emplace_back(kind() == scene::LayerKind::surface ? "elevation" : (a ? a->title : "value"),
                          v ? format_value(*v, kind() == scene::LayerKind::surface ? "m" : (a ? a->unit : "")) : "-");
  }

 private:
  RasterGrid grid_;
};

void RasterLayer::load(const scene::Scene& scene, const RasterGrid* terrain) {
  const std::string ext = to_lower_ascii(desc().resolved.extension().string());
  grid_ = ext == ".vti" ? raster_from_vti(desc().resolved, scene) : read_geotiff(desc().resolved);
  if (grid_.epsg != 0 && scene.epsg != 0 && grid_.epsg != scene.epsg)
    throw InputError(desc().resolved.string(), 0, "", "raster CRS EPSG:" + std::to_string(grid_.epsg) +
                                                          " differs from the scene's EPSG:" + std::to_string(scene.epsg));
  const bool is_dem = kind() == scene::LayerKind::surface;
  const std::vector<float> shade = is_dem ? scene::hillshade(grid_) : std::vector<float>();
  double lo = 1e300, hi = -1e300;
  for (float v : grid_.values)
    if (!grid_.is_nodata(v)) {
      lo = std::min(lo, static_cast<double>(v));
      hi = std::max(hi, static_cast<double>(v));
    }
  if (!(lo <= hi)) throw InputError(desc().resolved.string(), 0, "", "the raster holds no values");

  // Thin to about a million cells for drawing.
  const std::size_t stride = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(std::sqrt(grid_.cols * grid_.rows / 1.0e6))));
  const std::size_t nc = (grid_.cols + stride - 1) / stride, nr = (grid_.rows + stride - 1) / stride;
  vtkNew<vtkPoints> points;
  vtkNew<vtkFloatArray> values;
  const std::string name = is_dem ? "elevation" : (attributes().empty() ? desc().resolved.stem().string() : attributes().front().name);
  values->SetName(name.c_str());
  vtkNew<vtkUnsignedCharArray> colors;
  colors->SetName("colors");
  colors->SetNumberOfComponents(3);
  std::vector<vtkIdType> id(nc * nr, -1);
  for (std::size_t r = 0; r < nr; ++r)
    for (std::size_t c = 0; c < nc; ++c) {
      const std::size_t gc = c * stride, gr = r * stride;
      const float v = grid_.at(gc, gr);
      if (grid_.is_nodata(v)) continue;
      const double x = grid_.x_center(gc), y = grid_.y_center(gr);
      double z = is_dem ? v : 0.0;
      if (!is_dem && terrain)
        if (auto t = terrain->sample(x, y)) z = *t + 1.0;  // a metre above the ground, so it is not hidden in it
      id[r * nc + c] = points->InsertNextPoint(x - scene.origin[0], y - scene.origin[1], z - scene.origin[2]);
      values->InsertNextValue(v);
      if (is_dem) {
        const Rgb base = color_at(ColorMap::terrain, (v - lo) / std::max(hi - lo, 1e-9));
        const float s = shade[gr * grid_.cols + gc];
        const double light = 0.35 + 0.65 * (std::isnan(s) ? 0.7 : s);
        colors->InsertNextTuple3(std::min(255.0, base.r * light), std::min(255.0, base.g * light), std::min(255.0, base.b * light));
      }
    }
  vtkNew<vtkCellArray> triangles;
  for (std::size_t r = 0; r + 1 < nr; ++r)
    for (std::size_t c = 0; c + 1 < nc; ++c) {
      const vtkIdType a = id[r * nc + c], b = id[r * nc + c + 1], d = id[(r + 1) * nc + c], e = id[(r + 1) * nc + c + 1];
      if (a < 0 || b < 0 || d < 0 || e < 0) continue;
      const vtkIdType t1[3] = {a, d, b}, t2[3] = {b, d, e};
      triangles->InsertNextCell(3, t1);
      triangles->InsertNextCell(3, t2);
    }
  shown = vtkSmartPointer<vtkPolyData>::New();
  shown->SetPoints(points);
  shown->SetPolys(triangles);
  shown->GetPointData()->AddArray(values);
  if (is_dem) {
    shown->GetPointData()->AddArray(colors);
    direct_colors = true;
    lighting = false;
  }
  offset = {0, 0, 0};  // points are already in scene coordinates
  finish();
}

}  // namespace

std::unique_ptr<Layer> load_raster_layer(const scene::Layer& desc, const scene::Scene& scene, const RasterGrid* terrain) {
  return make_loaded<RasterLayer>(desc, [&](RasterLayer& layer) { layer.load(scene, terrain); });
}

const RasterGrid* terrain_of(const Layer& layer) {
  const auto* raster = dynamic_cast<const RasterLayer*>(&layer);
  return raster && raster->ok() ? raster->dem() : nullptr;
}

}  // namespace georeserve::viewer
