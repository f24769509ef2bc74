// The composites of one grade inside one domain (or all domains), top-cut applied, as kriging
// samples: what estimation, variography, nearest neighbour and cross-validation all start from.
#pragma once

#include "geostat/kriging_data.h"
#include "pipeline/context.h"

namespace georeserve {

struct GradeSamples {
  KrigingSamples samples;
  std::size_t capped = 0;  // composites cut to the top-cut
};

// domain < 0: every domain. Coincident composites are merged (kriging_data.h policy).
GradeSamples grade_samples(const PipelineContext& c, std::size_t grade, int domain);

}  // namespace georeserve
