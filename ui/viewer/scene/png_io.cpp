// PNG files of pictures (write_png / read_png of scene_view.h) through VTK's PNG reader and writer.
// Writing goes to memory first, then through write_file_atomically.
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPNGReader.h>
#include <vtkPNGWriter.h>
#include <vtkPointData.h>
#include <vtkUnsignedCharArray.h>

#include "core/atomic_file.h"
#include "core/error.h"
#include "viewer/scene/scene_view.h"

namespace georeserve::viewer {

void write_png(const std::filesystem::path& path, const Image& image) {
  if (image.width <= 0 || image.height <= 0 || image.rgb.size() != static_cast<std::size_t>(image.width) * image.height * 3)
    throw InputError(path.string(), 0, "", "no picture to write");
  vtkNew<vtkImageData> data;
  data->SetDimensions(image.width, image.height, 1);
  data->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
  auto* out = static_cast<unsigned char*>(data->GetScalarPointer());
  const std::size_t row = static_cast<std::size_t>(image.width) * 3;
  for (int y = 0; y < image.height; ++y)  // VTK images start at the bottom row
    std::copy_n(&image.rgb[static_cast<std::size_t>(image.height - 1 - y) * row], row, out + static_cast<std::size_t>(y) * row);
  vtkNew<vtkPNGWriter> writer;
  writer->SetInputData(data);
  writer->WriteToMemoryOn();
  writer->Write();
  vtkUnsignedCharArray* bytes = writer->GetResult();
  if (!bytes || bytes->GetNumberOfTuples() == 0) throw InputError(path.string(), 0, "", "PNG encoding failed");
  write_file_atomically(path, [&](std::ostream& file) {
    file.write(reinterpret_cast<const char*>(bytes->GetPointer(0)), bytes->GetNumberOfTuples());
  });
}

Image read_png(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path.string(), 0, "", "no such file");
  vtkNew<vtkPNGReader> reader;
  if (!reader->CanReadFile(path.string().c_str())) throw InputError(path.string(), 0, "", "not a PNG file");
  reader->SetFileName(path.string().c_str());
  reader->Update();
  vtkImageData* data = reader->GetOutput();
  int dims[3];
  data->GetDimensions(dims);
  const int components = data->GetNumberOfScalarComponents();
  Image image;
  image.width = dims[0];
  image.height = dims[1];
  image.rgb.resize(static_cast<std::size_t>(dims[0]) * dims[1] * 3);
  auto* in = static_cast<unsigned char*>(data->GetScalarPointer());
  for (int y = 0; y < dims[1]; ++y)
    for (int x = 0; x < dims[0]; ++x)
      for (int c = 0; c < 3; ++c)
        image.rgb[(static_cast<std::size_t>(dims[1] - 1 - y) * dims[0] + x) * 3 + c] =
            in[(static_cast<std::size_t>(y) * dims[0] + x) * components + std::min(c, components - 1)];
  return image;
}

}  // namespace georeserve::viewer
