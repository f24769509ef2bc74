// The camera rig: positions from azimuth and elevation, view-up continuous through plan view, bookmarks
// (position, focal point, view-up) read back to the same camera, panning that follows the mouse.
#include <gtest/gtest.h>

#include <cmath>

#include "viewer/scene/camera_rig.h"

using namespace georeserve::viewer;

TEST(CameraRig, AzimuthAndElevation) {
  CameraRig r;
  r.focal = {100, 200, 0};
  r.distance = 50;
  r.azimuth = 90;  // standing east of the focal point
  r.elevation = 0;
  const auto p = r.position();
  EXPECT_NEAR(p[0], 150, 1e-9);
  EXPECT_NEAR(p[1], 200, 1e-9);
  EXPECT_NEAR(r.view_up()[2], 1, 1e-12);
  r.azimuth = 180;  // south of it, looking north, then straight down: north is up on screen
  r.elevation = 90;
  EXPECT_NEAR(r.position()[2], 50, 1e-9);
  EXPECT_NEAR(r.view_up()[1], 1, 1e-12);
  r.orbit(0, 30);
  EXPECT_EQ(r.elevation, 90);  // limited
  r.orbit(200, -100);
  EXPECT_NEAR(r.azimuth, 20, 1e-12);
  EXPECT_EQ(r.elevation, -10);
}

TEST(CameraRig, BookmarkVectorsRoundTrip) {
  for (double az : {0.0, 45.0, 135.0, 270.0})
    for (double el : {-60.0, 0.0, 35.0, 90.0}) {
      CameraRig r;
      r.focal = {41512000.0 - 41512000.0 + 10, 20, -30};
      r.distance = 800;
      r.azimuth = az;
      r.elevation = el;
      const CameraRig back = CameraRig::from_vectors(r.position(), r.focal, r.view_up(), false, 0);
      EXPECT_NEAR(back.distance, 800, 1e-6);
      EXPECT_NEAR(back.elevation, el, 1e-6);
      EXPECT_NEAR(std::remainder(back.azimuth - az, 360.0), 0, 1e-6) << az << " " << el;
    }
}

TEST(CameraRig, PanFollowsTheMouse) {
  CameraRig r;
  r.focal = {0, 0, 0};
  r.azimuth = 180;  // looking north from the south, level
  r.elevation = 0;
  r.parallel = true;
  r.parallel_scale = 100;  // 200 m over 400 px: 0.5 m per pixel
  r.pan(40, 0, 400);       // mouse 40 px right: the scene follows, so the focal point moves 20 m west
  EXPECT_NEAR(r.focal[0], -20, 1e-9);
  r.pan(0, 20, 400);       // mouse up: focal point 10 m down
  EXPECT_NEAR(r.focal[2], -10, 1e-9);
}

TEST(CameraRig, FlyThroughInterpolationEndsAtTheStopsAndTurnsTheShortWay) {
  CameraRig a, b;
  a.focal = {0, 0, 0};
  a.distance = 100;
  a.azimuth = 350;
  a.elevation = 10;
  a.parallel_scale = 50;
  b.focal = {100, 50, -20};
  b.distance = 400;
  b.azimuth = 30;  // 40 degrees clockwise from a, through north
  b.elevation = 90;
  b.parallel = true;
  b.parallel_scale = 200;
  const CameraRig start = interpolate(a, b, 0.0), end = interpolate(a, b, 1.0), mid = interpolate(a, b, 0.5);
  EXPECT_EQ(start.focal, a.focal);
  EXPECT_NEAR(start.azimuth, 350, 1e-9);
  EXPECT_FALSE(start.parallel);
  EXPECT_NEAR(end.distance, 400, 1e-9);
  EXPECT_NEAR(std::remainder(end.azimuth - 30, 360.0), 0, 1e-9);
  EXPECT_NEAR(end.elevation, 90, 1e-9);
  EXPECT_TRUE(end.parallel);
  EXPECT_NEAR(mid.azimuth, 10, 1e-9);  // the short way, through north
  EXPECT_NEAR(mid.distance, 200, 1e-9);  // geometric mean
  EXPECT_NEAR(mid.focal[0], 50, 1e-9);
  // Eased: the first step is smaller than the middle one.
  const double first = interpolate(a, b, 0.1).focal[0] - start.focal[0];
  const double middle = interpolate(a, b, 0.55).focal[0] - interpolate(a, b, 0.45).focal[0];
  EXPECT_LT(first, middle);
}
