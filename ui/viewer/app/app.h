// The two ways georeserve-view runs: the interactive window, or one picture (--screenshot) or a
// turntable (--turntable) rendered in a hidden window. Both load the scene the same way.
#pragma once

#include "viewer/app/options.h"

namespace georeserve::viewer {

// Exit status: 0, or 1 when the display is missing, the input is bad, or a layer failed to load.
int run_window(const Options& options);
int run_pictures(const Options& options);

}  // namespace georeserve::viewer
