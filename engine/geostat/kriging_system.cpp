#include "geostat/kriging_system.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include <Eigen/Eigenvalues>

#include "core/radix_sort.h"
#include "geostat/dense_cholesky.h"

namespace georeserve {

namespace {
// Whether two of the points (x, y, z triples) coincide. Equal points have equal hashes: when no two
// hashes are equal, which a radix sort of 64-bit integers shows quickly, no two points are; else
// (two equal points, or a collision) the points themselves are sorted and compared.
bool any_coincident(const std::vector<double>& xyz) {
  const std::size_t n = xyz.size() / 3;
  std::vector<std::uint64_t> keys(n), spare(n);
  auto bits = [](double v) { return std::bit_cast<std::uint64_t>(v + 0.0); };  // -0 and +0 alike
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = bits(xyz[3 * i]);
    for (std::size_t a = 1; a < 3; ++a) h = (h ^ (h >> 31)) * 0x9E3779B97F4A7C15ull + bits(xyz[3 * i + a]);
    h ^= h >> 29, h *= 0xBF58476D1CE4E5B9ull, h ^= h >> 32;
    keys[i] = h;
  }
  radix_sort(keys.data(), n, spare.data(), [](std::uint64_t key) { return key; });
  if (std::adjacent_find(keys.begin(), keys.end()) == keys.end()) return false;
  std::vector<std::array<double, 3>> points(n);
  for (std::size_t i = 0; i < n; ++i) points[i] = {xyz[3 * i] + 0.0, xyz[3 * i + 1] + 0.0, xyz[3 * i + 2] + 0.0};
  std::sort(points.begin(), points.end());
  return std::adjacent_find(points.begin(), points.end()) != points.end();
}

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double pivot_tolerance = 1e-10;       // relative Cholesky pivot below which C is near-singular
constexpr double eigenvalue_tolerance = 1e-12;  // relative eigenvalue kept by the pseudo-inverse
// An appended sample whose pivot is below this fraction of C(0) is nearly a combination of the others:
// the set is then factorised afresh (which applies pivot_tolerance and the pseudo-inverse if needed).
constexpr double append_tolerance = 1e-6;

}  // namespace

std::string_view status_name(EstimateStatus s) {
  switch (s) {
    case EstimateStatus::ok: return "ok";
    case EstimateStatus::pseudo_inverse: return "pseudo_inverse";
    case EstimateStatus::too_few_samples: return "too_few_samples";
    case EstimateStatus::singular: return "singular";
  }
  return "?";
}

// Each thread writes its workspace on every target: aligned and padded to whole 128-byte blocks (two
// cache lines, as the prefetcher pairs them) so that two threads' workspaces never share a line.
// Sharing one cost 20 % of the 2-thread throughput.
struct alignas(128) KrigingWorkspace {
  std::size_t capacity = 0;
  // The factorised neighbour set.
  std::vector<std::uint32_t> ids;
  std::size_t n = 0;
  bool valid = false, pseudo = false, singular = false;
  std::vector<double> gathered;  // per structure and axis, `capacity` each: M_s x_j of the neighbours
  std::vector<double> raw;       // per axis, `capacity` each: local coordinates of the neighbours
  std::vector<double> z;         // neighbour values (z or z - mean)
  std::vector<double> l;         // capacity x capacity, column-major lower: the Cholesky factor L
  std::vector<double> g, h;      // L^-1 z, L^-1 1 (pseudo-inverse: P^T z, P^T 1)
  std::size_t rank = 0;          // length of g, h and y: n, or the pseudo-inverse's rank
  double t = 0, hg = 0;          // h'h = 1'C^-1 1, h'g = 1'C^-1 z
  Eigen::MatrixXd p;             // pseudo-inverse half: C+ = P P^T (near-singular sets only)
  // Per target.
  std::vector<double> c0, y;
  // Incremental updates.
  std::vector<std::int16_t> slot;  // per sample: its position in ids, or -1 (size: all samples)
  std::vector<char> keep;          // per position: still a neighbour
  std::vector<double> column, x, scratch;
  std::size_t updates_in_a_row = 0;
  std::vector<std::pair<double, std::uint32_t>> order;  // factorisation order (see factorise)
  double last_target[3] = {0, 0, 0};
  bool has_last = false;
  bool factorised_last = false;  // the last solve factorised afresh (no update could follow it)
  std::uint64_t factorisations = 0, updates = 0, reuses = 0;
};

void KrigingWorkspaceDeleter::operator()(KrigingWorkspace* w) const { delete w; }

