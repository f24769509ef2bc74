// Polygon layers from GeoJSON (planning blocks, mining zones): translucent prisms between two elevations
// (walls, caps and crisp outlines) or outlines draped on the terrain, each feature in its own colour with
// its name as a label. The feature index is a categorical attribute, so the legend lists the features.
#include <algorithm>
#include <cmath>

#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkIdTypeArray.h>
#include <vtkIntArray.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkTriangleFilter.h>

#include "core/error.h"
#include "core/text.h"
#include "geometry/polygon.h"
#include "scene/geojson.h"
#include "viewer/scene/internal/layers.h"
#include "viewer/scene/internal/poly_base.h"

namespace georeserve::viewer {
namespace {

class PolygonLayer : public PolyBase {
 public:
  using PolyBase::PolyBase;
  void load(const scene::Scene& scene, const RasterGrid* terrain);

 std::vector<NamedArea> areas() const override {
    std::vector<NamedArea> out;
    for (const auto& f : features_.features)
      if (!f.polygons.empty()) out.push_back({f.label(desc().label_field), f.polygons});
    return out;
  }

 protected:
  void describe(long long feature, const std::array<double, 3>&, PickResult& r) const override {
    if (feature < 0 || static_cast<std::size_t>(feature) >= features_.features.size()) return;
    const scene::Feature& f = features_.features[static_cast<std::size_t>(feature)];
    r.item = f.label(desc().label_field);
    for (const auto& [key, value] : f.properties) r.values.emplace_back(key, value);
    if (!f.polygons.empty()) r.values.emplace_back("area", format_area(geometry::area(f.polygons)));
  }

 private:
  static std::string format_area(double m2) {
    return m2 >= 1e6 ? format_fixed(m2 / 1e6, 3) + " km2" : format_fixed(m2, 0) + " m2";
  }
  // Heights of a ring's points: on the terrain (draped) or at z.
  double height_at(double x, double y, double z_default) const {
    if (terrain_)
      if (auto t = terrain_->sample(x, y)) return *t + 2.0;
    return z_default;
  }
  void add_prism(const geometry::Polygon& polygon, double z0, double z1, int feature);
  void add_outline(const geometry::Ring& ring, double z, int feature);

  scene::FeatureCollection features_;
  const RasterGrid* terrain_ = nullptr;
  std::array<double, 3> origin_{};
  vtkSmartPointer<vtkPoints> points_;
  vtkSmartPointer<vtkCellArray> polys_, lines_, verts_;
  std::vector<int> poly_feature_, line_feature_, vert_feature_;
};

void PolygonLayer::add_prism(const geometry::Polygon& polygon, double z0, double z1, int feature) {
  std::vector<const geometry::Ring*> rings{&polygon.outer};
  for (const auto& h : polygon.holes) rings.push_back(&h);
  for (const geometry::Ring* ring : rings) {
    const vtkIdType n = static_cast<vtkIdType>(ring->size());
    const vtkIdType base = points_->GetNumberOfPoints();
    for (const auto& p : *ring) points_->InsertNextPoint(p.x - origin_[0], p.y - origin_[1], z0 - origin_[2]);
    for (const auto& p : *ring) points_->InsertNextPoint(p.x - origin_[0], p.y - origin_[1], z1 - origin_[2]);
    for (vtkIdType i = 0; i < n; ++i) {
      const vtkIdType j = (i + 1) % n;
      const vtkIdType wall[4] = {base + i, base + j, base + n + j, base + n + i};
      polys_->InsertNextCell(4, wall);
      poly_feature_.push_back(feature);
    }
    for (int level = 0; level < 2; ++level) {  // outlines at the top and bottom
      std::vector<vtkIdType> loop;
      for (vtkIdType i = 0; i <= n; ++i) loop.push_back(base + level * n + i % n);
      lines_->InsertNextCell(static_cast<vtkIdType>(loop.size()), loop.data());
      line_feature_.push_back(feature);
    }
    if (ring == &polygon.outer)  // caps (holes are not cut out of them)
      for (int level = 0; level < 2; ++level) {
        std::vector<vtkIdType> cap;
        for (vtkIdType i = 0; i < n; ++i) cap.push_back(base + level * n + i);
        polys_->InsertNextCell(n, cap.data());
        poly_feature_.push_back(feature);
      }
  }
}

void PolygonLayer::add_outline(const geometry::Ring& ring, double z, int feature) {
  // Densified so that the line follows the terrain between vertices.
  const double step = terrain_ ? std::max(terrain_->cell_x, terrain_->cell_y) : 1e300;
  std::vector<vtkIdType> loop;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const auto a = ring[i], b = ring[(i + 1) % ring.size()];
    const int pieces = std::clamp(static_cast<int>(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / step)), 1, 1000);
    for (int s = 0; s < pieces; ++s) {
      const double t = static_cast<double>(s) / pieces, x = a.x + t * (b.x - a.x), y = a.y + t * (b.y - a.y);
      loop.push_back(points_->InsertNextPoint(x - origin_[0], y - origin_[1], height_at(x, y, z) - origin_[2]));
    }
  }
  loop.push_back(loop.front());
  lines_->InsertNextCell(static_cast<vtkIdType>(loop.size()), loop.data());
  line_feature_.push_back(feature);
}

