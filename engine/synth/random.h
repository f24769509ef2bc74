// The generator's own pseudo-random numbers, identical on every machine and standard library:
// SplitMix64 for seeding and for deriving named sub-streams, xoshiro256** for the draws, and our own
// uniform and normal transforms (std::normal_distribution differs between library implementations).
// Named streams (stream(seed, "qianyu/hole/QY-0101")) make every object's draws independent of the
// order in which objects are generated.
#pragma once

#include <cstdint>
#include <string_view>

namespace georeserve::synth {

// One SplitMix64 step: advances state and returns a well-mixed 64-bit value.
std::uint64_t splitmix64(std::uint64_t& state);
// 64-bit FNV-1a of a label, mixed with a seed: the seed of a named sub-stream.
std::uint64_t stream_seed(std::uint64_t seed, std::string_view label);

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  // The sub-stream of seed named label (see stream_seed).
  Rng(std::uint64_t seed, std::string_view label);

  std::uint64_t next();          // xoshiro256**
  double uniform();              // [0, 1), 53 random bits
  double uniform(double lo, double hi);
  // Integer in [lo, hi] (inclusive), unbiased.
  long long integer(long long lo, long long hi);
  double normal();               // standard normal (Marsaglia polar method)
  double normal(double mean, double sd) { return mean + sd * normal(); }
  bool chance(double p) { return uniform() < p; }

 private:
  std::uint64_t s_[4];
  double spare_ = 0.0;
  bool has_spare_ = false;
};

// Standard normal CDF and its inverse (Acklam's rational approximation refined by one Halley step).
double normal_cdf(double z);
double normal_quantile(double p);

}  // namespace georeserve::synth
