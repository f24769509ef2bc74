// georeserve: the command line. Thin: parse, call the engine, print. Exit codes: 0 success,
// 1 bad input (message on stderr), 2 bad usage.
#include <algorithm>
#include <clocale>
#include <cstdio>
#include <iostream>
#ifdef __GLIBC__
#include <malloc.h>  // mallopt
#endif

#include <tbb/global_control.h>

#include "command.h"
#include "core/error.h"
#include "progress_bar.h"

namespace georeserve::cli {

std::vector<CommandSpec>& command_registry() {
  static std::vector<CommandSpec> registry;
  return registry;
}

void add_threads_option(CLI::App& sub, int& threads) {
  sub.add_option("--threads", threads, "Worker threads (0 = all cores). Results are identical for any count.")
      ->check(CLI::Range(0, 4096));
}

struct ThreadLimit::Impl {
  std::unique_ptr<tbb::global_control> control;
};

ThreadLimit::ThreadLimit(int threads) : impl_(new Impl) {
  if (threads > 0)
    impl_->control = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                           static_cast<std::size_t>(threads));
}
ThreadLimit::~ThreadLimit() { delete impl_; }

}  // namespace georeserve::cli

int main(int argc, char** argv) {
  using namespace georeserve;
  using namespace georeserve::cli;
  std::setlocale(LC_ALL, "C.UTF-8");  // numbers are parsed locale-independently anyway
#ifdef __GLIBC__
  // Keep freed memory for reuse instead of handing it back to the system: a run reads big tables,
  // frees them and allocates as much again for its models, and every page handed back and taken
  // again costs a page fault (about 2 ms per MB in a virtual machine; 60 ms of a 3D kriging setup).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif

  CLI::App app{
      "georeserve: drillholes and coal seams to block models, kriged resources and reserves.\n"
      "Coordinates are projected metres (x east, y north, z up); azimuth clockwise from north,\n"
      "dip negative downward. Run `georeserve COMMAND --help` for each command's options."};
  app.set_version_flag("--version", std::string("georeserve ") + GEORESERVE_VERSION);
  app.require_subcommand(1);
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "No progress bars on stderr");
  app.fallthrough();

  auto& registry = command_registry();
  std::stable_sort(registry.begin(), registry.end(),
                   [](const CommandSpec& a, const CommandSpec& b) { return a.order < b.order; });
  CommandRun to_run;
  for (auto& spec : registry) {
    CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
    auto run = std::make_shared<CommandRun>(spec.setup(*sub));
    sub->callback([run, &to_run] { to_run = *run; });
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  set_quiet(quiet);
  if (!to_run) return 2;
  try {
    return to_run();
  } catch (const Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "georeserve: error: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "georeserve: internal error: " << e.what() << '\n';
    return 1;
  }
}
