// The block model layer: a regular grid of blocks (ImageData, or a rotated StructuredGrid), coloured by
// any attribute and filtered by a value range, resource class, domain and an index box (slices,
// benches), all on the GPU (see block_volume.h and shaders/block_faces.glsl). No VTK in this header.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "io/vtk_xml.h"
#include "resources/filtered_statement.h"
#include "viewer/scene/block_volume.h"
#include "viewer/scene/layer.h"

namespace georeserve::viewer {

// A vertical section (剖面) along the line from `start` to `end` (CRS x, y): the blocks whose centres lie
// within width / 2 of the vertical plane through the line and between its ends.
struct SectionCut {
  std::array<double, 2> start{0, 0}, end{0, 0};
  double width = 10.0;  // m
  double length() const;
  double azimuth() const;  // of the line, degrees clockwise from north
  bool operator==(const SectionCut&) const = default;
};
// A bench or level: block centres with floor <= elevation <= floor + thickness (CRS, m).
struct BenchCut {
  double floor = 0.0, thickness = 10.0;
  bool operator==(const BenchCut&) const = default;
};

class BlockLayer : public Layer {
 public:
  // Reads the layer's file (.vti or .vts); on failure the layer keeps the problem and draws nothing.
  static std::unique_ptr<BlockLayer> load(const scene::Layer& desc, const scene::Scene& scene);
  // From data in memory (tests, benchmarks): the grid's CRS coordinates and its cell arrays.
  static std::unique_ptr<BlockLayer> from_image(const scene::Layer& desc, const scene::Scene& scene,
                                                const vtkxml::ImageData& grid);
  ~BlockLayer() override;

  const std::array<int, 3>& cells() const;
  // Block centre in CRS coordinates.
  std::array<double, 3> block_centre(int i, int j, int k) const;
  // The continuous attribute the value filter works on ("" = none) and the categorical class/domain ones.
  const std::string& filter_attribute() const;
  void set_filter_attribute(const std::string& name);
  const scene::Attribute* class_attribute() const;
  const scene::Attribute* domain_attribute() const;

  const BlockFilter& filter() const;
  void set_filter(const BlockFilter& filter);
  // Sections and benches: clip slabs in the filter (uniforms), so moving them rebuilds no geometry.
  const std::optional<SectionCut>& section() const;
  void set_section(const std::optional<SectionCut>& section);
  const std::optional<BenchCut>& bench() const;
  void set_bench(const std::optional<BenchCut>& bench);
  // The slabs of the current section and bench, CRS coordinates (the form the engine takes).
  std::vector<Slab> cut_slabs() const;

  // Tonnes and grades per class of the blocks the current filter shows (optionally only those inside
  // `area`, CRS coordinates), computed by the engine (filtered_statement). nullopt when the model has
  // no tonnage attribute ("tonnes").
  std::optional<FilteredStatement> statement(const geometry::MultiPolygon* area = nullptr) const;

  bool show_edges() const;
  void set_show_edges(bool on);
  // "all" faces (any filter is a uniform change) or only the "exposed" ones (rebuilt on each filter
  // change; far fewer triangles for a CPU renderer). The view picks one for the renderer at hand.
  FaceSet face_set() const;
  void set_face_set(FaceSet set);

  // Statistics for panels, tests and benchmarks.
  std::size_t blocks_shown() const;        // blocks passing the filter (counted on the CPU)
  std::size_t face_count() const;          // faces in the current geometry
  std::size_t geometry_builds() const;     // how often the face geometry was built
  double last_build_ms() const;            // time of the last build
  const BlockVolume& volume() const;
  // A value of an attribute at a block (NaN when missing or unknown).
  double value(const std::string& attribute, int i, int j, int k) const;

  std::optional<std::array<double, 2>> data_range(const std::string& attribute) const override;
  void attach(RenderContext& context) override;
  void sync(RenderContext& context) override;
  std::optional<PickResult> pick(const Ray& ray, RenderContext& context) override;
  std::optional<std::array<double, 6>> bounds() const override;

  struct Impl;  // VTK side, scene/internal/block_layer_impl.h

 private:
  explicit BlockLayer(const scene::Layer& desc);
  void finish_loading();
  std::unique_ptr<Impl> impl_;
};

}  // namespace georeserve::viewer
