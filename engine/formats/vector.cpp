// Implementation of vector.h with GDAL's C++ API. Everything is first written into a private folder
// of GDAL's memory file system (/vsimem/), so a failure anywhere leaves no file behind; the finished
// files are then copied out with write_file_atomically.
#include "formats/vector.h"

#include <atomic>
#include <cctype>
#include <memory>
#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"
#include "geometry/polygon.h"
#include "geometry/validity.h"

namespace georeserve {
namespace {

using geometry::Point2;
using geometry::Ring;

void ensure_drivers() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

std::string gdal_message() {
  const char* m = CPLGetLastErrorMsg();
  return m && *m ? std::string(m) : std::string("GDAL reported no reason");
}

// A private folder in /vsimem/, removed with everything in it when the object goes.
class MemoryFolder {
 public:
  MemoryFolder() {
    static std::atomic<unsigned long> counter{0};
    path_ = "/vsimem/georeserve_vector_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    VSIMkdir(path_.c_str(), 0755);
  }
  ~MemoryFolder() { VSIRmdirRecursive(path_.c_str()); }
  MemoryFolder(const MemoryFolder&) = delete;
  MemoryFolder& operator=(const MemoryFolder&) = delete;
  std::string file(const std::string& name) const { return path_ + "/" + name; }

  // Copies a file of the folder to `target`, atomically.
  void copy_out(const std::string& name, const std::filesystem::path& target) const {
    vsi_l_offset size = 0;
    GByte* data = VSIGetMemFileBuffer(file(name).c_str(), &size, FALSE);
    if (!data) throw InputError(target.string(), 0, "", "GDAL produced no " + name);
    write_file_atomically(target, [&](std::ostream& out) { out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size)); });
  }

 private:
  std::string path_;
};

struct DatasetDeleter {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetDeleter>;

std::unique_ptr<OGRSpatialReference> spatial_reference(int epsg, const std::string& file) {
  if (epsg == 0) return nullptr;
  auto srs = std::make_unique<OGRSpatialReference>();
  if (srs->importFromEPSG(epsg) != OGRERR_NONE)
    throw InputError(file, 0, "", "unknown coordinate reference system EPSG:" + std::to_string(epsg));
  srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x = easting whatever the EPSG axis order
  return srs;
}

OGRLinearRing to_ogr_ring(const Ring& ring) {
  OGRLinearRing out;
  for (Point2 p : ring) out.addPoint(p.x, p.y);
  if (!ring.empty()) out.addPoint(ring.front().x, ring.front().y);
  return out;
}

std::unique_ptr<OGRGeometry> to_ogr(const VectorFeature& f, VectorGeometryType type) {
  switch (type) {
    case VectorGeometryType::polygon: {
      auto mp = std::make_unique<OGRMultiPolygon>();
      for (const geometry::Polygon& poly : f.polygons) {
        OGRPolygon p;
        OGRLinearRing outer = to_ogr_ring(poly.outer);
        p.addRing(&outer);
        for (const Ring& h : poly.holes) {
          OGRLinearRing hole = to_ogr_ring(h);
          p.addRing(&hole);
        }
        mp->addGeometry(&p);
      }
      return mp;
    }
    case VectorGeometryType::line: {
      auto ml = std::make_unique<OGRMultiLineString>();
      for (const geometry::Polyline& line : f.lines) {
        OGRLineString ls;
        for (Point2 p : line) ls.addPoint(p.x, p.y);
        ml->addGeometry(&ls);
      }
      return ml;
    }
    case VectorGeometryType::point: {
      auto mp = std::make_unique<OGRMultiPoint>();
      for (Point2 p : f.points) {
        OGRPoint pt(p.x, p.y);
        mp->addGeometry(&pt);
      }
      return mp;
    }
  }
  return nullptr;
}

OGRwkbGeometryType ogr_type(VectorGeometryType t) {
  return t == VectorGeometryType::polygon ? wkbMultiPolygon : (t == VectorGeometryType::line ? wkbMultiLineString : wkbMultiPoint);
}

void set_value(OGRFeature& f, int field, const VectorValue& v) {
  if (std::holds_alternative<long long>(v)) f.SetField(field, static_cast<GIntBig>(std::get<long long>(v)));
  else if (std::holds_alternative<double>(v)) f.SetField(field, std::get<double>(v));
  else if (std::holds_alternative<std::string>(v)) f.SetField(field, std::get<std::string>(v).c_str());
  else f.SetFieldNull(field);
}

void check_layer(const VectorLayer& layer, const std::string& file) {
  for (std::size_t k = 0; k < layer.features.size(); ++k)
    if (layer.features[k].values.size() != layer.fields.size())
      throw InputError(file, 0, "", "layer '" + layer.name + "' feature " + std::to_string(k + 1) + " has " +
                                        std::to_string(layer.features[k].values.size()) + " values for " +
                                        std::to_string(layer.fields.size()) + " fields");
}

// Writes the layers into `ds` (an open dataset of `format`).
void fill_dataset(GDALDataset& ds, VectorFormat format, const std::vector<VectorLayer>& layers, OGRSpatialReference* srs,
                  const std::string& file) {
  const bool dxf = format == VectorFormat::dxf;
  OGRLayer* out = nullptr;
  for (const VectorLayer& layer : layers) {
    check_layer(layer, file);
    if (!out || !dxf) {
      CPLStringList options;
      if (format == VectorFormat::shapefile) options.SetNameValue("ENCODING", "UTF-8");
      out = ds.CreateLayer(dxf ? "entities" : layer.name.c_str(), srs, dxf ? wkbUnknown : ogr_type(layer.type), options.List());
      if (!out) throw InputError(file, 0, "", "cannot create layer '" + layer.name + "': " + gdal_message());
      for (const VectorField& field : layer.fields) {
        if (dxf) break;
        const OGRFieldType t = field.type == VectorFieldType::integer ? OFTInteger64 : (field.type == VectorFieldType::real ? OFTReal : OFTString);
        OGRFieldDefn def(field.name.c_str(), t);
        if (out->CreateField(&def) != OGRERR_NONE) throw InputError(file, 0, "", "cannot create field '" + field.name + "': " + gdal_message());
      }
    }
    for (const VectorFeature& feature : layer.features) {
      std::unique_ptr<OGRGeometry> g = to_ogr(feature, layer.type);
      // DXF entities are single: a multi-geometry becomes one entity per part.
      std::vector<std::unique_ptr<OGRGeometry>> parts;
      if (dxf)
        for (const OGRGeometry* part : *g->toGeometryCollection()) parts.emplace_back(part->clone());
      else
        parts.push_back(std::move(g));
      for (auto& part : parts) {
        OGRFeature f(out->GetLayerDefn());
        if (dxf) f.SetField("Layer", layer.name.c_str());
        else
          for (std::size_t k = 0; k < layer.fields.size(); ++k) set_value(f, static_cast<int>(k), feature.values[k]);
        f.SetGeometryDirectly(part.release());
        if (out->CreateFeature(&f) != OGRERR_NONE)
          throw InputError(file, 0, "", "cannot write a feature of '" + layer.name + "': " + gdal_message());
      }
    }
  }
}

std::string lower_extension(const std::filesystem::path& path) { return to_lower_ascii(path.extension().string()); }

}  // namespace

