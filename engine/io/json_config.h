// Typed, checked access to JSON configuration (kriging configs, model files). Every error names
// the file and the key path, e.g. "models/q.json: error: estimation.search[1].max_samples: must be >= 1".
// Comments (// and /* */) are allowed in the files.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace georeserve {

struct JsonDocument {
  std::string file;             // as given, for messages
  std::filesystem::path folder; // relative paths in the document resolve from here
  nlohmann::json root;
};

// Reads and parses; syntax errors are InputErrors with the line and column.
JsonDocument load_json_file(const std::filesystem::path& path);
JsonDocument parse_json_text(std::string_view text, std::string file, std::filesystem::path folder = {});

class ConfigView {
 public:
  ConfigView(const JsonDocument& doc);  // the root
  ConfigView(const nlohmann::json& node, const JsonDocument& doc, std::string key_path);

  const nlohmann::json& json() const { return *node_; }
  const std::string& key_path() const { return path_; }
  const JsonDocument& document() const { return *doc_; }

  bool is_object() const { return node_->is_object(); }
  bool is_array() const { return node_->is_array(); }
  bool is_string() const { return node_->is_string(); }
  bool has(std::string_view key) const;
  ConfigView at(std::string_view key) const;              // required key
  std::optional<ConfigView> find(std::string_view key) const;
  ConfigView at(std::size_t index) const;                 // array element
  std::size_t size() const;                               // array length (error if not an array)

  // Scalars of this node.
  double as_number() const;
  long long as_integer() const;
  std::string as_string() const;
  bool as_bool() const;

  // Scalars of a child, required or with a default; *_in adds an inclusive range check.
  double number(std::string_view key) const;
  double number(std::string_view key, double fallback) const;
  double number_in(std::string_view key, double fallback, double lo, double hi) const;
  long long integer(std::string_view key) const;
  long long integer(std::string_view key, long long fallback) const;
  long long integer_in(std::string_view key, long long fallback, long long lo, long long hi) const;
  std::string string(std::string_view key) const;
  std::string string(std::string_view key, std::string fallback) const;
  std::string one_of(std::string_view key, std::string fallback, std::initializer_list<std::string_view> allowed) const;
  bool boolean(std::string_view key, bool fallback) const;
  // A numeric array of the given length (0 = any length).
  std::vector<double> numbers(std::string_view key, std::size_t expected_size = 0) const;
  std::vector<double> as_numbers(std::size_t expected_size = 0) const;
  // A path relative to the document's folder.
  std::filesystem::path path(std::string_view key) const;

  // Unknown keys are errors (a typo must not silently become a default).
  void allow_only(std::initializer_list<std::string_view> keys) const;

  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void fail_at(std::string_view key, const std::string& message) const;

 private:
  std::string child_path(std::string_view key) const;
  const nlohmann::json* node_;
  const JsonDocument* doc_;
  std::string path_;
};

}  // namespace georeserve
