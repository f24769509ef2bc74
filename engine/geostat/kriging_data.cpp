#include "geostat/kriging_data.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <unordered_map>

#include "core/error.h"
#include "io/csv.h"
#include "io/json_config.h"

namespace georeserve {

namespace {

// A column named by a configuration key (with a default name); a missing column is a ConfigError at
// that key naming the file and the columns it has.
std::size_t column_for(const ConfigView& v, const CsvTable& table, std::string_view key, std::string fallback) {
  const std::string name = v.string(key, std::move(fallback));
  if (auto c = table.find_column(name)) return *c;
  std::string have;
  for (const auto& h : table.header()) have += (have.empty() ? "" : ", ") + h;
  v.fail_at(key, "column '" + name + "' not found in " + table.path() + " (its columns: " + have + ")");
}

double required_number(const CsvTable& t, std::size_t row, std::size_t col) {
  auto v = t.number(row, col);
  if (!v) throw InputError(t.path(), t.line(row), t.header()[col], "missing coordinate");
  return *v;
}

CsvTable read_table(const ConfigView& v) {
  const std::filesystem::path path = v.path("file");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) v.fail_at("file", "cannot read " + path.string() + ": no such file");
  if (std::filesystem::file_size(path, ec) == 0) v.fail_at("file", path.string() + " is empty (no header line)");
  CsvTable table = read_csv_file(path);
  table.throw_if_problems();
  if (table.column_count() == 0) v.fail_at("file", table.path() + " is empty (no header line)");
  return table;
}

}  // namespace

KrigingSamples read_kriging_samples(const ConfigView& v, SampleReadReport* report) {
  v.allow_only({"file", "x", "y", "z", "value", "hole"});
  const CsvTable table = read_table(v);
  KrigingSamples s;
  s.file = table.path();
  const std::size_t cx = column_for(v, table, "x", "x"), cy = column_for(v, table, "y", "y");
  const bool three_d = v.has("z");
  const std::size_t cz = three_d ? column_for(v, table, "z", "z") : 0;
  if (!v.has("value")) v.fail_at("value", "required key is missing (the name of the column to estimate)");
  const std::size_t cv = column_for(v, table, "value", "");
  const bool holes = v.has("hole");
  const std::size_t ch = holes ? column_for(v, table, "hole", "") : 0;
  s.dimension = three_d ? 3 : 2;

  SampleReadReport r;
  r.rows = table.row_count();
  std::unordered_map<std::string, std::int32_t> hole_index;
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    const double x = required_number(table, row, cx), y = required_number(table, row, cy);
    const double z = three_d ? required_number(table, row, cz) : 0.0;
    const auto value = table.number(row, cv);
    if (!value) {
      ++r.missing_values;
      continue;
    }
    s.x.push_back(x);
    s.y.push_back(y);
    s.z.push_back(z);
    s.value.push_back(*value);
    s.line.push_back(table.line(row));
    if (holes) {
      std::int32_t h = -1;
      if (!table.is_missing(row, ch)) {
        const std::string name(table.cell(row, ch));
        auto [it, fresh] = hole_index.emplace(name, static_cast<std::int32_t>(s.hole_names.size()));
        if (fresh) s.hole_names.push_back(name);
        h = it->second;
      }
      s.hole.push_back(h);
    }
  }
  if (s.size() == 0) {
    const std::string why = r.rows == 0 ? " has no data rows" : " has no rows with a value in column '" +
                                                                     table.header()[cv] + "'";
    v.fail_at("file", "no samples: " + s.file + why);
  }
  r.merged = merge_coincident_samples(s, &r.merged_places);
  if (report) *report = r;
  return s;
}

