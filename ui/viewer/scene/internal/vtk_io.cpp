// See vtk_io.h.
#include "viewer/scene/internal/vtk_io.h"

#include <vtkCommand.h>
#include <vtkDataSet.h>
#include <vtkExecutive.h>
#include <vtkNew.h>
#include <vtkXMLImageDataReader.h>
#include <vtkXMLPolyDataReader.h>
#include <vtkXMLStructuredGridReader.h>
#include <vtkXMLUnstructuredGridReader.h>

#include "core/error.h"
#include "core/text.h"

namespace georeserve::viewer {
namespace {

// Collects the error and warning messages a VTK algorithm raises instead of printing them.
class MessageCollector : public vtkCommand {
 public:
  static MessageCollector* New() { return new MessageCollector; }
  void Execute(vtkObject*, unsigned long, void* data) override {
    if (data && message.empty()) message = static_cast<const char*>(data);
  }
  std::string message;
};

std::string first_line(std::string text) {
  // VTK messages start with "ERROR: In file.cxx, line N\nvtkClass (0x...): text"; keep the text.
  const auto colon = text.find("): ");
  if (colon != std::string::npos) text = text.substr(colon + 3);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

template <class Reader>
vtkSmartPointer<vtkDataSet> read_with(const std::filesystem::path& path) {
  vtkNew<Reader> reader;
  vtkNew<MessageCollector> errors;
  reader->AddObserver(vtkCommand::ErrorEvent, errors);
  reader->AddObserver(vtkCommand::WarningEvent, errors);
  reader->GetExecutive()->AddObserver(vtkCommand::ErrorEvent, errors);
  reader->SetFileName(path.string().c_str());
  reader->Update();
  vtkDataSet* out = reader->GetOutputAsDataSet();
  if (!errors->message.empty() || reader->GetErrorCode() != 0 || !out)
    throw InputError(path.string(), 0, "",
                     errors->message.empty() ? "not a readable VTK XML file" : "unreadable: " + first_line(errors->message));
  return out;
}

}  // namespace

vtkSmartPointer<vtkDataSet> read_vtk_xml(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path.string(), 0, "", "no such file");
  const std::string ext = to_lower_ascii(path.extension().string());
  if (ext == ".vti") return read_with<vtkXMLImageDataReader>(path);
  if (ext == ".vts") return read_with<vtkXMLStructuredGridReader>(path);
  if (ext == ".vtp") return read_with<vtkXMLPolyDataReader>(path);
  if (ext == ".vtu") return read_with<vtkXMLUnstructuredGridReader>(path);
  throw InputError(path.string(), 0, "", "not a VTK XML file (.vti, .vts, .vtp, .vtu)");
}

}  // namespace georeserve::viewer