KrigingSystem::KrigingSystem(CovarianceFunction covariance, KrigingType type, double mean, const std::vector<double>& xyz,
                             const std::vector<double>& values, std::optional<BlockSupport> block)
    : cov_(std::move(covariance)), type_(type), mean_(mean), n_(values.size()) {
  coincident_ = any_coincident(xyz);
  const std::size_t S = cov_.structure_count();
  stride_ = (4 + 3 * S + 7) / 8 * 8;
  packed_.assign(stride_ * n_ + 8, 0.0);
  first_ = ((64 - reinterpret_cast<std::uintptr_t>(packed_.data()) % 64) % 64) / sizeof(double);
  for (std::size_t i = 0; i < n_; ++i) {
    double* r = record(i);
    const Eigen::Vector3d x(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    r[0] = x.x(), r[1] = x.y(), r[2] = x.z(), r[3] = type_ == KrigingType::simple ? values[i] - mean_ : values[i];  // z, or z - mean
    for (std::size_t s = 0; s < S; ++s) {
      const Eigen::Vector3d p = cov_.structure(s).transform * x;
      r[4 + 3 * s] = p.x(), r[5 + 3 * s] = p.y(), r[6 + 3 * s] = p.z();
    }
  }
  if (!block) {
    c00_ = cov_.at_zero();
    return;
  }
  block_ = true;
  const auto offsets = block->offsets();
  block_points_ = offsets.size();
  toffsets_.resize(3 * S * block_points_);
  const double w = 1.0 / static_cast<double>(block_points_);
  c00_ = cov_.constant();
  for (std::size_t s = 0; s < S; ++s) {
    const Eigen::Matrix3d& m = cov_.structure(s).transform;
    double* ox = toffsets_.data() + 3 * s * block_points_;
    double* oy = ox + block_points_;
    double* oz = oy + block_points_;
    for (std::size_t k = 0; k < block_points_; ++k) {
      const Eigen::Vector3d p = m * offsets[k];
      ox[k] = p.x(), oy[k] = p.y(), oz[k] = p.z();
    }
    // Block-to-block average over all pairs of discretisation points, the nugget excluded (gstat).
    std::vector<double> sum(block_points_, 0.0);
    for (std::size_t k = 0; k < block_points_; ++k) {
      const double q[3] = {ox[k], oy[k], oz[k]};
      cov_.accumulate(s, ox, oy, oz, block_points_, q, w * w, sum.data());
    }
    for (double x : sum) c00_ += x;
  }
}

KrigingWorkspacePtr KrigingSystem::make_workspace(std::size_t max_neighbours) const {
  KrigingWorkspacePtr ws(new KrigingWorkspace);
  const std::size_t c = std::max<std::size_t>(max_neighbours, 1);
  ws->capacity = c;
  ws->ids.resize(c);
  ws->gathered.resize(3 * cov_.structure_count() * c);
  ws->raw.resize(3 * c);
  ws->z.resize(c);
  ws->l.resize(c * c);
  ws->g.resize(c);
  ws->h.resize(c);
  ws->c0.resize(c);
  ws->y.resize(c);
  // Updates need a slot per sample (2 bytes each); above int16 positions, factorise every time.
  if (c < 32768) ws->slot.assign(n_, -1);
  ws->keep.resize(c);
  ws->column.resize(c);
  ws->x.resize(c);
  ws->scratch.resize(c);
  ws->order.resize(c);
  return ws;
}

void KrigingSystem::forget(KrigingWorkspace& ws) {
  if (!ws.slot.empty())
    for (std::size_t j = 0; j < ws.n; ++j) ws.slot[ws.ids[j]] = -1;
  ws.n = 0;
  ws.valid = false;
  ws.updates_in_a_row = 0;
  ws.has_last = false;
}

std::uint64_t KrigingSystem::factorisations(const KrigingWorkspace& ws) { return ws.factorisations; }
std::uint64_t KrigingSystem::updates(const KrigingWorkspace& ws) { return ws.updates; }
std::uint64_t KrigingSystem::reuses(const KrigingWorkspace& ws) { return ws.reuses; }

// Sample id's coordinates (raw and per structure transformed) and value into neighbour position j.
void KrigingSystem::gather(std::uint32_t id, std::size_t j, KrigingWorkspace& ws) const {
  const std::size_t cap = ws.capacity;
  const double* r = record(id);
  for (std::size_t a = 0; a < 3; ++a) ws.raw[a * cap + j] = r[a];
  ws.z[j] = r[3];
  for (std::size_t a = 0; a < 3 * cov_.structure_count(); ++a) ws.gathered[a * cap + j] = r[4 + a];
  if (!ws.slot.empty()) ws.slot[id] = static_cast<std::int16_t>(j);
}

// out[i - begin] = C(neighbour j, neighbour i) for i in [begin, end), none of them j.
void KrigingSystem::covariances(std::size_t j, std::size_t begin, std::size_t end, const KrigingWorkspace& ws,
                                double* out) const {
  const std::size_t cap = ws.capacity;
  std::fill(out, out + (end - begin), cov_.constant());
  for (std::size_t s = 0; s < cov_.structure_count(); ++s) {
    const double* gx = ws.gathered.data() + 3 * s * cap;
    const double q[3] = {gx[j], gx[cap + j], gx[2 * cap + j]};
    cov_.accumulate(s, gx + begin, gx + cap + begin, gx + 2 * cap + begin, end - begin, q, 1.0, out);
  }
  if (coincident_ && cov_.nugget() > 0) {
    const double* rx = ws.raw.data();
    const double* ry = rx + cap;
    const double* rz = ry + cap;
    for (std::size_t i = begin; i < end; ++i)
      if (rx[i] == rx[j] && ry[i] == ry[j] && rz[i] == rz[j]) out[i - begin] += cov_.nugget();
  }
}

// Lower triangle of C (column j holds C(j..n-1, j)) into ws.l.
void KrigingSystem::fill_matrix(std::size_t n, KrigingWorkspace& ws) const {
  for (std::size_t j = 0; j < n; ++j) {
    double* col = ws.l.data() + j * ws.capacity;
    col[j] = cov_.at_zero();
    covariances(j, j + 1, n, ws, col + j + 1);
  }
}

// Factorises afresh. The order of the neighbours in the factor is chosen for the updates to come: a
// removal costs O(distance from the end^2), so samples are placed by how far they lie ahead of the
// target in its direction of travel (from the previous target): those behind, the first to leave
// as the target moves on, go last. Without a previous target the order is by sample index.
void KrigingSystem::factorise(const std::uint32_t* ids, std::size_t n, const double target[3],
                              KrigingWorkspace& ws) const {
  const std::size_t cap = ws.capacity;
  // Ordering pays only if updates follow; after two factorisations in a row (neighbour sets that
  // change wholesale, as among drillholes in 3D) it is skipped.
  const bool moving = ws.has_last && !ws.factorised_last &&
                      (target[0] != ws.last_target[0] || target[1] != ws.last_target[1] ||
                       target[2] != ws.last_target[2]);
  const double u[3] = {target[0] - ws.last_target[0], target[1] - ws.last_target[1], target[2] - ws.last_target[2]};
  forget(ws);
  ++ws.factorisations;
  if (moving) {
    auto& order = ws.order;
    for (std::size_t j = 0; j < n; ++j) {
      const double* r = record(ids[j]);
      order[j] = {-((r[0] - target[0]) * u[0] + (r[1] - target[1]) * u[1] + (r[2] - target[2]) * u[2]), ids[j]};
    }
    std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n));
    for (std::size_t j = 0; j < n; ++j) ws.ids[j] = order[j].second;
  } else {
    std::copy(ids, ids + n, ws.ids.begin());
  }
  ws.n = n;
  ws.valid = true;
  ws.pseudo = ws.singular = false;
  ws.factorised_last = true;
  for (std::size_t j = 0; j < n; ++j) gather(ws.ids[j], j, ws);
  fill_matrix(n, ws);
  double ratio = 0;
  if (!cholesky_lower(ws.l.data(), n, cap, pivot_tolerance, &ratio)) {
    pseudo_inverse(n, ws);
    return;
  }
  ws.rank = n;
  std::copy(ws.z.begin(), ws.z.begin() + static_cast<std::ptrdiff_t>(n), ws.g.begin());
  solve_lower(ws.l.data(), n, cap, ws.g.data());
  std::fill(ws.h.begin(), ws.h.begin() + static_cast<std::ptrdiff_t>(n), 1.0);
  solve_lower(ws.l.data(), n, cap, ws.h.data());
  ws.t = dot(ws.h.data(), ws.h.data(), n);
  ws.hg = dot(ws.h.data(), ws.g.data(), n);
}

