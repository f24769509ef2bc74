// Writers of a subsidence run's files. Each file appears whole or not at all (atomic writes), and
// every georeferenced file carries the run's CRS (GeoJSON crs member, GeoTIFF keys, .prj files).
#pragma once

#include <filesystem>

#include "subsidence/job.h"
#include "subsidence/result.h"

namespace georeserve::subsidence {

// The contract grid CSV: x,y,W,tilt_x,tilt_y,curvature_x,curvature_y,u_x,u_y,strain_x,strain_y
// (mm, mm/m, 1e-3/m, mm, mm/m), then per configured direction tilt_az<A>,curvature_az<A>,u_az<A>,
// strain_az<A>, then with "principal" tilt_max,curvature_max,strain_max,damage_grade.
void write_grid_csv(const std::filesystem::path& path, const SubsidenceResult& r, const SubsidenceJob& job);
// One single-band Float32 GeoTIFF per configured field, north-up, cells centred on the grid nodes.
void write_geotiffs(const SubsidenceResult& r, const SubsidenceJob& job);
// Contour polygons (W >= level) and lines, damage zones, and the DXF with all of them on CAD layers.
void write_contour_polygons(const std::filesystem::path& path, const SubsidenceResult& r, int epsg);
void write_contour_lines(const std::filesystem::path& path, const SubsidenceResult& r, int epsg);
void write_zones(const std::filesystem::path& path, const SubsidenceResult& r, int epsg);
void write_dxf(const std::filesystem::path& path, const SubsidenceResult& r, const SubsidenceJob& job);
// The overlay table: per planning block its area in each damage grade and its largest subsidence.
void write_overlay_csv(const std::filesystem::path& path, const std::vector<BlockOverlay>& rows);
// The fit report (JSON) and the per-point residuals (CSV).
void write_fit_report(const std::filesystem::path& path, const FitResult& fit, const FitJob& job, const Parameters& start);
void write_fit_residuals(const std::filesystem::path& path, const FitResult& fit, const FitJob& job);
// A map picture (SVG): subsidence bands, damage zones, panels, planning blocks, scale bar, north arrow.
void write_map_svg(const std::filesystem::path& path, const SubsidenceResult& r, const SubsidenceJob& job);

// Chinese names of the damage grades of the regulation (I 极轻微损坏 ... IV 严重损坏).
std::string grade_name_cn(int grade);

}  // namespace georeserve::subsidence
