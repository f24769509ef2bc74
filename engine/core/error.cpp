#include "core/error.h"

namespace georeserve {
namespace {

std::string input_message(const std::string& file, long line, const std::string& field,
                          const std::string& message) {
  // Built with append(): GCC 12 gives a false -Wrestrict warning on `"literal" + std::string`.
  std::string out = file;
  if (line > 0) out.append(":").append(std::to_string(line));
  out.append(": error: ");
  if (!field.empty()) out.append("field '").append(field).append("': ");
  return out.append(message);
}

std::string config_message(const std::string& file, const std::string& key_path,
                           const std::string& message) {
  std::string out = file.empty() ? std::string("config") : file;
  out += ": error: ";
  if (!key_path.empty()) out += key_path + ": ";
  return out + message;
}

}  // namespace

InputError::InputError(std::string file, long line, std::string field, std::string message)
    : Error(input_message(file, line, field, message)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)),
      message_(std::move(message)) {}

ConfigError::ConfigError(std::string file, std::string key_path, std::string message)
    : Error(config_message(file, key_path, message)),
      file_(std::move(file)),
      key_path_(std::move(key_path)) {}

}  // namespace georeserve
