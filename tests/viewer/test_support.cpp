// See test_support.h.
#include "test_support.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace georeserve::testing {

std::filesystem::path fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("georeserve_viewer_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string quoted(const std::filesystem::path& path) {
  std::string out = "'";
  for (char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CommandResult run_view(const std::string& arguments, const std::string& prefix, const std::filesystem::path& cwd) {
  std::string command = (cwd.empty() ? "" : "cd " + quoted(cwd) + " && ") + prefix + " " + quoted(GEORESERVE_VIEW) + " " + arguments + " 2>&1";
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) r.output += buffer.data();
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace georeserve::testing
