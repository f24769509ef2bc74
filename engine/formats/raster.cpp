// GeoTIFF reading and writing through GDAL's C API. Writing goes to GDAL's in-memory file system first
// and then through write_file_atomically, so a failed write never leaves a partial file behind.
#include "formats/raster.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <string>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include "core/atomic_file.h"
#include "core/error.h"

namespace georeserve {
namespace {

void register_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

// Silences GDAL's own printing for the lifetime of the guard; errors are turned into our exceptions.
class QuietGdal {
 public:
  QuietGdal() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
  static std::string last_message() {
    const char* m = CPLGetLastErrorMsg();
    return (m && *m) ? std::string(m) : std::string("unknown GDAL error");
  }
};

struct DatasetCloser {
  GDALDatasetH ds;
  ~DatasetCloser() {
    if (ds) GDALClose(ds);
  }
};

void check_grid(const std::filesystem::path& path, const RasterGrid& g) {
  const std::string file = path.string();
  if (g.cols == 0 || g.rows == 0) throw InputError(file, 0, "", "raster has no cells");
  if (g.values.size() != g.cols * g.rows)
    throw InputError(file, 0, "", "raster holds " + std::to_string(g.values.size()) + " values for " +
                                      std::to_string(g.cols) + " x " + std::to_string(g.rows) + " cells");
  if (!(g.cell_x > 0.0) || !(g.cell_y > 0.0) || !std::isfinite(g.cell_x) || !std::isfinite(g.cell_y))
    throw InputError(file, 0, "", "raster cell size must be positive");
  if (!std::isfinite(g.west) || !std::isfinite(g.north)) throw InputError(file, 0, "", "raster origin is not finite");
  if (g.cols > 2147483647u || g.rows > 2147483647u) throw InputError(file, 0, "", "raster too large for GeoTIFF");
}

std::string wkt_of_epsg(const std::string& file, int epsg) {
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  if (OSRImportFromEPSG(srs, epsg) != OGRERR_NONE) {
    OSRDestroySpatialReference(srs);
    throw InputError(file, 0, "", "unknown EPSG code " + std::to_string(epsg));
  }
  char* wkt = nullptr;
  OSRExportToWkt(srs, &wkt);
  std::string out = wkt ? wkt : "";
  CPLFree(wkt);
  OSRDestroySpatialReference(srs);
  return out;
}

int epsg_of_dataset(GDALDatasetH ds) {
  const char* wkt = GDALGetProjectionRef(ds);
  if (!wkt || !*wkt) return 0;
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  int code = 0;
  if (OSRImportFromWkt(srs, const_cast<char**>(&wkt)) == OGRERR_NONE) {
    if (!OSRGetAuthorityCode(srs, nullptr)) OSRAutoIdentifyEPSG(srs);
    const char* auth = OSRGetAuthorityName(srs, nullptr);
    const char* c = OSRGetAuthorityCode(srs, nullptr);
    if (auth && c && std::string(auth) == "EPSG") code = std::atoi(c);
  }
  OSRDestroySpatialReference(srs);
  return code;
}

}  // namespace

RasterGrid::RasterGrid(std::size_t cols_, std::size_t rows_, double west_, double north_, double cell_x_,
                       double cell_y_, int epsg_, float fill)
    : cols(cols_), rows(rows_), west(west_), north(north_), cell_x(cell_x_), cell_y(cell_y_), epsg(epsg_),
      values(cols_ * rows_, fill) {}

bool RasterGrid::is_nodata(float v) const {
  if (std::isnan(v)) return true;
  return nodata && static_cast<double>(v) == *nodata;
}

std::optional<double> RasterGrid::sample(double x, double y) const {
  if (cols == 0 || rows == 0) return std::nullopt;
  // Continuous cell coordinates with 0 at the centre of the first column/row.
  double fc = (x - west) / cell_x - 0.5;
  double fr = (north - y) / cell_y - 0.5;
  const double max_c = static_cast<double>(cols - 1), max_r = static_cast<double>(rows - 1);
  if (fc < -0.5 || fr < -0.5 || fc > max_c + 0.5 || fr > max_r + 0.5) return std::nullopt;
  fc = std::clamp(fc, 0.0, max_c);
  fr = std::clamp(fr, 0.0, max_r);
  const std::size_t c0 = static_cast<std::size_t>(std::floor(fc)), r0 = static_cast<std::size_t>(std::floor(fr));
  const std::size_t c1 = std::min(c0 + 1, cols - 1), r1 = std::min(r0 + 1, rows - 1);
  const double tc = fc - static_cast<double>(c0), tr = fr - static_cast<double>(r0);
  const float v00 = at(c0, r0), v10 = at(c1, r0), v01 = at(c0, r1), v11 = at(c1, r1);
  if (is_nodata(v00) || is_nodata(v10) || is_nodata(v01) || is_nodata(v11)) return std::nullopt;
  const double top = v00 + (v10 - v00) * tc;
  const double bottom = v01 + (v11 - v01) * tc;
  return top + (bottom - top) * tr;
}

void write_geotiff(const std::filesystem::path& path, const RasterGrid& grid) {
  check_grid(path, grid);
  register_gdal();
  const std::string file = path.string();
  QuietGdal quiet;
  GDALDriverH driver = GDALGetDriverByName("GTiff");
  if (!driver) throw InputError(file, 0, "", "GDAL has no GTiff driver");

  static std::mutex counter_mutex;
  static unsigned counter = 0;
  std::string mem;
  {
    std::lock_guard lock(counter_mutex);
    mem = "/vsimem/georeserve_raster_" + std::to_string(counter++) + ".tif";
  }
  // Fixed creation options: no compression (zlib/libdeflate differ between builds), GeoTIFF 1.1 keys.
  char** options = nullptr;
  options = CSLSetNameValue(options, "COMPRESS", "NONE");
  options = CSLSetNameValue(options, "INTERLEAVE", "BAND");
  options = CSLSetNameValue(options, "GEOTIFF_VERSION", "1.1");
  options = CSLSetNameValue(options, "TILED", "NO");
  GDALDatasetH ds = GDALCreate(driver, mem.c_str(), static_cast<int>(grid.cols), static_cast<int>(grid.rows), 1,
                               GDT_Float32, options);
  CSLDestroy(options);
  if (!ds) throw InputError(file, 0, "", "cannot create GeoTIFF: " + QuietGdal::last_message());
  bool ok = true;
  std::string message;
  {
    DatasetCloser closer{ds};
    double transform[6] = {grid.west, grid.cell_x, 0.0, grid.north, 0.0, -grid.cell_y};
    ok = GDALSetGeoTransform(ds, transform) == CE_None;
    if (ok && grid.epsg != 0) ok = GDALSetProjection(ds, wkt_of_epsg(file, grid.epsg).c_str()) == CE_None;
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    if (ok && grid.nodata) ok = GDALSetRasterNoDataValue(band, *grid.nodata) == CE_None;
    if (ok)
      ok = GDALRasterIO(band, GF_Write, 0, 0, static_cast<int>(grid.cols), static_cast<int>(grid.rows),
                        const_cast<float*>(grid.values.data()), static_cast<int>(grid.cols),
                        static_cast<int>(grid.rows), GDT_Float32, 0, 0) == CE_None;
    if (!ok) message = QuietGdal::last_message();
  }  // closing flushes the file into /vsimem
  vsi_l_offset size = 0;
  GByte* bytes = VSIGetMemFileBuffer(mem.c_str(), &size, FALSE);
  if (!ok || !bytes) {
    VSIUnlink(mem.c_str());
    throw InputError(file, 0, "", "cannot write GeoTIFF: " + (message.empty() ? QuietGdal::last_message() : message));
  }
  try {
    write_file_atomically(path, [&](std::ostream& out) {
      out.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(size));
    });
  } catch (...) {
    VSIUnlink(mem.c_str());
    throw;
  }
  VSIUnlink(mem.c_str());
}

