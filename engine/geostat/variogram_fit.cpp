// Weighted least-squares variogram fitting: the data points, the parameter vector, projected
// Levenberg-Marquardt and the checks that turn a bad fit into a clear error (see variogram_fit.h).
#include "geostat/variogram_fit.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <Eigen/Cholesky>
#include <Eigen/Dense>

#include "core/text.h"

namespace georeserve {
namespace {

struct FitPoint {
  Eigen::Vector3d d;  // separation vector: direction unit vector times mean lag distance
  double gamma, weight;
};

// gamma(d) with each structure's anisotropy transform computed once.
class ModelEval {
 public:
  explicit ModelEval(const VariogramModel& m) : m_(m) {
    for (const auto& s : m.structures) t_.push_back(s.anisotropy.transform());
  }
  double operator()(const Eigen::Vector3d& d) const {
    if (d.squaredNorm() == 0) return 0.0;
    double g = m_.nugget;
    for (std::size_t i = 0; i < t_.size(); ++i) {
      const auto& s = m_.structures[i];
      g += s.sill * unit_variogram(s.type, (t_[i] * d).norm(), s.exponent);
    }
    return g;
  }

 private:
  const VariogramModel& m_;
  std::vector<Eigen::Matrix3d> t_;
};

std::vector<FitPoint> fit_points(const std::vector<ExperimentalVariogram>& vs, int method,
                                 const VariogramModel& weight_model) {
  if (method != 1 && method != 2 && method != 6 && method != 7)
    throw Error("variogram fit: method must be 1 (N), 2 (N/gamma^2), 6 (unweighted) or 7 (N/h^2), got " +
                std::to_string(method));
  const ModelEval weight_eval(weight_model);
  std::vector<FitPoint> pts;
  for (const auto& v : vs) {
    const Eigen::Vector3d u = v.direction.unit_vector();
    for (const auto& lag : v.lags) {
      if (lag.pairs == 0) continue;
      FitPoint p{u * lag.distance, lag.gamma, 1.0};
      const auto n = static_cast<double>(lag.pairs);
      if (method == 1) p.weight = n;
      if (method == 7) {
        if (lag.distance == 0)
          throw VariogramFitError("variogram fit: method 7 (N/h^2) cannot use a lag of coincident samples (mean "
                                  "distance 0); use method 1 or a lag definition without them");
        p.weight = n / (lag.distance * lag.distance);
      }
      if (method == 2) {
        const double g = weight_eval(p.d);
        if (!(std::abs(g) > 1e-30))
          throw VariogramFitError("variogram fit: method 2 needs the initial model to be positive at every lag");
        p.weight = n / (g * g);
      }
      pts.push_back(p);
    }
  }
  return pts;
}

double sse_of(const std::vector<FitPoint>& pts, const VariogramModel& m) {
  const ModelEval eval(m);
  double s = 0;
  for (const auto& p : pts) {
    const double r = p.gamma - eval(p.d);
    s += p.weight * r * r;
  }
  return s;
}

// The free parameters and how they map onto a model.
enum class ParamKind { nugget, sill, range, range_scale, angle };
struct Param {
  ParamKind kind;
  int s = -1, k = -1;  // structure and component
  double lower, upper, scale;
  std::string name;
};

class Parameters {
 public:
  Parameters(const VariogramModel& initial, const VariogramFitOptions& o, bool proportional,
             const std::vector<FitPoint>& pts, double sill_scale, double range_scale, std::vector<std::string>* notes)
      : base_(initial) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const double min_range = 1e-6 * range_scale;
    if (o.fit_nugget) add({ParamKind::nugget, -1, -1, 0, inf, sill_scale, "nugget"});
    for (std::size_t i = 0; i < initial.structures.size(); ++i) {
      const auto& st = initial.structures[i];
      const StructureFitFlags f = i < o.structures.size() ? o.structures[i] : StructureFitFlags{};
      const int s = static_cast<int>(i);
      const std::string at = "structures[" + std::to_string(i) + "]";
      if (f.sill) add({ParamKind::sill, s, -1, 0, inf, sill_scale, at + ".sill"});
      if (proportional) {
        if (f.ranges[0] != f.ranges[1] || f.ranges[1] != f.ranges[2])
          throw VariogramFitError(at + ": with a single direction the ranges of a structure are fitted together "
                                  "(anisotropy ratios kept); fix all of " + at + ".ranges or none, or fit the "
                                  "ranges independently (fit.ranges = \"independent\")");
        if (f.ranges[0])
          add({ParamKind::range_scale, s, 0, min_range, inf, range_scale, at + ".ranges"});
      } else {
        const Eigen::Matrix3d r = st.anisotropy.rotation();
        for (int k = 0; k < 3; ++k) {
          if (!f.ranges[static_cast<std::size_t>(k)]) continue;
          bool seen = false;  // does any lag vector have a component along this axis?
          for (const auto& p : pts) seen = seen || std::abs(r.row(k).dot(p.d)) > 1e-9 * (p.d.norm() + 1e-300);
          const std::string name = at + ".ranges[" + std::to_string(k) + "]";
          if (!seen) {
            notes->push_back(name + " is not seen by any direction: kept at " +
                             format_double(st.anisotropy.ranges[static_cast<std::size_t>(k)]) + " m");
            continue;
          }
          add({ParamKind::range, s, k, min_range, inf, range_scale, name});
        }
      }
      for (int k = 0; k < 3; ++k)
        if (f.angles[static_cast<std::size_t>(k)])
          add({ParamKind::angle, s, k, -inf, inf, 10.0, at + ".angles[" + std::to_string(k) + "]"});
    }
  }

