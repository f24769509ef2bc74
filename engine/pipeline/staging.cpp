// Output folders that appear whole or not at all (staging.h).
#include "pipeline/staging.h"

#include <unistd.h>

#include <string>

namespace georeserve {

void run_in_staging_folder(const std::filesystem::path& out, const std::function<void(const std::filesystem::path&)>& body) {
  namespace fs = std::filesystem;
  const fs::path staging = out.string() + ".tmp-" + std::to_string(::getpid());
  fs::remove_all(staging);
  fs::create_directories(staging / "figures");
  try {
    body(staging);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    throw;
  }
  const fs::path old = out.string() + ".old-" + std::to_string(::getpid());
  std::error_code ec;
  if (fs::exists(out)) fs::rename(out, old);
  fs::rename(staging, out);
  fs::remove_all(old, ec);
}

}  // namespace georeserve
