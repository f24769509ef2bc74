// The block model layer's data side: reading the grid, keeping each attribute's values, packing the
// texels (colour, filter, class, domain) and the filter settings, picking blocks, statistics. The GPU
// side (textures, face geometry, shader uniforms) is in block_layer_gpu.cpp.
#include "viewer/scene/block_layer.h"

#include <cmath>
#include <limits>

#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkImageData.h>
#include <vtkStructuredGrid.h>

#include "core/error.h"
#include "viewer/scene/internal/block_layer_impl.h"
#include "viewer/scene/internal/vtk_io.h"
#include "viewer/scene/palette.h"

namespace georeserve::viewer {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// The affine map of a structured grid's points, index -> coordinates, when the grid is regular
// (p(i,j,k) = p0 + i a + j b + k c to 1e-6 of a block); false otherwise.
bool regular_axes(vtkStructuredGrid* grid, const std::array<int, 3>& cells, std::array<std::array<double, 3>, 4>& axes) {
  const int nx = cells[0] + 1, ny = cells[1] + 1, nz = cells[2] + 1;
  auto point = [&](int i, int j, int k) {
    std::array<double, 3> p{};
    grid->GetPoint(static_cast<vtkIdType>((k * ny + j) * nx + i), p.data());
    return p;
  };
  const auto p0 = point(0, 0, 0), pi = point(1, 0, 0), pj = point(0, 1, 0), pk = point(0, 0, 1);
  axes[3] = p0;
  for (int a = 0; a < 3; ++a) {
    axes[0][static_cast<std::size_t>(a)] = pi[static_cast<std::size_t>(a)] - p0[static_cast<std::size_t>(a)];
    axes[1][static_cast<std::size_t>(a)] = pj[static_cast<std::size_t>(a)] - p0[static_cast<std::size_t>(a)];
    axes[2][static_cast<std::size_t>(a)] = pk[static_cast<std::size_t>(a)] - p0[static_cast<std::size_t>(a)];
  }
  const double tolerance = 1e-6 * std::sqrt(axes[0][0] * axes[0][0] + axes[0][1] * axes[0][1] + axes[0][2] * axes[0][2]);
  for (int k = 0; k < nz; ++k)
    for (int j = 0; j < ny; ++j)
      for (int i = 0; i < nx; ++i) {
        const auto p = point(i, j, k);
        for (std::size_t a = 0; a < 3; ++a) {
          const double expect = p0[a] + i * axes[0][a] + j * axes[1][a] + k * axes[2][a];
          if (std::abs(p[a] - expect) > tolerance) return false;
        }
      }
  return true;
}

std::vector<float> as_floats(vtkDataArray* array) {
  std::vector<float> v(static_cast<std::size_t>(array->GetNumberOfTuples()));
  for (vtkIdType t = 0; t < array->GetNumberOfTuples(); ++t) v[static_cast<std::size_t>(t)] = static_cast<float>(array->GetComponent(t, 0));
  return v;
}

}  // namespace

BlockLayer::BlockLayer(const scene::Layer& desc) : Layer(desc), impl_(std::make_unique<Impl>()) {}
BlockLayer::~BlockLayer() = default;

std::unique_ptr<BlockLayer> BlockLayer::load(const scene::Layer& desc, const scene::Scene& scene) {
  std::unique_ptr<BlockLayer> layer(new BlockLayer(desc));
  try {
    auto data = read_vtk_xml(desc.resolved);
    auto& d = *layer->impl_;
    d.scene_origin = scene.origin;
    const auto offset = file_offset(data->GetFieldData(), scene);
    if (auto* image = vtkImageData::SafeDownCast(data)) {
      int dims[3];
      image->GetDimensions(dims);
      double origin[3], spacing[3];
      image->GetOrigin(origin);
      image->GetSpacing(spacing);
      for (int a = 0; a < 3; ++a) {
        d.cells[static_cast<std::size_t>(a)] = dims[a] - 1;
        d.axes[static_cast<std::size_t>(a)] = {0, 0, 0};
        d.axes[static_cast<std::size_t>(a)][static_cast<std::size_t>(a)] = spacing[a];
        d.axes[3][static_cast<std::size_t>(a)] = origin[a] + offset[static_cast<std::size_t>(a)];
      }
    } else if (auto* grid = vtkStructuredGrid::SafeDownCast(data)) {
      int dims[3];
      grid->GetDimensions(dims);
      for (int a = 0; a < 3; ++a) d.cells[static_cast<std::size_t>(a)] = dims[a] - 1;
      if (d.cells[0] < 1 || d.cells[1] < 1 || d.cells[2] < 1 || !regular_axes(grid, d.cells, d.axes))
        throw InputError(desc.resolved.string(), 0, "", "the structured grid is not a regular (possibly rotated) block grid");
      for (std::size_t a = 0; a < 3; ++a) d.axes[3][a] += offset[a];
    } else {
      throw InputError(desc.resolved.string(), 0, "", "a block model layer reads ImageData (.vti) or StructuredGrid (.vts)");
    }
    if (d.cells[0] < 1 || d.cells[1] < 1 || d.cells[2] < 1)
      throw InputError(desc.resolved.string(), 0, "", "the grid has no cells along one axis");
    vtkCellData* cd = data->GetCellData();
    for (int a = 0; a < cd->GetNumberOfArrays(); ++a) {
      vtkDataArray* array = cd->GetArray(a);
      if (!array || !array->GetName() || array->GetNumberOfComponents() != 1) continue;
      d.arrays[array->GetName()] = as_floats(array);
    }
    layer->finish_loading();
  } catch (const Error& e) {
    layer->set_problem(e.what());
  }
  return layer;
}

