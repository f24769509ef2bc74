// The generator's driver (see generate.h): builds the shared geography, then each data set in turn.
#include "synth/generate.h"

#include "core/atomic_file.h"
#include "core/text.h"
#include "formats/raster.h"
#include "synth/geodesy.h"
#include "synth/geojson.h"
#include "synth/planning.h"
#include "synth/qianyu_drilling.h"
#include "synth/qianyu_truth.h"
#include "synth/region.h"
#include "synth/table.h"
#include "synth/tiefa_drilling.h"
#include "synth/tiefa_mining.h"
#include "synth/tiefa_truth.h"

namespace georeserve::synth {
namespace {

class Writer {
 public:
  Writer(const SynthOptions& o, SynthResult& r) : options_(o), result_(r) {}
  void table(const std::string& rel, const Table& t) {
    write_table(options_.out / rel, t);
    result_.files.push_back(rel);
  }
  void json(const std::string& rel, const nlohmann::ordered_json& j) {
    write_file_atomically(options_.out / rel, [&](std::ostream& o) { o << j.dump(2) << '\n'; });
    result_.files.push_back(rel);
  }
  void geojson(const std::string& rel, const Json& j) {
    write_geojson(options_.out / rel, j);
    result_.files.push_back(rel);
  }
  void raster(const std::string& rel, const RasterGrid& g) {
    write_geotiff(options_.out / rel, g);
    result_.files.push_back(rel);
  }
  bool truth() const { return options_.truth.has_value(); }
  const std::filesystem::path& truth_dir() const { return *options_.truth; }
  std::filesystem::path truth_path(const std::string& rel) {
    result_.truth_files.push_back(rel);
    return *options_.truth / rel;
  }

