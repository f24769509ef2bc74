// The block model as the GPU sees it, and the CPU twin of the shader's logic (no VTK, no OpenGL).
//
// Every block is one RGBA float texel of a 3D texture: R = the colour value (a continuous value, or the
// index of a category), G = the filter value, B = the index of the resource class, A = the index of the
// domain. Missing values are kMissing (not NaN: compilers may fold isnan away). The filter (value range,
// shown classes and domains, index box for slices and benches) is a handful of uniforms; the shader
// shaders/block_faces.glsl decides per face whether it is exposed, so moving a slider changes uniforms.
//
// Faces: a face lies between two neighbouring cells (or a cell and the outside). It is drawn when exactly
// one side passes the filter, from that side. The candidate faces given to the GPU are either all faces
// next to a block with a value ("all": any filter is a uniform change) or only the faces exposed under
// the current filter ("exposed": far fewer triangles for a CPU renderer, rebuilt when the filter changes).
// block_passes() here and blockPasses() in the shader must stay the same function.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace georeserve::viewer {

inline constexpr float kMissing = -3.0e38f;  // "no value" in every channel
inline bool is_missing(float v) { return v < -1.0e38f; }  // the shader's blockMissing()
inline constexpr int kNoCategory = 255;      // class/domain index of blocks without one
inline constexpr int kMaxCategories = 255;   // category indices 0..254

// A clip slab in index coordinates: the block (i, j, k) is kept when
// lo <= plane[0] (i + 0.5) + plane[1] (j + 0.5) + plane[2] (k + 0.5) + plane[3] <= hi. Vertical sections
// are two of them (across and along the section line), benches one (elevation); BlockLayer makes them
// from coordinates (block_layer.h).
struct ClipSlab {
  std::array<float, 4> plane{0, 0, 0, 0};
  float lo = 0.0f, hi = 0.0f;
  bool operator==(const ClipSlab&) const = default;
};
inline constexpr int kMaxClips = 3;

// The filter, in the form of the shader's uniforms.
struct BlockFilter {
  bool show_missing = false;        // draw blocks without a colour value (in grey)
  bool value_enabled = false;       // filter on the G channel
  float value_lo = 0.0f, value_hi = 0.0f;  // inclusive
  std::array<std::uint32_t, 8> class_mask{};   // bit per class index (bit 255 = "no class")
  std::array<std::uint32_t, 8> domain_mask{};
  std::array<int, 3> index_min{0, 0, 0};       // inclusive cell index box (slices, benches)
  std::array<int, 3> index_max{0, 0, 0};
  std::array<ClipSlab, kMaxClips> clips{};     // the first clip_count apply
  int clip_count = 0;

  // Everything shown for a grid of these cells.
  static BlockFilter everything(const std::array<int, 3>& cells);
  static bool has(const std::array<std::uint32_t, 8>& mask, int index) {
    return (mask[static_cast<std::size_t>(index >> 5)] >> (index & 31)) & 1u;
  }
  static void set(std::array<std::uint32_t, 8>& mask, int index, bool on);
  bool operator==(const BlockFilter&) const = default;
};

// The clip's value at the centre of block (i, j, k), computed as the shader does.
float clip_value(const ClipSlab& clip, int i, int j, int k);

// One face: the cell on its high side is (i, j, k); the low side is one step back along `axis`.
struct Face {
  std::uint8_t axis;
  std::int32_t i, j, k;
};

enum class FaceSet { all, exposed };

struct BlockHit {
  std::array<int, 3> cell;
  std::array<double, 3> point;  // where the ray enters the cell, index coordinates
  double t;                     // ray parameter of that point
};

class BlockVolume {
 public:
  BlockVolume() = default;
  explicit BlockVolume(const std::array<int, 3>& cells);

  const std::array<int, 3>& cells() const { return cells_; }
  std::size_t block_count() const;
  std::size_t index(int i, int j, int k) const {
    return (static_cast<std::size_t>(k) * static_cast<std::size_t>(cells_[1]) + static_cast<std::size_t>(j)) *
               static_cast<std::size_t>(cells_[0]) + static_cast<std::size_t>(i);
  }
  // The texels, 4 floats per block, i fastest: what goes into the 3D texture.
  const std::vector<float>& texels() const { return texels_; }
  // Sets one channel (0 = colour, 1 = filter, 2 = class index, 3 = domain index) of every block.
  // `values` has one entry per block; NaN becomes kMissing.
  void set_channel(int channel, const std::vector<float>& values);
  void fill_channel(int channel, float value);
  float value(int channel, int i, int j, int k) const { return texels_[index(i, j, k) * 4 + static_cast<std::size_t>(channel)]; }

  // The shader's blockPasses(): in the index box, has a colour value (or missing ones are shown),
  // passes the value range, its class and domain are shown.
  bool passes(const BlockFilter& f, int i, int j, int k) const;
  // How many blocks pass.
  std::size_t count_passing(const BlockFilter& f) const;

  // The candidate faces for the GPU (see the top of this file). Parallel; faces in a fixed order.
  std::vector<Face> faces(FaceSet set, const BlockFilter& f) const;
  // True when the shader would draw this face (exactly one side passes).
  bool exposed(const BlockFilter& f, const Face& face) const;

  // The first block that passes along the ray origin + t * direction (index coordinates, t >= 0):
  // what the user sees under the mouse. Amanatides-Woo traversal of the grid.
  std::optional<BlockHit> first_hit(const BlockFilter& f, const std::array<double, 3>& origin,
                                    const std::array<double, 3>& direction) const;

 private:
  bool has_value(int i, int j, int k) const;
  std::array<int, 3> cells_{0, 0, 0};
  std::vector<float> texels_;
};

}  // namespace georeserve::viewer