std::unique_ptr<BlockLayer> BlockLayer::from_image(const scene::Layer& desc, const scene::Scene& scene,
                                                   const vtkxml::ImageData& grid) {
  std::unique_ptr<BlockLayer> layer(new BlockLayer(desc));
  auto& d = *layer->impl_;
  d.scene_origin = scene.origin;
  for (std::size_t a = 0; a < 3; ++a) {
    d.cells[a] = static_cast<int>(grid.cells[a]);
    d.axes[a] = {0, 0, 0};
    d.axes[a][a] = grid.spacing[a];
    d.axes[3][a] = grid.origin[a] - scene.origin[a];
  }
  for (const auto& array : grid.data.cell) {
    std::vector<float> v(array.tuple_count(), kNaN);
    std::visit(
        [&](const auto& values) {
          using T = typename std::decay_t<decltype(values)>::value_type;
          if constexpr (std::is_arithmetic_v<T>)
            for (std::size_t b = 0; b < v.size(); ++b) v[b] = static_cast<float>(values[b]);
        },
        array.values);
    if (array.components == 1 && !std::holds_alternative<std::vector<std::string>>(array.values)) d.arrays[array.name] = std::move(v);
  }
  try {
    layer->finish_loading();
  } catch (const Error& e) {
    layer->set_problem(e.what());
  }
  return layer;
}

// Common end of loading: attributes found in the data, categories met, roles, the initial filter.
void BlockLayer::finish_loading() {
  auto& d = *impl_;
  const std::size_t blocks = static_cast<std::size_t>(d.cells[0]) * d.cells[1] * d.cells[2];
  for (auto it = d.arrays.begin(); it != d.arrays.end();) {
    if (it->second.size() != blocks) it = d.arrays.erase(it);  // not one value per block: not a block attribute
    else ++it;
  }
  if (d.arrays.empty()) throw InputError(desc().resolved.string(), 0, "", "the block model has no cell attributes");
  drop_attributes_without_data([&](const std::string& name) { return d.arrays.count(name) > 0; });
  for (const auto& [name, values] : d.arrays) add_found_attribute(name);
  for (const auto& a : attributes())
    if (a.kind == scene::AttributeKind::categorical) {
      scene::Attribute* m = mutable_attribute(a.name);
      // Integer code arrays cannot hold NaN: code 0, when the scene declares no category 0, is a block
      // without a value (e.g. no resource class outside the ore) and is hidden like a missing value.
      const bool zero_is_missing = !m->categories.empty() && !category_index(*m, 0.0);
      for (float& v : d.arrays[a.name]) {
        if (zero_is_missing && v == 0.0f) v = kNaN;
        if (std::isfinite(v) && !category_index(*m, v) && m->categories.size() < kMaxCategories)
          add_unknown_category(*m, std::llround(v));
      }
    }
  auto categorical = [&](const std::string& n) {
    const scene::Attribute* a = attribute(n);
    return a && a->kind == scene::AttributeKind::categorical ? n : std::string();
  };
  d.class_attribute = categorical(desc().class_attribute);
  d.domain_attribute = categorical(desc().domain_attribute);
  d.volume = BlockVolume(d.cells);
  d.filter = BlockFilter::everything(d.cells);
  choose_initial_coloring();
  const scene::Attribute* f = attribute(desc().filter_attribute);
  if (f && f->kind == scene::AttributeKind::continuous) d.filter_attribute = f->name;
  else if (color_attribute() && color_attribute()->kind == scene::AttributeKind::continuous) d.filter_attribute = color_by();
  if (auto r = data_range(d.filter_attribute)) {
    d.filter.value_lo = static_cast<float>((*r)[0]);
    d.filter.value_hi = static_cast<float>((*r)[1]);
  }
  d.pack_class_and_domain(*this);
}