  std::size_t size() const { return p_.size(); }
  const Param& operator[](std::size_t i) const { return p_[i]; }

  Eigen::VectorXd pack(const VariogramModel& m) const {
    Eigen::VectorXd x(static_cast<Eigen::Index>(p_.size()));
    for (std::size_t i = 0; i < p_.size(); ++i) x[static_cast<Eigen::Index>(i)] = get(m, p_[i]);
    return x;
  }

  VariogramModel unpack(const Eigen::VectorXd& x, const VariogramModel& like) const {
    VariogramModel m = like;
    for (std::size_t i = 0; i < p_.size(); ++i) {
      const Param& p = p_[i];
      const double v = x[static_cast<Eigen::Index>(i)];
      if (p.kind == ParamKind::nugget) {
        m.nugget = v;
        continue;
      }
      auto& st = m.structures[static_cast<std::size_t>(p.s)];
      switch (p.kind) {
        case ParamKind::nugget: break;
        case ParamKind::sill: st.sill = v; break;
        case ParamKind::range: st.anisotropy.ranges[static_cast<std::size_t>(p.k)] = v; break;
        case ParamKind::range_scale: {
          const auto& b = base_.structures[static_cast<std::size_t>(p.s)].anisotropy.ranges;
          for (std::size_t k = 0; k < 3; ++k) st.anisotropy.ranges[k] = v * (b[k] / b[0]);
          break;
        }
        case ParamKind::angle: st.anisotropy.angles[static_cast<std::size_t>(p.k)] = v; break;
      }
    }
    return m;
  }

  Eigen::VectorXd clamp(Eigen::VectorXd x) const {
    for (std::size_t i = 0; i < p_.size(); ++i) {
      auto& v = x[static_cast<Eigen::Index>(i)];
      v = std::clamp(v, p_[i].lower, p_[i].upper);
    }
    return x;
  }

