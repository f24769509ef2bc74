// Benchmark of the viewer's block model (not a test): a 1,000,000-block model (100 x 100 x 100 by
// default) written as .vti with scene.json, then loaded and drawn in a hidden window, for each block
// geometry ("all" faces: filters are uniforms; "exposed" faces: rebuilt per filter change):
//   load      read scene.json and the .vti, pack the blocks
//   first     the first frame (GL set-up, shader compile, texture upload, face geometry)
//   orbit     frames while the camera turns 3 degrees per frame
//   filter    frames while the cut-off slider moves (value range changes every frame)
//   section   frames while a 20 m wide vertical section (剖面) sweeps across the model, and while a bench
//             moves down it (clip slabs: uniforms in "all", a face rebuild in "exposed")
//   statement the engine's live statement (filtered_statement) of what the filter shows, per call
// Wall time and this process's CPU time per frame are reported: on a CPU renderer (Mesa llvmpipe) the
// CPU time is the work and is less disturbed by other programs on the machine.
// Run: xvfb-run -a -s "-screen 0 1920x1080x24" build/bin/bench_viewer [--cells 100] [--size 1280x800]
//        [--frames 20] [--faces all|exposed|both]
#include <GL/gl.h>
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>

#include "io/vtk_xml.h"
#include "scene/scene.h"
#include "viewer/app/window.h"
#include "viewer/scene/scene_view.h"

using namespace georeserve;
using namespace georeserve::viewer;

namespace {

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}
long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

// A smooth grade field with a few ore lenses (so a cut-off leaves a realistic, ragged shape), classes by
// distance from the centre, two domains.
scene::Scene write_model(const std::filesystem::path& dir, int n) {
  vtkxml::ImageData g;
  g.cells = {static_cast<std::size_t>(n), static_cast<std::size_t>(n), static_cast<std::size_t>(n)};
  g.origin = {41512000.0, 4690000.0, -400.0};
  g.spacing = {10.0, 10.0, 5.0};
  const std::size_t blocks = g.cells[0] * g.cells[1] * g.cells[2];
  std::vector<double> grade(blocks);
  std::vector<double> tonnes(blocks);
  std::vector<std::int32_t> klass(blocks), domain(blocks);
  std::size_t b = 0;
  for (int k = 0; k < n; ++k)
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i, ++b) {
        const double x = static_cast<double>(i) / n, y = static_cast<double>(j) / n, z = static_cast<double>(k) / n;
        grade[b] = 45.0 + 20.0 * std::sin(7.0 * x + 2.0 * z) * std::cos(5.0 * y - 3.0 * z) + 10.0 * std::sin(13.0 * x * y + 4.0 * z);
        const double r = std::hypot(x - 0.5, y - 0.5);
        klass[b] = r < 0.2 ? 1 : r < 0.35 ? 2 : 3;
        domain[b] = grade[b] > 40.0 ? 1 : 2;
        tonnes[b] = domain[b] == 1 ? 1400.0 : 0.0;
      }
  g.data.cell.push_back({"CaSiO3", grade, 1, "%"});
  g.data.cell.push_back({"class", klass, 1, ""});
  g.data.cell.push_back({"domain", domain, 1, ""});
  g.data.cell.push_back({"tonnes", tonnes, 1, "t"});
  vtkxml::WriteOptions o;
  o.geo.epsg = 4529;
  o.geo.origin = {41512000.0, 4690000.0, 0.0};
  vtkxml::write_vti(dir / "blocks.vti", g, o);
  scene::Scene s;
  s.name = "bench";
  s.title = "1,000,000 blocks";
  s.epsg = 4529;
  s.origin = o.geo.origin;
  scene::Layer l;
  l.id = "blocks";
  l.kind = scene::LayerKind::block_model;
  l.title = "blocks";
  l.file = "blocks.vti";
  l.color_by = "CaSiO3";
  l.filter_attribute = "CaSiO3";
  l.class_attribute = "class";
  l.domain_attribute = "domain";
  l.attributes = {{"CaSiO3", "CaSiO3", "%", scene::AttributeKind::continuous, ColorMap::viridis, std::array<double, 2>{10.0, 80.0}, {}},
                  {"class", "class", "", scene::AttributeKind::categorical, ColorMap::viridis, std::nullopt,
                   {{1, "探明", "measured", {214, 39, 40}}, {2, "控制", "indicated", {255, 170, 30}}, {3, "推断", "inferred", {44, 160, 44}}}},
                  {"domain", "domain", "", scene::AttributeKind::categorical, ColorMap::viridis, std::nullopt,
                   {{1, "矿体", "ore", {200, 120, 40}}, {2, "围岩", "waste", {120, 120, 130}}}}};
  s.layers = {l};
  scene::write_scene(dir / "scene.json", s);
  return s;
}

