// Shared helpers of the viewer tests: temporary folders and running the georeserve-view command.
#pragma once

#include <filesystem>
#include <string>

namespace georeserve::testing {

std::filesystem::path fresh_dir(const std::string& name);

struct CommandResult {
  int status = -1;     // exit status
  std::string output;  // stdout and stderr together
};
// Runs `georeserve-view <arguments>` through the shell (arguments are already quoted), optionally in a
// working directory and with extra environment assignments ("env -u DISPLAY", ...) before it.
CommandResult run_view(const std::string& arguments, const std::string& prefix = "", const std::filesystem::path& cwd = {});
std::string quoted(const std::filesystem::path& path);

}  // namespace georeserve::testing
