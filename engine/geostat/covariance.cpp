#include "geostat/covariance.h"

#include <algorithm>
#include <cmath>

#include "core/vector_clones.h"

namespace georeserve {

namespace {

// Unit covariances 1 - f(h), written branch-free (min instead of if) so that the loops below vectorise.
inline double unit_spherical(double h) {
  const double t = h < 1.0 ? h : 1.0;
  return 1.0 - t * (1.5 - 0.5 * t * t);
}
inline double unit_cubic(double h) {
  const double t = h < 1.0 ? h : 1.0, t2 = t * t;
  return 1.0 - t2 * (7.0 + t * (-8.75 + t2 * (3.5 - 0.75 * t2)));
}
inline double unit_exponential(double h) { return std::exp(-h); }
inline double unit_gaussian(double h) { return std::exp(-h * h); }
// h^e = exp(e log h) is cheaper than std::pow and exact enough (a few ulp).
inline double unit_power(double h, double e) { return h > 0 ? -std::exp(e * std::log(h)) : 0.0; }

template <class Unit>
void accumulate_with(Unit unit, const double* __restrict px, const double* __restrict py, const double* __restrict pz,
                     std::size_t n, const double q[3], double scale, double* __restrict out) {
  const double qx = q[0], qy = q[1], qz = q[2];
  for (std::size_t j = 0; j < n; ++j) {
    const double dx = px[j] - qx, dy = py[j] - qy, dz = pz[j] - qz;
    out[j] += scale * unit(std::sqrt(dx * dx + dy * dy + dz * dz));
  }
}

}  // namespace

CovarianceFunction::CovarianceFunction(const VariogramModel& model, double extent) {
  nugget_ = model.nugget;
  double bounded_sills = 0;
  for (const auto& s : model.structures) {
    PreparedStructure p;
    p.type = s.type;
    p.sill = s.sill;
    p.exponent = s.exponent;
    p.transform = s.anisotropy.transform();
    if (s.type == StructureType::nugget) {
      nugget_ += s.sill;
      continue;
    }
    if (s.type == StructureType::power) {
      bounded_ = false;
      // gamma_s can reach sill * (extent / shortest range)^e within the data; K covers it.
      const auto& r = s.anisotropy.ranges;
      const double shortest = std::min({r[0], r[1], r[2]});
      const double h = std::max(extent, 1.0) / shortest;
      constant_ += s.sill * std::pow(h, s.exponent);
    } else {
      bounded_sills += s.sill;
    }
    structures_.push_back(p);
  }
  at_zero_ = constant_ + nugget_ + bounded_sills;
}

double CovarianceFunction::unit(std::size_t s, double h) const {
  const auto& p = structures_[s];
  switch (p.type) {
    case StructureType::spherical: return unit_spherical(h);
    case StructureType::exponential: return unit_exponential(h);
    case StructureType::gaussian: return unit_gaussian(h);
    case StructureType::cubic: return unit_cubic(h);
    case StructureType::power: return unit_power(h, p.exponent);
    case StructureType::nugget: break;
  }
  return 0.0;
}

double CovarianceFunction::continuous(const Eigen::Vector3d& d) const {
  double c = constant_;
  for (std::size_t s = 0; s < structures_.size(); ++s)
    c += structures_[s].sill * unit(s, (structures_[s].transform * d).norm());
  return c;
}

double CovarianceFunction::operator()(const Eigen::Vector3d& d) const {
  const bool zero = d.x() == 0 && d.y() == 0 && d.z() == 0;
  return continuous(d) + (zero ? nugget_ : 0.0);
}

GEORESERVE_VECTOR_CLONES void CovarianceFunction::accumulate(std::size_t s, const double* px, const double* py, const double* pz,
                                    std::size_t n, const double q[3], double weight, double* out) const {
  const auto& p = structures_[s];
  const double scale = weight * p.sill;
  switch (p.type) {
    // Lambdas, not function pointers, so that the unit function inlines into the loop.
    case StructureType::spherical:
      accumulate_with([](double h) { return unit_spherical(h); }, px, py, pz, n, q, scale, out);
      break;
    case StructureType::exponential:
      accumulate_with([](double h) { return unit_exponential(h); }, px, py, pz, n, q, scale, out);
      break;
    case StructureType::gaussian:
      accumulate_with([](double h) { return unit_gaussian(h); }, px, py, pz, n, q, scale, out);
      break;
    case StructureType::cubic:
      accumulate_with([](double h) { return unit_cubic(h); }, px, py, pz, n, q, scale, out);
      break;
    case StructureType::power: {
      const double e = p.exponent;
      accumulate_with([e](double h) { return unit_power(h, e); }, px, py, pz, n, q, scale, out);
      break;
    }
    case StructureType::nugget: break;
  }
}

}  // namespace georeserve
