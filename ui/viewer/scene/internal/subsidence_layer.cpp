// The subsidence layer (kind "subsidence"): the grid `georeserve subsidence` writes (its grid CSV with
// x, y, W and optionally damage_grade, or a single-band GeoTIFF of W in mm), draped on the terrain in a
// diverging colour map centred on zero (red = subsidence, blue = uplift), with black contour lines of W
// (10, 100, 500 mm, then every 500 mm, as the subsidence command's contours; outside the 10 mm basin edge
// the terrain shows) and the damage grades as a
// categorical attribute with the regulation's Chinese names. With `displace` > 0 in the manifest, the
// surface is instead the terrain lowered by the predicted subsidence times that factor (exaggerated).
#include <algorithm>
#include <cmath>
#include <map>

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkClipPolyData.h>
#include <vtkContourFilter.h>
#include <vtkFloatArray.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

#include "core/error.h"
#include "core/text.h"
#include "io/csv.h"
#include "subsidence/damage.h"
#include "subsidence/outputs.h"
#include "viewer/scene/internal/layers.h"
#include "viewer/scene/internal/poly_base.h"
#include "viewer/scene/palette.h"

namespace georeserve::viewer {
namespace {

// A north-up grid of nodes: W (mm) and the damage grade (0 none, 1-4; NaN unknown) per node.
struct NodeGrid {
  std::size_t nx = 0, ny = 0;
  std::vector<double> xs, ys;          // node coordinates, increasing
  std::vector<float> w, grade;         // [j * nx + i]; NaN = no value
  bool has_grade = false;
};

NodeGrid from_csv(const std::filesystem::path& path) {
  const CsvTable t = read_csv_file(path);
  t.throw_if_problems();
  const std::size_t cx = t.require_column("x"), cy = t.require_column("y"), cw = t.require_column("W");
  const auto cg = t.find_column("damage_grade");
  std::map<double, std::size_t> xi, yi;
  std::vector<std::array<double, 4>> rows(t.row_count());
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    const auto x = t.number(r, cx), y = t.number(r, cy);
    if (!x || !y) throw InputError(path.string(), t.line(r), !x ? "x" : "y", "a grid node needs coordinates");
    const auto w = t.number(r, cw);
    const auto g = cg ? t.number(r, *cg) : std::nullopt;
    rows[r] = {*x, *y, w ? *w : std::nan(""), g ? *g : std::nan("")};
    xi.emplace(*x, 0);
    yi.emplace(*y, 0);
  }
  NodeGrid g;
  g.nx = xi.size();
  g.ny = yi.size();
  if (g.nx < 2 || g.ny < 2 || g.nx * g.ny != rows.size())
    throw InputError(path.string(), 0, "", "not a regular grid of nodes (" + std::to_string(rows.size()) + " rows for " +
                                               std::to_string(g.nx) + " x values and " + std::to_string(g.ny) + " y values)");
  for (auto& [x, i] : xi) {
    i = g.xs.size();
    g.xs.push_back(x);
  }
  for (auto& [y, j] : yi) {
    j = g.ys.size();
    g.ys.push_back(y);
  }
  g.w.assign(rows.size(), std::nanf(""));
  g.grade.assign(rows.size(), std::nanf(""));
  g.has_grade = cg.has_value();
  for (const auto& r : rows) {
    const std::size_t k = yi[r[1]] * g.nx + xi[r[0]];
    g.w[k] = static_cast<float>(r[2]);
    g.grade[k] = static_cast<float>(r[3]);
  }
  return g;
}

NodeGrid from_geotiff(const std::filesystem::path& path, int scene_epsg) {
  const RasterGrid r = read_geotiff(path);
  if (r.epsg != 0 && scene_epsg != 0 && r.epsg != scene_epsg)
    throw InputError(path.string(), 0, "", "raster CRS EPSG:" + std::to_string(r.epsg) + " differs from the scene's EPSG:" +
                                               std::to_string(scene_epsg));
  NodeGrid g;
  g.nx = r.cols;
  g.ny = r.rows;
  for (std::size_t c = 0; c < r.cols; ++c) g.xs.push_back(r.x_center(c));
  for (std::size_t j = 0; j < r.rows; ++j) g.ys.push_back(r.y_center(r.rows - 1 - j));
  g.w.resize(r.cols * r.rows);
  g.grade.assign(r.cols * r.rows, std::nanf(""));
  for (std::size_t j = 0; j < r.rows; ++j)
    for (std::size_t c = 0; c < r.cols; ++c) {
      const float v = r.at(c, r.rows - 1 - j);
      g.w[j * r.cols + c] = r.is_nodata(v) ? std::nanf("") : v;
    }
  return g;
}

constexpr float kBasinEdge = 10.0f;  // mm: the edge of the subsidence basin (the first contour)

// The subsidence command's default contour levels: 10, 100, 500 mm and every 500 mm after.
std::vector<double> contour_levels(double max_w) {
  std::vector<double> levels{10, 100, 500};
  for (double l = 1000; l <= max_w; l += 500) levels.push_back(l);
  std::erase_if(levels, [&](double l) { return l > max_w; });
  return levels;
}

class SubsidenceLayer : public PolyBase {
 public:
  using PolyBase::PolyBase;
  void load(const scene::Scene& scene, const RasterGrid* terrain);
  void attach(RenderContext& context) override {
    PolyBase::attach(context);
    if (!ok() || !contours_) return;
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(contours_);
    mapper->ScalarVisibilityOff();
    contour_actor_ = vtkSmartPointer<vtkActor>::New();
    contour_actor_->SetMapper(mapper);
    contour_actor_->GetProperty()->SetColor(0.05, 0.05, 0.05);
    contour_actor_->GetProperty()->SetLineWidth(2.0f);
    contour_actor_->GetProperty()->LightingOff();
    context.renderer->AddActor(contour_actor_);
  }
  void sync(RenderContext& context) override {
    PolyBase::sync(context);
    if (!contour_actor_) return;
    context.place(contour_actor_);
    contour_actor_->SetVisibility(visible());
    contour_actor_->GetProperty()->SetOpacity(std::min(1.0, opacity() + 0.3));
  }

