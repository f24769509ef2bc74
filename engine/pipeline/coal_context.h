// What the stages of a coal run share (coal_run.h): the model, the output folder, the drillholes,
// the seam inputs and models, node statuses, statements, the block method and notes.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "drillhole/desurvey.h"
#include "drillhole/tables.h"
#include "pipeline/coal_model_file.h"
#include "resources/statement.h"
#include "seam/block_method.h"
#include "seam/mineability.h"
#include "seam/seam_grid.h"

namespace georeserve {

class ProgressSink;

struct NamedPolygon {
  std::string id, name;
  geometry::MultiPolygon shape;
};

struct CoalContext {
  const CoalModel& model;
  std::filesystem::path out;
  ProgressSink* progress = nullptr;
  std::ostream* log = nullptr;

  drillhole::DrillholeDatabase db;
  Diagnostics diagnostics;
  std::vector<drillhole::HoleTrace> traces;
  geometry::Polygon field;
  std::vector<NamedPolygon> panels;             // with the seam in `name`
  std::vector<NamedPolygon> planning;
  std::vector<geometry::Point2> mines;          // mine locations (points of the field file)
  std::vector<std::string> mine_names;
  seam::SeamInputs inputs;
  std::vector<double> surface;                  // ground elevation per node
  seam::SeamModel seams;
  std::vector<seam::SeamStatus> status;
  seam::NodeLabels labels;
  seam::CoalItems items;
  Statement resources, reserves, by_depth, by_planning, by_thickness;
  std::vector<seam::BlockMethodResult> block_method;
  std::vector<std::string> notes;
  std::vector<std::pair<std::string, double>> stage_seconds;

  CoalContext(const CoalModel& m, std::filesystem::path o) : model(m), out(std::move(o)) {}
  void note(const std::string& text) {
    notes.push_back(text);
    if (log) *log << "  note: " << text << '\n';
  }
};

// Stage functions (coal_stage_*.cpp).
void coal_stage_load(CoalContext& c);       // drillholes, picks, field, faults, burnt zone, panels, surface
void coal_stage_seams(CoalContext& c);      // kriged seam grids
void coal_stage_resources(CoalContext& c);  // mineability, classes, statements, reserves, block method
void coal_stage_report(CoalContext& c);     // report.json, report.html, maps, CSV tables
void coal_stage_export(CoalContext& c);     // VTK surfaces and seam block model, scene.json

}  // namespace georeserve
