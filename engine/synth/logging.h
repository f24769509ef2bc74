// Logging a synthetic drillhole: walk its true path, classify the rock at each point and turn the
// runs into intervals whose contacts are located to the millimetre and written to the centimetre.
// Shared by the Qianyu and Tiefa generators (any classifier returning small integer codes).
#pragma once

#include <functional>
#include <vector>

#include "synth/trace.h"

namespace georeserve::synth {

struct LoggedRun {
  int code;
  double from, to;  // metres along the hole, rounded to 0.01
};

// Runs of equal code from 0 to max_depth. step: sampling interval of the walk (contacts closer than
// that to each other can be missed, as a logging geologist would merge them); contacts are refined by
// bisection. Runs shorter than min_length are merged into the run above.
std::vector<LoggedRun> log_hole(const DrillTrace& trace, double max_depth, double step, double min_length,
                                const std::function<int(double x, double y, double z)>& classify);

// Splits [from, to] into n equal pieces of length close to target (at least one), cm-rounded ends.
std::vector<std::pair<double, double>> split_interval(double from, double to, double target);

}  // namespace georeserve::synth