void PolygonLayer::load(const scene::Scene& scene, const RasterGrid* terrain) {
  features_ = scene::read_geojson(desc().resolved, scene.epsg);
  terrain_ = terrain;
  origin_ = scene.origin;
  points_ = vtkSmartPointer<vtkPoints>::New();
  polys_ = vtkSmartPointer<vtkCellArray>::New();
  lines_ = vtkSmartPointer<vtkCellArray>::New();
  verts_ = vtkSmartPointer<vtkCellArray>::New();
  const bool prisms = desc().elevation_range.has_value();
  const double z0 = prisms ? (*desc().elevation_range)[0] : 0.0, z1 = prisms ? (*desc().elevation_range)[1] : 0.0;
  scene::Attribute feature_attribute;
  feature_attribute.name = "feature";
  feature_attribute.title = desc().title;
  feature_attribute.kind = scene::AttributeKind::categorical;
  for (std::size_t fi = 0; fi < features_.features.size(); ++fi) {
    const scene::Feature& f = features_.features[fi];
    const int feature = static_cast<int>(fi);
    std::string name = f.label(desc().label_field);
    if (name.empty()) name = std::string(1, '#').append(std::to_string(fi + 1));
    if (fi < kMaxCategories) feature_attribute.categories.push_back({feature, name, "", category_color(fi)});
    geometry::BoundingBox box;
    double biggest = -1;
    geometry::Point2 label_at{};
    for (const auto& polygon : f.polygons) {
      if (prisms) add_prism(polygon, z0, z1, feature);
      else {
        add_outline(polygon.outer, z1, feature);
        for (const auto& hole : polygon.holes) add_outline(hole, z1, feature);
      }
      if (const double a = geometry::area(polygon); a > biggest) {
        biggest = a;
        label_at = geometry::centroid(polygon.outer);
      }
      box.add(geometry::bounding_box(polygon));
    }
    for (const auto& line : f.lines) {
      std::vector<vtkIdType> ids;
      for (const auto& p : line) ids.push_back(points_->InsertNextPoint(p.x - origin_[0], p.y - origin_[1], height_at(p.x, p.y, z1) - origin_[2]));
      lines_->InsertNextCell(static_cast<vtkIdType>(ids.size()), ids.data());
      line_feature_.push_back(feature);
      if (biggest < 0 && !line.empty()) label_at = line[line.size() / 2];
    }
    for (const auto& p : f.points) {
      const vtkIdType id = points_->InsertNextPoint(p.x - origin_[0], p.y - origin_[1], height_at(p.x, p.y, z1) - origin_[2]);
      verts_->InsertNextCell(1, &id);
      vert_feature_.push_back(feature);
      if (biggest < 0 && f.lines.empty()) label_at = p;
    }
    if (!f.polygons.empty() || !f.lines.empty() || !f.points.empty())
      labels.emplace_back(std::array<double, 3>{label_at.x - origin_[0], label_at.y - origin_[1],
                                                (prisms ? z1 : height_at(label_at.x, label_at.y, z1) + 10.0) - origin_[2]},
                          name);
  }
  if (points_->GetNumberOfPoints() == 0) throw InputError(desc().resolved.string(), 0, "", "no features with geometry");
  auto poly = vtkSmartPointer<vtkPolyData>::New();
  poly->SetPoints(points_);
  poly->SetVerts(verts_);
  poly->SetLines(lines_);
  poly->SetPolys(polys_);
  // Cell data in VTK's order: verts, lines, polys.
  vtkNew<vtkIntArray> feature_ids;
  feature_ids->SetName("feature");
  vtkNew<vtkIdTypeArray> source_ids;
  source_ids->SetName("source_cell");
  for (const auto* list : {&vert_feature_, &line_feature_, &poly_feature_})
    for (int f : *list) {
      feature_ids->InsertNextValue(f);
      source_ids->InsertNextValue(f);
    }
  poly->GetCellData()->AddArray(feature_ids);
  poly->GetCellData()->AddArray(source_ids);
  vtkNew<vtkTriangleFilter> triangles;  // concave caps become triangles
  triangles->SetInputData(poly);
  triangles->PassLinesOn();
  triangles->PassVertsOn();
  triangles->Update();
  shown = triangles->GetOutput();
  line_width = 2.5;
  point_size = 8.0;
  lighting = prisms;
  add_found_attribute(std::move(feature_attribute));
  finish();
}

}  // namespace

std::unique_ptr<Layer> load_polygon_layer(const scene::Layer& desc, const scene::Scene& scene, const RasterGrid* terrain) {
  return make_loaded<PolygonLayer>(desc, [&](PolygonLayer& layer) { layer.load(scene, terrain); });
}

}  // namespace georeserve::viewer