 protected:
  void describe(long long, const std::array<double, 3>& crs, PickResult& r) const override {
    r.item = "subsidence grid node";
    const auto i = nearest(grid_.xs, crs[0]), j = nearest(grid_.ys, crs[1]);
    const std::size_t k = j * grid_.nx + i;
    r.values.emplace_back("下沉 W", format_value(grid_.w[k], "mm"));
    if (grid_.has_grade)
      r.values.emplace_back("损坏等级 damage grade",
                            std::isnan(grid_.grade[k]) ? "-" : grade_text(static_cast<int>(std::lround(grid_.grade[k]))));
  }

 private:
  static std::size_t nearest(const std::vector<double>& v, double x) {
    const auto it = std::lower_bound(v.begin(), v.end(), x);
    if (it == v.begin()) return 0;
    if (it == v.end()) return v.size() - 1;
    return (x - *(it - 1) < *it - x) ? static_cast<std::size_t>(it - v.begin() - 1) : static_cast<std::size_t>(it - v.begin());
  }
  static std::string grade_text(int g) { return g >= 1 && g <= 4 ? subsidence::grade_name_cn(g) : "无 none"; }

  NodeGrid grid_;
  vtkSmartPointer<vtkPolyData> contours_;
  vtkSmartPointer<vtkActor> contour_actor_;
};

void SubsidenceLayer::load(const scene::Scene& scene, const RasterGrid* terrain) {
  const std::string ext = to_lower_ascii(desc().resolved.extension().string());
  std::error_code ec;
  if (!std::filesystem::is_regular_file(desc().resolved, ec)) throw InputError(desc().resolved.string(), 0, "", "no such file");
  grid_ = ext == ".csv" ? from_csv(desc().resolved) : from_geotiff(desc().resolved, scene.epsg);
  double max_abs = 0;
  for (float v : grid_.w)
    if (!std::isnan(v)) max_abs = std::max(max_abs, static_cast<double>(std::abs(v)));
  const double displace = desc().displace;
  vtkNew<vtkPoints> points;
  vtkNew<vtkFloatArray> w, grade;
  w->SetName("W");
  grade->SetName("damage_grade");
  std::vector<vtkIdType> id(grid_.nx * grid_.ny, -1);
  for (std::size_t j = 0; j < grid_.ny; ++j)
    for (std::size_t i = 0; i < grid_.nx; ++i) {
      const std::size_t k = j * grid_.nx + i;
      if (std::isnan(grid_.w[k])) continue;
      const double x = grid_.xs[i], y = grid_.ys[j];
      double z = 0.0;
      if (terrain)
        if (auto t = terrain->sample(x, y)) z = *t + (displace > 0 ? 0.0 : 1.5);  // draped just above the ground
      if (displace > 0) z -= displace * grid_.w[k] / 1000.0;
      id[k] = points->InsertNextPoint(x - scene.origin[0], y - scene.origin[1], z - scene.origin[2]);
      w->InsertNextValue(grid_.w[k]);
      grade->InsertNextValue(grid_.grade[k]);
    }
  vtkNew<vtkCellArray> triangles;
  for (std::size_t j = 0; j + 1 < grid_.ny; ++j)
    for (std::size_t i = 0; i + 1 < grid_.nx; ++i) {
      const vtkIdType a = id[j * grid_.nx + i], b = id[j * grid_.nx + i + 1], c = id[(j + 1) * grid_.nx + i], d = id[(j + 1) * grid_.nx + i + 1];
      if (a < 0 || b < 0 || c < 0 || d < 0) continue;
      const vtkIdType t1[3] = {a, b, d}, t2[3] = {a, d, c};
      triangles->InsertNextCell(3, t1);
      triangles->InsertNextCell(3, t2);
    }
  vtkNew<vtkPolyData> surface;
  surface->SetPoints(points);
  surface->SetPolys(triangles);
  surface->GetPointData()->AddArray(w);
  if (grid_.has_grade) surface->GetPointData()->AddArray(grade);
  // Outside the basin (|W| under its 10 mm edge) the terrain shows through: clipped along the edge.
  vtkNew<vtkFloatArray> magnitude;
  magnitude->SetName("|W|");
  for (vtkIdType p = 0; p < w->GetNumberOfTuples(); ++p) magnitude->InsertNextValue(std::abs(w->GetValue(p)));
  surface->GetPointData()->AddArray(magnitude);
  surface->GetPointData()->SetActiveScalars("|W|");
  vtkNew<vtkClipPolyData> clip;
  clip->SetInputData(surface);
  clip->SetValue(kBasinEdge);
  clip->Update();
  shown = clip->GetOutput();
  shown->GetPointData()->RemoveArray("|W|");
  if (shown->GetNumberOfCells() == 0)
    throw InputError(desc().resolved.string(), 0, "", "the grid holds no subsidence of 10 mm or more (or no values)");
  offset = {0, 0, 0};
  lighting = displace > 0;

  const auto levels = contour_levels(max_abs);
  if (!levels.empty()) {
    vtkNew<vtkContourFilter> contour;
    contour->SetInputData(surface);
    contour->SetInputArrayToProcess(0, 0, 0, vtkDataObject::FIELD_ASSOCIATION_POINTS, "W");
    contour->SetNumberOfContours(static_cast<int>(levels.size()));
    for (std::size_t l = 0; l < levels.size(); ++l) contour->SetValue(static_cast<int>(l), levels[l]);
    contour->Update();
    contours_ = contour->GetOutput();
    // Lift the lines a little so they are not buried in the surface they lie on.
    for (vtkIdType p = 0; p < contours_->GetNumberOfPoints(); ++p) {
      double q[3];
      contours_->GetPoint(p, q);
      contours_->GetPoints()->SetPoint(p, q[0], q[1], q[2] + 0.5);
    }
  }

  // W in a diverging map centred on zero; damage grades as categories with the regulation's names.
  scene::Attribute wa;
  wa.name = "W";
  wa.title = "下沉 subsidence W";
  wa.unit = "mm";
  wa.color_map = ColorMap::diverging;
  wa.range = std::array<double, 2>{-std::max(max_abs, 1.0), std::max(max_abs, 1.0)};
  if (const scene::Attribute* given = attribute("W"); given && given->range) wa.range = given->range;
  if (!attribute("W")) add_found_attribute(wa);
  else if (scene::Attribute* m = mutable_attribute("W"); m && !m->range) *m = wa;
  if (grid_.has_grade && !attribute("damage_grade")) {
    scene::Attribute ga;
    ga.name = "damage_grade";
    ga.title = "损坏等级 damage grade";
    ga.kind = scene::AttributeKind::categorical;
    const Rgb colors[] = {{230, 230, 230}, {67, 160, 71}, {253, 216, 53}, {251, 140, 0}, {211, 47, 47}};
    for (int g = 0; g <= 4; ++g) ga.categories.push_back({g, grade_text(g), g == 0 ? "" : subsidence::grade_name(g), colors[g]});
    add_found_attribute(ga);
  }
  finish();
}

}  // namespace

std::unique_ptr<Layer> load_subsidence_layer(const scene::Layer& desc, const scene::Scene& scene, const RasterGrid* terrain) {
  return make_loaded<SubsidenceLayer>(desc, [&](SubsidenceLayer& layer) { layer.load(scene, terrain); });
}

}  // namespace georeserve::viewer
