// An LSD radix sort for arrays ordered by an unsigned integer key: stable, byte by byte, and only up
// to the largest key's highest byte; free of the mispredicted branches of a comparison sort, which
// is what makes it pay on the few hundred to few hundred thousand entries it is used for.
#pragma once

#include <algorithm>
#include <cstddef>

namespace georeserve {

// Sorts a[0..n) by key(a[i]) (an unsigned integer), with tmp[0..n) as scratch.
template <class T, class Key>
void radix_sort(T* a, std::size_t n, T* tmp, Key key) {
  using K = decltype(key(*a));
  K largest = 0;
  for (std::size_t i = 0; i < n; ++i) largest = std::max(largest, key(a[i]));
  T* from = a;
  for (unsigned shift = 0; shift < 8 * sizeof(K) && (largest >> shift) != 0; shift += 8) {
    std::size_t start[257] = {};
    for (std::size_t i = 0; i < n; ++i) ++start[((key(from[i]) >> shift) & 255u) + 1];
    for (std::size_t b = 0; b < 256; ++b) start[b + 1] += start[b];
    for (std::size_t i = 0; i < n; ++i) tmp[start[(key(from[i]) >> shift) & 255u]++] = from[i];
    std::swap(from, tmp);
  }
  if (from != a) std::copy(from, from + n, a);
}

}  // namespace georeserve
