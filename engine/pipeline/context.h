// What the stages of a run share: the model, the output folder, progress, and every intermediate
// result (database, traces, composites, domains, variograms, block model, statements, validation).
// Stages read what earlier stages left here and add their own part.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "blockmodel/block_model.h"
#include "core/diagnostics.h"
#include "domain/implicit_domain.h"
#include "drillhole/composite.h"
#include "drillhole/desurvey.h"
#include "drillhole/tables.h"
#include "geostat/estimation.h"
#include "geostat/experimental_variogram.h"
#include "pipeline/model_file.h"
#include "resources/statement.h"

namespace georeserve {

class ProgressSink;

struct DomainResult {
  const DomainSettings* settings = nullptr;
  ContactSamples contacts;
  ImplicitDomain implicit;            // empty field when a wireframe was given
  TriangleMesh solid;
  double solid_volume = 0;            // m3
  std::vector<double> fraction;       // per block
  double density = 0;                 // t/m3 assigned to the domain
  std::size_t density_measurements = 0;
  std::size_t composites = 0;         // composites inside the domain
};

struct GradeResult {
  const GradeSettings* settings = nullptr;
  VariogramModel model;
  std::vector<ExperimentalVariogram> experimental;  // for the report (empty when not computed)
  double composite_variance = 0;
  std::size_t top_cut_count = 0;
  // Per domain, per block: the estimate record (only blocks inside the domain are estimated).
  std::vector<std::vector<EstimateRecord>> estimates;
};

struct ValidationResult {
  struct Swath {
    std::string axis;  // "x" | "y" | "z"
    std::vector<double> centre, estimate, composites, nearest, tonnes;
  };
  std::vector<Swath> swaths;
  double mean_estimate = 0, mean_declustered = 0, mean_naive = 0, mean_nearest = 0;
  // Leave-one-out cross-validation on the composites of the first grade.
  double cv_mean_error = 0, cv_rmse = 0, cv_correlation = 0, cv_mean_z = 0, cv_var_z = 0;
  std::size_t cv_count = 0;
};

struct PipelineContext {
  const DepositModel& model;
  std::filesystem::path out;
  ProgressSink* progress = nullptr;
  std::ostream* log = nullptr;  // stage messages (warnings, counts); may be null

  drillhole::DrillholeDatabase db;
  Diagnostics diagnostics;
  std::vector<drillhole::HoleTrace> traces;
  drillhole::Composites composites;    // of the assay table, broken at domain boundaries
  std::vector<int> composite_domain;   // index into domains, -1 outside every domain
  std::vector<DomainResult> domains;
  std::vector<GradeResult> grades;
  std::unique_ptr<BlockModel> blocks;
  ResourceItems items;                  // one per (block, domain) with material
  std::vector<std::size_t> item_block;  // block of each item
  Statement resources, reserves;
  std::vector<GradeTonnagePoint> grade_tonnage;
  ValidationResult validation;
  std::vector<std::string> notes;       // for the report: decisions and warnings worth reading
  std::vector<std::pair<std::string, double>> stage_seconds;

  PipelineContext(const DepositModel& m, std::filesystem::path out_dir) : model(m), out(std::move(out_dir)) {}
  void note(const std::string& text);
};

}  // namespace georeserve
