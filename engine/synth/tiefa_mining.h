// The mines of the synthetic Tiefa field and their mined-out longwall panels (polygons with seam,
// extracted thickness, depth, dip and year), the input of subsidence studies. Mine names are those of
// the field's collieries; their positions and all panels are invented (illustrative).
#pragma once

#include <string>
#include <vector>

#include "synth/tiefa_model.h"

namespace georeserve::synth {

struct TiefaMine {
  std::string name_cn, name_en, code;  // code: short id prefix of its panels, e.g. XN
  Point2 centre;  // EPSG:4529
};

struct TiefaPanel {
  std::string id, mine;  // e.g. "XN-15-03", "晓南矿"
  int seam;              // index 0..5 (seam 12..17)
  Ring polygon;          // four corners, mm-rounded
  int year;              // year the panel was finished
  double thickness = 0;  // extracted (mean coal) thickness, m
  double depth = 0;      // below the surface at the panel centre, m
  double dip = 0;        // seam dip across the panel, degrees
};

std::vector<TiefaMine> tiefa_mines(const TiefaField& field);
// Lays out the panels (10 per seam mined, side by side, long axis along the basin) where the seam is
// thick enough, outside the burnt zone and clear of the faults. Thickness and depth are filled by
// describe_panels once the field is calibrated.
std::vector<TiefaPanel> layout_panels(const TiefaField& field, const std::vector<TiefaMine>& mines, std::uint64_t seed);
void describe_panels(const TiefaField& field, std::vector<TiefaPanel>& panels);

}  // namespace georeserve::synth
