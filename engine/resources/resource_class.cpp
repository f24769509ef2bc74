#include "resources/resource_class.h"

#include "core/text.h"

namespace georeserve {

std::string_view class_name(ResourceClass c) {
  switch (c) {
    case ResourceClass::measured: return "measured";
    case ResourceClass::indicated: return "indicated";
    case ResourceClass::inferred: return "inferred";
  }
  return "";
}

std::string_view class_name_cn(ResourceClass c) {
  switch (c) {
    case ResourceClass::measured: return "探明";
    case ResourceClass::indicated: return "控制";
    case ResourceClass::inferred: return "推断";
  }
  return "";
}

std::string_view class_name(ReserveClass c) { return c == ReserveClass::proved ? "proved" : "probable"; }
std::string_view class_name_cn(ReserveClass c) { return c == ReserveClass::proved ? "证实" : "可信"; }

std::optional<ResourceClass> parse_resource_class(std::string_view name) {
  for (auto c : all_resource_classes)
    if (iequals(name, class_name(c)) || name == class_name_cn(c)) return c;
  return std::nullopt;
}

std::optional<ReserveClass> parse_reserve_class(std::string_view name) {
  for (auto c : all_reserve_classes)
    if (iequals(name, class_name(c)) || name == class_name_cn(c)) return c;
  return std::nullopt;
}

}  // namespace georeserve
