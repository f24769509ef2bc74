// Resource and reserve categories of GB/T 17766-2020 with their CRIRSCO/JORC English names.
// Resources by rising confidence: 推断 inferred, 控制 indicated, 探明 measured. Reserves: 可信 probable,
// 证实 proved. Only measured and indicated resources convert to reserves.
#pragma once

#include <optional>
#include <string_view>

namespace georeserve {

// Codes as stored in block models (NaN = unclassified / not a resource).
enum class ResourceClass { measured = 1, indicated = 2, inferred = 3 };
enum class ReserveClass { proved = 1, probable = 2 };

std::string_view class_name(ResourceClass c);     // "measured"
std::string_view class_name_cn(ResourceClass c);  // "探明"
std::string_view class_name(ReserveClass c);      // "proved"
std::string_view class_name_cn(ReserveClass c);   // "证实"
std::optional<ResourceClass> parse_resource_class(std::string_view name);  // English or Chinese
std::optional<ReserveClass> parse_reserve_class(std::string_view name);

constexpr ResourceClass all_resource_classes[] = {ResourceClass::measured, ResourceClass::indicated,
                                                  ResourceClass::inferred};
constexpr ReserveClass all_reserve_classes[] = {ReserveClass::proved, ReserveClass::probable};

}  // namespace georeserve
