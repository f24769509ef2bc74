// Writing output files so that nothing half-written is ever left behind: everything goes to a
// temporary file beside the target, which is renamed over the target only when complete.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace georeserve {

class AtomicFile {
 public:
  // Opens "<path>.tmp-<pid>-<n>" for writing (binary); ResourceError/InputError when impossible.
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();  // removes the temporary file unless commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ofstream& stream() { return out_; }
  // Flushes, checks for write errors, renames over the target. Throws on failure.
  void commit();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::filesystem::path temp_;
  std::ofstream out_;
  bool committed_ = false;
};

// Convenience: write(stream) fills the file; committed only if write returns without throwing.
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

}  // namespace georeserve
