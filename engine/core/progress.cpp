#include "core/progress.h"

#include <algorithm>
#include <chrono>

namespace georeserve {

double monotonic_seconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

ProgressTask::ProgressTask(ProgressSink* sink, std::string_view task, std::uint64_t total)
    : sink_(sink),
      task_(task),
      total_(total),
      step_(std::max<std::uint64_t>(1, total / 200)),
      next_report_(std::max<std::uint64_t>(1, total / 200)),
      start_seconds_(monotonic_seconds()) {
  if (sink_) sink_->begin(task_, total_);
}

ProgressTask::~ProgressTask() {
  if (!sink_) return;
  std::lock_guard lock(mutex_);
  sink_->update(done_.load(), total_);
  sink_->end(task_, monotonic_seconds() - start_seconds_);
}

void ProgressTask::advance(std::uint64_t n) {
  if (!sink_) return;
  const auto done = done_.fetch_add(n, std::memory_order_relaxed) + n;
  auto next = next_report_.load(std::memory_order_relaxed);
  if (done < next) return;
  if (!next_report_.compare_exchange_strong(next, done + step_)) return;  // another thread reports
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (lock.owns_lock()) sink_->update(done, total_);
}

}  // namespace georeserve
