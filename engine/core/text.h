// Small, locale-independent text helpers: trimming, ASCII case folding, number parsing and formatting.
// Numbers are always read and written with '.' as the decimal point, whatever the process locale.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace georeserve {

std::string_view trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
bool iequals(std::string_view a, std::string_view b);

// Removes a UTF-8 byte order mark at the start, if any.
std::string_view strip_utf8_bom(std::string_view s);
// True when s is valid UTF-8.
bool is_valid_utf8(std::string_view s);

// Missing-value markers of the drillhole tables: empty, "NA", "-" (after trimming; case-insensitive "na").
bool is_missing_value(std::string_view s);

// Parses a whole (trimmed) field as a finite double; nullopt when it is not one. No locale involved.
std::optional<double> parse_double(std::string_view s);

// Shortest text that reads back to exactly the same double ("%.17g" quality without trailing noise).
std::string format_double(double v);
// Fixed number of decimals (rounded), e.g. format_fixed(1.23456, 3) == "1.235". NaN gives "".
std::string format_fixed(double v, int decimals);

}  // namespace georeserve