 private:
  void add(Param p) { p_.push_back(std::move(p)); }
  static double get(const VariogramModel& m, const Param& p) {
    if (p.kind == ParamKind::nugget) return m.nugget;
    const auto& st = m.structures[static_cast<std::size_t>(p.s)];
    switch (p.kind) {
      case ParamKind::sill: return st.sill;
      case ParamKind::range: return st.anisotropy.ranges[static_cast<std::size_t>(p.k)];
      case ParamKind::range_scale: return st.anisotropy.ranges[0];
      case ParamKind::angle: return st.anisotropy.angles[static_cast<std::size_t>(p.k)];
      default: return m.nugget;
    }
  }
  VariogramModel base_;
  std::vector<Param> p_;
};

struct LmOutcome {
  Eigen::VectorXd x;
  double sse;
  int iterations;
  bool converged;
};

// Projected Levenberg-Marquardt (Marquardt scaling, central-difference Jacobian).
LmOutcome levenberg_marquardt(const std::vector<FitPoint>& pts, const Parameters& par, const VariogramModel& like,
                              Eigen::VectorXd x, int max_iterations) {
  const auto n = static_cast<Eigen::Index>(pts.size());
  const auto np = static_cast<Eigen::Index>(par.size());
  auto model_values = [&](const Eigen::VectorXd& v) {
    const VariogramModel m = par.unpack(v, like);
    const ModelEval eval(m);
    Eigen::VectorXd f(n);
    for (Eigen::Index i = 0; i < n; ++i) f[i] = eval(pts[static_cast<std::size_t>(i)].d);
    return f;
  };
  Eigen::VectorXd y(n), w(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    y[i] = pts[static_cast<std::size_t>(i)].gamma;
    w[i] = pts[static_cast<std::size_t>(i)].weight;
  }
  auto sse = [&](const Eigen::VectorXd& f) { return (w.array() * (y - f).array().square()).sum(); };

  x = par.clamp(x);
  Eigen::VectorXd f = model_values(x);
  double s = sse(f);
  double lambda = 1e-3;
  int small_steps = 0;
  for (int it = 1; it <= max_iterations; ++it) {
    Eigen::MatrixXd J(n, np);
    for (Eigen::Index j = 0; j < np; ++j) {
      const Param& p = par[static_cast<std::size_t>(j)];
      const double h = 1e-6 * std::max(std::abs(x[j]), p.scale);
      Eigen::VectorXd xp = x, xm = x;
      xp[j] = std::min(x[j] + h, p.upper);
      xm[j] = std::max(x[j] - h, p.lower);
      J.col(j) = (model_values(xp) - model_values(xm)) / (xp[j] - xm[j]);
    }
    const Eigen::MatrixXd A = J.transpose() * w.asDiagonal() * J;
    const Eigen::VectorXd g = J.transpose() * (w.array() * (y - f).array()).matrix();
    // Parameters held at a bound this iteration: at the bound with the descent direction outwards.
    std::vector<Eigen::Index> active;
    for (Eigen::Index j = 0; j < np; ++j) {
      const Param& p = par[static_cast<std::size_t>(j)];
      const bool at_lower = x[j] <= p.lower && g[j] <= 0, at_upper = x[j] >= p.upper && g[j] >= 0;
      if (!at_lower && !at_upper) active.push_back(j);
    }
    if (active.empty()) return {x, s, it, true};
    const auto na = static_cast<Eigen::Index>(active.size());
    Eigen::MatrixXd Aa(na, na);
    Eigen::VectorXd ga(na);
    double dmax = 0;
    for (Eigen::Index a = 0; a < na; ++a) {
      ga[a] = g[active[static_cast<std::size_t>(a)]];
      for (Eigen::Index b = 0; b < na; ++b) Aa(a, b) = A(active[static_cast<std::size_t>(a)], active[static_cast<std::size_t>(b)]);
      dmax = std::max(dmax, Aa(a, a));
    }
    if (dmax == 0) return {x, s, it, true};  // the data do not depend on any free parameter
    bool improved = false;
    double s_new = s;
    Eigen::VectorXd x_new = x;
    while (lambda < 1e16) {
      Eigen::MatrixXd M = Aa;
      for (Eigen::Index a = 0; a < na; ++a) M(a, a) += lambda * std::max(Aa(a, a), 1e-12 * dmax);
      const Eigen::VectorXd step = M.ldlt().solve(ga);
      x_new = x;
      for (Eigen::Index a = 0; a < na; ++a) x_new[active[static_cast<std::size_t>(a)]] += step[a];
      x_new = par.clamp(x_new);
      const Eigen::VectorXd f_new = model_values(x_new);
      s_new = sse(f_new);
      if (std::isfinite(s_new) && s_new < s) {
        improved = true;
        f = f_new;
        lambda = std::max(lambda / 5, 1e-12);
        break;
      }
      lambda *= 8;
    }
    if (!improved) return {x, s, it, true};  // no descent left: a (bounded) minimum
    double rel_step = 0;
    for (Eigen::Index j = 0; j < np; ++j)
      rel_step = std::max(rel_step, std::abs(x_new[j] - x[j]) / std::max(std::abs(x[j]), par[static_cast<std::size_t>(j)].scale));
    const double decrease = (s - s_new) / std::max(s, 1e-300);
    x = x_new;
    s = s_new;
    small_steps = (decrease < 1e-13 || rel_step < 1e-11) ? small_steps + 1 : 0;
    if (small_steps >= 3 || s == 0) return {x, s, it, true};
  }
  return {x, s, max_iterations, false};
}

// Rescaled copies of the initial model: total sill matched to the plateau of the data, ranges halved
// and doubled. Only free parameters change.
std::vector<Eigen::VectorXd> starting_points(const Parameters& par, const VariogramModel& initial,
                                             const std::vector<FitPoint>& pts, double variance) {
  std::vector<Eigen::VectorXd> starts{par.pack(initial)};
  double plateau = variance;
  if (!std::isfinite(plateau) || plateau <= 0) {
    // Mean semivariance of the farther half of the lags.
    std::vector<double> d;
    for (const auto& p : pts) d.push_back(p.d.norm());
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
    const double median = d[d.size() / 2];
    double sum = 0;
    int cnt = 0;
    for (const auto& p : pts)
      if (p.d.norm() >= median) {
        sum += p.gamma;
        ++cnt;
      }
    plateau = cnt ? sum / cnt : 0;
  }
  const double total = initial.total_sill();
  if (!(plateau > 0) || !std::isfinite(total) || !(total > 0)) return starts;
  Eigen::VectorXd base = starts.front();
  for (std::size_t i = 0; i < par.size(); ++i)
    if (par[i].kind == ParamKind::nugget || par[i].kind == ParamKind::sill)
      base[static_cast<Eigen::Index>(i)] *= plateau / total;
  starts.push_back(base);
  for (double f : {0.5, 2.0}) {
    Eigen::VectorXd x = base;
    for (std::size_t i = 0; i < par.size(); ++i)
      if (par[i].kind == ParamKind::range || par[i].kind == ParamKind::range_scale) x[static_cast<Eigen::Index>(i)] *= f;
    starts.push_back(x);
  }
  return starts;
}

bool single_direction(const std::vector<ExperimentalVariogram>& vs) {
  for (const auto& v : vs)
    if ((v.direction.unit_vector() - vs.front().direction.unit_vector()).norm() > 1e-12) return false;
  return true;
}

void normalise_angles(VariogramModel* m) {
  for (auto& s : m->structures) {
    auto& a = s.anisotropy.angles;
    a[0] = std::fmod(a[0], 360.0);
    if (a[0] < 0) a[0] += 360.0;
  }
}

void check_result(const VariogramFitResult& r, const VariogramFitOptions& o) {
  const VariogramModel& m = r.model;
  bool finite = std::isfinite(m.nugget) && std::isfinite(r.weighted_sse);
  for (const auto& s : m.structures)
    for (double v : {s.sill, s.anisotropy.ranges[0], s.anisotropy.ranges[1], s.anisotropy.ranges[2]})
      finite = finite && std::isfinite(v);
  if (!finite) throw VariogramFitError("variogram fit failed: a parameter became infinite or NaN");
  if (std::isfinite(o.data_variance) && o.data_variance > 0 && m.bounded()) {
    const double ratio = m.total_sill() / o.data_variance;
    if (ratio > o.max_sill_ratio)
      throw VariogramFitError("variogram fit rejected: the fitted sill " + format_double(m.total_sill()) + " is " +
                              format_fixed(ratio, 1) + " times the sample variance " +
                              format_double(o.data_variance) + " (limit " + format_double(o.max_sill_ratio) +
                              "); the model does not level off within the lags: extend the cutoff, change the "
                              "structure type, or fix the sill");
  }
}

}  // namespace

