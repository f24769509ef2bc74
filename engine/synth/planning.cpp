// The plan's planning blocks and zones (see planning.h). Town positions are approximate (a few km) and
// taken from general maps; the shapes around them are invented, and so are all ids except GK01.
#include "synth/planning.h"

#include <algorithm>
#include <cmath>

#include "synth/random.h"

namespace georeserve::synth {
namespace {

struct Place {
  const char* name;
  double lon, lat;
};

// Approximate positions of the towns and seats the plan names (illustrative, not surveyed).
const Place kPlaces[] = {
    {"调兵山市", 123.55, 42.47}, {"银州区", 123.84, 42.29},   {"清河区", 124.15, 42.55},   {"开原市", 124.04, 42.55},
    {"昌图县", 124.11, 42.79},   {"西丰县", 124.72, 42.74},   {"铁岭县", 123.75, 42.18},   {"古榆树镇", 123.62, 42.87},
    {"大四家子镇", 123.80, 43.10}, {"庆云堡镇", 123.93, 42.67}, {"东孤家子", 123.99, 42.15}, {"会试屯", 124.06, 42.18},
    {"大寨子", 124.33, 42.39},   {"肥地沟", 124.22, 42.33},   {"柴河堡", 124.08, 42.43},   {"盘岭", 124.42, 42.93},
    {"柳泉屯", 124.60, 42.62},   {"德榆村", 124.82, 42.80},   {"更刻镇", 124.87, 42.64},   {"靠山镇", 124.28, 42.42},
    {"八棵树镇", 124.45, 42.52}, {"横道河子", 124.18, 42.20}, {"西丰镇", 124.72, 42.74},   {"铁法外围", 123.66, 42.28},
};

Point2 place(const LonLatToGrid& proj, const std::string& name) {
  for (const Place& p : kPlaces)
    if (name == p.name) return proj(p.lon, p.lat);
  throw std::logic_error("planning: unknown place " + name);
}

// An irregular polygon of the given planar area around a centre: n vertices at jittered radii, stretched
// by `elongation` along azimuth `azimuth`.
Ring blob(Point2 c, double area_km2, Rng& rng, double elongation = 1.4, double azimuth = -1.0, int n = 10) {
  if (azimuth < 0) azimuth = rng.uniform(0.0, 180.0);
  const double az = azimuth * M_PI / 180.0;
  Ring r;
  for (int k = 0; k < n; ++k) {
    const double th = 2 * M_PI * (k + rng.uniform(-0.25, 0.25)) / n;
    const double rad = 1000.0 * (1.0 + 0.22 * rng.uniform(-1.0, 1.0));
    const double u = rad * std::cos(th) * elongation, v = rad * std::sin(th);  // u along the azimuth
    r.push_back({c[0] + u * std::sin(az) + v * std::cos(az), c[1] + u * std::cos(az) - v * std::sin(az)});
  }
  Ring scaled = scale_to_area(r, area_km2 * 1e6);
  // Centre it on c again (the jitter moves the centroid).
  const Point2 g = centroid(scaled);
  for (Point2& p : scaled) p = {p[0] + c[0] - g[0], p[1] + c[1] - g[1]};
  return round_mm(scaled);
}

Json props(const std::string& id, const std::string& name, const std::string& kind, const std::string& mineral,
           const std::string& county, const std::string& source, const Ring* ring, const std::string& note) {
  Json p;
  p["id"] = id;
  p["name"] = name;
  p["kind"] = kind;
  p["mineral"] = mineral;
  p["county"] = county;
  p["source"] = source;
  p["illustrative"] = true;
  if (ring) p["area_km2"] = round_to_decimals(planar_area(*ring) / 1e6, 4);
  p["note"] = note;
  return p;
}

bool overlaps_any(const Ring& r, const std::vector<const Ring*>& others) {
  for (const Ring* o : others)
    for (const Point2& p : r)
      if (point_in_ring(*o, p[0], p[1])) return true;
  for (const Ring* o : others)
    for (const Point2& p : *o)
      if (point_in_ring(r, p[0], p[1])) return true;
  return false;
}

// Planning blocks of one table: each near a town, shifted by up to `jitter` m, named after the table.
struct Block {
  const char* id;
  const char* mineral;
  const char* near;
  const char* county;
  const char* level;
  double area_km2;
};
struct BlockTable {
  const char* layer;
  const char* kind;
  const char* name_prefix;
  const char* source;
  double jitter;
};

Json block_layer(const LonLatToGrid& proj, std::uint64_t seed, const std::vector<Block>& blocks, const BlockTable& t) {
  Json layer = geojson_collection(t.layer);
  for (const Block& b : blocks) {
    Rng rng(seed, std::string("planning/") + t.kind + "/" + b.id);
    Point2 c = place(proj, b.near);
    c = {c[0] + rng.uniform(-t.jitter, t.jitter), c[1] + rng.uniform(-t.jitter, t.jitter)};
    const Ring r = blob(c, b.area_km2, rng);
    Json p = props(b.id, std::string(t.name_prefix) + b.id + "（" + b.mineral + "）", t.kind, b.mineral, b.county, t.source, &r,
                   "name, id, position and shape invented (the plan publishes none)");
    p["level"] = b.level;
    add_polygon(layer, r, p);
  }
  return layer;
}

}  // namespace

std::vector<PlanningLayer> planning_layers(const Region& region, const LonLatToGrid& proj, const QianyuDeposit& qianyu,
                                           std::uint64_t seed) {
  std::vector<PlanningLayer> layers;
  const std::string invented = "position and shape invented (the plan publishes none)";

  // 附表1: the national planning mining area 辽宁铁法 (GK01): the synthetic field's outline, 10 % larger.
  Json national = geojson_collection("national_planning_mining_areas");
  const Ring gk01 = round_mm(scale_to_area(region.tiefa_boundary(), planar_area(region.tiefa_boundary()) * 1.1));
  add_polygon(national, gk01, props("GK01", "辽宁铁法", "national_planning_mining_area", "煤", "调兵山市", "附表1 铁岭市国家规划矿区表",
                                    &gk01, "the synthetic Tiefa field's outline enlarged by 10 %; " + invented));
  layers.push_back({"planning/national_planning_mining_areas.geojson", national});

  // 第四章第三节 / 附表2: the provincial key exploration area for coal-bed methane, 3101.7624 km2.
  Json key_expl = geojson_collection("key_exploration_areas");
  Ring cbm;
  {
    Rng rng(seed, "planning/cbm");
    const Point2 a = place(proj, "古榆树镇"), b = place(proj, "大四家子镇");
    const Point2 mid{0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1])};
    const double az = std::atan2(b[0] - a[0], b[1] - a[1]) * 180.0 / M_PI;
    cbm = blob(mid, PlanningFacts::cbm_area_km2, rng, 1.5, std::fmod(az + 360.0, 180.0), 16);
    Json p = props("ZK01", "辽宁昌图大四家子镇-古榆树镇", "key_exploration_area", "煤层气", "昌图县",
                   "第四章第三节; 附表2 铁岭市矿产资源重点勘查区表", nullptr,
                   "area as published; shape invented around the two towns; the plan counts 4 exploration rights inside");
    p["level"] = "省级";
    p["area_km2"] = PlanningFacts::cbm_area_km2;
    p["area_basis"] = "planar (grid) area in EPSG:4529";
    p["grid_area_km2"] = round_to_decimals(planar_area(cbm) / 1e6, 4);
    p["ellipsoidal_area_km2"] = round_to_decimals(ellipsoidal_area(cbm, proj) / 1e6, 4);
    add_polygon(key_expl, cbm, p);
  }
  layers.push_back({"planning/key_exploration_areas.geojson", key_expl});

  // 附表3: 8 exploration planning blocks (1 provincial, 7 city) for copper, cement raw materials,
  // feldspar and rock-wool basalt. Names and ids are invented (the table is not in the published text).
  const std::vector<Block> blocks{{"KQ01", "铜", "八棵树镇", "开原市", "省级", 18.0},       {"KQ02", "水泥用灰岩", "靠山镇", "开原市", "市级", 9.0},
                                  {"KQ03", "水泥用灰岩", "横道河子", "铁岭县", "市级", 7.5},  {"KQ04", "水泥用大理岩", "盘岭", "昌图县", "市级", 6.0},
                                  {"KQ05", "长石", "大寨子", "开原市", "市级", 4.5},          {"KQ06", "长石", "八棵树镇", "开原市", "市级", 5.0},
                                  {"KQ07", "岩棉用玄武岩", "东孤家子", "铁岭县", "市级", 6.5}, {"KQ08", "岩棉用玄武岩", "会试屯", "铁岭县", "市级", 5.5}};
  layers.push_back({"planning/exploration_blocks.geojson",
                    block_layer(proj, seed, blocks, {"exploration_planning_blocks", "exploration_planning_block", "铁岭市勘查规划区块",
                                                     "附表3 铁岭市矿产资源勘查规划区块表", 3000.0})});
  // 附表5: 2 mining planning blocks (copper, provincial; vein quartz, city).
  const std::vector<Block> mblocks{{"CQ01", "铜", "清河区", "清河区", "省级", 2.2}, {"CQ02", "脉石英", "德榆村", "西丰县", "市级", 1.1}};
  layers.push_back({"planning/mining_blocks.geojson",
                    block_layer(proj, seed, mblocks, {"mining_planning_blocks", "mining_planning_block", "铁岭市开采规划区块",
                                                      "附表5 铁岭市矿产资源开采规划区块表", 4000.0})});

  // 专栏三 / 附表4: the two city key mining zones.
  Json key_mining = geojson_collection("key_mining_zones");
  {
    Rng rng(seed, "planning/key-mining");
    const Point2 a = place(proj, "东孤家子"), b = place(proj, "会试屯");
    const double az = std::fmod(std::atan2(b[0] - a[0], b[1] - a[1]) * 180.0 / M_PI + 360.0, 180.0);
    const Ring r1 = blob({0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1])}, 38.0, rng, 1.8, az, 12);
    add_polygon(key_mining, r1, props("KC01", "铁岭县东孤家子-会试屯石灰石重点开采区（市级）", "key_mining_zone", "石灰岩、大理岩",
                                      "铁岭县", "专栏三; 附表4 铁岭市矿产资源重点开采区表", &r1, invented));
    const Point2 c = place(proj, "西丰镇"), d = place(proj, "更刻镇");
    const Ring r2 = blob({0.5 * (c[0] + d[0]), 0.5 * (c[1] + d[1])}, 24.0, rng, 1.6, -1.0, 12);
    add_polygon(key_mining, r2, props("KC02", "西丰县珍珠岩重点开采区（市级）", "key_mining_zone", "珍珠岩", "西丰县",
                                      "专栏三; 附表4 铁岭市矿产资源重点开采区表", &r2,
                                      invented + "; Xifeng lies in zone 42 but is given in zone 41 like everything else"));
  }
  layers.push_back({"planning/key_mining_zones.geojson", key_mining});

  // 专栏五: 29 sand-gravel concentrated mining zones by county, kept off the higher-level areas.
  Json sand = geojson_collection("sand_gravel_zones");
  {
    struct C { const char* county; const char* code; int count; double radius; };
    const C counties[] = {{"铁岭县", "TLX", 7, 14000}, {"开原市", "KY", 6, 15000}, {"昌图县", "CT", 8, 18000}, {"西丰县", "XF", 5, 13000},
                          {"调兵山市", "DBS", 1, 6000}, {"银州区", "YZ", 1, 4000}, {"清河区", "QH", 1, 5000}};
    const std::vector<const Ring*> avoid{&gk01, &cbm};
    std::vector<Ring> placed;
    for (const C& c : counties) {
      const Point2 anchor = place(proj, c.county);
      for (int k = 1; k <= c.count; ++k) {
        Rng rng(seed, std::string("planning/sand/") + c.code + "/" + std::to_string(k));
        Ring r;
        for (int attempt = 0; attempt < 200; ++attempt) {
          const double th = 2 * M_PI * (k - 1 + rng.uniform(-0.3, 0.3)) / c.count + attempt * 0.37;
          const double rad = c.radius * rng.uniform(0.3, 1.0);
          r = blob({anchor[0] + rad * std::sin(th), anchor[1] + rad * std::cos(th)}, rng.uniform(0.6, 2.4), rng);
          std::vector<const Ring*> others = avoid;
          for (const Ring& p : placed) others.push_back(&p);
          if (!overlaps_any(r, others)) break;
        }
        placed.push_back(r);
        char id[24];
        std::snprintf(id, sizeof id, "SS-%s-%02d", c.code, k);
        add_polygon(sand, r, props(id, std::string(c.county) + "砂石土矿集中开采区" + std::to_string(k), "sand_gravel_zone",
                                   "建筑用砂石", c.county, "专栏五 铁岭市砂石土矿集中开采区划分表", &r,
                                   "the plan gives only the number per county; " + invented));
      }
    }
  }
  layers.push_back({"planning/sand_gravel_zones.geojson", sand});

  // 专栏二 / 附表8: the 10 major exploration projects, verbatim.
  Json projects = geojson_collection("major_exploration_projects");
  {
    struct P { const char* name; const char* mineral; const char* county; const char* near; double area; };
    const P list[] = {{"铁岭昌图古榆树煤层气勘探工程（省）", "煤层气", "昌图县", "古榆树镇", 160.0},
                      {"辽宁省开原市大寨子水泥石灰石矿勘查区", "水泥用灰岩", "开原市", "大寨子", 6.0},
                      {"辽宁省西丰县德榆村地下热水勘查区", "地下热水", "西丰县", "德榆村", 12.0},
                      {"辽宁省开原市肥地沟地热资源地质勘查区", "地下热水", "开原市", "肥地沟", 10.0},
                      {"辽宁省铁法地区地热勘查区", "地下热水", "调兵山市", "调兵山市", 35.0},
                      {"辽宁省铁法外围煤矿勘探勘查区", "煤", "铁岭县", "铁法外围", 45.0},
                      {"辽宁省开原市庆云堡煤矿勘查区", "煤", "开原市", "庆云堡镇", 22.0},
                      {"辽宁省开原市柴河堡水泥用灰岩矿勘查区", "水泥用灰岩", "开原市", "柴河堡", 5.0},
                      {"辽宁省昌图县盘岭水泥用大理岩矿勘查区", "水泥用大理岩", "昌图县", "盘岭", 5.0},
                      {"辽宁省西丰县柳泉屯水泥用大理岩矿勘查区", "水泥用大理岩", "西丰县", "柳泉屯", 5.0}};
    int n = 0;
    for (const P& p : list) {
      ++n;
      char id[16];
      std::snprintf(id, sizeof id, "ZDGC%02d", n);
      Rng rng(seed, std::string("planning/project/") + id);
      Point2 c = place(proj, p.near);
      if (std::string(p.near) == "铁法外围") {  // the coal exploration south of the field, outside it
        const auto bb = region.tiefa_bbox();
        c = {0.5 * (bb[0] + bb[2]), bb[1] - 6000.0};
      }
      const Ring r = blob(c, p.area, rng);
      add_polygon(projects, r, props(id, p.name, "major_exploration_project", p.mineral, p.county,
                                     "专栏二 铁岭市矿产资源勘查重大工程; 附表8", &r, invented));
    }
  }
  layers.push_back({"planning/major_exploration_projects.geojson", projects});

  // 专栏四: the Qianyu project, the licence area around the synthetic deposit (strike-aligned).
  Json dev = geojson_collection("major_development_projects");
  {
    double amin = 1e9, amax = -1e9;
    for (const QianyuLens& l : qianyu.lenses()) amin = std::min(amin, l.a0 - l.half_a), amax = std::max(amax, l.a0 + l.half_a);
    const Point2 c = qianyu.centre();
    const auto& u = qianyu.strike();
    const std::array<double, 2> v{u[1], -u[0]};  // horizontal, towards the dip side
    auto at = [&](double a, double w) { return Point2{c[0] + a * u[0] + w * v[0], c[1] + a * u[1] + w * v[1]}; };
    const Ring r = round_mm({at(amin - 300, -400), at(amax + 300, -400), at(amax + 300, 900), at(amin - 300, 900)});
    Json p = props("ZDXM01", "辽宁省铁岭市调兵山前裕硅灰石矿探转采项目", "major_development_project", "硅灰石", "调兵山市",
                   "专栏四 铁岭市矿产资源开发重大项目", &r, "licence area around the synthetic deposit; " + invented);
    p["resources_ore_kt"] = 10365.9;
    p["capacity_kt_per_year"] = 200;
    p["mining_method"] = "地下开采";
    p["period"] = "2022-2024";
    add_polygon(dev, r, p);
  }
  layers.push_back({"planning/major_development_projects.geojson", dev});
  return layers;
}

}  // namespace georeserve::synth
