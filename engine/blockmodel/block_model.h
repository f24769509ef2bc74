// A regular block model with columnar attributes (one vector per attribute, NaN = no value).
// Continuous attributes carry a unit; categorical ones carry codes with English and Chinese names.
#pragma once

#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "blockmodel/grid.h"

namespace georeserve {

struct Category {
  int code = 0;
  std::string name;     // e.g. "measured"
  std::string name_cn;  // e.g. "探明"
};

struct BlockAttribute {
  std::string name;
  std::string unit;         // "%", "t/m3", "t", "" for categories and fractions
  std::string description;  // one line, may be Chinese
  bool categorical = false;
  std::vector<Category> categories;  // for categorical attributes (values hold codes; NaN = none)
  std::vector<double> values;

  const Category* category(int code) const;
};

class BlockModel {
 public:
  explicit BlockModel(BlockGrid grid);

  const BlockGrid& grid() const { return grid_; }
  std::size_t size() const { return grid_.block_count(); }

  // Adds an attribute filled with `initial` (NaN by default). Error when the name exists.
  BlockAttribute& add(const std::string& name, const std::string& unit, const std::string& description = {},
                      double initial = std::numeric_limits<double>::quiet_NaN());
  BlockAttribute& add_categorical(const std::string& name, std::vector<Category> categories,
                                  const std::string& description = {});
  BlockAttribute* find(const std::string& name);
  const BlockAttribute* find(const std::string& name) const;
  BlockAttribute& at(const std::string& name);
  const BlockAttribute& at(const std::string& name) const;
  const std::deque<BlockAttribute>& attributes() const { return attributes_; }

  // CSV: x,y,z (block centre), i,j,k, then every attribute (categorical ones as codes).
  // Only blocks for which keep(index) is true (all when empty) are written. Atomic.
  void write_csv(const std::filesystem::path& path, const std::function<bool(std::size_t)>& keep = {},
                 int decimals = 4) const;

 private:
  BlockGrid grid_;
  std::deque<BlockAttribute> attributes_;  // deque: references stay valid as attributes are added
};

// Approximate memory of a block model with n attributes (doubles) plus working copies, in bytes.
std::size_t block_model_bytes(const BlockGrid& grid, int attributes);
// Memory this process may still use (MemAvailable from /proc/meminfo), in bytes; 0 if unknown.
std::size_t available_memory_bytes();
// Throws ResourceError with a clear message when the model would not fit in memory.
void check_block_model_fits(const BlockGrid& grid, int attributes, const std::string& what);

}  // namespace georeserve