double variogram_fit_sse(const std::vector<ExperimentalVariogram>& variograms, const VariogramModel& model, int method,
                         const VariogramModel& weight_model) {
  return sse_of(fit_points(variograms, method, weight_model), model);
}

VariogramFitResult fit_variogram(const std::vector<ExperimentalVariogram>& variograms, const VariogramModel& initial,
                                 const VariogramFitOptions& o) {
  if (variograms.empty()) throw VariogramFitError("variogram fit: no experimental variogram to fit");
  if (o.structures.size() > initial.structures.size())
    throw VariogramFitError("variogram fit: fit flags given for more structures than the model has");
  const std::vector<FitPoint> pts = fit_points(variograms, o.method, initial);
  if (pts.empty()) throw VariogramFitError("variogram fit: no lag has any pair; check the lags and directions");

  double max_h = 0, max_gamma = 0;
  for (const auto& p : pts) {
    max_h = std::max(max_h, p.d.norm());
    max_gamma = std::max(max_gamma, p.gamma);
  }
  const double sill_scale = std::isfinite(o.data_variance) && o.data_variance > 0 ? o.data_variance
                                                                                 : std::max(max_gamma, 1e-300);
  const bool proportional = o.ranges == RangeFitMode::proportional ||
                            (o.ranges == RangeFitMode::automatic && single_direction(variograms));
  VariogramFitResult result;
  const Parameters par(initial, o, proportional, pts, sill_scale, std::max(max_h, 1e-300), &result.notes);
  result.free_parameters = static_cast<int>(par.size());
  result.lags_used = static_cast<int>(pts.size());
  if (par.size() == 0) {
    result.model = initial;
    result.weighted_sse = sse_of(pts, initial);
    check_result(result, o);
    return result;
  }
  if (pts.size() < par.size())
    throw VariogramFitError("variogram fit: " + std::to_string(pts.size()) + " lags with pairs cannot determine " +
                            std::to_string(par.size()) + " free parameters; fix some or use more lags");

  auto starts = o.multistart ? starting_points(par, initial, pts, o.data_variance)
                             : std::vector<Eigen::VectorXd>{par.pack(initial)};
  bool any = false;
  int failed = 0;
  std::optional<VariogramFitResult> stuck;  // the best start that did not converge
  for (const auto& x0 : starts) {
    const LmOutcome r = levenberg_marquardt(pts, par, initial, x0, o.max_iterations);
    if (!r.converged || !std::isfinite(r.sse)) {
      ++failed;
      if (std::isfinite(r.sse) && (!stuck || r.sse < stuck->weighted_sse)) {
        stuck = result;
        stuck->model = par.unpack(r.x, initial);
        stuck->weighted_sse = r.sse;
      }
      continue;
    }
    if (!any || r.sse < result.weighted_sse) {
      result.model = par.unpack(r.x, initial);
      result.weighted_sse = r.sse;
      result.iterations = r.iterations;
      any = true;
    }
  }
  if (!any && stuck) check_result(*stuck, o);  // a sill running away is the better explanation
  if (!any)
    throw VariogramFitError("variogram fit did not converge in " + std::to_string(o.max_iterations) +
                            " iterations from any of " + std::to_string(failed) +
                            " starting models; give a closer initial model or fix some parameters");
  normalise_angles(&result.model);
  check_result(result, o);
  for (const auto& s : result.model.structures)
    if (s.type != StructureType::power && s.sill > 0 && s.anisotropy.ranges[0] > 3 * max_h)
      result.notes.push_back("a fitted range (" + format_double(s.anisotropy.ranges[0]) +
                             " m) is beyond three times the largest lag distance (" + format_double(max_h) +
                             " m): the data barely constrain it");
  return result;
}

}  // namespace georeserve