// The rare path: C is numerically singular. Allocates (Eigen) -- acceptable off the hot path.
void KrigingSystem::pseudo_inverse(std::size_t n, KrigingWorkspace& ws) const {
  ws.pseudo = true;
  fill_matrix(n, ws);
  const auto k = static_cast<Eigen::Index>(n);
  const Eigen::Map<const Eigen::MatrixXd, 0, Eigen::OuterStride<>> lower(ws.l.data(), k, k,
                                                                          Eigen::OuterStride<>(ws.capacity));
  const Eigen::MatrixXd c = lower.selfadjointView<Eigen::Lower>();
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(c);
  const Eigen::VectorXd& lambda = eig.eigenvalues();
  const double largest = lambda.size() ? lambda.maxCoeff() : 0.0;
  Eigen::Index keep = 0;
  for (Eigen::Index i = 0; i < k; ++i)
    if (lambda[i] > eigenvalue_tolerance * largest) ++keep;
  ws.p.resize(k, keep);
  for (Eigen::Index i = 0, col = 0; i < k; ++i)
    if (lambda[i] > eigenvalue_tolerance * largest) ws.p.col(col++) = eig.eigenvectors().col(i) / std::sqrt(lambda[i]);
  ws.rank = static_cast<std::size_t>(keep);
  Eigen::Map<Eigen::VectorXd>(ws.g.data(), keep) = ws.p.transpose() * Eigen::Map<const Eigen::VectorXd>(ws.z.data(), k);
  Eigen::Map<Eigen::VectorXd>(ws.h.data(), keep) = ws.p.transpose() * Eigen::VectorXd::Ones(k);
  ws.t = dot(ws.h.data(), ws.h.data(), ws.rank);
  ws.hg = dot(ws.h.data(), ws.g.data(), ws.rank);
  ws.singular = keep == 0 || (type_ == KrigingType::ordinary && !(ws.t > 0));
}

