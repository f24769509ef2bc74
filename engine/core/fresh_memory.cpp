#include "core/fresh_memory.h"

#include <cstdint>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace georeserve {

namespace {
constexpr std::size_t huge_page = std::size_t{2} << 20;
constexpr std::size_t mapped_from = std::size_t{1} << 20;  // smaller blocks come from the heap
}  // namespace

FreshMemory::FreshMemory(std::size_t bytes) : bytes_(bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= mapped_from) {
    // One huge page more than needed, so that the block can start on a 2 MB boundary.
    const std::size_t length = (bytes + 2 * huge_page - 1) / huge_page * huge_page;
    void* p = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
      mapping_ = p;
      mapped_ = length;
      const auto start = (reinterpret_cast<std::uintptr_t>(p) + huge_page - 1) / huge_page * huge_page;
      data_ = reinterpret_cast<void*>(start);
      ::madvise(data_, length - (start - reinterpret_cast<std::uintptr_t>(p)), MADV_HUGEPAGE);  // advice only
      return;
    }
  }
#endif
  data_ = ::operator new(bytes > 0 ? bytes : 1);
}

FreshMemory::~FreshMemory() {
#if defined(__linux__)
  if (mapping_) {
    ::munmap(mapping_, mapped_);
    return;
  }
#endif
  ::operator delete(data_);
}

}  // namespace georeserve
