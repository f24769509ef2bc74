// Tests of the prediction model against DESIGN.md section 5: the closed form of a rectangular panel
// on a flat seam (W0, W0/2 at the inflection point, the erf profile, the maxima of tilt, curvature,
// horizontal movement and strain) to 0.1 %, symmetry, superposition, dip, offsets and directions.
#include <gtest/gtest.h>

#include <cmath>

#include "subsidence/model.h"

namespace georeserve::subsidence {
namespace {

Panel rect_panel(std::string id, double x0, double y0, double x1, double y1, double m = 3.0, double h = 500.0) {
  Panel p;
  p.id = std::move(id);
  p.polygon = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  p.thickness = m;
  p.depth = h;
  return p;
}

Parameters params(double q = 0.8, double tan_beta = 2.0, double b = 0.3) {
  Parameters p;
  p.q = q;
  p.tan_beta = tan_beta;
  p.b = b;
  return p;
}

// Maximum of |f| over a fine 1D sweep.
template <class F>
double sweep_max(F f, double a, double b) {
  double best = 0.0;
  for (int k = 0; k <= 200000; ++k) best = std::max(best, std::abs(f(a + (b - a) * k / 200000.0)));
  return best;
}

TEST(Model, SupercriticalRectangleMatchesClosedForm) {
  // 3000 m x 3000 m panel, H = 500, r = 250: wide enough that the centre reaches W0.
  const double m = 3.0, q = 0.8, h = 500.0, tb = 2.0, b = 0.3, r = h / tb;
  const SubsidenceModel model({rect_panel("A", 0, 0, 3000, 3000, m, h)}, params(q, tb, b));
  const double w0 = 1000.0 * m * q;  // mm
  EXPECT_NEAR(model.panels()[0].w0, w0, 1e-9);
  EXPECT_NEAR(model.panels()[0].r, r, 1e-12);
  EXPECT_NEAR(model.at({1500, 1500}).w, w0, 1e-3 * w0);
  EXPECT_NEAR(model.at({0, 1500}).w, 0.5 * w0, 1e-3 * w0);  // inflection point at the edge
  // The erf profile along the central line.
  for (double x = -600; x <= 600; x += 25) {
    const double expected = w0 * 0.5 * (std::erf(std::sqrt(M_PI) * x / r) - std::erf(std::sqrt(M_PI) * (x - 3000) / r));
    EXPECT_NEAR(model.at({x, 1500}).w, expected, 1e-3 * w0 + 1e-9) << x;
  }
  auto at = [&](double x) { return model.at({x, 1500}); };
  EXPECT_NEAR(sweep_max([&](double x) { return at(x).tilt_x; }, -750, 750), w0 / r, 1e-3 * w0 / r);
  EXPECT_NEAR(sweep_max([&](double x) { return at(x).curv_xx; }, -750, 750), 1.52 * w0 / (r * r), 1e-3 * 1.52 * w0 / (r * r));
  EXPECT_NEAR(sweep_max([&](double x) { return at(x).u_x; }, -750, 750), b * w0, 1e-3 * b * w0);
  EXPECT_NEAR(sweep_max([&](double x) { return at(x).strain_xx; }, -750, 750), 1.52 * b * w0 / r, 1e-3 * 1.52 * b * w0 / r);
  // Signs: left of the panel the ground tilts toward it, moves toward it and is stretched (convex).
  const Deformation left = at(-100);
  EXPECT_GT(left.tilt_x, 0.0);
  EXPECT_GT(left.u_x, 0.0);
  EXPECT_GT(left.curv_xx, 0.0);
  EXPECT_GT(left.strain_xx, 0.0);
  EXPECT_LT(at(100).strain_xx, 0.0);  // compression inside the edge
}

TEST(Model, SymmetryOfARectangle) {
  const SubsidenceModel model({rect_panel("A", -300, -200, 300, 200)}, params());
  for (double x : {0.0, 120.0, 333.0, 610.0})
    for (double y : {0.0, 90.0, 250.0, 500.0}) {
      const Deformation d = model.at({x, y}), mx = model.at({-x, y}), my = model.at({x, -y});
      EXPECT_NEAR(d.w, mx.w, 1e-9);
      EXPECT_NEAR(d.w, my.w, 1e-9);
      EXPECT_NEAR(d.tilt_x, -mx.tilt_x, 1e-12);
      EXPECT_NEAR(d.tilt_y, -my.tilt_y, 1e-12);
      EXPECT_NEAR(d.curv_xx, mx.curv_xx, 1e-12);
      EXPECT_NEAR(d.curv_xy, -mx.curv_xy, 1e-12);
      EXPECT_NEAR(d.u_y, -my.u_y, 1e-12);
    }
  // A square panel is symmetric under swapping x and y.
  const SubsidenceModel square({rect_panel("S", -250, -250, 250, 250)}, params());
  const Deformation a = square.at({130, 40}), t = square.at({40, 130});
  EXPECT_NEAR(a.w, t.w, 1e-9);
  EXPECT_NEAR(a.tilt_x, t.tilt_y, 1e-12);
  EXPECT_NEAR(a.strain_xx, t.strain_yy, 1e-12);
}

TEST(Model, AdjacentPanelsSuperposeToTheirUnion) {
  const Parameters p = params();  // s_ratio = 0
  const SubsidenceModel two({rect_panel("A", 0, 0, 200, 800), rect_panel("B", 200, 0, 550, 800)}, p);
  const SubsidenceModel one({rect_panel("AB", 0, 0, 550, 800)}, p);
  // A union that is not a rectangle: an L of a rectangle and its neighbour, as one polygon.
  const SubsidenceModel l_two({rect_panel("A", 0, 0, 200, 800), rect_panel("C", 200, 0, 550, 300)}, p);
  Panel l = rect_panel("L", 0, 0, 0, 0);
  l.polygon = {{0, 0}, {550, 0}, {550, 300}, {200, 300}, {200, 800}, {0, 800}};
  const SubsidenceModel l_one({l}, p);
  for (double x = -700; x <= 1300; x += 73)
    for (double y = -700; y <= 1500; y += 91) {
      const Deformation a = two.at({x, y}), b = one.at({x, y});
      EXPECT_NEAR(a.w, b.w, 1e-9);
      EXPECT_NEAR(a.tilt_x, b.tilt_x, 1e-11);
      EXPECT_NEAR(a.strain_yy, b.strain_yy, 1e-11);
      const Deformation c = l_two.at({x, y}), d = l_one.at({x, y});
      EXPECT_NEAR(c.w, d.w, 1e-9);
      EXPECT_NEAR(c.curv_xy, d.curv_xy, 1e-11);
      EXPECT_NEAR(c.u_y, d.u_y, 1e-9);
    }
}

TEST(Model, DipReducesW0AndShiftsTheBasinDownDip) {
  Panel flat = rect_panel("F", 0, 0, 3000, 3000);
  Panel dipping = flat;
  dipping.dip = -20.0;         // DESIGN's sign convention; the magnitude counts
  dipping.dip_azimuth = 90.0;  // dips toward the east
  Parameters p = params();
  p.theta = 80.0;
  const SubsidenceModel a({flat}, p), b({dipping}, p);
  EXPECT_NEAR(b.panels()[0].w0, a.panels()[0].w0 * std::cos(20.0 * M_PI / 180.0), 1e-9);
  const double shift = 500.0 / std::tan(80.0 * M_PI / 180.0);
  EXPECT_NEAR(b.panels()[0].shift.x, shift, 1e-9);
  EXPECT_NEAR(b.panels()[0].shift.y, 0.0, 1e-9);
  // The west inflection point moves east by the shift; W there is W0/2 of the dipping panel.
  EXPECT_NEAR(b.at({shift, 1500}).w, 0.5 * b.panels()[0].w0, 1e-3 * b.panels()[0].w0);
  EXPECT_NEAR(a.at({0, 1500}).w, 0.5 * a.panels()[0].w0, 1e-3 * a.panels()[0].w0);
  // theta = 90 means no shift; a flat panel is never shifted.
  p.theta = 90.0;
  EXPECT_EQ(SubsidenceModel({dipping}, p).panels()[0].shift.x, 0.0);
  p.theta = 70.0;
  EXPECT_EQ(SubsidenceModel({flat}, p).panels()[0].shift.x, 0.0);
  // A per-panel theta overrides the parameter.
  dipping.theta = 60.0;
  EXPECT_NEAR(SubsidenceModel({dipping}, p).panels()[0].shift.x, 500.0 / std::tan(M_PI / 3), 1e-9);
}

TEST(Model, InflectionOffsetMovesEdgesInward) {
  Parameters p = params();
  p.s_ratio = 0.1;  // s = 50 m at H = 500
  const SubsidenceModel model({rect_panel("A", 0, 0, 3000, 3000)}, p);
  EXPECT_NEAR(model.panels()[0].s, 50.0, 1e-12);
  const double w0 = model.panels()[0].w0;
  EXPECT_NEAR(model.at({50, 1500}).w, 0.5 * w0, 1e-3 * w0);
  EXPECT_LT(model.at({0, 1500}).w, 0.45 * w0);
  // An offset too large for a narrow panel is an error naming the panel.
  p.s_ratio = 0.3;
  try {
    SubsidenceModel bad({rect_panel("narrow", 0, 0, 200, 3000)}, p);
    FAIL() << "expected an error";
  } catch (const ModelError& e) {
    EXPECT_EQ(e.panel(), 0);
    EXPECT_EQ(e.key(), "polygon");
    EXPECT_NE(std::string(e.what()).find("'narrow'"), std::string::npos);
  }
}

TEST(Model, BadValuesAreNamed) {
  auto key_of = [](const std::vector<Panel>& panels, const Parameters& p) {
    try {
      SubsidenceModel m(panels, p);
    } catch (const ModelError& e) {
      return e.key();
    }
    return std::string("none");
  };
  const Panel good = rect_panel("A", 0, 0, 100, 100);
  Panel bad = good;
  bad.depth = 0.0;
  EXPECT_EQ(key_of({good, bad}, params()), "depth");
  bad = good;
  bad.thickness = -1.0;
  EXPECT_EQ(key_of({bad}, params()), "thickness");
  bad = good;
  bad.polygon = {{0, 0}, {100, 100}, {100, 0}, {0, 100}};
  EXPECT_EQ(key_of({bad}, params()), "polygon");
  bad.polygon = {{0, 0}, {100, 100}};
  EXPECT_EQ(key_of({bad}, params()), "polygon");
  EXPECT_EQ(key_of({good}, params(1.3)), "q");
  EXPECT_EQ(key_of({good}, params(0.0)), "q");
  EXPECT_EQ(key_of({good}, params(1.2)), "none");
  EXPECT_EQ(key_of({good}, params(0.8, 0.0)), "tan_beta");
  EXPECT_EQ(key_of({good}, params(0.8, -1.0)), "tan_beta");
}

TEST(Model, DirectionsAndPrincipalValues) {
  const SubsidenceModel model({rect_panel("A", 0, 0, 400, 300)}, params());
  const Deformation d = model.at({-50, 20});
  EXPECT_NEAR(d.along(90).tilt, d.tilt_x, 1e-12);  // east
  EXPECT_NEAR(d.along(0).tilt, d.tilt_y, 1e-12);   // north
  EXPECT_NEAR(d.along(180).u, -d.u_y, 1e-12);
  EXPECT_NEAR(d.along(90).strain, d.strain_xx, 1e-12);
  EXPECT_NEAR(d.along(0).curvature, d.curv_yy, 1e-12);
  // The tilt along the gradient is the largest; principal values bound every direction.
  double max_tilt = 0.0, max_curv = 0.0;
  for (double az = 0; az < 360; az += 0.25) {
    max_tilt = std::max(max_tilt, std::abs(d.along(az).tilt));
    max_curv = std::max(max_curv, std::abs(d.along(az).curvature));
  }
  EXPECT_NEAR(max_tilt, d.tilt_max(), 1e-5 * d.tilt_max());
  EXPECT_NEAR(max_curv, std::abs(d.curvature_principal()), 1e-5 * max_curv);
  EXPECT_NEAR(principal_of_largest_magnitude(1.0, 0.0, -3.0), -3.0, 1e-15);
}

}  // namespace
}  // namespace georeserve::subsidence