struct Timing {
  double wall = 0, cpu = 0;
};

template <class Step>
Timing per_frame(SceneView& view, int width, int height, int frames, Step step) {
  const double w0 = now_ms(), c0 = cpu_ms();
  for (int f = 0; f < frames; ++f) {
    step(f);
    view.render(width, height);
    glFinish();
  }
  return {(now_ms() - w0) / frames, (cpu_ms() - c0) / frames};
}

void run(const std::filesystem::path& dir, FaceSet faces, int width, int height, int frames) {
  ViewOptions options;
  options.block_faces = faces;
  SceneView view(options);
  const double w0 = now_ms(), c0 = cpu_ms();
  view.load(scene::read_scene(dir / "scene.json"));
  const Timing load{now_ms() - w0, cpu_ms() - c0};
  auto* blocks = dynamic_cast<BlockLayer*>(view.layer("blocks"));
  if (!blocks || !blocks->ok()) {
    std::fprintf(stderr, "bench_viewer: the block model did not load: %s\n", blocks ? blocks->problem().c_str() : "?");
    return;
  }
  const double w1 = now_ms(), c1 = cpu_ms();
  view.render(width, height);
  glFinish();
  const Timing first{now_ms() - w1, cpu_ms() - c1};
  const std::size_t faces_all = blocks->face_count();
  const double first_build_ms = blocks->last_build_ms();
  const Timing orbit = per_frame(view, width, height, frames, [&](int) { view.orbit(3.0, 0.0); });
  BlockFilter f = blocks->filter();
  const std::size_t builds = blocks->geometry_builds();
  const Timing filter = per_frame(view, width, height, frames, [&](int frame) {
    f.value_enabled = true;
    f.value_lo = 40.0f + 20.0f * static_cast<float>(frame) / static_cast<float>(frames);
    f.value_hi = 200.0f;
    blocks->set_filter(f);
  });
  const Timing orbit_filtered = per_frame(view, width, height, frames, [&](int) { view.orbit(3.0, 0.0); });
  std::printf("%-8s %9.0f %9.0f %9.0f %9.0f %8.1f %8.1f %9.1f %9.1f %8.1f %8.1f %9zu %9zu %6zu %6ld\n",
              faces == FaceSet::all ? "all" : "exposed", load.wall, load.cpu, first.wall, first.cpu, orbit.wall, orbit.cpu,
              filter.wall, filter.cpu, orbit_filtered.wall, orbit_filtered.cpu, faces_all, blocks->face_count(),
              blocks->geometry_builds() - builds, peak_rss_mb());
  // A vertical section sweeping west to east, then a bench moving down, after the cut-off above.
  const auto b = *blocks->bounds();
  const auto& origin = view.scene().origin;
  const std::size_t builds_before_cuts = blocks->geometry_builds();
  const Timing section = per_frame(view, width, height, frames, [&](int frame) {
    const double x = origin[0] + b[0] + (b[1] - b[0]) * (0.2 + 0.6 * frame / frames);
    SectionCut cut;
    cut.start = {x - 100, origin[1] + b[2] - 10};
    cut.end = {x + 100, origin[1] + b[3] + 10};
    cut.width = 20;
    blocks->set_section(cut);
  });
  const Timing bench = per_frame(view, width, height, frames, [&](int frame) {
    blocks->set_bench(BenchCut{origin[2] + b[5] - (b[5] - b[4]) * (0.1 + 0.8 * frame / frames), 30.0});
  });
  const std::size_t cut_builds = blocks->geometry_builds() - builds_before_cuts;
  blocks->set_section(std::nullopt);
  blocks->set_bench(std::nullopt);
  const double s0 = now_ms(), sc0 = cpu_ms();
  const int calls = 10;
  double tonnes = 0;
  for (int c = 0; c < calls; ++c) tonnes += blocks->statement()->rows.back().tonnes;
  const Timing statement{(now_ms() - s0) / calls, (cpu_ms() - sc0) / calls};
  std::printf("         section sweep %.1f / %.1f ms per frame, bench %.1f / %.1f ms per frame (wall / cpu), geometry builds %zu;"
              " live statement %.1f / %.1f ms per call (%.0f kt shown)\n",
              section.wall, section.cpu, bench.wall, bench.cpu, cut_builds, statement.wall, statement.cpu, tonnes / calls / 1e3);
  std::printf("         renderer: %s; face geometry built in %.0f ms at the first frame, %.0f ms at the last rebuild;"
              " blocks shown after the last cut-off: %zu of %zu\n",
              view.renderer_name().c_str(), first_build_ms, blocks->last_build_ms(), blocks->blocks_shown(), blocks->volume().block_count());
}

}  // namespace