std::string vector_value_text(const VectorValue& v) {
  if (std::holds_alternative<long long>(v)) return std::to_string(std::get<long long>(v));
  if (std::holds_alternative<double>(v)) return format_double(std::get<double>(v));
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return {};
}

std::optional<std::string> crs_name(int epsg) {
  ensure_drivers();
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  OGRSpatialReference srs;
  if (epsg <= 0 || srs.importFromEPSG(epsg) != OGRERR_NONE) return std::nullopt;
  const char* name = srs.GetName();
  return name ? std::string(name) : "EPSG:" + std::to_string(epsg);
}

std::optional<VectorFormat> vector_format_for(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".geojson" || ext == ".json") return VectorFormat::geojson;
  if (ext == ".shp") return VectorFormat::shapefile;
  if (ext == ".gpkg") return VectorFormat::geopackage;
  if (ext == ".dxf") return VectorFormat::dxf;
  return std::nullopt;
}

void write_vector_file(const std::filesystem::path& path, const std::vector<VectorLayer>& layers, int epsg) {
  const std::string file = path.string();
  const auto format = vector_format_for(path);
  if (!format) throw InputError(file, 0, "", "unknown vector format (use .geojson, .shp, .gpkg or .dxf)");
  if ((*format == VectorFormat::geojson || *format == VectorFormat::shapefile) && layers.size() != 1)
    throw InputError(file, 0, "", "GeoJSON and Shapefile files hold exactly one layer, got " + std::to_string(layers.size()));
  ensure_drivers();
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  CPLErrorReset();
  const auto srs = spatial_reference(epsg, file);
  const char* driver_name = *format == VectorFormat::geojson      ? "GeoJSON"
                            : *format == VectorFormat::shapefile  ? "ESRI Shapefile"
                            : *format == VectorFormat::geopackage ? "GPKG"
                                                                  : "DXF";
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  if (!driver) throw InputError(file, 0, "", std::string("GDAL has no ") + driver_name + " driver");

  MemoryFolder folder;
  const std::string stem = "out", ext = lower_extension(path);
  {
    DatasetPtr ds(driver->Create(folder.file(stem + ext).c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw InputError(file, 0, "", "cannot create: " + gdal_message());
    fill_dataset(*ds, *format, layers, srs.get(), file);
    ds->FlushCache();
  }  // closing the dataset finishes the files
  if (CPLGetLastErrorType() >= CE_Failure) throw InputError(file, 0, "", "GDAL failed writing: " + gdal_message());

  const std::filesystem::path base = path.parent_path() / path.stem();
  if (*format == VectorFormat::shapefile) {
    for (const char* part : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
      VSIStatBufL st;
      if (VSIStatL(folder.file(stem + part).c_str(), &st) == 0) folder.copy_out(stem + part, base.string() + part);
    }
    return;
  }
  folder.copy_out(stem + ext, path);
  if (*format == VectorFormat::dxf && srs) {
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT1_ESRI", nullptr};
    if (srs->exportToWkt(&wkt, options) == OGRERR_NONE && wkt)
      write_file_atomically(base.string() + ".prj", [&](std::ostream& out) { out << wkt; });
    CPLFree(wkt);
  }
}

std::optional<std::string> PolygonFeature::property_text(const std::string& name) const {
  for (const auto& [key, value] : properties)
    if (iequals(key, name) && !std::holds_alternative<std::monostate>(value)) return vector_value_text(value);
  return std::nullopt;
}

namespace {

// The rings of an OGR polygon as a checked polygon; `what` names the feature for messages.
geometry::Polygon polygon_from_ogr(const OGRPolygon& p, const std::string& file, const std::string& what) {
  geometry::Polygon out;
  const int rings = p.getExteriorRing() ? 1 + p.getNumInteriorRings() : 0;
  if (rings == 0) throw InputError(file, 0, "", what + ": polygon has no rings");
  for (int k = 0; k < rings; ++k) {
    const OGRLinearRing* ring = k == 0 ? p.getExteriorRing() : p.getInteriorRing(k - 1);
    std::vector<Point2> pts;
    for (int i = 0; i < ring->getNumPoints(); ++i) pts.push_back({ring->getX(i), ring->getY(i)});
    if (!geometry::is_closed(pts))
      throw InputError(file, 0, "", what + ": ring " + std::to_string(k + 1) + " is not closed (its last point must repeat the first)");
    (k == 0 ? out.outer : out.holes.emplace_back()) = geometry::ring_from_closed_coordinates(pts);
  }
  if (auto problem = geometry::polygon_problem(out)) throw InputError(file, 0, "", what + ": " + *problem);
  geometry::orient(out);
  return out;
}

VectorValue value_of(const OGRFeature& f, int k) {
  if (!f.IsFieldSetAndNotNull(k)) return {};
  switch (f.GetFieldDefnRef(k)->GetType()) {
    case OFTInteger:
    case OFTInteger64: return static_cast<long long>(f.GetFieldAsInteger64(k));
    case OFTReal: return f.GetFieldAsDouble(k);
    default: return std::string(f.GetFieldAsString(k));
  }
}

}  // namespace

PolygonFile read_polygon_file(const std::filesystem::path& path) {
  const std::string file = path.string();
  if (!std::filesystem::exists(path)) throw InputError(file, 0, "", "file not found");
  ensure_drivers();
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  const char* drivers[] = {"GeoJSON", "ESRI Shapefile", "GPKG", nullptr};
  DatasetPtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() < 1) throw InputError(file, 0, "", "cannot read as GeoJSON, Shapefile or GeoPackage: " + gdal_message());
  OGRLayer* layer = ds->GetLayer(0);
  PolygonFile out;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    OGRSpatialReference copy(*srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE || copy.GetAuthorityCode(nullptr)) {
      const char* code = copy.GetAuthorityCode(nullptr);
      if (code) out.epsg = std::atoi(code);
    }
  }
  layer->ResetReading();
  long index = 0;
  for (auto& feature : *layer) {
    ++index;
    PolygonFeature pf;
    pf.index = index;
    for (int k = 0; k < feature->GetFieldCount(); ++k) pf.properties.emplace_back(feature->GetFieldDefnRef(k)->GetNameRef(), value_of(*feature, k));
    std::string what = "feature " + std::to_string(index);
    for (const char* key : {"name", "id"})
      if (auto name = pf.property_text(key)) {
        what += " ('" + *name + "')";
        break;
      }
    const OGRGeometry* g = feature->GetGeometryRef();
    if (!g) throw InputError(file, 0, "", what + ": has no geometry");
    const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) pf.shape.push_back(polygon_from_ogr(*g->toPolygon(), file, what));
    else if (t == wkbMultiPolygon)
      for (const OGRPolygon* p : *g->toMultiPolygon()) pf.shape.push_back(polygon_from_ogr(*p, file, what));
    else throw InputError(file, 0, "", what + ": geometry is a " + OGRGeometryTypeToName(t) + ", expected a Polygon or MultiPolygon");
    out.features.push_back(std::move(pf));
  }
  return out;
}

}  // namespace georeserve
