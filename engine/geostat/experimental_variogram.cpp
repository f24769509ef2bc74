// Experimental variograms: lag binning, direction tests and the pair sums (see experimental_variogram.h).
#include "geostat/experimental_variogram.h"

#include <bit>
#include <cmath>
#include <numbers>

#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"
#include "geostat/anisotropy.h"
#include "geostat/variography_pairs.h"

namespace georeserve {

void VariogramSamples::check_consistent() const {
  const std::size_t n = value.size();
  if (x.size() != n || y.size() != n || z.size() != n || (!hole.empty() && hole.size() != n))
    throw Error("variogram samples: coordinate, value and hole arrays differ in length");
}

double VariogramSamples::variance() const {
  const std::size_t n = value.size();
  if (n < 2) return 0.0;
  double mean = 0;
  for (double v : value) mean += v;
  mean /= static_cast<double>(n);
  double ss = 0;
  for (double v : value) ss += (v - mean) * (v - mean);
  return ss / static_cast<double>(n - 1);
}

LagDefinition LagDefinition::cutoff_width(double width, double cutoff) {
  if (!(width > 0) || !std::isfinite(width)) throw Error("lags: width must be positive");
  if (!(cutoff > 0) || !std::isfinite(cutoff)) throw Error("lags: cutoff must be positive");
  if (cutoff / width > 1e6) throw Error("lags: more than a million lags (cutoff / width too large)");
  LagDefinition d;
  d.width_ = width;
  d.cutoff_ = cutoff;
  d.count_ = 1;
  d.count_ = d.lags_of(cutoff).second + 1;  // the lag holding the cutoff distance is the last
  return d;
}

LagDefinition LagDefinition::spacing_tolerance(double spacing, double tolerance, int nlag) {
  if (!(spacing > 0) || !std::isfinite(spacing)) throw Error("lags: spacing must be positive");
  if (!(tolerance > 0) || !std::isfinite(tolerance)) throw Error("lags: tolerance must be positive");
  if (nlag < 1 || nlag > 1000000) throw Error("lags: count must be between 1 and 1000000");
  LagDefinition d;
  d.centred_ = true;
  d.width_ = spacing;
  d.tolerance_ = tolerance;
  d.count_ = nlag + 1;
  d.cutoff_ = nlag * spacing + tolerance;
  return d;
}

double LagDefinition::max_distance() const { return cutoff_; }

double LagDefinition::lower(int k) const {
  return centred_ ? std::max(0.0, k * width_ - tolerance_) : k * width_;
}

double LagDefinition::upper(int k) const {
  return centred_ ? k * width_ + tolerance_ : std::min(cutoff_, (k + 1) * width_);
}

std::pair<int, int> LagDefinition::centred_lags_of(double h) const {
  // Membership is |h - k s| <= tol; the divisions only give a first guess.
  auto inside = [&](int k) { return std::abs(h - k * width_) <= tolerance_; };
  int first = std::max(0, static_cast<int>(std::ceil((h - tolerance_) / width_)));
  while (first > 0 && inside(first - 1)) --first;
  while (first < count_ && !inside(first) && first * width_ < h) ++first;
  int last = first;
  while (last + 1 < count_ && inside(last + 1)) ++last;
  if (first >= count_ || !inside(first)) return {1, 0};
  return {first, last};
}

Eigen::Vector3d VariogramDirection::unit_vector() const { return direction_vector(azimuth, dip); }

std::string VariogramDirection::label() const {
  if (omnidirectional()) return "omnidirectional";
  std::string s;
  if (tolerance < 90) s = "azimuth " + format_double(azimuth) + " ±" + format_double(tolerance);
  else if (std::abs(dip) != 90) s = "all azimuths";  // a vertical direction has none
  if (dip != 0 || dip_tolerance < 90) {
    s += (s.empty() ? "dip " : ", dip ") + format_double(dip);
    if (dip_tolerance < 90) s += " ±" + format_double(dip_tolerance);
  }
  if (std::isfinite(bandwidth)) s += ", band " + format_double(bandwidth) + " m";
  if (std::isfinite(vertical_bandwidth)) s += ", vertical band " + format_double(vertical_bandwidth) + " m";
  return s;
}

std::uint64_t ExperimentalVariogram::total_pairs() const {
  std::uint64_t n = 0;
  for (const auto& l : lags) n += l.pairs;
  return n;
}

namespace {

// A direction's test in the form of gstat's valid_direction(), with GSLIB's bandwidths and signed
// horizontal part. Angular limits are inclusive with an allowance of 1e-12 on the cosine, so that
// pairs lying exactly on a limit (diagonals of a regular drill grid at 45 degrees, say) are kept
// whatever the rounding; gstat keeps them too (its PI constant, 3.14159265359, happens to widen the
// tolerance by 7e-14 relative).
constexpr double cos_allowance = 1e-12;

struct DirectionTest {
  bool omni, test_h, test_v, band_h, band_v;
  double sa, ca, cos_tol_h, sd, cd, cos_tol_v, bw_h, bw_v;

