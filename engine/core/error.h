// The one error hierarchy of georeserve. Engine code throws these; only main() catches everything.
// Every message carries its context: the file and line for data, the key path for configuration.
#pragma once

#include <stdexcept>
#include <string>

namespace georeserve {

// Base of every error the engine reports to a user.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bad input data. what() reads "FILE:LINE: error: field 'F': message" (compiler style).
// line 0 means "the file as a whole"; an empty field means "the row as a whole".
class InputError : public Error {
 public:
  InputError(std::string file, long line, std::string field, std::string message);
  const std::string& file() const { return file_; }
  long line() const { return line_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  long line_;
  std::string field_;
  std::string message_;
};

// Bad configuration (model or command config file). what() reads "FILE: error: KEY.PATH: message".
class ConfigError : public Error {
 public:
  ConfigError(std::string file, std::string key_path, std::string message);
  const std::string& file() const { return file_; }
  const std::string& key_path() const { return key_path_; }

 private:
  std::string file_;
  std::string key_path_;
};

// A request the engine cannot honour with the resources at hand (memory estimate too large, ...).
class ResourceError : public Error {
 public:
  using Error::Error;
};

}  // namespace georeserve
