// A progress bar on stderr for long engine tasks. On a terminal it redraws one line; otherwise
// (logs, CI) it prints one line when a task starts and one when it ends.
#pragma once

#include "core/progress.h"

namespace georeserve::cli {

class ProgressBar final : public ProgressSink {
 public:
  ProgressBar();
  void begin(std::string_view task, std::uint64_t total) override;
  void update(std::uint64_t done, std::uint64_t total) override;
  void end(std::string_view task, double seconds) override;

 private:
  bool tty_;
  bool quiet_ = false;
  double started_ = 0;
  double last_draw_ = 0;
  std::string task_;
};

// The process-wide bar the commands pass to the engine (nullptr when --quiet).
ProgressSink* progress();
void set_quiet(bool quiet);

}  // namespace georeserve::cli
