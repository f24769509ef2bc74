#include "pipeline/context.h"

namespace georeserve {

void PipelineContext::note(const std::string& text) {
  notes.push_back(text);
  if (log) *log << "  note: " << text << '\n';
}

}  // namespace georeserve