void BlockLayer::Impl::pack_class_and_domain(const Layer& layer) {
  auto indices = [&](const std::string& name) {
    std::vector<float> idx(volume.block_count(), static_cast<float>(kNoCategory));
    if (name.empty()) return idx;
    const scene::Attribute& a = *layer.attribute(name);
    const auto& values = arrays[name];
    for (std::size_t b = 0; b < idx.size(); ++b)
      if (auto i = category_index(a, values[b])) idx[b] = static_cast<float>(*i);
    return idx;
  };
  volume.set_channel(2, indices(class_attribute));
  volume.set_channel(3, indices(domain_attribute));
  texels_dirty = true;
}

// Channels 0 (colour) and 1 (filter) follow the layer's colour attribute and filter attribute.
void BlockLayer::Impl::pack_color_and_filter(const Layer& layer) {
  const std::string& color = layer.color_by();
  if (color != packed_color || !color_packed) {
    const scene::Attribute* a = layer.attribute(color);
    std::vector<float> r(volume.block_count(), kNaN);
    if (a && a->kind == scene::AttributeKind::categorical) {
      const auto& values = arrays[color];
      for (std::size_t b = 0; b < r.size(); ++b)
        if (auto i = category_index(*a, values[b])) r[b] = static_cast<float>(*i);
    } else if (a) {
      r = arrays[color];
    } else {
      // Solid colour: every block with any value shows, in palette entry 0.
      for (const auto& [name, values] : arrays)
        for (std::size_t b = 0; b < r.size(); ++b)
          if (std::isfinite(values[b])) r[b] = 0.0f;
    }
    volume.set_channel(0, r);
    packed_color = color;
    color_packed = true;
    texels_dirty = palette_dirty = faces_dirty = true;  // presence follows the colour attribute
  }
  if (filter_attribute != packed_filter || !filter_packed) {
    auto it = arrays.find(filter_attribute);
    if (it != arrays.end()) volume.set_channel(1, it->second);
    else volume.fill_channel(1, kMissing);
    packed_filter = filter_attribute;
    filter_packed = true;
    texels_dirty = true;
    if (face_set == FaceSet::exposed) faces_dirty = true;
  }
}

const std::array<int, 3>& BlockLayer::cells() const { return impl_->cells; }

std::array<double, 3> BlockLayer::block_centre(int i, int j, int k) const {
  const auto local = impl_->local_point({i + 0.5, j + 0.5, k + 0.5});
  std::array<double, 3> out{};
  for (std::size_t a = 0; a < 3; ++a) out[a] = local[a] + impl_->scene_origin[a];
  return out;
}

const std::string& BlockLayer::filter_attribute() const { return impl_->filter_attribute; }

void BlockLayer::set_filter_attribute(const std::string& name) {
  const scene::Attribute* a = attribute(name);
  if (name == impl_->filter_attribute || (!name.empty() && (!a || a->kind != scene::AttributeKind::continuous))) return;
  impl_->filter_attribute = name;
  if (auto r = data_range(name)) {
    impl_->filter.value_lo = static_cast<float>((*r)[0]);
    impl_->filter.value_hi = static_cast<float>((*r)[1]);
  }
  impl_->filter.value_enabled = impl_->filter.value_enabled && !name.empty();
  touch();
}

const scene::Attribute* BlockLayer::class_attribute() const { return attribute(impl_->class_attribute); }
const scene::Attribute* BlockLayer::domain_attribute() const { return attribute(impl_->domain_attribute); }
const BlockFilter& BlockLayer::filter() const { return impl_->filter; }

void BlockLayer::set_filter(const BlockFilter& filter) {
  if (filter == impl_->filter) return;
  if (filter.show_missing != impl_->filter.show_missing || impl_->face_set == FaceSet::exposed) impl_->faces_dirty = true;
  impl_->filter = filter;
  touch();
}

