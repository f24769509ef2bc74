// Which layer class draws which manifest entry (kind and file type); see layers.h.
#include <exception>

#include "core/text.h"
#include "viewer/scene/block_layer.h"
#include "viewer/scene/internal/layers.h"
#include "viewer/scene/internal/poly_base.h"

namespace georeserve::viewer {
namespace {

// Stands in for a layer whose loading failed in an unexpected way; draws nothing.
class BrokenLayer : public PolyBase {
 public:
  BrokenLayer(const scene::Layer& desc, const std::string& problem) : PolyBase(desc) { set_problem(problem); }
};

}  // namespace

std::unique_ptr<Layer> load_layer(const scene::Layer& desc, const scene::Scene& scene, const RasterGrid* terrain) {
  const std::string ext = to_lower_ascii(desc.resolved.extension().string());
  const bool raster = ext == ".tif" || ext == ".tiff";
  try {
    switch (desc.kind) {
      case scene::LayerKind::block_model: return BlockLayer::load(desc, scene);
      case scene::LayerKind::surface: return raster ? load_raster_layer(desc, scene, terrain) : load_poly_layer(desc, scene);
      case scene::LayerKind::grid: return load_raster_layer(desc, scene, terrain);
      case scene::LayerKind::subsidence: return load_subsidence_layer(desc, scene, terrain);
      case scene::LayerKind::polygons:
        return ext == ".vtp" ? load_poly_layer(desc, scene) : load_polygon_layer(desc, scene, terrain);
      default: return load_poly_layer(desc, scene);
    }
  } catch (const std::exception& e) {
    return std::make_unique<BrokenLayer>(desc, desc.resolved.string() + ": error: " + e.what());
  }
}

}  // namespace georeserve::viewer
