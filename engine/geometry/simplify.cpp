// Implementation of simplify.h, iterative (an explicit stack) so long lines cannot overflow the call stack.
#include "geometry/simplify.h"

#include <utility>
#include <vector>

#include "geometry/polygon.h"

namespace georeserve::geometry {

Polyline simplify_polyline(const Polyline& line, double tolerance) {
  const std::size_t n = line.size();
  if (n < 3 || !(tolerance > 0.0)) return line;
  std::vector<char> keep(n, 0);
  keep[0] = keep[n - 1] = 1;
  std::vector<std::pair<std::size_t, std::size_t>> stack{{0, n - 1}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    double worst = -1.0;
    std::size_t at = a;
    for (std::size_t k = a + 1; k < b; ++k) {
      const double d = distance_to_segment(line[k], line[a], line[b]);
      if (d > worst) worst = d, at = k;
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push_back({a, at});
      stack.push_back({at, b});
    }
  }
  Polyline out;
  for (std::size_t k = 0; k < n; ++k)
    if (keep[k]) out.push_back(line[k]);
  return out;
}

Ring simplify_ring(const Ring& ring, double tolerance) {
  if (ring.size() <= 3) return ring;
  // Split at the vertex farthest from the first, so both halves are open lines with fixed ends.
  std::size_t far = 0;
  double best = -1.0;
  for (std::size_t k = 1; k < ring.size(); ++k)
    if (norm(ring[k] - ring[0]) > best) best = norm(ring[k] - ring[0]), far = k;
  Polyline first(ring.begin(), ring.begin() + static_cast<std::ptrdiff_t>(far) + 1);
  Polyline second(ring.begin() + static_cast<std::ptrdiff_t>(far), ring.end());
  second.push_back(ring[0]);
  Polyline a = simplify_polyline(first, tolerance), b = simplify_polyline(second, tolerance);
  Ring out(a.begin(), a.end());
  out.insert(out.end(), b.begin() + 1, b.end() - 1);
  return out.size() >= 3 ? out : ring;
}

}  // namespace georeserve::geometry
