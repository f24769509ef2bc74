// Drillhole logging by walking the true path (see logging.h).
#include "synth/logging.h"

#include <algorithm>
#include <cmath>

namespace georeserve::synth {
namespace {
double cm(double v) { return std::round(v * 100.0) / 100.0; }
}  // namespace

std::vector<LoggedRun> log_hole(const DrillTrace& trace, double max_depth, double step, double min_length,
                                const std::function<int(double, double, double)>& classify) {
  auto code_at = [&](double d) {
    const auto p = trace.at(d);
    return classify(p[0], p[1], p[2]);
  };
  std::vector<LoggedRun> runs;
  double from = 0.0, prev_d = 0.0;
  int current = code_at(std::min(0.005, max_depth));
  for (double d = step; prev_d < max_depth; d += step) {
    d = std::min(d, max_depth);
    const int c = code_at(d);
    if (c != current) {
      double lo = prev_d, hi = d;  // the contact lies in (lo, hi]
      while (hi - lo > 0.001) {
        const double mid = 0.5 * (lo + hi);
        (code_at(mid) == current ? lo : hi) = mid;
      }
      const double contact = cm(0.5 * (lo + hi));
      if (contact > cm(from)) {
        runs.push_back({current, cm(from), contact});
        from = contact;
      }
      current = c;
    }
    prev_d = d;
  }
  runs.push_back({current, cm(from), cm(max_depth)});
  // Merge slivers into the run above (a sliver at the collar stays), then join equal neighbours.
  std::vector<LoggedRun> out;
  for (const LoggedRun& r : runs) {
    if (!out.empty() && (r.to - r.from < min_length || r.code == out.back().code)) {
      out.back().to = r.to;
      continue;
    }
    out.push_back(r);
  }
  std::vector<LoggedRun> joined;
  for (const LoggedRun& r : out) {
    if (!joined.empty() && joined.back().code == r.code) joined.back().to = r.to;
    else joined.push_back(r);
  }
  return joined;
}

std::vector<std::pair<double, double>> split_interval(double from, double to, double target) {
  const double len = to - from;
  const int n = std::max(1, static_cast<int>(std::lround(len / target)));
  std::vector<std::pair<double, double>> out;
  double a = from;
  for (int i = 1; i <= n; ++i) {
    const double b = i == n ? to : cm(from + len * i / n);
    if (b > a) out.emplace_back(a, b);
    a = b;
  }
  return out;
}

}  // namespace georeserve::synth
