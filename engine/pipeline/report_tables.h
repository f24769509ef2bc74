// The numbers of a run as report tables (rows of text with units) and as report.json. One place
// formats them, so the HTML page and the JSON always agree.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/context.h"

namespace georeserve {

class ReportTables {
 public:
  explicit ReportTables(const PipelineContext& c) : c_(c) {}

  nlohmann::json json() const;
  std::vector<std::vector<std::string>> summary_rows() const;
  std::vector<std::string> truth_lines() const;  // comparison with the generator's truth, if given
  std::string cutoff_text() const;
  std::function<bool(std::size_t)> cutoff_filter() const;
  std::vector<std::string> statement_headers(const std::string& group_title) const;
  std::vector<bool> statement_numeric() const;
  std::vector<std::vector<std::string>> statement_rows(const Statement& s) const;
  std::string modifying_factors_text() const;
  std::vector<std::string> mine_life_lines() const;
  std::vector<std::vector<std::string>> global_mean_rows() const;
  std::vector<std::vector<std::string>> cross_validation_rows() const;
  std::vector<std::vector<std::string>> timing_rows() const;

  double total_tonnes(const Statement& s) const;  // sum of the leaf rows
  double mine_life_years() const;                 // reserves / production rate; NaN without a rate

 private:
  const PipelineContext& c_;
};

}  // namespace georeserve
