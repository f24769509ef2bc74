// The seam maps of a coal report, per seam: 底板等高线及储量估算图 (floor contours, resource blocks by
// class with their labels), 厚度等值线图 (isopach), ash and Qnet,ar maps, and the classification map
// (classes and the status of the coal: burnt, mined out, below the limits). Each carries the field
// outline, faults at the seam's level, mined-out panels, planning blocks, boreholes, mines, a scale
// bar, a north arrow, coordinates and a legend. Written to figures/ and added to the page.
#pragma once

#include "pipeline/coal_context.h"
#include "report/html.h"

namespace georeserve {

void coal_maps(const CoalContext& c, HtmlPage& page);

}  // namespace georeserve
