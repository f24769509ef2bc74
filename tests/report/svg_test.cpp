// SVG canvas, map view and charts: well-formed output, escaping, coordinates.
#include <gtest/gtest.h>

#include "report/chart.h"
#include "report/svg.h"

using namespace georeserve;

TEST(Svg, EscapesAndKeepsChinese) {
  SvgCanvas c(100, 50);
  c.text(10, 20, "探明 <measured> & \"A\"");
  const std::string s = c.str();
  EXPECT_NE(s.find("探明 &lt;measured&gt; &amp; &quot;A&quot;"), std::string::npos);
  EXPECT_EQ(s.rfind("</svg>\n"), s.size() - 7);
}

TEST(Svg, MapViewKeepsEqualScaleAndNorthUp) {
  MapView v(1000, 2000, 3000, 3000, 0, 0, 400, 400);  // 2000 x 1000 m into 400 x 400 px
  EXPECT_DOUBLE_EQ(v.px_per_metre(), 0.2);
  const auto sw = v.to_px(1000, 2000), ne = v.to_px(3000, 3000);
  EXPECT_DOUBLE_EQ(sw.x, 0);
  EXPECT_DOUBLE_EQ(ne.x, 400);
  EXPECT_DOUBLE_EQ(sw.y - ne.y, 200);  // north is up
  EXPECT_DOUBLE_EQ((sw.y + ne.y) / 2, 200);  // centred vertically
}

TEST(Svg, NiceSteps) {
  EXPECT_DOUBLE_EQ(nice_step(0.13), 0.2);
  EXPECT_DOUBLE_EQ(nice_step(3.1), 5);
  EXPECT_DOUBLE_EQ(nice_step(700), 1000);
  EXPECT_EQ(format_tick(0.30000000000000004, 0.1), "0.3");
  EXPECT_EQ(format_tick(41500000, 1000), "41500000");
}

TEST(Svg, ChartDrawsEverySeries) {
  ChartOptions o;
  o.title = "变差函数 variogram";
  o.x_title = "distance (m)";
  o.y_title = "γ (%²)";
  o.references.push_back({2.5, true, "sample variance"});
  ChartSeries pts;
  pts.label = "experimental";
  pts.kind = ChartSeries::Kind::points;
  pts.x = {10, 20, 30};
  pts.y = {1, 2, 2.4};
  pts.point_titles = {"n=10", "n=20", "n=30"};
  ChartSeries model;
  model.label = "model";
  model.x = {0, 15, 30};
  model.y = {0.5, 1.8, 2.5};
  const std::string s = make_chart(640, 400, o, {pts, model}).str();
  EXPECT_NE(s.find("<title>n=20</title>"), std::string::npos);
  EXPECT_NE(s.find("<polyline"), std::string::npos);
  EXPECT_NE(s.find("sample variance"), std::string::npos);
  EXPECT_NE(s.find("变差函数"), std::string::npos);
}

TEST(Color, MapsAndClasses) {
  EXPECT_EQ(color_at(ColorMap::viridis, 0).hex(), "#440154");
  EXPECT_EQ(color_at(ColorMap::viridis, 2.0), color_at(ColorMap::viridis, 1.0));
  EXPECT_EQ(resource_class_color("探明"), resource_class_color("measured"));
  EXPECT_NE(resource_class_color("indicated"), resource_class_color("inferred"));
}
