// Sizing the large output arrays (1M intervals give arrays of 10-100 MB). On Linux the storage is
// advised to use transparent huge pages before its first touch: on virtual machines a 4 KiB page
// fault costs microseconds (about 11 us measured on the project's build machine), and faulting in
// 100 MB dominated compositing; 2 MiB pages cut the number of faults 512-fold. Harmless elsewhere.
#pragma once

#include <cstddef>
#include <vector>

namespace georeserve::drillhole {

// madvise(MADV_HUGEPAGE) on the 2 MiB-aligned part of [p, p + bytes); no-op for small ranges.
void advise_huge_pages(void* p, std::size_t bytes);

// v.resize(n); when v is empty, its new storage is advised before resize() touches it.
template <class T>
void resize_large(std::vector<T>& v, std::size_t n) {
  if (v.empty() && v.capacity() < n) {
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(T));
  }
  v.resize(n);
}

}  // namespace georeserve::drillhole
