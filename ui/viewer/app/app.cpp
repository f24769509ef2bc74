// See app.h.
#include "viewer/app/app.h"

#include <iostream>

#include "viewer/app/exports.h"
#include "viewer/app/session.h"

namespace georeserve::viewer {

int run_window(const Options& options) {
  Session session(options, /*visible=*/true);
  session.run();
  return session.problems().empty() ? 0 : 1;
}

int run_pictures(const Options& options) {
  Session session(options, /*visible=*/false);
  SceneView& view = session.view();
  if (!options.screenshot.empty()) {
    write_screenshot(view, options.screenshot, options.width, options.height, options.scale);
    std::cout << "wrote " << options.screenshot << " (" << options.width * options.scale << " x " << options.height * options.scale
              << ", renderer " << view.renderer_name() << ")\n";
  }
  if (!options.turntable.empty()) {
    const auto result = write_turntable(view, options.turntable, options.width, options.height, options.frames, options.scale);
    std::cout << "wrote " << result.frames << " frames into " << result.folder.string()
              << (result.video ? ", video " + result.video->string() : "; " + result.note) << "\n";
  }
  if (!options.flythrough.empty()) {
    const auto result = write_flythrough(view, session.ui().bookmarks, options.flythrough, options.width, options.height, options.frames,
                                         options.scale);
    std::cout << "wrote " << result.frames << " frames into " << result.folder.string()
              << (result.video ? ", video " + result.video->string() : "; " + result.note) << "\n";
  }
  return session.problems().empty() ? 0 : 1;
}

}  // namespace georeserve::viewer
