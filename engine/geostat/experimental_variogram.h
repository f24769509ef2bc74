// Experimental (sample) semivariograms in 1, 2 and 3D: omnidirectional and directional (GSLIB gamv
// style: azimuth, dip, angular tolerances, horizontal and vertical bandwidths), lags either as gstat's
// cutoff + width or as GSLIB's lag spacing + tolerance, optional down-hole-only pairs.
//
// gamma(h) = sum (z_i - z_j)^2 / (2 N(h)) over the N(h) pairs of the lag, each pair counted once.
// With the same lag definition and directions the pair counts equal R gstat's variogram() exactly
// (tests/geostat/variography_gstat_test.cpp); see LagDefinition and VariogramDirection for the rules.
//
// Pairs are found by spatial binning up to the largest lag distance (never all pairs in memory) and
// summed in parallel with a deterministic reduction: results are identical for any thread count.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

namespace georeserve {

class ProgressSink;

// Sample points for variography (structure of arrays). 2D data have z = 0, 1D data y = z = 0.
struct VariogramSamples {
  std::vector<double> x, y, z, value;
  std::vector<int> hole;  // drillhole index per sample, or empty when no hole column was given
  int dimension = 2;      // 1, 2 or 3 (for reports; distances always use x, y and z)

  std::size_t size() const { return value.size(); }
  void check_consistent() const;  // throws Error when the arrays differ in length
  // Sample variance (n - 1 denominator) of the values.
  double variance() const;
};

// Which lag(s) a pair distance h belongs to.
class LagDefinition {
 public:
  // gstat's variogram(cutoff =, width =): lag k holds (k w, (k+1) w] for k = 0 .. floor(cutoff / w),
  // distance 0 (coincident samples) joins lag 0, distances beyond cutoff are ignored.
  static LagDefinition cutoff_width(double width, double cutoff);
  // GSLIB gamv: lag k = 0 .. nlag is centred on k * spacing and holds |h - k spacing| <= tolerance,
  // ends included (lag 0 holds the shortest pairs, coincident ones included); with tolerance >
  // spacing / 2 a pair may fall in two lags, as in GSLIB.
  static LagDefinition spacing_tolerance(double spacing, double tolerance, int nlag);

  int count() const { return count_; }
  double max_distance() const;  // no pair beyond this distance is used
  double lower(int k) const;    // the lag's distance interval
  double upper(int k) const;
  bool centred() const { return centred_; }
  double width() const { return width_; }
  double tolerance() const { return tolerance_; }
  // First and last lag containing h; first > last when none does.
  std::pair<int, int> lags_of(double h) const {
    if (!centred_) {
      if (h > cutoff_) return {1, 0};
      // The same arithmetic as gstat's get_index(): bins are closed on the right.
      const double frac = h / width_;
      const double f = static_cast<double>(static_cast<long long>(frac));
      const int k = (h > 0.0 && frac == f) ? static_cast<int>(f) - 1 : static_cast<int>(f);
      return {k, k};
    }
    return centred_lags_of(h);
  }

 private:
  std::pair<int, int> centred_lags_of(double h) const;
  bool centred_ = false;
  double width_ = 1, cutoff_ = 0, tolerance_ = 0;
  int count_ = 0;
};

// One direction of an experimental variogram. Angles in degrees: azimuth clockwise from north, dip
// negative downward (DESIGN.md section 2). A pair is accepted when (GSLIB gamv):
//  - horizontal: the angle between its horizontal projection and the azimuth line (either sense) is
//    within `tolerance`, and its horizontal offset from that line is within `bandwidth`; pairs with
//    no horizontal extent pass;
//  - vertical: in the vertical plane of the pair, the angle between the pair (its horizontal part
//    signed along the azimuth) and the dip line is within `dip_tolerance`, and its offset from that
//    line within `vertical_bandwidth`.
// A tolerance of 90 or more switches its test off; both off and no bandwidth is omnidirectional.
// Limits are inclusive. Coincident samples (distance 0) belong to every direction, as in gstat.
struct VariogramDirection {
  std::string name;
  double azimuth = 0, dip = 0;
  double tolerance = 90, dip_tolerance = 90;
  double bandwidth = std::numeric_limits<double>::infinity();
  double vertical_bandwidth = std::numeric_limits<double>::infinity();

  bool omnidirectional() const {
    return tolerance >= 90 && dip_tolerance >= 90 && bandwidth == std::numeric_limits<double>::infinity() &&
           vertical_bandwidth == std::numeric_limits<double>::infinity();
  }
  // Unit vector (east, north, up) along which a model is compared with this direction's lags.
  Eigen::Vector3d unit_vector() const;
  std::string label() const;  // e.g. "azimuth 45 ±22.5, dip 0 ±10" or "omnidirectional"
};

enum class PairSelection {
  all,              // every pair
  same_hole,        // down-hole pairs only (both samples in one drillhole): for the nugget
  different_holes,  // across holes only
};

struct VariogramLag {
  double from = 0, to = 0;      // the lag's distance interval (m)
  std::uint64_t pairs = 0;
  double distance = 0;          // mean pair distance (m); NaN when no pairs
  double gamma = 0;             // semivariance; NaN when no pairs
};

struct ExperimentalVariogram {
  VariogramDirection direction;
  std::vector<VariogramLag> lags;  // every lag of the definition, including empty ones
  std::uint64_t total_pairs() const;
};

struct ExperimentalVariogramOptions {
  LagDefinition lags = LagDefinition::cutoff_width(1, 15);
  std::vector<VariogramDirection> directions;  // at least one
  PairSelection pairs = PairSelection::all;
};

// One experimental variogram per direction, in the order given. Throws Error on bad options or when
// the samples cannot make a variogram (fewer than two samples, hole selection without holes).
std::vector<ExperimentalVariogram> compute_experimental_variograms(const VariogramSamples& samples,
                                                                   const ExperimentalVariogramOptions& options,
                                                                   ProgressSink* progress = nullptr);

}  // namespace georeserve
