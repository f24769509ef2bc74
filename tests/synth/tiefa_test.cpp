// The synthetic Tiefa field: faults move hanging walls consistently (restore and its inverse), the
// present coal thickness equals a brute-force walk down the column, quality stays in realistic ranges,
// and the calibrated remaining coal is about the plan's "over 800 Mt".
#include <gtest/gtest.h>

#include <cmath>

#include "synth/generate.h"
#include "synth/random.h"
#include "synth/tiefa_truth.h"

using namespace georeserve::synth;

namespace {
struct World {
  LonLatToGrid proj;
  Region region{kDefaultSeed, proj};
  TiefaField field{region, kDefaultSeed};
};
World& world() {
  static World w;
  return w;
}

// Random points inside the field, half of them within 400 m of a fault trace.
std::vector<Point2> sample_points(const TiefaField& f, int n) {
  Rng rng(5, "tiefa-test");
  const auto bb = f.region().tiefa_bbox();
  std::vector<Point2> pts;
  while (static_cast<int>(pts.size()) < n) {
    Point2 p{rng.uniform(bb[0], bb[2]), rng.uniform(bb[1], bb[3])};
    if (pts.size() % 2 == 1) {
      const TiefaFault& fl = f.faults()[pts.size() / 2 % f.faults().size()];
      const double t = rng.uniform(0.1, 0.9);
      p = {fl.a[0] + t * (fl.b[0] - fl.a[0]) + rng.uniform(-400, 400), fl.a[1] + t * (fl.b[1] - fl.a[1]) + rng.uniform(-400, 400)};
    }
    if (f.in_field(p[0], p[1])) pts.push_back(p);
  }
  return pts;
}
}  // namespace

TEST(Tiefa, RestoreInvertsPresentElevation) {
  const TiefaField& f = world().field;
  int cut = 0;
  for (const Point2& p : sample_points(f, 400)) {
    const TiefaColumn c = f.column(p[0], p[1]);
    for (double z0 : {c.roof[0], c.roof[3], c.floor[5]}) {
      const double z = f.present_elevation(p[0], p[1], z0);
      if (std::isnan(z)) {
        ++cut;
        continue;
      }
      EXPECT_NEAR(f.restore(p[0], p[1], z, c), z0, 1e-9);
    }
  }
  EXPECT_GT(cut, 0);  // some horizons are cut out next to the faults
}

TEST(Tiefa, PresentCoalEqualsColumnWalk) {
  const TiefaField& f = world().field;
  double total = 0;
  for (const Point2& p : sample_points(f, 100)) {
    const TiefaColumn c = f.column(p[0], p[1]);
    for (int s = 0; s < kTiefaSeams; ++s) {
      // Walk 1 cm steps over the whole depth range of the seam's possible positions.
      const double top = c.roof[static_cast<std::size_t>(s)] + 1.0, bottom = c.floor[static_cast<std::size_t>(s)] - 200.0;  // below any two throws
      double walked = 0;
      for (double z = top; z > bottom; z -= 0.01) {
        const double z0 = f.restore(p[0], p[1], z - 0.005, c);
        const bool in_seam = z0 < c.roof[static_cast<std::size_t>(s)] && z0 >= c.floor[static_cast<std::size_t>(s)];
        const bool parting = s == 1 && z0 < c.parting_top && z0 >= c.parting_base;
        walked += (in_seam && !parting) ? 0.01 : 0.0;
      }
      const double exact = f.present_coal(s, p[0], p[1], c);
      EXPECT_NEAR(walked, exact, 0.021) << "seam " << s;
      total += exact;
    }
  }
  EXPECT_GT(total, 30.0);
}

TEST(Tiefa, QualityInRealisticRanges) {
  const TiefaField& f = world().field;
  for (const Point2& p : sample_points(f, 200))
    for (int s = 0; s < kTiefaSeams; ++s) {
      const TiefaQuality q = f.quality(s, p[0], p[1]);
      EXPECT_GE(q.ash, 8.0);
      EXPECT_LE(q.ash, 45.0);
      EXPECT_GE(q.sulfur, 0.12);
      EXPECT_LE(q.sulfur, 3.0);
      EXPECT_GT(q.cv, 13.0);
      EXPECT_LT(q.cv, 25.0);
      EXPECT_GE(q.density, 1.2);
      EXPECT_LE(q.density, 1.4);
    }
}

TEST(Tiefa, CalibratedRemainingCoal) {
  World& w = world();
  TiefaField field(w.region, kDefaultSeed);
  std::vector<TiefaPanel> panels = layout_panels(field, tiefa_mines(field), kDefaultSeed);
  const auto mined = mined_fractions(field, panels);
  const double m = calibrate_tiefa(field, mined, nullptr);
  const TiefaTruth t = tiefa_truth(field, mined, false);
  EXPECT_NEAR(t.total.remaining_mt, TiefaFacts::target_remaining_mt, 0.01 * TiefaFacts::target_remaining_mt);
  EXPECT_GT(m, 0.5);  // seams keep realistic thickness
  EXPECT_LT(m, 1.5);
  EXPECT_GT(t.total.burnt_mt, 0.0);
  EXPECT_GT(t.total.mined_mt, 0.0);
  EXPECT_GT(panels.size(), 40u);
  EXPECT_NEAR(t.total.area_km2, 513.5, 1e-6);
  describe_panels(field, panels);
  for (const TiefaPanel& p : panels) {
    EXPECT_GT(p.thickness, 0.8);
    EXPECT_GT(p.depth, 200.0);
    EXPECT_LT(p.dip, 15.0);
  }
}
