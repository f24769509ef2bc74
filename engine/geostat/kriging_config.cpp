#include "geostat/kriging_config.h"

#include "core/text.h"
#include "io/json_config.h"

namespace georeserve {

namespace {

constexpr long long max_count = 100000;

bool kriging_type(EstimatorType t) { return t == EstimatorType::ordinary || t == EstimatorType::simple; }

// ranges [major(, minor(, vertical))] and angles [azimuth(, dip(, rake))] of a search ellipsoid.
Anisotropy parse_ellipsoid(const ConfigView& v) {
  Anisotropy a;
  const auto r = v.at("ranges");
  auto ranges = r.as_numbers();
  if (ranges.size() == 1) ranges.assign(3, ranges[0]);
  if (ranges.size() == 2) ranges.push_back(ranges[0]);  // 2D: the vertical range is never used
  if (ranges.size() != 3) r.fail("must have 1, 2 or 3 numbers [major, minor, vertical] in metres");
  for (std::size_t k = 0; k < 3; ++k) {
    if (!(ranges[k] > 0)) r.fail("every range must be positive, got " + format_double(ranges[k]));
    a.ranges[k] = ranges[k];
  }
  if (auto g = v.find("angles")) {
    auto angles = g->as_numbers();
    if (angles.empty() || angles.size() > 3) g->fail("must have 1 to 3 numbers [azimuth, dip, rake] in degrees");
    angles.resize(3, 0.0);
    if (angles[1] < -90 || angles[1] > 90) g->fail("dip must be within [-90, 90]");
    for (std::size_t k = 0; k < 3; ++k) a.angles[k] = angles[k];
  }
  return a;
}

std::size_t count_in(const ConfigView& v, std::string_view key, long long fallback, long long lo) {
  if (!v.has(key)) return static_cast<std::size_t>(fallback);
  return static_cast<std::size_t>(v.integer_in(key, fallback, lo, max_count));
}

SearchPass parse_pass(const ConfigView& v, const KrigingSamples& samples) {
  v.allow_only({"max_samples", "min_samples", "ranges", "angles", "max_per_octant", "max_per_hole"});
  SearchPass p;
  p.ellipsoid = v.has("ranges");
  if (v.has("angles") && !p.ellipsoid) v.fail_at("angles", "angles orient a search ellipsoid: give 'ranges' too");
  if (p.ellipsoid) p.shape = parse_ellipsoid(v);
  if (!p.ellipsoid && !v.has("max_samples"))
    v.fail_at("max_samples", "required key is missing (without 'ranges' the search takes the max_samples nearest)");
  p.max_samples = count_in(v, "max_samples", 0, 1);
  p.min_samples = count_in(v, "min_samples", 1, 1);
  if (p.max_samples > 0 && p.min_samples > p.max_samples)
    v.fail_at("min_samples", "must not exceed max_samples (" + std::to_string(p.max_samples) + ")");
  p.max_per_octant = count_in(v, "max_per_octant", 0, 0);
  p.max_per_hole = count_in(v, "max_per_hole", 0, 0);
  if (p.max_per_hole > 0 && !samples.has_holes())
    v.fail_at("max_per_hole", "needs the samples' drillhole column: give samples.hole");
  return p;
}

std::optional<BlockSupport> parse_block(const ConfigView& v, int dimension) {
  v.allow_only({"size", "discretization"});
  BlockSupport b;
  const auto s = v.at("size");
  auto size = s.as_numbers();
  if (dimension == 2 && size.size() == 2) size.push_back(0.0);
  if (size.size() != 3) s.fail(dimension == 2 ? "must have 2 numbers [dx, dy] in metres" : "must have 3 numbers [dx, dy, dz] in metres");
  bool any = false;
  for (std::size_t k = 0; k < 3; ++k) {
    if (!(size[k] >= 0)) s.fail("sizes must not be negative");
    if (dimension == 2 && k == 2 && size[k] != 0) s.fail("a 2D block has no height: give [dx, dy]");
    b.size[k] = size[k];
    any = any || size[k] > 0;
  }
  if (!any) s.fail("a block needs a positive size (omit 'block' for point kriging)");
  if (auto d = v.find("discretization")) {
    auto n = d->as_numbers();
    if (dimension == 2 && n.size() == 2) n.push_back(1.0);
    if (n.size() != 3) d->fail(dimension == 2 ? "must have 2 whole numbers [nx, ny]" : "must have 3 whole numbers [nx, ny, nz]");
    for (std::size_t k = 0; k < 3; ++k) {
      if (!(n[k] >= 1 && n[k] <= 64) || n[k] != static_cast<int>(n[k])) d->fail("every count must be a whole number from 1 to 64");
      b.discretization[k] = static_cast<int>(n[k]);
    }
  }
  if (b.point_count() > 4096) v.fail_at("discretization", "more than 4096 points per block");
  return b;
}

}  // namespace

SearchPlan parse_search(const ConfigView& v, const KrigingSamples& samples) {
  SearchPlan plan;
  if (v.is_string()) {
    if (v.as_string() != "global") v.fail("must be \"global\", a search object or an array of passes");
    plan.global = true;
    return plan;
  }
  if (v.is_array()) {
    if (v.size() == 0) v.fail("needs at least one pass");
    for (std::size_t i = 0; i < v.size(); ++i) plan.passes.push_back(parse_pass(v.at(i), samples));
    return plan;
  }
  plan.passes.push_back(parse_pass(v, samples));
  return plan;
}

EstimationOptions parse_estimation_options(const ConfigView& root, const KrigingSamples& samples,
                                           const VariogramModel* model) {
  EstimationOptions o;
  std::string type = "ordinary";
  if (auto k = root.find("kriging")) {
    type = k->one_of("type", "ordinary", {"ordinary", "simple", "inverse-distance", "nearest"});
    if (type == "ordinary" || type == "nearest") k->allow_only({"type"});
    if (type == "simple") {
      k->allow_only({"type", "mean"});
      o.mean = k->number("mean");
    }
    if (type == "inverse-distance") {
      k->allow_only({"type", "power"});
      o.power = k->number_in("power", 2.0, 0.0, 20.0);
    }
  }
  o.type = type == "simple" ? EstimatorType::simple
         : type == "inverse-distance" ? EstimatorType::inverse_distance
         : type == "nearest" ? EstimatorType::nearest
                             : EstimatorType::ordinary;
  if (kriging_type(o.type)) {
    if (!model) root.fail_at("variogram", "required key is missing (" + type + " kriging needs a variogram model)");
    if (o.type == EstimatorType::simple && !model->bounded())
      root.at("kriging").fail_at("type", "simple kriging needs a bounded variogram (the power model has no sill)");
  }
  if (auto b = root.find("block")) {
    if (!kriging_type(o.type)) b->fail("block support needs kriging (type ordinary or simple)");
    o.block = parse_block(*b, samples.dimension);
  }
  o.search = parse_search(root.at("search"), samples);
  if (kriging_type(o.type) && o.search.max_neighbours(samples.size()) > 6000)
    root.fail_at("search", "would use up to " + std::to_string(o.search.max_neighbours(samples.size())) +
                               " samples per estimate (a global or unlimited search over many samples); "
                               "give max_samples (at most 6000)");
  return o;
}

KrigingJob load_kriging_job(const std::filesystem::path& config, KrigingJobKind kind) {
  const JsonDocument doc = load_json_file(config);
  const ConfigView root(doc);
  const bool cv = kind == KrigingJobKind::crossval;
  if (cv)
    root.allow_only({"samples", "variogram", "kriging", "block", "search", "output", "summary", "crossval", "targets", "grid"});
  else
    root.allow_only({"samples", "targets", "grid", "variogram", "kriging", "block", "search", "output"});
  KrigingJob job;
  job.config_file = doc.file;

  if (cv) {
    for (const char* key : {"targets", "grid"})
      if (root.has(key)) root.fail_at(key, "cross-validation estimates at the samples themselves: remove this key");
  } else {
    if (root.has("targets") && root.has("grid"))
      root.fail_at("grid", "give either 'targets' (points) or 'grid' (node centres), not both");
    if (!root.has("targets") && !root.has("grid"))
      root.fail_at("targets", "required key is missing: give 'targets' (a CSV of points) or 'grid' (node centres)");
  }
  job.output = root.path("output");
  if (auto v = root.find("variogram")) job.model = VariogramModel::from_config(*v);

  SampleReadReport report;
  job.samples = read_kriging_samples(root.at("samples"), &report);
  if (report.missing_values)
    job.notes.push_back(std::to_string(report.missing_values) + " of " + std::to_string(report.rows) + " rows of " +
                        job.samples.file + " have no value and were skipped");
  if (report.merged)
    job.notes.push_back(std::to_string(report.merged + report.merged_places) + " samples at " +
                        std::to_string(report.merged_places) +
                        " coincident places were merged (one sample per place, values averaged)");

  job.options = parse_estimation_options(root, job.samples, job.model ? &*job.model : nullptr);
  if (cv) {
    if (job.options.block) {
      job.options.block.reset();
      job.notes.push_back("'block' is ignored by cross-validation (point estimates are compared with point values)");
    }
    if (auto c = root.find("crossval")) {
      c->allow_only({"exclude_hole"});
      job.crossval.exclude_hole = c->boolean("exclude_hole", false);
      if (job.crossval.exclude_hole && !job.samples.has_holes())
        c->fail_at("exclude_hole", "needs the samples' drillhole column: give samples.hole");
    }
    if (root.has("summary")) {
      job.summary = root.path("summary");
    } else {
      job.summary = job.output;
      job.summary.replace_filename(job.output.stem().string() + "_summary.json");
    }
    return job;
  }
  if (auto t = root.find("targets"))
    job.targets = read_kriging_targets(*t, job.samples.dimension);
  else
    job.targets = grid_targets(root.at("grid"), job.samples.dimension);
  return job;
}

}  // namespace georeserve
