// The block model's sections (剖面), benches and live statement: a section line or bench becomes clip
// slabs in CRS coordinates (for the engine) and in index coordinates (the shader's uniforms, and
// BlockVolume::passes() on the CPU); the statement hands the layer's columns and the current filter to
// the engine's filtered_statement().
#include <cmath>
#include <numbers>

#include "viewer/scene/block_layer.h"
#include "viewer/scene/internal/block_layer_impl.h"
#include "viewer/scene/palette.h"

namespace georeserve::viewer {
namespace {

bool is_grade_unit(const std::string& unit) {
  return unit == "%" || unit == "g/t" || unit == "ppm" || unit == "kg/t" || unit == "MJ/kg" || unit == "kcal/kg";
}

// The codes of the categories whose bits are set (bit kNoCategory: blocks without one, code -1).
std::vector<long long> allowed_codes(const scene::Attribute& a, const std::array<std::uint32_t, 8>& mask) {
  std::vector<long long> codes;
  for (std::size_t i = 0; i < a.categories.size() && i < static_cast<std::size_t>(kMaxCategories); ++i)
    if (BlockFilter::has(mask, static_cast<int>(i))) codes.push_back(a.categories[i].code);
  if (BlockFilter::has(mask, kNoCategory)) codes.push_back(-1);
  return codes;
}

}  // namespace

double SectionCut::length() const { return std::hypot(end[0] - start[0], end[1] - start[1]); }

double SectionCut::azimuth() const {
  const double a = std::atan2(end[0] - start[0], end[1] - start[1]) * 180.0 / std::numbers::pi;
  return a < 0 ? a + 360.0 : a;
}

const std::optional<SectionCut>& BlockLayer::section() const { return impl_->section; }
const std::optional<BenchCut>& BlockLayer::bench() const { return impl_->bench; }

void BlockLayer::set_section(const std::optional<SectionCut>& section) {
  if (section == impl_->section) return;
  impl_->section = section && section->length() > 0 && section->width > 0 ? section : std::nullopt;
  impl_->update_clips(cut_slabs());
  if (impl_->face_set == FaceSet::exposed) impl_->faces_dirty = true;
  touch();
}

void BlockLayer::set_bench(const std::optional<BenchCut>& bench) {
  if (bench == impl_->bench) return;
  impl_->bench = bench && bench->thickness > 0 ? bench : std::nullopt;
  impl_->update_clips(cut_slabs());
  if (impl_->face_set == FaceSet::exposed) impl_->faces_dirty = true;
  touch();
}

std::vector<Slab> BlockLayer::cut_slabs() const {
  std::vector<Slab> slabs;
  if (const auto& s = impl_->section) {
    const double length = s->length();
    const double ux = (s->end[0] - s->start[0]) / length, uy = (s->end[1] - s->start[1]) / length;
    const std::array<double, 3> across{uy, -ux, 0.0}, along{ux, uy, 0.0};
    slabs.push_back({across, across[0] * s->start[0] + across[1] * s->start[1], -s->width / 2, s->width / 2});
    slabs.push_back({along, along[0] * s->start[0] + along[1] * s->start[1], 0.0, length});
  }
  if (const auto& b = impl_->bench) slabs.push_back({{0.0, 0.0, 1.0}, 0.0, b->floor, b->floor + b->thickness});
  return slabs;
}

void BlockLayer::Impl::update_clips(const std::vector<Slab>& slabs) {
  filter.clip_count = static_cast<int>(std::min<std::size_t>(slabs.size(), kMaxClips));
  for (std::size_t n = 0; n < static_cast<std::size_t>(kMaxClips); ++n) {
    ClipSlab clip;
    if (n < slabs.size()) {
      const Slab& s = slabs[n];
      // dot(normal, corner + index * axes) - offset, the corner in CRS coordinates; the constant is
      // formed in double (CRS coordinates are large) before it becomes a float uniform.
      double constant = -s.offset;
      for (std::size_t c = 0; c < 3; ++c) constant += s.normal[c] * (axes[3][c] + scene_origin[c]);
      for (std::size_t a = 0; a < 3; ++a)
        clip.plane[a] = static_cast<float>(s.normal[0] * axes[a][0] + s.normal[1] * axes[a][1] + s.normal[2] * axes[a][2]);
      clip.plane[3] = static_cast<float>(constant);
      clip.lo = static_cast<float>(s.lo);
      clip.hi = static_cast<float>(s.hi);
    }
    filter.clips[n] = clip;
  }
}

std::optional<FilteredStatement> BlockLayer::statement(const geometry::MultiPolygon* area) const {
  const auto& d = *impl_;
  auto column = [&](const std::string& name) -> std::span<const float> {
    auto it = d.arrays.find(name);
    return it == d.arrays.end() ? std::span<const float>() : std::span<const float>(it->second);
  };
  BlockColumns cols;
  cols.cells = d.cells;
  for (std::size_t c = 0; c < 3; ++c) cols.origin[c] = d.axes[3][c] + d.scene_origin[c];
  cols.axes = {d.axes[0], d.axes[1], d.axes[2]};
  cols.tonnes = column("tonnes");
  if (cols.tonnes.empty()) return std::nullopt;
  cols.class_code = column(d.class_attribute);
  std::vector<std::string> grades;
  if (!d.filter_attribute.empty()) grades.push_back(d.filter_attribute);
  for (const auto& a : attributes())
    if (a.kind == scene::AttributeKind::continuous && is_grade_unit(a.unit) && a.name != d.filter_attribute) grades.push_back(a.name);
  for (const auto& g : grades) {
    const scene::Attribute* a = attribute(g);
    cols.grades.push_back({g, a ? a->unit : "", column(g)});
  }

  const BlockFilter& f = d.filter;
  BlockSelection sel;
  if (f.value_enabled && !d.filter_attribute.empty()) {
    sel.filter_values = column(d.filter_attribute);
    sel.filter_lo = f.value_lo;
    sel.filter_hi = f.value_hi;
  }
  if (!f.show_missing && color_attribute()) sel.required = column(color_by());
  if (const scene::Attribute* a = class_attribute()) sel.classes = allowed_codes(*a, f.class_mask);
  if (const scene::Attribute* a = domain_attribute()) {
    sel.domain_code = column(d.domain_attribute);
    sel.domains = allowed_codes(*a, f.domain_mask);
  }
  sel.index_min = f.index_min;
  sel.index_max = f.index_max;
  sel.slabs = cut_slabs();
  if (area) sel.polygon = *area;
  return filtered_statement(cols, sel);
}

}  // namespace georeserve::viewer