RasterGrid read_geotiff(const std::filesystem::path& path) {
  register_gdal();
  const std::string file = path.string();
  if (!std::filesystem::exists(path)) throw InputError(file, 0, "", "file not found");
  QuietGdal quiet;
  GDALDatasetH ds = GDALOpen(file.c_str(), GA_ReadOnly);
  if (!ds) throw InputError(file, 0, "", "not a raster GDAL can read: " + QuietGdal::last_message());
  DatasetCloser closer{ds};
  if (GDALGetRasterCount(ds) < 1) throw InputError(file, 0, "", "raster has no bands");
  double t[6];
  if (GDALGetGeoTransform(ds, t) != CE_None) throw InputError(file, 0, "", "raster has no georeferencing");
  if (t[2] != 0.0 || t[4] != 0.0) throw InputError(file, 0, "", "rotated rasters are not supported");
  if (!(t[1] > 0.0) || t[5] == 0.0) throw InputError(file, 0, "", "raster cell size must be positive");

  RasterGrid g;
  g.cols = static_cast<std::size_t>(GDALGetRasterXSize(ds));
  g.rows = static_cast<std::size_t>(GDALGetRasterYSize(ds));
  g.west = t[0];
  g.cell_x = t[1];
  g.cell_y = std::abs(t[5]);
  g.north = t[5] < 0.0 ? t[3] : t[3] + t[5] * static_cast<double>(g.rows);
  g.epsg = epsg_of_dataset(ds);
  GDALRasterBandH band = GDALGetRasterBand(ds, 1);
  int has_nodata = 0;
  const double nd = GDALGetRasterNoDataValue(band, &has_nodata);
  if (has_nodata) g.nodata = nd;
  g.values.assign(g.cols * g.rows, 0.0f);
  if (GDALRasterIO(band, GF_Read, 0, 0, static_cast<int>(g.cols), static_cast<int>(g.rows), g.values.data(),
                   static_cast<int>(g.cols), static_cast<int>(g.rows), GDT_Float32, 0, 0) != CE_None)
    throw InputError(file, 0, "", "cannot read raster values: " + QuietGdal::last_message());
  if (t[5] > 0.0) {  // south-up file: flip rows so row 0 is north
    for (std::size_t r = 0; r < g.rows / 2; ++r)
      for (std::size_t c = 0; c < g.cols; ++c) std::swap(g.at(c, r), g.at(c, g.rows - 1 - r));
  }
  return g;
}

}  // namespace georeserve
