// Raw memory for a large array that is written once, in parallel, soon after it is made (estimates,
// one record per target): left untouched, so each page is first touched by the thread that writes
// it. In this virtual machine a first touch costs about 3 ms per MB in 4 KB pages (a page fault
// each) and well under 0.1 ms per MB in 2 MB pages; so on Linux a block of 1 MB or more is mapped
// on its own, aligned to 2 MB, with transparent huge pages advised (the kernel may still decline:
// then it is ordinary memory, only slower to touch).
#pragma once

#include <cstddef>

namespace georeserve {

class FreshMemory {
 public:
  explicit FreshMemory(std::size_t bytes);  // throws std::bad_alloc when there is no room
  ~FreshMemory();
  FreshMemory(const FreshMemory&) = delete;
  FreshMemory& operator=(const FreshMemory&) = delete;

  void* data() const { return data_; }  // aligned to at least alignof(std::max_align_t)
  std::size_t size() const { return bytes_; }

 private:
  void* data_ = nullptr;
  std::size_t bytes_ = 0;
  void* mapping_ = nullptr;  // the whole mapping when mapped, else null (data_ from operator new)
  std::size_t mapped_ = 0;
};

}  // namespace georeserve
