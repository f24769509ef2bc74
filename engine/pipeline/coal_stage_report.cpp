// Coal stage report: report.json (DESIGN.md section 4 plus coal keys), report.html (statements, truth
// comparison, the geological block method, the seam maps) and CSV tables.
#include "core/atomic_file.h"
#include "core/text.h"
#include "io/csv.h"
#include "pipeline/coal_maps.h"
#include "pipeline/coal_tables.h"
#include "pipeline/coal_truth.h"
#include "report/html.h"

namespace georeserve {

namespace {

void write_csv(const std::filesystem::path& path, const std::vector<std::string>& headers, const TextTable& rows) {
  write_file_atomically(path, [&](std::ostream& o) {
    CsvWriter w(o);
    for (const auto& h : headers) w.field(h);
    w.end_row();
    for (const auto& r : rows) {
      for (const auto& cell : r) w.field(cell);
      w.end_row();
    }
  });
}

}  // namespace

void coal_stage_report(CoalContext& c) {
  const auto& m = c.model;
  const auto j = coal_report_json(c);
  write_file_atomically(c.out / "report.json", [&](std::ostream& o) { o << j.dump(2) << '\n'; });

  const auto statement_full = resource_statement(c.items.items, {"seam", "depth_band", "planning_block"});
  write_csv(c.out / "resources_by_seam.csv", coal_statement_headers(c.resources), coal_statement_rows(c.resources));
  write_csv(c.out / "reserves_by_seam.csv", coal_statement_headers(c.reserves), coal_statement_rows(c.reserves));
  write_csv(c.out / "resources_by_seam_depth_planning.csv", coal_statement_headers(statement_full),
            coal_statement_rows(statement_full));
  write_csv(c.out / "seam_summary.csv", seam_summary_headers(), seam_summary_rows(c));
  write_csv(c.out / "block_method_summary.csv", method_headers(), method_rows(c));
  {
    TextTable all;
    for (std::size_t s = 0; s < c.block_method.size(); ++s)
      for (auto row : block_rows(c, s)) {
        row.insert(row.begin(), m.seams.names[s]);
        all.push_back(std::move(row));
      }
    auto h = block_headers();
    h.insert(h.begin(), "seam 煤层");
    write_csv(c.out / "block_method_blocks.csv", h, all);
  }
  if (m.truth) write_csv(c.out / "truth_comparison.csv", truth_headers(), truth_table(c));

  HtmlPage page(m.title + " — 煤炭资源量/储量估算报告 Coal resource and reserve report");
  page.paragraph("georeserve " + std::string(GEORESERVE_VERSION) + " · " + m.crs + " · model " + m.file.string(), "note");
  page.heading(2, "煤层概况 Seams");
  page.table(seam_summary_headers(), seam_summary_rows(c), {false, true, true, true, true, true, true, true, true, true, true});
  page.paragraph("In situ 原地资源 = all coal except burnt; resources 保有资源量 = remaining coal inside every limit "
                 "(thickness >= " + format_double(m.limits.min_thickness) + " m, Ad <= " + format_double(m.limits.max_ash) +
                 " %, St,d <= " + format_double(m.limits.max_sulfur) + " %, Qnet,ar >= " + format_double(m.limits.min_cv) +
                 " MJ/kg, depth <= " + format_double(m.limits.max_depth) + " m), not mined out, classified.");
  if (m.truth) {
    page.heading(2, "与真值对比 Comparison with the synthetic truth");
    page.paragraph("The bundled data are synthetic; the generator's truth (truth_summary.json) gives each seam's tonnage. "
                   "Definitions as the generator's: in situ = not burnt; mineable = thickness >= 0.7 m, not burnt; "
                   "remaining = mineable - mined.");
    page.table(truth_headers(), truth_table(c), {false, true, true, true, true, true, true, true, true, true, true, true});
  }
  if (m.truth_grids) {
    const auto rows = class_truth_rows(c);
    page.paragraph("Class by class against the exhaustive truth grids (" + m.truth_grids->string() +
                   "): the true thickness x density at the same nodes as the estimate (in situ, no cut-off on the truth).");
    page.table(class_truth_headers(), class_truth_table(rows), {false, false, true, true, true, true}, "按类型 by class");
    write_csv(c.out / "truth_by_class.csv", class_truth_headers(), class_truth_table(rows));
  }
  page.heading(2, "资源量估算表 Resource statement");
  page.paragraph("GB/T 17766-2020: 探明 measured, 控制 indicated, 推断 inferred; classes from the drill-hole spacing of each "
                 "seam. Resources and reserves are reported separately and never added. 资源量与储量分别列示，不相加。");
  page.table(coal_statement_headers(c.resources), coal_statement_rows(c.resources), {}, "按煤层 by seam");
  page.table(coal_statement_headers(c.by_depth), coal_statement_rows(c.by_depth), {}, "按埋深 by depth band");
  page.table(coal_statement_headers(c.by_planning), coal_statement_rows(c.by_planning), {}, "按规划区块 by planning block");
  page.table(coal_statement_headers(c.by_thickness), coal_statement_rows(c.by_thickness), {}, "按厚度级 by thickness class");
  page.heading(2, "储量估算表 Reserve statement");
  {
    std::string rec = "Recovery 回采率 by thickness class: ";
    for (const auto& t : m.thickness_classes) rec += t.label + " " + format_fixed(100 * t.recovery, 0) + " %; ";
    page.paragraph(rec + "dilution 贫化率 " + format_fixed(100 * m.dilution, 1) + " %. 探明 → 证实, 控制 → 可信, 推断 not converted.");
  }
  page.table(coal_statement_headers(c.reserves), coal_statement_rows(c.reserves), {}, "证实 proved / 可信 probable");
  page.heading(2, "地质块段法 Geological block method");
  page.paragraph("Blocks 块段: connected areas of one class within one fault block. Mean thickness = mean of the seam holes in the "
                 "block (the 3 nearest when none); volume = slope area x true thickness (dip-corrected); tonnage = volume x density.");
  page.table(method_headers(), method_rows(c), {false, true, true, true, true}, "块段法与克里格法对比 block method vs kriging");
  coal_maps(c, page);
  page.heading(2, "说明 Notes");
  page.list(c.notes);
  {
    TextTable t;
    for (const auto& [name, s] : c.stage_seconds) t.push_back({name, format_fixed(s, 2)});
    for (const auto& [name, s] : c.seams.timing) t.push_back({"  " + name, format_fixed(s, 2)});
    page.table({"stage 阶段", "seconds 秒"}, t, {false, true});
  }
  page.write(c.out / "report.html");
}

}  // namespace georeserve