void KrigingSystem::target_covariances(std::size_t n, const double target[3], KrigingWorkspace& ws) const {
  const std::size_t cap = ws.capacity;
  double* c0 = ws.c0.data();
  std::fill(c0, c0 + n, cov_.constant());
  const Eigen::Vector3d t(target[0], target[1], target[2]);
  for (std::size_t s = 0; s < cov_.structure_count(); ++s) {
    const double* gx = ws.gathered.data() + 3 * s * cap;
    const Eigen::Vector3d q = cov_.structure(s).transform * t;
    if (!block_) {
      const double qq[3] = {q.x(), q.y(), q.z()};
      cov_.accumulate(s, gx, gx + cap, gx + 2 * cap, n, qq, 1.0, c0);
      continue;
    }
    const double* ox = toffsets_.data() + 3 * s * block_points_;
    const double w = 1.0 / static_cast<double>(block_points_);
    for (std::size_t k = 0; k < block_points_; ++k) {
      const double qq[3] = {q.x() + ox[k], q.y() + ox[block_points_ + k], q.z() + ox[2 * block_points_ + k]};
      cov_.accumulate(s, gx, gx + cap, gx + 2 * cap, n, qq, w, c0);
    }
  }
  if (!block_ && cov_.nugget() > 0) {
    const double* rx = ws.raw.data();
    for (std::size_t j = 0; j < n; ++j)
      if (rx[j] == target[0] && rx[cap + j] == target[1] && rx[2 * cap + j] == target[2]) c0[j] += cov_.nugget();
  }
}

// Brings the factorisation from its present neighbour set to ids[0..n) by removals and appends, when
// that is cheaper than factorising; false when it is not (or an append meets a near-dependent sample),
// and the caller factorises.
bool KrigingSystem::update(const std::uint32_t* ids, std::size_t n, KrigingWorkspace& ws) const {
  if (!ws.valid || ws.pseudo || ws.singular || ws.slot.empty()) return false;
  const std::size_t old_n = ws.n;
  std::fill(ws.keep.begin(), ws.keep.begin() + static_cast<std::ptrdiff_t>(old_n), 0);
  std::size_t common = 0;
  for (std::size_t j = 0; j < n; ++j) {
    const std::int16_t at = ws.slot[ids[j]];
    if (at >= 0) {
      ws.keep[static_cast<std::size_t>(at)] = 1;
      ++common;
    }
  }
  const std::size_t added = n - common;
  if (common == old_n && added == 0) {
    ++ws.reuses;
    ws.factorised_last = false;
    return true;
  }
  if (ws.updates_in_a_row >= max_updates) return false;
  // Cycles, roughly (measured on n = 24..30): a removal d rows from the end is a chain of d rotations
  // (a division each, ~20 cycles; see cholesky_remove) over d^2 / 2 entries; an append is a triangular
  // solve plus n covariances; a factorisation n^3 / 4 plus n^2 / 2 covariances and two solves.
  const double nn = static_cast<double>(n);
  double cost = static_cast<double>(added) * (nn * nn + 10 * nn);
  for (std::size_t k = 0; k < old_n; ++k)
    if (!ws.keep[k]) {
      const auto d = static_cast<double>(old_n - k);
      cost += 20 * d + d * d;
    }
  if (cost >= nn * nn * nn / 4 + 3 * nn * nn) return false;

  for (std::size_t k = old_n; k-- > 0;)  // from the back: positions ahead of k stay valid
    if (!ws.keep[k]) remove_at(k, ws);
  for (std::size_t j = 0; j < n; ++j)
    if (ws.slot[ids[j]] < 0 && !append(ids[j], ws)) return false;
  ws.t = dot(ws.h.data(), ws.h.data(), ws.n);
  ws.hg = dot(ws.h.data(), ws.g.data(), ws.n);
  ws.rank = ws.n;
  ++ws.updates;
  ++ws.updates_in_a_row;
  ws.factorised_last = false;
  return true;
}

