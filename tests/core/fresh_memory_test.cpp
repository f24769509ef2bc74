// FreshMemory: usable, suitably aligned memory of the size asked, small (heap) or large (mapped).
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/fresh_memory.h"

using namespace georeserve;

namespace {
void expect_usable(std::size_t bytes) {
  FreshMemory m(bytes);
  ASSERT_NE(m.data(), nullptr);
  EXPECT_EQ(m.size(), bytes);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(m.data()) % alignof(std::max_align_t), 0u);
  auto* p = static_cast<unsigned char*>(m.data());
  for (std::size_t i = 0; i < bytes; i += 4096) p[i] = static_cast<unsigned char>(i / 4096);
  if (bytes > 0) p[bytes - 1] = 0xAB;
  for (std::size_t i = 0; i < bytes; i += 4096) {
    if (i != bytes - 1) {
      EXPECT_EQ(p[i], static_cast<unsigned char>(i / 4096)) << i;
    }
  }
  if (bytes > 0) {
    EXPECT_EQ(p[bytes - 1], 0xAB);
  }
}
}  // namespace

TEST(FreshMemory, EmptyAndSmallBlocksComeFromTheHeap) {
  expect_usable(0);
  expect_usable(72);
  expect_usable((1 << 20) - 8);
}

TEST(FreshMemory, LargeBlocksAreWholeAndAlignedToHugePages) {
  for (std::size_t bytes : {std::size_t{1} << 20, (std::size_t{5} << 20) + 123, std::size_t{6} << 20}) {
    expect_usable(bytes);
#if defined(__linux__)
    FreshMemory m(bytes);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(m.data()) % (std::size_t{2} << 20), 0u) << bytes;
#endif
  }
}
