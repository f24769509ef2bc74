// Column mapping from a model file (JSON) onto the default drillhole column names.
#include "drillhole/column_map.h"

#include "io/json_config.h"

namespace georeserve::drillhole {
namespace {

void read_name(const ConfigView& v, std::string_view key, std::string& name) {
  if (!v.has(key)) return;
  name = v.string(key);
  if (name.empty()) v.fail_at(key, "column name must not be empty");
}

}  // namespace

ColumnMap column_map_from_config(const ConfigView& view) {
  view.allow_only({"hole_id", "collar", "survey", "intervals"});
  ColumnMap m;
  if (view.has("hole_id")) {
    read_name(view, "hole_id", m.collar.hole_id);
    m.survey.hole_id = m.intervals.hole_id = m.collar.hole_id;
  }
  if (auto c = view.find("collar")) {
    c->allow_only({"hole_id", "x", "y", "z", "max_depth", "azimuth", "dip"});
    read_name(*c, "hole_id", m.collar.hole_id);
    read_name(*c, "x", m.collar.x);
    read_name(*c, "y", m.collar.y);
    read_name(*c, "z", m.collar.z);
    read_name(*c, "max_depth", m.collar.max_depth);
    read_name(*c, "azimuth", m.collar.azimuth);
    read_name(*c, "dip", m.collar.dip);
  }
  if (auto s = view.find("survey")) {
    s->allow_only({"hole_id", "depth", "azimuth", "dip"});
    read_name(*s, "hole_id", m.survey.hole_id);
    read_name(*s, "depth", m.survey.depth);
    read_name(*s, "azimuth", m.survey.azimuth);
    read_name(*s, "dip", m.survey.dip);
  }
  if (auto i = view.find("intervals")) {
    i->allow_only({"hole_id", "from", "to"});
    read_name(*i, "hole_id", m.intervals.hole_id);
    read_name(*i, "from", m.intervals.from);
    read_name(*i, "to", m.intervals.to);
  }
  return m;
}

ColumnMap load_column_map(const std::filesystem::path& path) {
  const JsonDocument doc = load_json_file(path);
  return column_map_from_config(ConfigView(doc));
}

}  // namespace georeserve::drillhole
