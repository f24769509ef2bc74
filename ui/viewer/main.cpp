// georeserve-view MODEL.json|DIR [--screenshot F.png --size WxH]: the 3D viewer (DESIGN.md section 4).
// Parses the command line and hands over to the app; errors go to stderr with exit 1, usage errors exit 2.
#include <clocale>
#include <iostream>

#include <CLI/CLI.hpp>

#include "core/error.h"
#include "viewer/app/app.h"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C.UTF-8");
  std::setlocale(LC_NUMERIC, "C");  // numbers in files are always written with '.'
  georeserve::viewer::Options options;
  CLI::App app{"georeserve-view: the deposit model in 3D (block model, drillholes, solids, terrain, planning blocks)"};
  app.name("georeserve-view");
  georeserve::viewer::add_options(app, options);
  try {
    app.parse(argc, argv);
    georeserve::viewer::check(options);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    if (!options.screenshot.empty() || !options.turntable.empty() || !options.flythrough.empty()) return georeserve::viewer::run_pictures(options);
    return georeserve::viewer::run_window(options);
  } catch (const georeserve::Error& e) {
    std::cerr << "georeserve-view: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "georeserve-view: error: " << e.what() << "\n";
    return 1;
  }
}
