// `georeserve subsidence CONFIG.json`: mining subsidence by the probability integral method
// (DESIGN.md section 4). Thin: reads the configuration, runs the engine, prints a summary.
#include <cmath>
#include <iostream>

#include "command.h"
#include "core/text.h"
#include "geometry/polygon.h"
#include "progress_bar.h"
#include "subsidence/job.h"
#include "subsidence/run.h"

namespace georeserve::cli {
namespace {

struct Options {
  std::string config;
  int threads = 0;
  bool fit_only = false;
};

constexpr const char* kFooter = R"(Configuration (JSON; relative paths from the config's folder; * = required):
  "panels"*      [{"id", "polygon"* [[x,y],...], "thickness"* m, "depth"* m, "dip" deg (0),
                   "dip_azimuth" deg (needed when dip != 0), "theta" deg (this panel's own)}]
                 or {"file": "panels.geojson", "id": "id", "thickness": "m"|3.0, "depth": ..., "dip": ...}
                 (each value names a feature property or gives one number for all panels)
  "parameters"*  {"q"* (0,1.2], "tan_beta"* >0, "b" 0.3, "theta" 90, "s_ratio" 0}
  "grid"*        {"origin": [x0,y0], "spacing": [dx,dy], "count": [nx,ny]}   (nodes; memory checked first)
  "output"*      grid CSV: x,y,W,tilt_x,tilt_y,curvature_x,curvature_y,u_x,u_y,strain_x,strain_y
  "crs"          "EPSG:4529" (default); written into every georeferenced file
  "directions"   [azimuths]: adds tilt_az<A>,curvature_az<A>,u_az<A>,strain_az<A> columns
  "principal"    true: adds tilt_max,curvature_max,strain_max,damage_grade columns
  "geotiff"      "W.tif" or {"W": "w.tif", "grade": "g.tif", "strain_max": ...}
  "contours"     polygons W >= level (.geojson/.shp);  "contour_lines": lines W = level
  "contour_levels" [mm] (default 10, 100, 500, then every 500)
  "zones"        damage grades I-IV and the 10 mm boundary as polygons;  "dxf": all of it for CAD
  "planning_blocks" "blocks.geojson" or {"file", "name": property};  "overlay": table CSV per block
  "map"          picture (.svg);  "title": its title
  "damage"       {"tilt": [3,6,10] mm/m, "curvature": [0.2,0.4,0.6] 1e-3/m, "strain": [2,4,6] mm/m}
  "fit"          {"points"*: CSV x,y,W[,u_x,u_y] (mm), "columns": {"x","y","W","u_x","u_y"},
                  "parameters": [q, tan_beta, s_ratio (+ b when u given); also theta],
                  "output": "fit.json", "residuals": "fit.csv", "use_fitted": true}
Units: W and u in mm (W positive down), tilt and strain in mm/m (strain > 0 = extension),
curvature in 1e-3/m. W0 = m q cos(dip), r = depth / tan_beta, s = s_ratio * depth moves panel
edges inward; dipping panels shift down-dip by depth * cot(theta) (theta = 90: no shift).
Damage grade = worst of |tilt|, principal curvature and strain (brick buildings); grade I counts
inside the 10 mm boundary.
Example: georeserve subsidence models/tiefa/subsidence.json --threads 2)";

void print_summary(const subsidence::SubsidenceJob& job, const subsidence::RunSummary& s, bool fit_only) {
  const auto& r = s.result;
  if (r.fit) {
    const auto& f = *r.fit;
    std::cout << "fit: " << f.n_w << " points";
    if (f.n_u) std::cout << " + " << f.n_u << " horizontal components";
    std::cout << ", rms " << format_fixed(f.rms, 2) << " mm (W " << format_fixed(f.rms_w, 2) << " mm";
    if (f.n_u) std::cout << ", u " << format_fixed(f.rms_u, 2) << " mm";
    std::cout << "), " << f.iterations << " iterations, " << f.stop_reason << '\n';
    for (const auto& e : f.estimates)
      std::cout << "  " << subsidence::fit_parameter_name(e.parameter) << " = " << format_fixed(e.value, 4) << " +- "
                << (std::isfinite(e.std_error) ? format_fixed(e.std_error, 4) : std::string("undetermined")) << "  (start "
                << format_double(e.start) << (e.at_bound ? ", at its bound" : "") << ")\n";
  }
  if (!fit_only) {
    std::cout << "subsidence: " << job.panels.size() << " panels, grid " << job.grid.nx << " x " << job.grid.ny << " nodes, EPSG:"
              << job.epsg << '\n';
    const auto& panels = r.model->panels();
    for (std::size_t k = 0; k < panels.size() && k < 12; ++k)
      std::cout << "  " << panels[k].id << ": W0 = " << format_fixed(panels[k].w0, 0) << " mm, r = " << format_fixed(panels[k].r, 1)
                << " m, s = " << format_fixed(panels[k].s, 1) << " m\n";
    if (panels.size() > 12) std::cout << "  ... and " << panels.size() - 12 << " more panels\n";
    std::cout << "  max W = " << format_fixed(r.max_w, 1) << " mm at (" << format_fixed(r.max_w_at.x, 1) << ", "
              << format_fixed(r.max_w_at.y, 1) << ")\n";
    std::cout << "  basin (W >= 10 mm) " << format_fixed(geometry::area(r.zones.subsided) / 1e4, 2) << " ha; damage grades";
    for (int g = 1; g <= 4; ++g)
      std::cout << ' ' << subsidence::grade_name(g) << ' ' << format_fixed(geometry::area(r.zones.grades[g - 1]) / 1e4, 2) << " ha"
                << (g < 4 ? "," : "\n");
    for (const auto& b : r.overlay)
      std::cout << "  block " << b.name << ": max W " << format_fixed(b.max_w, 1) << " mm, worst grade "
                << (b.worst_grade ? subsidence::grade_name(b.worst_grade) : std::string("-")) << '\n';
  }
  for (const auto& f : s.files) std::cout << "wrote " << f << '\n';
  std::cout << "done in " << format_fixed(s.seconds, 2) << " s\n";
}

const RegisterCommand reg{{"subsidence", "Predict mining subsidence (probability integral method), damage zones and overlays",
                           [](CLI::App& sub) -> CommandRun {
                             auto o = std::make_shared<Options>();
                             sub.add_option("config", o->config, "Subsidence configuration (JSON, see below)")->required();
                             sub.add_flag("--fit-only", o->fit_only, "Only fit the parameters to the measured points (needs \"fit\")");
                             add_threads_option(sub, o->threads);
                             sub.footer(kFooter);
                             return [o] {
                               ThreadLimit limit(o->threads);
                               const auto job = subsidence::load_subsidence_job(o->config);
                               const auto summary = subsidence::run_subsidence(job, {o->fit_only}, progress());
                               print_summary(job, summary, o->fit_only);
                               return 0;
                             };
                           },
                           /*order=*/60}};

}  // namespace
}  // namespace georeserve::cli
