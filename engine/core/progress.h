// Progress reporting from engine to user interface. The engine counts work done; the CLI draws a
// bar on stderr and the viewer a widget. Counting is thread-safe (TBB workers call advance()).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace georeserve {

// Implemented by user interfaces. Calls arrive serialised (never two at once).
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void begin(std::string_view task, std::uint64_t total) = 0;
  virtual void update(std::uint64_t done, std::uint64_t total) = 0;
  virtual void end(std::string_view task, double seconds) = 0;
};

// One task being counted. A null sink makes every call a cheap no-op.
class ProgressTask {
 public:
  ProgressTask(ProgressSink* sink, std::string_view task, std::uint64_t total);
  ~ProgressTask();
  ProgressTask(const ProgressTask&) = delete;
  ProgressTask& operator=(const ProgressTask&) = delete;

  // Adds n units of work done; forwards to the sink about every 1/200 of the total.
  void advance(std::uint64_t n = 1);

 private:
  ProgressSink* sink_;
  std::string task_;
  std::uint64_t total_;
  std::uint64_t step_;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> next_report_;
  std::mutex mutex_;
  double start_seconds_;
};

double monotonic_seconds();

}  // namespace georeserve
