// See lookup_table.h.
#include "viewer/scene/internal/lookup_table.h"

#include <vtkLookupTable.h>
#include <vtkVariant.h>

#include "viewer/scene/palette.h"

namespace georeserve::viewer {

vtkSmartPointer<vtkLookupTable> make_lookup_table(const scene::Attribute& attribute, const std::array<double, 2>& range) {
  auto lut = vtkSmartPointer<vtkLookupTable>::New();
  lut->SetNanColor(0.62, 0.62, 0.62, 1.0);
  if (attribute.kind == scene::AttributeKind::categorical) {
    lut->IndexedLookupOn();
    lut->SetNumberOfTableValues(static_cast<vtkIdType>(attribute.categories.size()));
    for (std::size_t i = 0; i < attribute.categories.size(); ++i) {
      const auto& c = attribute.categories[i];
      lut->SetTableValue(static_cast<vtkIdType>(i), c.color.r / 255.0, c.color.g / 255.0, c.color.b / 255.0, 1.0);
      lut->SetAnnotation(vtkVariant(static_cast<double>(c.code)), category_text(attribute, static_cast<double>(c.code)));
    }
    return lut;
  }
  const PaletteBytes bytes = palette_bytes(&attribute);
  lut->SetNumberOfTableValues(256);
  for (int i = 0; i < 256; ++i)
    lut->SetTableValue(i, bytes[static_cast<std::size_t>(i) * 4] / 255.0, bytes[static_cast<std::size_t>(i) * 4 + 1] / 255.0,
                       bytes[static_cast<std::size_t>(i) * 4 + 2] / 255.0, 1.0);
  lut->SetTableRange(range[0], range[1]);
  return lut;
}

}  // namespace georeserve::viewer
