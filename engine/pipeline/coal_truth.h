// Class-by-class comparison with the generator's exhaustive truth (synthetic data only): the true
// thickness and density GeoTIFFs of each seam (`georeserve synth --truth DIR`), sampled at the nodes
// of each resource class by the bilinear interpolant the generator defines as the truth, against the
// kriged tonnage of the same nodes. This is the check behind "探明 within 3 %": where the drilling is
// dense the estimate must agree with the truth locally, not only in total.
#pragma once

#include <string>
#include <vector>

#include "pipeline/coal_context.h"

namespace georeserve {

struct ClassTruthRow {
  std::string seam;
  std::string class_name, class_cn;  // "measured" ...; "all" for every classified resource node
  double area = 0;                   // m2
  double estimate = 0, truth = 0;    // t over the same nodes (in situ: no cut-off on either)
};

// Empty when the model names no truth grids. InputError when a named grid cannot be read.
std::vector<ClassTruthRow> class_truth_rows(const CoalContext& c);

}  // namespace georeserve