std::size_t merge_coincident_samples(KrigingSamples& s, std::size_t* places) {
  const std::size_t n = s.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto key_less = [&](std::size_t a, std::size_t b) {
    if (s.x[a] != s.x[b]) return s.x[a] < s.x[b];
    if (s.y[a] != s.y[b]) return s.y[a] < s.y[b];
    if (s.z[a] != s.z[b]) return s.z[a] < s.z[b];
    return a < b;
  };
  std::sort(order.begin(), order.end(), key_less);
  // first[i]: the sample that i merges into (the lowest index at its place).
  std::vector<std::size_t> first(n);
  std::vector<double> sum(n, 0.0);
  std::vector<std::size_t> count(n, 0);
  std::size_t merged = 0, multi = 0;
  for (std::size_t k = 0; k < n;) {
    std::size_t e = k + 1;
    while (e < n && s.x[order[e]] == s.x[order[k]] && s.y[order[e]] == s.y[order[k]] && s.z[order[e]] == s.z[order[k]]) ++e;
    const std::size_t keep = order[k];  // lowest index, as the sort breaks ties by index
    for (std::size_t m = k; m < e; ++m) {
      first[order[m]] = keep;
      sum[keep] += s.value[order[m]];
    }
    count[keep] = e - k;
    merged += e - k - 1;
    if (e - k > 1) ++multi;
    k = e;
  }
  if (places) *places = multi;
  if (merged == 0) return 0;
  KrigingSamples out;
  out.dimension = s.dimension;
  out.hole_names = s.hole_names;
  out.file = s.file;
  for (std::size_t i = 0; i < n; ++i) {
    if (first[i] != i) continue;
    out.x.push_back(s.x[i]);
    out.y.push_back(s.y[i]);
    out.z.push_back(s.z[i]);
    out.value.push_back(sum[i] / static_cast<double>(count[i]));
    out.line.push_back(s.line.empty() ? 0 : s.line[i]);
    if (s.has_holes()) out.hole.push_back(s.hole[i]);
  }
  s = std::move(out);
  return merged;
}

KrigingTargets read_kriging_targets(const ConfigView& v, int dimension) {
  v.allow_only({"file", "x", "y", "z"});
  const CsvTable table = read_table(v);
  if (dimension == 3 && !v.has("z")) v.fail_at("z", "required key is missing: the samples are 3D (samples.z is given)");
  if (dimension == 2 && v.has("z")) v.fail_at("z", "the samples are 2D (samples.z is not given); remove targets.z");
  const std::size_t cx = column_for(v, table, "x", "x"), cy = column_for(v, table, "y", "y");
  const std::size_t cz = dimension == 3 ? column_for(v, table, "z", "z") : 0;
  KrigingTargets t;
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    t.x.push_back(required_number(table, row, cx));
    t.y.push_back(required_number(table, row, cy));
    t.z.push_back(dimension == 3 ? required_number(table, row, cz) : 0.0);
  }
  if (t.size() == 0) v.fail_at("file", "no targets: " + table.path() + " has no data rows");
  return t;
}

KrigingTargets grid_targets(const ConfigView& v, int dimension) {
  v.allow_only({"origin", "spacing", "count"});
  auto triple = [&](std::string_view key) {
    auto values = v.numbers(key);
    if (values.size() == 2 && dimension == 2) values.push_back(key == "count" ? 1.0 : 0.0);
    if (values.size() != 3)
      v.fail_at(key, "must have " + std::string(dimension == 2 ? "2" : "3") + " numbers [x, y" +
                         (dimension == 2 ? "]" : ", z]"));
    return values;
  };
  const auto origin = triple("origin"), spacing = triple("spacing"), count = triple("count");
  long long total = 1;
  std::array<long long, 3> n{};
  for (std::size_t k = 0; k < 3; ++k) {
    if (!(count[k] >= 1) || count[k] != std::floor(count[k]) || count[k] > 1e8)
      v.fail_at("count", "every count must be a whole number >= 1");
    if (!(spacing[k] > 0) && count[k] > 1) v.fail_at("spacing", "every spacing must be positive");
    n[k] = static_cast<long long>(count[k]);
    total *= n[k];
    if (total > 500'000'000LL) v.fail_at("count", "too many grid nodes (over 500 million)");
  }
  if (dimension == 2 && n[2] != 1) v.fail_at("count", "a 2D grid has one layer");
  KrigingTargets t;
  const auto size = static_cast<std::size_t>(total);
  t.x.reserve(size);
  t.y.reserve(size);
  t.z.reserve(size);
  for (long long k = 0; k < n[2]; ++k)
    for (long long j = 0; j < n[1]; ++j)
      for (long long i = 0; i < n[0]; ++i) {
        t.x.push_back(origin[0] + static_cast<double>(i) * spacing[0]);
        t.y.push_back(origin[1] + static_cast<double>(j) * spacing[1]);
        t.z.push_back(dimension == 3 ? origin[2] + static_cast<double>(k) * spacing[2] : 0.0);
      }
  return t;
}

}  // namespace georeserve
