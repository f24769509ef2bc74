// The numbers of a coal run as report.json (contract of DESIGN.md section 4, plus coal keys) and as
// text tables for report.html and the CSV files. One place formats them, so page, JSON and CSV agree.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/coal_context.h"

namespace georeserve {

// Per seam: the tonnages of the run beside the generator's truth (when the model names it).
struct TruthRow {
  std::string seam;
  double est_insitu = 0, est_mineable = 0, est_remaining = 0, est_burnt = 0, est_mined = 0;
  double true_insitu = NAN, true_mineable = NAN, true_remaining = NAN, true_burnt = NAN, true_mined = NAN;
};
std::vector<TruthRow> truth_rows(const CoalContext& c);  // one per seam and a "total" row

nlohmann::json coal_report_json(const CoalContext& c);

using TextTable = std::vector<std::vector<std::string>>;
// Statement rows: class, group columns..., tonnes (kt), volume, density, Ad, St,d, Qnet,ar, items.
std::vector<std::string> coal_statement_headers(const Statement& s);
TextTable coal_statement_rows(const Statement& s);
std::vector<std::string> seam_summary_headers();
TextTable seam_summary_rows(const CoalContext& c);
std::vector<std::string> truth_headers();
TextTable truth_table(const CoalContext& c);
struct ClassTruthRow;
std::vector<std::string> class_truth_headers();
TextTable class_truth_table(const std::vector<ClassTruthRow>& rows);
std::vector<std::string> block_headers();
TextTable block_rows(const CoalContext& c, std::size_t seam);
std::vector<std::string> method_headers();
TextTable method_rows(const CoalContext& c);  // kriging vs block method per seam

// Leaf rows of a statement (no "all" rows) as report.json objects, with `domain` = seam.
nlohmann::json leaf_rows_json(const Statement& s);

}  // namespace georeserve