bool BlockLayer::show_edges() const { return impl_->show_edges; }
void BlockLayer::set_show_edges(bool on) {
  if (on == impl_->show_edges) return;
  impl_->show_edges = on;
  touch();
}

FaceSet BlockLayer::face_set() const { return impl_->face_set; }
void BlockLayer::set_face_set(FaceSet set) {
  impl_->face_set_chosen = true;
  if (set == impl_->face_set) return;
  impl_->face_set = set;
  impl_->faces_dirty = true;
  touch();
}

std::size_t BlockLayer::blocks_shown() const {
  auto& d = *impl_;
  const_cast<Impl&>(d).pack_color_and_filter(*this);
  if (!d.shown_valid || !(d.shown_filter == d.filter) || d.shown_color != d.packed_color || d.shown_filter_attribute != d.packed_filter) {
    d.shown = d.volume.count_passing(d.filter);
    d.shown_filter = d.filter;
    d.shown_color = d.packed_color;
    d.shown_filter_attribute = d.packed_filter;
    d.shown_valid = true;
  }
  return d.shown;
}

std::size_t BlockLayer::face_count() const { return impl_->face_count; }
std::size_t BlockLayer::geometry_builds() const { return impl_->builds; }
double BlockLayer::last_build_ms() const { return impl_->build_ms; }
const BlockVolume& BlockLayer::volume() const { return impl_->volume; }

double BlockLayer::value(const std::string& attribute, int i, int j, int k) const {
  auto it = impl_->arrays.find(attribute);
  if (it == impl_->arrays.end()) return std::numeric_limits<double>::quiet_NaN();
  return it->second[impl_->volume.index(i, j, k)];
}

std::optional<std::array<double, 2>> BlockLayer::data_range(const std::string& attribute) const {
  auto it = impl_->arrays.find(attribute);
  if (it == impl_->arrays.end()) return std::nullopt;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (float v : it->second)
    if (std::isfinite(v)) {
      lo = std::min(lo, static_cast<double>(v));
      hi = std::max(hi, static_cast<double>(v));
    }
  if (!(lo <= hi)) return std::nullopt;
  return std::array<double, 2>{lo, hi};
}

std::optional<std::array<double, 6>> BlockLayer::bounds() const {
  if (!ok()) return std::nullopt;
  std::array<double, 6> b{1e300, -1e300, 1e300, -1e300, 1e300, -1e300};
  for (int corner = 0; corner < 8; ++corner) {
    const auto p = impl_->local_point({static_cast<double>((corner & 1) ? impl_->cells[0] : 0),
                                       static_cast<double>((corner & 2) ? impl_->cells[1] : 0),
                                       static_cast<double>((corner & 4) ? impl_->cells[2] : 0)});
    for (std::size_t a = 0; a < 3; ++a) {
      b[2 * a] = std::min(b[2 * a], p[a]);
      b[2 * a + 1] = std::max(b[2 * a + 1], p[a]);
    }
  }
  return b;
}

std::array<double, 3> BlockLayer::Impl::local_point(const std::array<double, 3>& index) const {
  std::array<double, 3> p = axes[3];
  for (std::size_t a = 0; a < 3; ++a)
    for (std::size_t c = 0; c < 3; ++c) p[c] += index[a] * axes[a][c];
  return p;
}

std::optional<PickResult> BlockLayer::pick(const Ray& ray, RenderContext& context) {
  if (!ok() || !visible()) return std::nullopt;
  auto& d = *impl_;
  d.pack_color_and_filter(*this);
  std::array<double, 3> origin{}, direction{};
  d.display_to_index(ray, context, origin, direction);
  const auto hit = d.volume.first_hit(d.filter, origin, direction);
  if (!hit) return std::nullopt;
  const auto [i, j, k] = hit->cell;
  PickResult r;
  r.layer_id = id();
  r.layer_title = title();
  r.item = "block (" + std::to_string(i) + ", " + std::to_string(j) + ", " + std::to_string(k) + ")";
  r.position = block_centre(i, j, k);
  r.distance = hit->t;  // the index-space ray keeps the display ray's parameter
  for (const auto& a : attributes()) {
    const double v = value(a.name, i, j, k);
    r.values.emplace_back(a.title, a.kind == scene::AttributeKind::categorical && std::isfinite(v) ? category_text(a, v)
                                                                                                : format_value(v, a.unit));
  }
  return r;
}

}  // namespace georeserve::viewer
