#include "core/atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/error.h"

namespace georeserve {
namespace {
std::atomic<unsigned> temp_counter{0};
}

AtomicFile::AtomicFile(std::filesystem::path path) : path_(std::move(path)) {
  if (path_.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path_.parent_path(), ec);
    if (ec) throw InputError(path_.parent_path().string(), 0, "", "cannot create folder: " + ec.message());
  }
  temp_ = path_;
  temp_ += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(temp_counter++);
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) throw InputError(path_.string(), 0, "", std::string("cannot write file: ") + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

void AtomicFile::commit() {
  out_.flush();
  if (!out_) throw InputError(path_.string(), 0, "", "write failed (disk full?)");
  out_.close();
  if (out_.fail()) throw InputError(path_.string(), 0, "", "closing the file failed");
  std::error_code ec;
  std::filesystem::rename(temp_, path_, ec);
  if (ec) throw InputError(path_.string(), 0, "", "cannot replace file: " + ec.message());
  committed_ = true;
}

void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
  AtomicFile file(path);
  write(file.stream());
  file.commit();
}

}  // namespace georeserve
