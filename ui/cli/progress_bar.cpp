#include "progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace georeserve::cli {

ProgressBar::ProgressBar() : tty_(::isatty(STDERR_FILENO) != 0) {}

void ProgressBar::begin(std::string_view task, std::uint64_t total) {
  task_ = std::string(task);
  started_ = monotonic_seconds();
  last_draw_ = 0;
  if (!tty_) std::fprintf(stderr, "%s (%llu) ...\n", task_.c_str(), static_cast<unsigned long long>(total));
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
  if (!tty_ || total == 0) return;
  const double now = monotonic_seconds();
  if (now - last_draw_ < 0.1 && done < total) return;
  last_draw_ = now;
  const double frac = static_cast<double>(done) / static_cast<double>(total);
  const int width = 30, filled = static_cast<int>(frac * width + 0.5);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(width, '.');
  const double elapsed = now - started_;
  const double eta = frac > 0.01 ? elapsed * (1 - frac) / frac : 0;
  std::fprintf(stderr, "\r%-28.28s [%s] %5.1f%%  %6.1f s left ", task_.c_str(), bar.c_str(), 100 * frac, eta);
  std::fflush(stderr);
}

void ProgressBar::end(std::string_view task, double seconds) {
  if (tty_) std::fprintf(stderr, "\r%-28.28s done in %.2f s%40s\n", std::string(task).c_str(), seconds, "");
  else std::fprintf(stderr, "%s done in %.2f s\n", std::string(task).c_str(), seconds);
}

namespace {
ProgressBar bar;
bool quiet = false;
}  // namespace

ProgressSink* progress() { return quiet ? nullptr : &bar; }
void set_quiet(bool q) { quiet = q; }

}  // namespace georeserve::cli
