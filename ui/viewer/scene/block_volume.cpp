// CPU side of the block renderer: texel packing, the filter predicate (twin of blockPasses() in
// shaders/block_faces.glsl), candidate faces and the picking ray. See block_volume.h.
#include "viewer/scene/block_volume.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/parallel_for.h>

namespace georeserve::viewer {

BlockFilter BlockFilter::everything(const std::array<int, 3>& cells) {
  BlockFilter f;
  f.class_mask.fill(0xffffffffu);
  f.domain_mask.fill(0xffffffffu);
  for (int a = 0; a < 3; ++a) f.index_max[static_cast<std::size_t>(a)] = cells[static_cast<std::size_t>(a)] - 1;
  return f;
}

void BlockFilter::set(std::array<std::uint32_t, 8>& mask, int index, bool on) {
  const std::uint32_t bit = 1u << (index & 31);
  auto& word = mask[static_cast<std::size_t>(index >> 5)];
  word = on ? (word | bit) : (word & ~bit);
}

BlockVolume::BlockVolume(const std::array<int, 3>& cells) : cells_(cells) {
  texels_.assign(block_count() * 4, kMissing);
  fill_channel(2, static_cast<float>(kNoCategory));
  fill_channel(3, static_cast<float>(kNoCategory));
}

std::size_t BlockVolume::block_count() const {
  return static_cast<std::size_t>(cells_[0]) * static_cast<std::size_t>(cells_[1]) * static_cast<std::size_t>(cells_[2]);
}

void BlockVolume::set_channel(int channel, const std::vector<float>& values) {
  const std::size_t n = std::min(values.size(), block_count());
  for (std::size_t b = 0; b < n; ++b)
    texels_[b * 4 + static_cast<std::size_t>(channel)] = std::isnan(values[b]) ? kMissing : values[b];
}

void BlockVolume::fill_channel(int channel, float value) {
  for (std::size_t b = 0; b < block_count(); ++b) texels_[b * 4 + static_cast<std::size_t>(channel)] = value;
}

float clip_value(const ClipSlab& c, int i, int j, int k) {
  // The shader's dot(clipPlane.xyz, vec3(c) + 0.5) + clipPlane.w, in float.
  const float x = static_cast<float>(i) + 0.5f, y = static_cast<float>(j) + 0.5f, z = static_cast<float>(k) + 0.5f;
  return c.plane[0] * x + c.plane[1] * y + c.plane[2] * z + c.plane[3];
}

// Keep in step with blockPasses() in shaders/block_faces.glsl.
bool BlockVolume::passes(const BlockFilter& f, int i, int j, int k) const {
  const int c[3] = {i, j, k};
  for (std::size_t a = 0; a < 3; ++a)
    if (c[a] < f.index_min[a] || c[a] > f.index_max[a] || c[a] < 0 || c[a] >= cells_[a]) return false;
  for (int n = 0; n < f.clip_count; ++n) {
    const ClipSlab& clip = f.clips[static_cast<std::size_t>(n)];
    const float s = clip_value(clip, i, j, k);
    if (s < clip.lo || s > clip.hi) return false;
  }
  const float* v = &texels_[index(i, j, k) * 4];
  if (is_missing(v[0]) && !f.show_missing) return false;
  if (f.value_enabled && !(!is_missing(v[1]) && v[1] >= f.value_lo && v[1] <= f.value_hi)) return false;
  if (!BlockFilter::has(f.class_mask, static_cast<int>(v[2]))) return false;
  if (!BlockFilter::has(f.domain_mask, static_cast<int>(v[3]))) return false;
  return true;
}

std::size_t BlockVolume::count_passing(const BlockFilter& f) const {
  std::size_t n = 0;
  for (int k = 0; k < cells_[2]; ++k)
    for (int j = 0; j < cells_[1]; ++j)
      for (int i = 0; i < cells_[0]; ++i) n += passes(f, i, j, k);
  return n;
}

bool BlockVolume::has_value(int i, int j, int k) const {
  return i >= 0 && j >= 0 && k >= 0 && i < cells_[0] && j < cells_[1] && k < cells_[2] &&
         !is_missing(texels_[index(i, j, k) * 4]);
}

bool BlockVolume::exposed(const BlockFilter& f, const Face& face) const {
  int lo[3] = {face.i, face.j, face.k};
  --lo[face.axis];
  return passes(f, lo[0], lo[1], lo[2]) != passes(f, face.i, face.j, face.k);
}

std::vector<Face> BlockVolume::faces(FaceSet set, const BlockFilter& f) const {
  // One slab of k per task; slabs are concatenated in order so the result does not depend on threads.
  // A face (axis, i, j, k) exists for 0 <= index[axis] <= cells[axis] and the other two inside.
  const int nk = cells_[2] + 1;
  std::vector<std::vector<Face>> slabs(static_cast<std::size_t>(nk));
  tbb::parallel_for(0, nk, [&](int k) {
    auto& out = slabs[static_cast<std::size_t>(k)];
    for (int j = 0; j <= cells_[1]; ++j)
      for (int i = 0; i <= cells_[0]; ++i)
        for (std::uint8_t axis = 0; axis < 3; ++axis) {
          const int c[3] = {i, j, k};
          bool inside = true;
          for (int a = 0; a < 3; ++a)
            if (a != axis && c[a] >= cells_[static_cast<std::size_t>(a)]) inside = false;
          if (!inside) continue;
          int lo[3] = {i, j, k};
          --lo[axis];
          bool keep;
          if (set == FaceSet::all) {
            keep = f.show_missing ? (c[axis] < cells_[axis] || lo[axis] >= 0)
                                  : (has_value(i, j, k) || has_value(lo[0], lo[1], lo[2]));
          } else {
            keep = passes(f, lo[0], lo[1], lo[2]) != passes(f, i, j, k);
          }
          if (keep) out.push_back({axis, i, j, k});
        }
  });
  std::size_t total = 0;
  for (const auto& s : slabs) total += s.size();
  std::vector<Face> all;
  all.reserve(total);
  for (const auto& s : slabs) all.insert(all.end(), s.begin(), s.end());
  return all;
}

std::optional<BlockHit> BlockVolume::first_hit(const BlockFilter& f, const std::array<double, 3>& o,
                                               const std::array<double, 3>& d) const {
  // Clip the ray to the grid box [0, cells].
  double t0 = 0.0, t1 = std::numeric_limits<double>::infinity();
  for (std::size_t a = 0; a < 3; ++a) {
    const double n = cells_[a];
    if (d[a] == 0.0) {
      if (o[a] < 0.0 || o[a] > n) return std::nullopt;
      continue;
    }
    double ta = (0.0 - o[a]) / d[a], tb = (n - o[a]) / d[a];
    if (ta > tb) std::swap(ta, tb);
    t0 = std::max(t0, ta);
    t1 = std::min(t1, tb);
  }
  if (t0 > t1) return std::nullopt;
  // Start cell and steps.
  std::array<int, 3> cell{}, step{};
  std::array<double, 3> t_max{}, t_delta{};
  for (std::size_t a = 0; a < 3; ++a) {
    const double p = o[a] + t0 * d[a];
    cell[a] = std::clamp(static_cast<int>(std::floor(p)), 0, cells_[a] - 1);
    if (d[a] > 0) {
      step[a] = 1;
      t_max[a] = (cell[a] + 1 - o[a]) / d[a];
      t_delta[a] = 1.0 / d[a];
    } else if (d[a] < 0) {
      step[a] = -1;
      t_max[a] = (cell[a] - o[a]) / d[a];
      t_delta[a] = -1.0 / d[a];
    } else {
      step[a] = 0;
      t_max[a] = t_delta[a] = std::numeric_limits<double>::infinity();
    }
  }
  double t = t0;
  while (true) {
    if (passes(f, cell[0], cell[1], cell[2]))
      return BlockHit{cell, {o[0] + t * d[0], o[1] + t * d[1], o[2] + t * d[2]}, t};
    const std::size_t a = t_max[0] < t_max[1] ? (t_max[0] < t_max[2] ? 0 : 2) : (t_max[1] < t_max[2] ? 1 : 2);
    t = t_max[a];
    if (t > t1) return std::nullopt;
    cell[a] += step[a];
    if (cell[a] < 0 || cell[a] >= cells_[a]) return std::nullopt;
    t_max[a] += t_delta[a];
  }
}

}  // namespace georeserve::viewer
