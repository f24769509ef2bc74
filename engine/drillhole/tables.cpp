// Drillhole tables: building, sorting and looking up collars, survey stations and intervals.
#include "drillhole/tables.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.h"
#include "core/text.h"

namespace georeserve::drillhole {
namespace {

template <class T>
void permute(std::vector<T>& v, const std::vector<std::size_t>& order) {
  std::vector<T> out;
  out.reserve(v.size());
  for (std::size_t i : order) out.push_back(std::move(v[i]));
  v = std::move(out);
}

// Row order sorted by (hole, key), stable; empty when the rows are already in that order.
template <class Key>
std::vector<std::size_t> sort_order(const std::vector<HoleIndex>& hole, const std::vector<Key>& key) {
  auto less = [&](std::size_t a, std::size_t b) {
    return hole[a] != hole[b] ? hole[a] < hole[b] : key[a] < key[b];
  };
  bool sorted = true;
  for (std::size_t i = 1; i < hole.size() && sorted; ++i) sorted = !less(i, i - 1);
  if (sorted) return {};
  std::vector<std::size_t> order(hole.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), less);
  return order;
}

std::vector<std::size_t> hole_offsets(const std::vector<HoleIndex>& hole, std::size_t hole_count) {
  std::vector<std::size_t> offsets(hole_count + 1, 0);
  for (HoleIndex h : hole) ++offsets[static_cast<std::size_t>(h) + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  return offsets;
}

}  // namespace

bool IntervalField::missing(std::size_t row) const {
  return is_numeric() ? std::isnan(values[row]) : codes[row] < 0;
}

std::string_view IntervalField::text(std::size_t row) const {
  if (is_numeric() || codes[row] < 0) return {};
  return categories[static_cast<std::size_t>(codes[row])];
}

TextFieldBuilder::TextFieldBuilder(std::string name) {
  field_.name = std::move(name);
  field_.kind = IntervalField::Kind::text;
}

void TextFieldBuilder::push(std::string_view value) {
  if (value.empty()) {
    field_.codes.push_back(-1);
    return;
  }
  auto it = lookup_.find(value);
  if (it == lookup_.end()) {
    it = lookup_.emplace(std::string(value), static_cast<std::int32_t>(field_.categories.size())).first;
    field_.categories.emplace_back(value);
  }
  field_.codes.push_back(it->second);
}

IntervalField TextFieldBuilder::finish() { return std::move(field_); }

std::size_t IntervalTable::add(HoleIndex hole, double from, double to, long line) {
  hole_.push_back(hole);
  from_.push_back(from);
  to_.push_back(to);
  line_.push_back(line);
  return from_.size() - 1;
}

IntervalField& IntervalTable::add_field(IntervalField field) {
  const std::size_t n = field.is_numeric() ? field.values.size() : field.codes.size();
  if (n != row_count())
    throw Error("interval table '" + name_ + "': field '" + field.name + "' has " + std::to_string(n) +
                " values for " + std::to_string(row_count()) + " rows");
  fields_.push_back(std::move(field));
  return fields_.back();
}

IntervalField& IntervalTable::add_numeric_field(std::string name, std::vector<double> values) {
  IntervalField f;
  f.name = std::move(name);
  f.values = std::move(values);
  return add_field(std::move(f));
}

IntervalField& IntervalTable::add_text_field(std::string name, const std::vector<std::string>& values) {
  TextFieldBuilder b(std::move(name));
  for (const auto& v : values) b.push(v);
  return add_field(b.finish());
}

void IntervalTable::finalize(std::size_t hole_count) {
  const auto order = sort_order(hole_, from_);
  if (!order.empty()) {
    permute(hole_, order);
    permute(from_, order);
    permute(to_, order);
    permute(line_, order);
    for (auto& f : fields_) {
      if (f.is_numeric()) permute(f.values, order);
      else permute(f.codes, order);
    }
  }
  offsets_ = hole_offsets(hole_, hole_count);
}

const IntervalField* IntervalTable::find_field(std::string_view name) const {
  for (const auto& f : fields_)
    if (iequals(f.name, name)) return &f;
  return nullptr;
}

const IntervalField& IntervalTable::require_field(std::string_view name) const {
  if (const auto* f = find_field(name)) return *f;
  std::string known;
  for (const auto& f : fields_) known += (known.empty() ? "" : ", ") + f.name;
  throw InputError(file_.empty() ? name_ : file_, 1, std::string(name),
                   "no such field in this table (fields: " + (known.empty() ? "none" : known) + ")");
}

std::optional<HoleIndex> DrillholeDatabase::add_collar(Collar collar) {
  const auto h = static_cast<HoleIndex>(collars_.size());
  if (!index_.emplace(collar.hole_id, h).second) return std::nullopt;
  collars_.push_back(std::move(collar));
  return h;
}

void DrillholeDatabase::add_station(HoleIndex hole, SurveyStation station) {
  station_hole_.push_back(hole);
  stations_.push_back(station);
}

IntervalTable& DrillholeDatabase::add_table(IntervalTable table) {
  tables_.push_back(std::move(table));
  return tables_.back();
}

void DrillholeDatabase::finalize() {
  std::vector<double> depth(stations_.size());
  for (std::size_t i = 0; i < stations_.size(); ++i) depth[i] = stations_[i].depth;
  const auto order = sort_order(station_hole_, depth);
  if (!order.empty()) {
    permute(station_hole_, order);
    permute(stations_, order);
  }
  station_offsets_ = hole_offsets(station_hole_, collars_.size());
  for (auto& t : tables_) t.finalize(collars_.size());
}

std::optional<HoleIndex> DrillholeDatabase::find_hole(std::string_view hole_id) const {
  const auto it = index_.find(hole_id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::span<const SurveyStation> DrillholeDatabase::survey(HoleIndex h) const {
  if (station_offsets_.empty()) return {};
  const auto b = station_offsets_[static_cast<std::size_t>(h)], e = station_offsets_[static_cast<std::size_t>(h) + 1];
  return std::span<const SurveyStation>(stations_).subspan(b, e - b);
}

const IntervalTable& DrillholeDatabase::table(std::string_view name) const {
  for (const auto& t : tables_)
    if (iequals(t.name(), name) || iequals(t.file(), name)) return t;
  std::string known;
  for (const auto& t : tables_) known += (known.empty() ? "" : ", ") + t.name();
  throw Error("no interval table named '" + std::string(name) + "' (tables: " + (known.empty() ? "none" : known) + ")");
}

}  // namespace georeserve::drillhole
