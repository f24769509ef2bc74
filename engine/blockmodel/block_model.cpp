#include "blockmodel/block_model.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <string>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"

namespace georeserve {

const Category* BlockAttribute::category(int code) const {
  for (const auto& c : categories)
    if (c.code == code) return &c;
  return nullptr;
}

BlockModel::BlockModel(BlockGrid grid) : grid_(std::move(grid)) {}

BlockAttribute& BlockModel::add(const std::string& name, const std::string& unit, const std::string& description,
                                double initial) {
  if (find(name)) throw Error("block model: attribute '" + name + "' already exists");
  BlockAttribute a;
  a.name = name;
  a.unit = unit;
  a.description = description;
  a.values.assign(size(), initial);
  attributes_.push_back(std::move(a));
  return attributes_.back();
}

BlockAttribute& BlockModel::add_categorical(const std::string& name, std::vector<Category> categories,
                                            const std::string& description) {
  BlockAttribute& a = add(name, "", description);
  a.categorical = true;
  a.categories = std::move(categories);
  return a;
}

BlockAttribute* BlockModel::find(const std::string& name) {
  for (auto& a : attributes_)
    if (a.name == name) return &a;
  return nullptr;
}

const BlockAttribute* BlockModel::find(const std::string& name) const {
  for (const auto& a : attributes_)
    if (a.name == name) return &a;
  return nullptr;
}

BlockAttribute& BlockModel::at(const std::string& name) {
  if (auto* a = find(name)) return *a;
  throw Error("block model: no attribute '" + name + "'");
}

const BlockAttribute& BlockModel::at(const std::string& name) const {
  if (const auto* a = find(name)) return *a;
  throw Error("block model: no attribute '" + name + "'");
}

void BlockModel::write_csv(const std::filesystem::path& path, const std::function<bool(std::size_t)>& keep,
                           int decimals) const {
  write_file_atomically(path, [&](std::ostream& out) {
    CsvWriter w(out);
    w.field("x").field("y").field("z").field("i").field("j").field("k");
    for (const auto& a : attributes_) w.field(a.name);
    w.end_row();
    for (std::size_t b = 0; b < size(); ++b) {
      if (keep && !keep(b)) continue;
      const auto ijk = grid_.ijk(b);
      const auto c = grid_.centre(ijk.i, ijk.j, ijk.k);
      w.number(c.x(), 3).number(c.y(), 3).number(c.z(), 3).integer(ijk.i).integer(ijk.j).integer(ijk.k);
      for (const auto& a : attributes_) {
        const double v = a.values[b];
        if (a.categorical && !std::isnan(v)) w.integer(static_cast<long long>(v));
        else w.number(v, decimals);
      }
      w.end_row();
    }
  });
}

std::size_t block_model_bytes(const BlockGrid& grid, int attributes) {
  // Attributes as doubles, plus about the same again for estimation work arrays and outputs.
  return grid.block_count() * sizeof(double) * static_cast<std::size_t>(attributes) * 2;
}

std::size_t available_memory_bytes() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::size_t kb = 0;
  std::string unit;
  while (in >> key >> kb >> unit)
    if (key == "MemAvailable:") return kb * 1024;
  return 0;
}

void check_block_model_fits(const BlockGrid& grid, int attributes, const std::string& what) {
  const double need = static_cast<double>(block_model_bytes(grid, attributes));
  const double have = static_cast<double>(available_memory_bytes());
  const double gib = 1024.0 * 1024.0 * 1024.0;
  if (have > 0 && need > 0.8 * have)
    throw ResourceError(what + ": a block model of " + std::to_string(grid.block_count()) + " blocks with " +
                        std::to_string(attributes) + " attributes needs about " + format_fixed(need / gib, 1) +
                        " GiB, but only " + format_fixed(have / gib, 1) +
                        " GiB of memory are available; use larger blocks or a smaller extent");
}

}  // namespace georeserve
