// Tests of the grid prediction: nodes equal the point model (separable, rotated and polygon panels),
// results identical for any thread count, memory estimates.
#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include "subsidence/grid.h"

namespace georeserve::subsidence {
namespace {

std::vector<Panel> mixed_panels() {
  std::vector<Panel> panels;
  auto add = [&](std::string id, geometry::Ring ring, double depth) {
    Panel p;
    p.id = std::move(id);
    p.polygon = std::move(ring);
    p.thickness = 2.5;
    p.depth = depth;
    panels.push_back(p);
  };
  add("axis", {{0, 0}, {300, 0}, {300, 900}, {0, 900}}, 400);
  const double c = std::cos(0.4), s = std::sin(0.4);
  geometry::Ring rotated;
  for (geometry::Point2 p : {geometry::Point2{0, 0}, {250, 0}, {250, 700}, {0, 700}}) rotated.push_back({600 + c * p.x - s * p.y, 100 + s * p.x + c * p.y});
  add("rotated", rotated, 450);
  add("pentagon", {{-600, -300}, {-200, -350}, {-100, 0}, {-350, 250}, {-650, 50}}, 300);
  return panels;
}

TEST(Grid, NodesEqualThePointModel) {
  Parameters p;
  p.s_ratio = 0.05;
  const SubsidenceModel model(mixed_panels(), p);
  const GridSpec spec{-1200, -1000, 37.0, 41.0, 80, 70};
  const DeformationGrid g = predict_grid(model, spec);
  for (std::size_t j = 0; j < spec.ny; ++j)
    for (std::size_t i = 0; i < spec.nx; ++i) {
      const Deformation d = model.at({spec.x(i), spec.y(j)});
      const std::size_t k = j * spec.nx + i;
      ASSERT_NEAR(g.w[k], d.w, 1e-9);
      ASSERT_NEAR(g.tilt_x[k], d.tilt_x, 1e-11);
      ASSERT_NEAR(g.curv_xy[k], d.curv_xy, 1e-12);
      ASSERT_NEAR(g.u_y[k], d.u_y, 1e-9);
      ASSERT_NEAR(g.strain_yy[k], d.strain_yy, 1e-11);
    }
}

TEST(Grid, IdenticalForAnyThreadCount) {
  const SubsidenceModel model(mixed_panels(), Parameters{});
  const GridSpec spec{-1000, -800, 20, 20, 120, 110};
  DeformationGrid one, many;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = predict_grid(model, spec);
  }
  many = predict_grid(model, spec);
  EXPECT_EQ(one.w, many.w);
  EXPECT_EQ(one.strain_xy, many.strain_xy);
  EXPECT_EQ(one.u_x, many.u_x);
}

TEST(Grid, MemoryEstimateSaturates) {
  EXPECT_EQ(grid_memory_bytes(1000, 1000), 1000000u * 14u * 8u);
  EXPECT_EQ(grid_memory_bytes(~0ull, ~0ull), ~0ull);
  EXPECT_GT(physical_memory_bytes(), 0u);
}

}  // namespace
}  // namespace georeserve::subsidence
