// Implementation of fit.h: a small dense Levenberg-Marquardt (at most five parameters) with
// Marquardt's diagonal scaling, steps projected onto each parameter's allowed range, and a Jacobian
// by central differences of the exact model at the observation points.
#include "subsidence/fit.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Dense>
#include <tbb/parallel_for.h>

#include "core/error.h"
#include "subsidence/model.h"

namespace georeserve::subsidence {
namespace {

struct Range {
  double lo, hi;
};

Range allowed(FitParameter p) {
  switch (p) {
    case FitParameter::q: return {1e-3, 1.2};
    case FitParameter::tan_beta: return {0.2, 10.0};
    case FitParameter::b: return {0.0, 2.0};
    case FitParameter::s_ratio: return {0.0, 0.45};
    case FitParameter::theta: return {30.0, 90.0};
  }
  return {0.0, 0.0};
}

double& slot(Parameters& p, FitParameter f) {
  switch (f) {
    case FitParameter::q: return p.q;
    case FitParameter::tan_beta: return p.tan_beta;
    case FitParameter::b: return p.b;
    case FitParameter::s_ratio: return p.s_ratio;
    case FitParameter::theta: return p.theta;
  }
  return p.q;
}

double value_of(const Parameters& p, FitParameter f) {
  Parameters copy = p;
  return slot(copy, f);
}

class Problem {
 public:
  Problem(const std::vector<Panel>& panels, const std::vector<Observation>& points, const std::vector<FitParameter>& free,
          const Parameters& start)
      : panels_(panels), points_(points), free_(free), start_(start) {
    for (const Observation& o : points) n_u_ += (o.u_x ? 1 : 0) + (o.u_y ? 1 : 0);
  }
  std::size_t residual_count() const { return points_.size() + n_u_; }
  std::size_t n_u() const { return n_u_; }

  Parameters parameters(const Eigen::VectorXd& theta) const {
    Parameters p = start_;
    for (std::size_t k = 0; k < free_.size(); ++k) slot(p, free_[k]) = theta[static_cast<Eigen::Index>(k)];
    return p;
  }

  // Residuals (predicted - measured); false when the parameters make no valid model.
  bool residuals(const Eigen::VectorXd& theta, Eigen::VectorXd& r, std::vector<double>* predicted_w = nullptr) const {
    std::optional<SubsidenceModel> model;
    try {
      model.emplace(panels_, parameters(theta));
    } catch (const ModelError&) {
      return false;  // e.g. an inflection offset that collapses a panel
    }
    std::vector<Deformation> at(points_.size());
    tbb::parallel_for(std::size_t{0}, points_.size(), [&](std::size_t i) { at[i] = model->at({points_[i].x, points_[i].y}); });
    r.resize(static_cast<Eigen::Index>(residual_count()));
    Eigen::Index k = 0;
    for (std::size_t i = 0; i < points_.size(); ++i) r[k++] = at[i].w - points_[i].w;
    for (std::size_t i = 0; i < points_.size(); ++i) {
      if (points_[i].u_x) r[k++] = at[i].u_x - *points_[i].u_x;
      if (points_[i].u_y) r[k++] = at[i].u_y - *points_[i].u_y;
    }
    if (predicted_w) {
      predicted_w->resize(points_.size());
      for (std::size_t i = 0; i < points_.size(); ++i) (*predicted_w)[i] = at[i].w;
    }
    return true;
  }

  // Central differences (one-sided at a bound).
  bool jacobian(const Eigen::VectorXd& theta, Eigen::MatrixXd& j) const {
    j.resize(static_cast<Eigen::Index>(residual_count()), theta.size());
    Eigen::VectorXd plus, minus;
    for (Eigen::Index c = 0; c < theta.size(); ++c) {
      const Range range = allowed(free_[static_cast<std::size_t>(c)]);
      const double h = 1e-6 * std::max(std::abs(theta[c]), 0.1);
      Eigen::VectorXd tp = theta, tm = theta;
      tp[c] = std::min(theta[c] + h, range.hi);
      tm[c] = std::max(theta[c] - h, range.lo);
      if (!residuals(tp, plus) || !residuals(tm, minus)) return false;
      j.col(c) = (plus - minus) / (tp[c] - tm[c]);
    }
    return true;
  }

  Eigen::VectorXd clamp(Eigen::VectorXd theta) const {
    for (Eigen::Index c = 0; c < theta.size(); ++c) {
      const Range r = allowed(free_[static_cast<std::size_t>(c)]);
      theta[c] = std::clamp(theta[c], r.lo, r.hi);
    }
    return theta;
  }

