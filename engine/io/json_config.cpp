#include "io/json_config.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/text.h"

namespace georeserve {

JsonDocument parse_json_text(std::string_view text, std::string file, std::filesystem::path folder) {
  text = strip_utf8_bom(text);
  JsonDocument doc{std::move(file), std::move(folder), {}};
  try {
    doc.root = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/true,
                                     /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    // Turn the byte offset into a line and column.
    const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    long line = 1, col = 1;
    for (std::size_t i = 0; i < at; ++i) {
      if (text[i] == '\n') { ++line; col = 1; }
      else ++col;
    }
    std::string what = e.what();
    if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
    throw InputError(doc.file, line, "", "column " + std::to_string(col) + ": invalid JSON: " + what);
  }
  return doc;
}

JsonDocument load_json_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), 0, "", "cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_json_text(ss.str(), path.string(), path.parent_path());
}

ConfigView::ConfigView(const JsonDocument& doc) : node_(&doc.root), doc_(&doc), path_() {}

ConfigView::ConfigView(const nlohmann::json& node, const JsonDocument& doc, std::string key_path)
    : node_(&node), doc_(&doc), path_(std::move(key_path)) {}

std::string ConfigView::child_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void ConfigView::fail(const std::string& message) const { throw ConfigError(doc_->file, path_, message); }

void ConfigView::fail_at(std::string_view key, const std::string& message) const {
  throw ConfigError(doc_->file, child_path(key), message);
}

bool ConfigView::has(std::string_view key) const {
  return node_->is_object() && node_->contains(std::string(key)) && !(*node_)[std::string(key)].is_null();
}

std::optional<ConfigView> ConfigView::find(std::string_view key) const {
  if (!node_->is_object()) fail("must be an object");
  auto it = node_->find(std::string(key));
  if (it == node_->end() || it->is_null()) return std::nullopt;
  return ConfigView(*it, *doc_, child_path(key));
}

ConfigView ConfigView::at(std::string_view key) const {
  if (auto v = find(key)) return *v;
  fail_at(key, "required key is missing");
}

ConfigView ConfigView::at(std::size_t index) const {
  if (!node_->is_array()) fail("must be an array");
  if (index >= node_->size()) fail("has no element " + std::to_string(index));
  return ConfigView((*node_)[index], *doc_, path_ + "[" + std::to_string(index) + "]");
}

std::size_t ConfigView::size() const {
  if (!node_->is_array()) fail("must be an array");
  return node_->size();
}

double ConfigView::as_number() const {
  if (!node_->is_number()) fail("must be a number");
  const double v = node_->get<double>();
  if (!std::isfinite(v)) fail("must be a finite number");
  return v;
}

long long ConfigView::as_integer() const {
  if (!node_->is_number_integer() && !(node_->is_number() && std::floor(node_->get<double>()) == node_->get<double>()))
    fail("must be a whole number");
  return node_->is_number_integer() ? node_->get<long long>() : static_cast<long long>(node_->get<double>());
}

std::string ConfigView::as_string() const {
  if (!node_->is_string()) fail("must be a string");
  return node_->get<std::string>();
}

bool ConfigView::as_bool() const {
  if (!node_->is_boolean()) fail("must be true or false");
  return node_->get<bool>();
}

double ConfigView::number(std::string_view key) const { return at(key).as_number(); }
double ConfigView::number(std::string_view key, double fallback) const {
  auto v = find(key);
  return v ? v->as_number() : fallback;
}
double ConfigView::number_in(std::string_view key, double fallback, double lo, double hi) const {
  const double v = number(key, fallback);
  if (v < lo || v > hi)
    fail_at(key, "must be between " + format_double(lo) + " and " + format_double(hi) + ", got " + format_double(v));
  return v;
}
long long ConfigView::integer(std::string_view key) const { return at(key).as_integer(); }
long long ConfigView::integer(std::string_view key, long long fallback) const {
  auto v = find(key);
  return v ? v->as_integer() : fallback;
}
long long ConfigView::integer_in(std::string_view key, long long fallback, long long lo, long long hi) const {
  const long long v = integer(key, fallback);
  if (v < lo || v > hi)
    fail_at(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + std::to_string(v));
  return v;
}
std::string ConfigView::string(std::string_view key) const { return at(key).as_string(); }
std::string ConfigView::string(std::string_view key, std::string fallback) const {
  auto v = find(key);
  return v ? v->as_string() : fallback;
}
std::string ConfigView::one_of(std::string_view key, std::string fallback,
                               std::initializer_list<std::string_view> allowed) const {
  const std::string v = string(key, std::move(fallback));
  for (auto a : allowed)
    if (v == a) return v;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  fail_at(key, "'" + v + "' is not one of: " + list);
}
bool ConfigView::boolean(std::string_view key, bool fallback) const {
  auto v = find(key);
  return v ? v->as_bool() : fallback;
}

std::vector<double> ConfigView::as_numbers(std::size_t expected_size) const {
  if (!node_->is_array()) fail("must be an array of numbers");
  if (expected_size && node_->size() != expected_size)
    fail("must have " + std::to_string(expected_size) + " numbers, has " + std::to_string(node_->size()));
  std::vector<double> out;
  for (std::size_t i = 0; i < node_->size(); ++i) out.push_back(at(i).as_number());
  return out;
}

std::vector<double> ConfigView::numbers(std::string_view key, std::size_t expected_size) const {
  return at(key).as_numbers(expected_size);
}

std::filesystem::path ConfigView::path(std::string_view key) const {
  std::filesystem::path p = string(key);
  if (p.empty()) fail_at(key, "must not be empty");
  return p.is_absolute() ? p : doc_->folder / p;
}

void ConfigView::allow_only(std::initializer_list<std::string_view> keys) const {
  if (!node_->is_object()) fail("must be an object");
  for (auto it = node_->begin(); it != node_->end(); ++it) {
    bool known = false;
    for (auto k : keys) known = known || it.key() == k;
    if (known) continue;
    std::string list;
    for (auto k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
    fail_at(it.key(), "unknown key (allowed here: " + list + ")");
  }
}

}  // namespace georeserve
