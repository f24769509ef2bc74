// The viewer's camera as a geologist moves it: a focal point, a distance, an azimuth (where the camera
// stands as seen from the focal point, degrees clockwise from north) and an elevation (degrees above the
// horizontal, -90..90; 90 = looking straight down). The vertical stays up on screen while orbiting, and
// in plan view north is up for azimuth 180. Pure geometry, no VTK.
#pragma once

#include <array>

namespace georeserve::viewer {

using Vec3 = std::array<double, 3>;

struct CameraRig {
  Vec3 focal{0, 0, 0};
  double distance = 1000.0;
  double azimuth = 200.0;
  double elevation = 35.0;
  bool parallel = false;
  double parallel_scale = 500.0;  // half the view height, display units, in orthographic views
  double view_angle = 30.0;       // vertical field of view in perspective, degrees

  Vec3 position() const;
  // Perpendicular to the viewing direction, towards the top of the screen.
  Vec3 view_up() const;
  // Turns about the focal point; elevation is kept within -90..90.
  void orbit(double d_azimuth, double d_elevation);
  // Moves the scene with the mouse: dx pixels to the right, dy pixels up, on a viewport `height` pixels high.
  void pan(double dx_pixels, double dy_pixels, int height);
  // factor > 1 comes closer.
  void zoom(double factor);
  // Frames a sphere (centre, radius) keeping the direction.
  void frame(const Vec3& centre, double radius);
  // From a camera given by position, focal point and view-up (bookmarks).
  static CameraRig from_vectors(const Vec3& position, const Vec3& focal, const Vec3& view_up, bool parallel,
                                double parallel_scale);
};

// The camera a fraction t (0..1) of the way from a to b, for fly-throughs: focal point along a straight
// line, distance and parallel scale geometrically, azimuth the short way round, elevation linearly; the
// projection switches at the middle. Smoothstep-eased, so each leg starts and ends at rest.
CameraRig interpolate(const CameraRig& a, const CameraRig& b, double t);

}  // namespace georeserve::viewer