int main(int argc, char** argv) {
  int cells = 100, width = 1280, height = 800, frames = 20;
  std::string which = "both";
  for (int a = 1; a + 1 < argc; a += 2) {
    if (!std::strcmp(argv[a], "--cells")) cells = std::atoi(argv[a + 1]);
    else if (!std::strcmp(argv[a], "--frames")) frames = std::atoi(argv[a + 1]);
    else if (!std::strcmp(argv[a], "--faces")) which = argv[a + 1];
    else if (!std::strcmp(argv[a], "--size")) std::sscanf(argv[a + 1], "%dx%d", &width, &height);
  }
  const auto dir = std::filesystem::temp_directory_path() / "georeserve_bench_viewer";
  std::filesystem::create_directories(dir);
  const double w0 = now_ms();
  write_model(dir, cells);
  std::printf("model: %d^3 = %d blocks of 10 x 10 x 5 m, .vti written in %.0f ms (%.0f MB); picture %dx%d; %d frames per row\n",
              cells, cells * cells * cells, now_ms() - w0, std::filesystem::file_size(dir / "blocks.vti") / 1e6, width, height, frames);
  std::printf("%-8s %9s %9s %9s %9s %8s %8s %9s %9s %8s %8s %9s %9s %6s %6s\n", "faces", "load", "load", "first",
              "first", "orbit", "orbit", "filter", "filter", "orbit2", "orbit2", "faces", "faces", "builds", "peak");
  std::printf("%-8s %9s %9s %9s %9s %8s %8s %9s %9s %8s %8s %9s %9s %6s %6s\n", "", "wall ms", "cpu ms", "wall ms", "cpu ms",
              "wall ms", "cpu ms", "wall ms", "cpu ms", "wall ms", "cpu ms", "start", "end", "filter", "MB");
  try {
    // One window (one OpenGL context) for both runs; each run has its own scene view.
    Window window(width, height, "bench_viewer", /*visible=*/false);
    if (which != "exposed") run(dir, FaceSet::all, width, height, frames);
    if (which != "all") run(dir, FaceSet::exposed, width, height, frames);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_viewer: %s\n", e.what());
    return 1;
  }
  std::filesystem::remove_all(dir);
  return 0;
}
