// See image_compare.h.
#include "image_compare.h"

#include <cmath>
#include <filesystem>
#include <set>
#include <vector>

namespace georeserve::testing {
namespace {

std::vector<double> luminance(const viewer::Image& im) {
  std::vector<double> y(static_cast<std::size_t>(im.width) * im.height);
  for (std::size_t i = 0; i < y.size(); ++i)
    y[i] = 0.299 * im.rgb[3 * i] + 0.587 * im.rgb[3 * i + 1] + 0.114 * im.rgb[3 * i + 2];
  return y;
}

}  // namespace

double structural_similarity(const viewer::Image& a, const viewer::Image& b) {
  if (a.width != b.width || a.height != b.height || a.width < 8 || a.height < 8) return 0.0;
  const auto ya = luminance(a), yb = luminance(b);
  const double c1 = (0.01 * 255) * (0.01 * 255), c2 = (0.03 * 255) * (0.03 * 255);
  double total = 0;
  int windows = 0;
  for (int y0 = 0; y0 + 8 <= a.height; y0 += 4)
    for (int x0 = 0; x0 + 8 <= a.width; x0 += 4) {
      double ma = 0, mb = 0;
      for (int y = y0; y < y0 + 8; ++y)
        for (int x = x0; x < x0 + 8; ++x) {
          ma += ya[static_cast<std::size_t>(y) * a.width + x];
          mb += yb[static_cast<std::size_t>(y) * a.width + x];
        }
      ma /= 64;
      mb /= 64;
      double va = 0, vb = 0, cov = 0;
      for (int y = y0; y < y0 + 8; ++y)
        for (int x = x0; x < x0 + 8; ++x) {
          const double da = ya[static_cast<std::size_t>(y) * a.width + x] - ma, db = yb[static_cast<std::size_t>(y) * a.width + x] - mb;
          va += da * da;
          vb += db * db;
          cov += da * db;
        }
      va /= 63;
      vb /= 63;
      cov /= 63;
      total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
      ++windows;
    }
  return total / windows;
}

std::string compare_with_baseline(const std::string& name, const viewer::Image& image, double min_similarity) {
  const std::filesystem::path baseline = std::filesystem::path(GEORESERVE_VIEWER_BASELINES) / (name + ".png");
  const std::filesystem::path candidate = std::filesystem::path(GEORESERVE_VIEWER_CANDIDATES) / (name + ".png");
  std::error_code ec;
  if (!std::filesystem::exists(baseline, ec)) {
    viewer::write_png(candidate, image);
    return "no baseline " + baseline.string() + ": look at " + candidate.string() + " and, if right, copy it there";
  }
  const double s = structural_similarity(image, viewer::read_png(baseline));
  if (s >= min_similarity) return {};
  viewer::write_png(candidate, image);
  return "similarity " + std::to_string(s) + " < " + std::to_string(min_similarity) + " against " + baseline.string() +
         "; candidate written to " + candidate.string();
}

double fraction_near(const viewer::Image& image, const std::array<int, 3>& rgb, int tolerance) {
  std::size_t n = 0;
  const std::size_t pixels = static_cast<std::size_t>(image.width) * image.height;
  for (std::size_t i = 0; i < pixels; ++i)
    if (std::abs(image.rgb[3 * i] - rgb[0]) <= tolerance && std::abs(image.rgb[3 * i + 1] - rgb[1]) <= tolerance &&
        std::abs(image.rgb[3 * i + 2] - rgb[2]) <= tolerance)
      ++n;
  return pixels ? static_cast<double>(n) / static_cast<double>(pixels) : 0.0;
}

int distinct_colours(const viewer::Image& image) {
  std::set<int> colours;
  for (std::size_t i = 0; i + 2 < image.rgb.size(); i += 3)
    colours.insert((image.rgb[i] >> 4) << 8 | (image.rgb[i + 1] >> 4) << 4 | (image.rgb[i + 2] >> 4));
  return static_cast<int>(colours.size());
}

}  // namespace georeserve::testing