 private:
  const std::vector<Panel>& panels_;
  const std::vector<Observation>& points_;
  const std::vector<FitParameter>& free_;
  Parameters start_;
  std::size_t n_u_ = 0;
};

double rms_of(const Eigen::VectorXd& r, Eigen::Index from, Eigen::Index count) {
  return count > 0 ? std::sqrt(r.segment(from, count).squaredNorm() / static_cast<double>(count)) : 0.0;
}

}  // namespace

std::string fit_parameter_name(FitParameter p) {
  switch (p) {
    case FitParameter::q: return "q";
    case FitParameter::tan_beta: return "tan_beta";
    case FitParameter::b: return "b";
    case FitParameter::s_ratio: return "s_ratio";
    case FitParameter::theta: return "theta";
  }
  return "?";
}

std::optional<FitParameter> parse_fit_parameter(const std::string& name) {
  for (FitParameter p : {FitParameter::q, FitParameter::tan_beta, FitParameter::b, FitParameter::s_ratio, FitParameter::theta})
    if (fit_parameter_name(p) == name) return p;
  return std::nullopt;
}

FitResult fit_parameters(const std::vector<Panel>& panels, const std::vector<Observation>& points,
                         const std::vector<FitParameter>& free, const Parameters& start, ProgressSink* progress) {
  if (free.empty()) throw Error("parameter fit: no parameters to fit");
  const Problem problem(panels, points, free, start);
  if (problem.residual_count() <= free.size())
    throw Error("parameter fit: " + std::to_string(problem.residual_count()) + " measurements cannot determine " +
                std::to_string(free.size()) + " parameters; more points are needed");
  if (std::find(free.begin(), free.end(), FitParameter::b) != free.end() && problem.n_u() == 0)
    throw Error("parameter fit: b can only be fitted from horizontal movements (u_x, u_y columns), and the points have none");
  const SubsidenceModel start_model(panels, start);  // throws ModelError naming a bad start value
  (void)start_model;

  const Eigen::Index p = static_cast<Eigen::Index>(free.size());
  Eigen::VectorXd theta(p);
  for (Eigen::Index c = 0; c < p; ++c) theta[c] = value_of(start, free[static_cast<std::size_t>(c)]);
  theta = problem.clamp(theta);

  constexpr int kMaxIterations = 100;
  ProgressTask task(progress, "parameter fit", kMaxIterations);
  Eigen::VectorXd r, r_new;
  Eigen::MatrixXd j;
  if (!problem.residuals(theta, r)) throw Error("parameter fit: the start parameters do not give a valid model");
  double cost = r.squaredNorm();
  double lambda = -1.0;
  FitResult result;
  result.stop_reason = "iteration limit reached";
  for (int it = 1; it <= kMaxIterations; ++it) {
    result.iterations = it;
    task.advance(1);
    if (!problem.jacobian(theta, j)) {
      result.stop_reason = "the model became invalid near the current parameters";
      break;
    }
    const Eigen::MatrixXd jtj = j.transpose() * j;
    const Eigen::VectorXd gradient = j.transpose() * r;
    const Eigen::VectorXd scale = jtj.diagonal().cwiseMax(1e-12 * std::max(jtj.diagonal().maxCoeff(), 1e-300));
    if (lambda < 0.0) lambda = 1e-3;
    bool improved = false;
    double step_size = 0.0;
    for (int tries = 0; tries < 30 && !improved; ++tries) {
      Eigen::MatrixXd a = jtj;
      a.diagonal() += lambda * scale;
      const Eigen::VectorXd next = problem.clamp(theta - a.ldlt().solve(gradient));
      step_size = (next - theta).cwiseAbs().cwiseQuotient(theta.cwiseAbs().cwiseMax(1e-3)).maxCoeff();
      if (problem.residuals(next, r_new) && r_new.squaredNorm() < cost) {
        const double previous = cost;
        theta = next;
        r = r_new;
        cost = r.squaredNorm();
        lambda = std::max(lambda / 3.0, 1e-12);
        improved = true;
        if (previous - cost <= 1e-12 * previous || step_size < 1e-10) {
          result.converged = true;
          result.stop_reason = "converged (the sum of squares stopped decreasing)";
        }
      } else {
        lambda *= 4.0;
      }
    }
    if (!improved) {
      result.converged = true;
      result.stop_reason = "converged (no step reduces the sum of squares)";
    }
    if (result.converged) break;
  }

  // Uncertainty at the solution.
  problem.residuals(theta, r, &result.predicted_w);
  const bool have_j = problem.jacobian(theta, j);
  const double dof = static_cast<double>(r.size() - p);
  const double sigma2 = r.squaredNorm() / dof;
  Eigen::MatrixXd cov = Eigen::MatrixXd::Constant(p, p, std::numeric_limits<double>::quiet_NaN());
  if (have_j) {
    const Eigen::MatrixXd jtj = j.transpose() * j;
    Eigen::FullPivLU<Eigen::MatrixXd> lu(jtj);
    if (lu.isInvertible() && lu.rcond() > 1e-14) cov = sigma2 * lu.inverse();
  }
  result.fitted = problem.parameters(theta);
  result.correlation.assign(static_cast<std::size_t>(p), std::vector<double>(static_cast<std::size_t>(p)));
  for (Eigen::Index a = 0; a < p; ++a) {
    const FitParameter f = free[static_cast<std::size_t>(a)];
    const Range range = allowed(f);
    FitEstimate e{f, value_of(start, f), theta[a], std::sqrt(cov(a, a)),
                  theta[a] <= range.lo || theta[a] >= range.hi};
    result.estimates.push_back(e);
    for (Eigen::Index b = 0; b < p; ++b)
      result.correlation[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)] = cov(a, b) / std::sqrt(cov(a, a) * cov(b, b));
  }
  result.n_w = points.size();
  result.n_u = problem.n_u();
  result.rms_w = rms_of(r, 0, static_cast<Eigen::Index>(result.n_w));
  result.rms_u = rms_of(r, static_cast<Eigen::Index>(result.n_w), static_cast<Eigen::Index>(result.n_u));
  result.rms = rms_of(r, 0, r.size());
  return result;
}

}  // namespace georeserve::subsidence