void KrigingSystem::remove_at(std::size_t k, KrigingWorkspace& ws) const {
  const std::size_t cap = ws.capacity, n = ws.n;
  cholesky_remove(ws.l.data(), n, cap, k, ws.g.data(), ws.h.data(), ws.scratch.data());
  ws.slot[ws.ids[k]] = -1;
  for (std::size_t j = k + 1; j < n; ++j) --ws.slot[ws.ids[j]];
  auto close_gap = [&](auto* a) {  // a few entries: a loop, not a memmove call
    for (std::size_t j = k; j + 1 < n; ++j) a[j] = a[j + 1];
  };
  close_gap(ws.ids.data());
  close_gap(ws.z.data());
  for (std::size_t a = 0; a < 3; ++a) close_gap(ws.raw.data() + a * cap);
  for (std::size_t a = 0; a < 3 * cov_.structure_count(); ++a) close_gap(ws.gathered.data() + a * cap);
  ws.n = n - 1;
}

bool KrigingSystem::append(std::uint32_t id, KrigingWorkspace& ws) const {
  const std::size_t m = ws.n;
  gather(id, m, ws);
  covariances(m, 0, m, ws, ws.column.data());
  double inverse = 0;
  if (!cholesky_append(ws.l.data(), m, ws.capacity, ws.column.data(), cov_.at_zero(), append_tolerance, ws.x.data(),
                       &inverse)) {
    ws.slot[id] = -1;
    return false;
  }
  ws.ids[m] = id;
  ws.g[m] = (ws.z[m] - dot(ws.x.data(), ws.g.data(), m)) * inverse;
  ws.h[m] = (1.0 - dot(ws.x.data(), ws.h.data(), m)) * inverse;
  ws.n = m + 1;
  return true;
}

KrigingResult KrigingSystem::solve(const std::uint32_t* ids, std::size_t n, const double target[3],
                                   KrigingWorkspace& ws) const {
  if (!update(ids, n, ws)) factorise(ids, n, target, ws);
  std::copy(target, target + 3, ws.last_target);
  ws.has_last = true;
  KrigingResult r;
  if (ws.singular) return r;
  target_covariances(n, target, ws);
  const double* c0 = ws.c0.data();
  double* y = ws.y.data();
  if (ws.pseudo) {
    const auto k = static_cast<Eigen::Index>(n);
    Eigen::Map<Eigen::VectorXd>(y, static_cast<Eigen::Index>(ws.rank)) =
        ws.p.transpose() * Eigen::Map<const Eigen::VectorXd>(c0, k);
  } else {
    std::copy(c0, c0 + n, y);
    solve_lower(ws.l.data(), n, ws.capacity, y);
  }
  const double q = dot(y, y, ws.rank);
  const double s = dot(y, ws.h.data(), ws.rank);
  const double cv = dot(y, ws.g.data(), ws.rank);
  if (type_ == KrigingType::simple) {
    r.estimate = mean_ + cv;
    r.variance = c00_ - q;
    r.sum_weights = s;
    r.lagrange = 0;
    r.slope = 1;
  } else {
    const double mu = (s - 1) / ws.t;
    r.estimate = cv - mu * ws.hg;
    r.variance = c00_ - q + (s - 1) * (s - 1) / ws.t;
    r.sum_weights = s - mu * ws.t;
    r.lagrange = mu;
    const double cov_z = q - mu * s;  // cov(Z, Z*) = w'c0
    const double var_z = cov_z - mu;  // var(Z*) = w'Cw
    r.slope = var_z > 0 ? cov_z / var_z : nan;
  }
  r.variance = std::max(r.variance, 0.0);
  r.efficiency = (c00_ - r.variance) / c00_;
  if (!cov_.bounded()) r.slope = r.efficiency = nan;
  r.status = ws.pseudo ? EstimateStatus::pseudo_inverse : EstimateStatus::ok;
  return r;
}

}  // namespace georeserve