 private:
  const SynthOptions& options_;
  SynthResult& result_;
};

void make_qianyu(QianyuDeposit& deposit, std::uint64_t seed, Writer& w, SynthResult& r, ProgressSink* progress) {
  const QianyuTruth truth = calibrate_qianyu(deposit, w.truth(), progress);
  const QianyuDrilling d = drill_qianyu(deposit, seed);
  w.table("qianyu/collar.csv", d.collar);
  w.table("qianyu/survey.csv", d.survey);
  w.table("qianyu/lithology.csv", d.lithology);
  w.table("qianyu/assay.csv", d.assay);
  w.table("qianyu/density.csv", d.density);
  nlohmann::ordered_json summary = qianyu_truth_summary_json(truth, seed);
  summary["drilling"] = {{"holes", d.holes}, {"metres", std::round(d.metres * 10.0) / 10.0},
                         {"assays", d.assay.rows.size()}, {"flaws", d.flaws}};
  w.json("qianyu/truth_summary.json", summary);
  if (w.truth()) write_qianyu_truth_cells(w.truth_path("qianyu_ore_cells_2m.csv"), truth);
  r.notes.push_back("Qianyu: " + std::to_string(d.holes) + " holes, " + format_fixed(d.metres, 0) + " m, " +
                    std::to_string(d.assay.rows.size()) + " assays; true ore " +
                    format_fixed(truth.total.tonnes / 1000.0, 1) + " kt at " +
                    format_fixed(truth.total.casio3, 2) + " % CaSiO3");
}

Json tiefa_geometry(const TiefaField& field, const std::vector<TiefaMine>& mines, Json& faults, Json& panels_json,
                   const std::vector<TiefaPanel>& panels) {
  Json outline = geojson_collection("tiefa_field");
  Json p;
  p["id"] = "TIEFA";
  p["name"] = "铁法煤田";
  p["kind"] = "coal_field_boundary";
  p["area_km2"] = round_to_decimals(planar_area(field.region().tiefa_boundary()) / 1e6, 4);
  p["illustrative"] = true;
  p["note"] = "SYNTHETIC: size from DESIGN.md section 5 (513.5 km2, 17.4 x 29.5 km); outline invented";
  add_polygon(outline, field.region().tiefa_boundary(), p);
  Json b;
  b["id"] = "BURNT-1";
  b["name"] = "辉绿岩烧变区";
  b["kind"] = "burnt_zone";
  b["seams_lost"] = Json::array({"12", "13", "14"});
  b["area_km2"] = round_to_decimals(planar_area(field.burnt_zone()) / 1e6, 4);
  b["illustrative"] = true;
  add_polygon(outline, field.burnt_zone(), b);
  for (const TiefaMine& m : mines) {
    Json q;
    q["id"] = m.name_en;
    q["name"] = m.name_cn;
    q["kind"] = "mine";
    q["illustrative"] = true;
    add_point(outline, m.centre, q);
  }
  for (const TiefaFault& f : field.faults()) {
    Json q;
    q["id"] = f.id;
    q["kind"] = "normal_fault";
    q["dip_deg"] = f.dip;
    q["dip_azimuth_deg"] = f.dip_azimuth;
    q["max_throw_m"] = f.max_throw;
    q["throw_profile"] = "max_throw * (1 - u^2), u = -1 .. 1 from end to end of the trace";
    q["trace_z_m"] = TiefaFault::reference_z;
    q["illustrative"] = true;
    add_line(faults, {f.a, f.b}, q);
  }
  for (const TiefaPanel& pn : panels) {
    Json q;
    q["id"] = pn.id;
    q["mine"] = pn.mine;
    q["seam"] = tiefa_seam_specs()[static_cast<std::size_t>(pn.seam)].id;
    q["thickness_m"] = round_to_decimals(pn.thickness, 2);
    q["depth_m"] = round_to_decimals(pn.depth, 1);
    q["dip_deg"] = round_to_decimals(pn.dip, 2);
    q["year"] = pn.year;
    q["method"] = "longwall, full seam, caving";
    q["illustrative"] = true;
    add_polygon(panels_json, pn.polygon, q);
  }
  return outline;
}

void make_tiefa(const Region& region, std::uint64_t seed, Writer& w, SynthResult& r, ProgressSink* progress) {
  TiefaField field(region, seed);
  const std::vector<TiefaMine> mines = tiefa_mines(field);
  std::vector<TiefaPanel> panels = layout_panels(field, mines, seed);
  const auto mined = mined_fractions(field, panels);
  calibrate_tiefa(field, mined, progress);
  describe_panels(field, panels);
  const TiefaTruth truth = tiefa_truth(field, mined, w.truth());
  const TiefaDrilling d = drill_tiefa(field, mines, seed);
  w.table("tiefa/collar.csv", d.collar);
  w.table("tiefa/survey.csv", d.survey);
  w.table("tiefa/lithology.csv", d.lithology);
  w.table("tiefa/seams.csv", d.seams);
  Json faults = geojson_collection("tiefa_faults"), panels_json = geojson_collection("tiefa_mined_panels");
  const Json outline = tiefa_geometry(field, mines, faults, panels_json, panels);
  w.geojson("tiefa/field.geojson", outline);
  w.geojson("tiefa/faults.geojson", faults);
  w.geojson("tiefa/panels.geojson", panels_json);
  nlohmann::ordered_json summary = tiefa_truth_summary_json(truth, panels, seed);
  summary["drilling"] = {{"holes", d.holes}, {"metres", std::round(d.metres)}, {"seam_picks", d.seams.rows.size()}};
  w.json("tiefa/truth_summary.json", summary);
  if (w.truth())
    for (const std::string& name : write_tiefa_truth_grids(w.truth_dir(), truth)) r.truth_files.push_back(name);
  r.notes.push_back("Tiefa: " + std::to_string(d.holes) + " holes, " + format_fixed(d.metres, 0) + " m, " +
                    std::to_string(d.seams.rows.size()) + " seam picks; in situ " + format_fixed(truth.total.insitu_mt, 1) +
                    " Mt, remaining (>= 0.7 m) " + format_fixed(truth.total.remaining_mt, 1) + " Mt, " +
                    std::to_string(panels.size()) + " panels");
}

}  // namespace

SynthResult generate_assets(const SynthOptions& options, ProgressSink* progress) {
  SynthResult result;
  Writer w(options, result);
  const LonLatToGrid proj;
  const Region region(options.seed, proj);
  {
    ProgressTask task(progress, "Terrain: DEM", 1);
    w.raster("terrain/dem.tif", region.dem());
  }
  QianyuDeposit qianyu(region, options.seed, 1.0);
  make_qianyu(qianyu, options.seed, w, result, progress);
  make_tiefa(region, options.seed, w, result, progress);
  {
    ProgressTask task(progress, "Planning blocks", 1);
    for (const PlanningLayer& layer : planning_layers(region, proj, qianyu, options.seed)) w.geojson(layer.file, layer.collection);
  }
  return result;
}

}  // namespace georeserve::synth