  explicit DirectionTest(const VariogramDirection& d) {
    constexpr double pi = std::numbers::pi;
    omni = d.omnidirectional();
    test_h = d.tolerance < 90;
    test_v = d.dip_tolerance < 90;
    const double alpha = d.azimuth * pi / 180.0, beta = d.dip * pi / 180.0;
    sa = std::sin(alpha);
    ca = std::cos(alpha);
    sd = std::sin(beta);
    cd = std::cos(beta);
    cos_tol_h = std::cos(d.tolerance * pi / 180.0) - cos_allowance;
    cos_tol_v = std::cos(d.dip_tolerance * pi / 180.0) - cos_allowance;
    bw_h = d.bandwidth;
    bw_v = d.vertical_bandwidth;
    band_h = std::isfinite(bw_h);
    band_v = std::isfinite(bw_v);
  }

  // Branch-free (a pair passes or fails each test at random, so branches would mispredict): the
  // comparisons are multiplied out, |along| >= cos(tol) * |horizontal part| instead of a division,
  // which the cosine allowance makes immaterial. hxy: the pair's horizontal length.
  bool accepts(double px, double py, double pz, double dist, double hxy) const {
    const double along = px * sa + py * ca;  // horizontal part along the azimuth, signed
    const double s = along < 0 ? -hxy : hxy;  // the pair turned to point along the azimuth
    const bool h_ok = !test_h || std::fabs(along) >= cos_tol_h * hxy;  // no horizontal extent passes
    const bool hb_ok = !band_h || std::fabs(px * ca - py * sa) <= bw_h;
    const bool v_ok = !test_v || std::fabs(s * cd + pz * sd) >= cos_tol_v * dist;
    const bool vb_ok = !band_v || std::fabs(cd * pz - sd * s) <= bw_v;
    return omni | (dist == 0.0) | (h_ok & hb_ok & v_ok & vb_ok);
  }
};

// Sums per (direction, lag): pair count, distance and squared difference.
struct LagSums {
  std::vector<std::uint64_t> n;
  std::vector<double> h, g;
  explicit LagSums(std::size_t cells = 0) : n(cells, 0), h(cells, 0.0), g(cells, 0.0) {}
  void merge(const LagSums& o) {
    for (std::size_t k = 0; k < n.size(); ++k) {
      n[k] += o.n[k];
      h[k] += o.h[k];
      g[k] += o.g[k];
    }
  }
};

}  // namespace

std::vector<ExperimentalVariogram> compute_experimental_variograms(const VariogramSamples& samples,
                                                                   const ExperimentalVariogramOptions& options,
                                                                   ProgressSink* progress) {
  samples.check_consistent();
  if (options.directions.empty()) throw Error("variogram: no direction given");
  if (options.directions.size() > 64) throw Error("variogram: at most 64 directions at once");
  if (samples.size() < 2) throw Error("variogram: at least two samples are needed, got " + std::to_string(samples.size()));
  for (const auto& d : options.directions)
    if (!(d.tolerance > 0) || !(d.dip_tolerance > 0) || !(d.bandwidth > 0) || !(d.vertical_bandwidth > 0))
      throw Error("variogram direction '" + d.name + "': tolerances and bandwidths must be positive");

  const LagDefinition& lags = options.lags;
  const auto nlag = static_cast<std::size_t>(lags.count());
  std::vector<DirectionTest> tests;
  for (const auto& d : options.directions) tests.emplace_back(d);
  const std::size_t ndir = tests.size();
  bool need_hxy = false;
  for (const auto& t : tests) need_hxy = need_hxy || !t.omni;

  const variography_detail::PairScanner scanner(samples, lags.max_distance(), options.pairs);
  const auto& v = scanner.value();
  ProgressTask task(progress, "experimental variogram", scanner.size());
  const LagSums sums = scanner.reduce(
      LagSums(ndir * nlag),
      [&](LagSums& acc, std::size_t i, std::size_t j, double dx, double dy, double dz, double h) {
        const auto [k0, k1] = lags.lags_of(h);
        if (k0 > k1) return;
        const double diff = v[i] - v[j];
        const double g = diff * diff;
        const double hxy = need_hxy ? std::sqrt(dx * dx + dy * dy) : 0.0;
        // The directions that take the pair, as bits: usually two or three, so the loop below is
        // short and its trip count predictable.
        std::uint64_t mask = 0;
        for (std::size_t d = 0; d < ndir; ++d) mask |= std::uint64_t{tests[d].accepts(dx, dy, dz, h, hxy)} << d;
        while (mask) {
          const auto d = static_cast<std::size_t>(std::countr_zero(mask));
          mask &= mask - 1;
          for (int k = k0; k <= k1; ++k) {
            const std::size_t c = d * nlag + static_cast<std::size_t>(k);
            ++acc.n[c];
            acc.h[c] += h;
            acc.g[c] += g;
          }
        }
      },
      &task);

  std::vector<ExperimentalVariogram> out(ndir);
  for (std::size_t d = 0; d < ndir; ++d) {
    out[d].direction = options.directions[d];
    out[d].lags.resize(nlag);
    for (std::size_t k = 0; k < nlag; ++k) {
      VariogramLag& l = out[d].lags[k];
      const std::size_t c = d * nlag + k;
      l.from = lags.lower(static_cast<int>(k));
      l.to = lags.upper(static_cast<int>(k));
      l.pairs = sums.n[c];
      const auto np = static_cast<double>(sums.n[c]);
      l.distance = np > 0 ? sums.h[c] / np : std::nan("");
      l.gamma = np > 0 ? sums.g[c] / (2.0 * np) : std::nan("");
    }
  }
  return out;
}

}  // namespace georeserve
