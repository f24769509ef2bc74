// Stage domain: ore domains as closed solids (implicit modelling from the logged contacts, or a
// wireframe made elsewhere), the block model around them, block volume fractions and domain density.
#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "formats/mesh_import.h"
#include "pipeline/stage.h"

namespace georeserve {

namespace {

// The smallest grid of whole blocks (turned by the model's rotation) that holds every domain solid,
// with one block of margin on each side.
BlockGrid automatic_grid(const PipelineContext& c) {
  const Eigen::Vector3d size(c.model.block_size[0], c.model.block_size[1], c.model.block_size[2]);
  const BlockGrid frame(Eigen::Vector3d::Zero(), size, {1, 1, 1}, c.model.block_rotation);
  Eigen::Vector3d lo = Eigen::Vector3d::Constant(INFINITY), hi = -lo;
  for (const auto& d : c.domains)
    for (const auto& v : d.solid.vertices) {
      const Eigen::Vector3d m = frame.to_model(v);
      lo = lo.cwiseMin(m);
      hi = hi.cwiseMax(m);
    }
  std::array<int, 3> count{};
  Eigen::Vector3d origin_model;
  for (int a = 0; a < 3; ++a) {
    // Snap to whole blocks (a tidy origin makes block centres readable) and pad one block each side.
    origin_model[a] = (std::floor(lo[a] / size[a]) - 1) * size[a];
    count[static_cast<std::size_t>(a)] = static_cast<int>(std::ceil((hi[a] - origin_model[a]) / size[a])) + 1;
  }
  return BlockGrid(frame.to_world(origin_model), size, count, c.model.block_rotation);
}

// Length-weighted mean of the density measurements logged inside the domain.
void assign_density(PipelineContext& c, std::size_t d) {
  auto& dr = c.domains[d];
  dr.density = dr.settings->default_density;
  if (c.model.density_table.empty()) return;
  const auto& table = c.db.table(c.model.density_table);
  const auto* field = table.find_field(c.model.density_field);
  if (!field || !field->is_numeric()) {
    c.note("density table has no numeric field '" + c.model.density_field + "'; default densities used");
    return;
  }
  const auto& log = c.db.table(dr.settings->table);
  const auto& lith = log.require_field(dr.settings->field);
  double sum = 0, length = 0;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const double v = field->values[r];
    if (std::isnan(v) || v <= 0) continue;
    const auto h = table.hole(r);
    const double mid = 0.5 * (table.from(r) + table.to(r));
    for (std::size_t l = log.hole_begin(h); l < log.hole_end(h); ++l) {
      if (log.from(l) > mid || log.to(l) <= mid || lith.codes[l] < 0) continue;
      bool inside = false;
      for (const auto& code : dr.settings->codes) inside = inside || iequals(lith.text(l), code);
      if (inside) {
        sum += v * (table.to(r) - table.from(r));
        length += table.to(r) - table.from(r);
        ++dr.density_measurements;
      }
      break;
    }
  }
  if (dr.density_measurements >= 5) dr.density = sum / length;
  else
    c.note("domain " + dr.settings->name + ": only " + std::to_string(dr.density_measurements) +
           " density measurements; the default " + format_fixed(dr.density, 2) + " t/m3 is used");
}

}  // namespace

void stage_domain(PipelineContext& c) {
  const auto& m = c.model;
  c.domains.resize(m.domains.size());
  for (std::size_t d = 0; d < m.domains.size(); ++d) {
    auto& dr = c.domains[d];
    const auto& ds = m.domains[d];
    dr.settings = &ds;
    if (ds.wireframe) {
      dr.solid = read_solid_file(*ds.wireframe);
    } else {
      dr.contacts = contact_samples(c.db.table(ds.table), ds.field, ds.codes, c.traces,
                                    ds.implicit.contact_options(ds.step));
      try {
        dr.implicit = build_implicit_domain(dr.contacts, ds.implicit, c.progress);
      } catch (const ResourceError&) {
        throw;
      } catch (const Error& e) {
        throw ConfigError(m.file.string(), "domains[" + std::to_string(d) + "]", e.what());
      }
      dr.solid = dr.implicit.solid;
    }
    dr.solid_volume = dr.solid.volume();
    for (int dom : c.composite_domain) dr.composites += dom == static_cast<int>(d) ? 1 : 0;
    if (dr.composites == 0)
      throw ConfigError(m.file.string(), "domains[" + std::to_string(d) + "]",
                        "domain '" + ds.name + "' has no composites with grades: nothing to estimate");
    assign_density(c, d);
  }
  const BlockGrid grid = m.block_grid ? *m.block_grid : automatic_grid(c);
  check_block_model_fits(grid, 12 + 4 * static_cast<int>(m.grades.size()), "block model");
  c.blocks = std::make_unique<BlockModel>(grid);
  for (std::size_t d = 0; d < m.domains.size(); ++d) {
    auto& dr = c.domains[d];
    dr.fraction = dr.implicit.field.values.empty() ? volume_fractions(grid, dr.solid, m.subcells)
                                                   : volume_fractions(grid, dr.implicit.field, m.subcells);
  }
}

}  // namespace georeserve
