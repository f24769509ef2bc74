#include "geostat/variogram_model.h"

#include <cmath>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "io/json_config.h"

namespace georeserve {

namespace {
struct TypeName {
  StructureType type;
  std::string_view name;
  std::string_view gstat;
};
constexpr TypeName type_names[] = {
    {StructureType::nugget, "nugget", "Nug"},         {StructureType::spherical, "spherical", "Sph"},
    {StructureType::exponential, "exponential", "Exp"}, {StructureType::gaussian, "gaussian", "Gau"},
    {StructureType::cubic, "cubic", "Cub"},           {StructureType::power, "power", "Pow"},
};
}  // namespace

std::string_view structure_type_name(StructureType t) {
  for (const auto& n : type_names)
    if (n.type == t) return n.name;
  return "?";
}

bool parse_structure_type(std::string_view name, StructureType* out) {
  for (const auto& n : type_names)
    if (iequals(name, n.name) || iequals(name, n.gstat)) {
      *out = n.type;
      return true;
    }
  return false;
}

double unit_variogram(StructureType type, double h, double exponent) {
  switch (type) {
    case StructureType::nugget: return h > 0 ? 1.0 : 0.0;
    case StructureType::spherical: return h >= 1 ? 1.0 : h * (1.5 - 0.5 * h * h);
    case StructureType::exponential: return 1.0 - std::exp(-h);
    case StructureType::gaussian: return 1.0 - std::exp(-h * h);
    case StructureType::cubic: {
      if (h >= 1) return 1.0;
      const double h2 = h * h, h3 = h2 * h, h5 = h3 * h2, h7 = h5 * h2;
      return 7 * h2 - 8.75 * h3 + 3.5 * h5 - 0.75 * h7;
    }
    case StructureType::power: return std::pow(h, exponent);
  }
  return 0.0;
}

double VariogramStructure::normalised_distance(const Eigen::Vector3d& d) const {
  return (anisotropy.transform() * d).norm();
}

double VariogramStructure::variogram(const Eigen::Vector3d& d) const {
  if (type == StructureType::nugget) return d.squaredNorm() > 0 ? sill : 0.0;
  return sill * unit_variogram(type, normalised_distance(d), exponent);
}

double VariogramModel::variogram(const Eigen::Vector3d& d) const {
  if (d.squaredNorm() == 0) return 0.0;
  double g = nugget;
  for (const auto& s : structures) g += s.variogram(d);
  return g;
}

bool VariogramModel::bounded() const {
  for (const auto& s : structures)
    if (s.type == StructureType::power) return false;
  return true;
}

double VariogramModel::total_sill() const {
  if (!bounded()) return std::numeric_limits<double>::infinity();
  double c = nugget;
  for (const auto& s : structures) c += s.sill;
  return c;
}

double VariogramModel::covariance(const Eigen::Vector3d& d) const { return total_sill() - variogram(d); }

double VariogramModel::max_range() const {
  double r = 0;
  for (const auto& s : structures) {
    if (s.type == StructureType::nugget) continue;
    double reach = 1.0;  // normalised distance where the structure is (practically) at its sill
    if (s.type == StructureType::exponential) reach = 3.0;
    if (s.type == StructureType::gaussian) reach = std::sqrt(3.0);
    for (double a : s.anisotropy.ranges) r = std::max(r, a * reach);
  }
  return r;
}

VariogramModel VariogramModel::from_config(const ConfigView& v) {
  v.allow_only({"nugget", "structures"});
  VariogramModel m;
  m.nugget = v.number("nugget", 0.0);
  if (m.nugget < 0) v.fail_at("nugget", "must not be negative");
  const auto list = v.at("structures");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto s = list.at(i);
    s.allow_only({"type", "sill", "range", "ranges", "angles", "exponent"});
    VariogramStructure st;
    const std::string type = s.string("type");
    if (!parse_structure_type(type, &st.type))
      s.fail_at("type", "unknown structure type '" + type +
                            "' (known: nugget, spherical, exponential, gaussian, cubic, power)");
    st.sill = s.number("sill");
    if (!(st.sill >= 0)) s.fail_at("sill", "must not be negative, got " + format_double(st.sill));
    if (st.type == StructureType::nugget) {
      m.nugget += st.sill;  // a nugget listed as a structure joins the nugget
      continue;
    }
    if (s.has("range") && s.has("ranges")) s.fail("give either 'range' or 'ranges', not both");
    if (s.has("ranges")) {
      auto r = s.at("ranges");
      auto values = r.as_numbers();
      if (values.size() == 2) values.push_back(values[0]);  // 2D: vertical = major (unused)
      if (values.size() == 1) values.assign(3, values[0]);
      if (values.size() != 3) r.fail("must have 1, 2 or 3 numbers [major, minor, vertical]");
      for (std::size_t k = 0; k < 3; ++k) st.anisotropy.ranges[k] = values[k];
    } else {
      st.anisotropy.ranges.fill(s.number("range"));
    }
    for (double a : st.anisotropy.ranges)
      if (!(a > 0)) s.fail_at(s.has("ranges") ? "ranges" : "range", "every range must be positive, got " + format_double(a));
    if (auto a = s.find("angles")) {
      auto values = a->as_numbers();
      if (values.empty() || values.size() > 3) a->fail("must have 1 to 3 numbers [azimuth, dip, rake] in degrees");
      values.resize(3, 0.0);
      for (std::size_t k = 0; k < 3; ++k) st.anisotropy.angles[k] = values[k];
      if (values[1] < -90 || values[1] > 90) a->fail("dip must be within [-90, 90]");
    }
    if (st.type == StructureType::power) {
      st.exponent = s.number("exponent", 1.0);
      if (!(st.exponent > 0 && st.exponent < 2)) s.fail_at("exponent", "must be in (0, 2)");
    } else if (s.has("exponent")) {
      s.fail_at("exponent", "only the power model has an exponent");
    }
    m.structures.push_back(st);
  }
  if (m.structures.empty() && m.nugget == 0) v.fail("the model is empty: give a nugget or at least one structure");
  return m;
}

nlohmann::json VariogramModel::to_json() const {
  nlohmann::json j;
  j["nugget"] = nugget;
  j["structures"] = nlohmann::json::array();
  for (const auto& s : structures) {
    nlohmann::json o;
    o["type"] = std::string(structure_type_name(s.type));
    o["sill"] = s.sill;
    o["ranges"] = {s.anisotropy.ranges[0], s.anisotropy.ranges[1], s.anisotropy.ranges[2]};
    o["angles"] = {s.anisotropy.angles[0], s.anisotropy.angles[1], s.anisotropy.angles[2]};
    if (s.type == StructureType::power) o["exponent"] = s.exponent;
    j["structures"].push_back(o);
  }
  return j;
}

std::string VariogramModel::describe() const {
  std::ostringstream out;
  out << format_double(nugget) << " Nug";
  for (const auto& s : structures) {
    const auto& a = s.anisotropy;
    out << " + " << format_double(s.sill) << ' ' << structure_type_name(s.type) << '(' << format_double(a.ranges[0])
        << '/' << format_double(a.ranges[1]) << '/' << format_double(a.ranges[2]) << " @ "
        << format_double(a.angles[0]) << '/' << format_double(a.angles[1]) << '/' << format_double(a.angles[2])
        << ')';
  }
  return out.str();
}

}  // namespace georeserve
