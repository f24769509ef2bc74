// Picture checks for the screenshot tests: structural similarity against reviewed baselines (as f3d
// compares its renderings), colour probes, and "how much of the picture is this colour".
#pragma once

#include <array>
#include <string>

#include "viewer/scene/scene_view.h"

namespace georeserve::testing {

// Mean SSIM of the luminance over 8x8 windows (stride 4); 1 = identical, 0 for different sizes.
double structural_similarity(const viewer::Image& a, const viewer::Image& b);

// Compares with tests/viewer/baselines/<name>.png. A missing baseline, or a similarity below
// `min_similarity`, writes the candidate to the build's viewer-candidates/ folder and returns a failure
// message naming it (a person looks at it and copies it into baselines/); "" when it matches.
std::string compare_with_baseline(const std::string& name, const viewer::Image& image, double min_similarity);

// Fraction of pixels within `tolerance` (per channel) of `rgb`.
double fraction_near(const viewer::Image& image, const std::array<int, 3>& rgb, int tolerance);
// Number of distinct colours (quantised to 4 bits per channel): a blank picture has one or two.
int distinct_colours(const viewer::Image& image);

}  // namespace georeserve::testing
