#pragma once
// Data identifiers (数据标识) of DL/T 645-2007 (4 bytes) and -1997 (2 bytes) with their formats.
// Covers the DIs in the tables of ditable.cpp; an unknown DI decodes to its raw bytes.
#include "meter/dlt645/frame.h"

#include <span>
#include <string>
#include <vector>

namespace ms::dlt645 {

enum class Format {
    Bcd,             // unsigned BCD, `decimals` digits after the point (XXXXXX.XX)
    SignedBcd,       // BCD whose top bit is the sign (power, current, power factor)
    Date,            // YYMMDDWW → "YYYY-MM-DD" plus a second value "星期" (weekday, 0 = Sunday)
    Time,            // hhmmss → "hh:mm:ss"
    DateTimeMinutes, // YYMMDDhhmm → "YYYY-MM-DD hh:mm"
    DateTime,        // YYMMDDhhmmss → "YYYY-MM-DD hh:mm:ss"
    Digits,          // BCD digits kept as text with leading zeros (address, meter number)
    Ascii,           // ASCII sent byte-reversed (rated voltage "220V", asset code); NULs dropped
    Word,            // status word: hex digits MSD first, e.g. "0004"
};

enum class Parts {
    Single,  // one value
    Tariffs, // block: total, T1..T(count-1)   (names "… 总", "… 费率1", …)
    Phases,  // block: A, B, C                  (names "… A相", …)
};

struct DataItem
{
    std::uint32_t id = 0;     // 2007: 0x00010000; 1997: 0x9010
    const char *name = "";    // Chinese, e.g. "正向有功总电能"
    Format format = Format::Bcd;
    std::uint8_t bytes = 4;   // per value
    std::uint8_t decimals = 0;
    const char *unit = "";    // "" = none
    std::uint8_t count = 1;   // values in the answer (block DIs: 5 tariffs, 3 phases)
    Parts parts = Parts::Single;

    std::size_t dataBytes() const { return std::size_t(bytes) * count; }
};

// The table for one version (stable order; tests iterate it).
std::span<const DataItem> dataItems(Version version);
const DataItem *findDataItem(Version version, std::uint32_t id);

// DI text: 8 hex digits for 2007, 4 for 1997 (upper case).
std::string diToText(Version version, std::uint32_t id);
std::optional<std::uint32_t> diFromText(Version version, std::string_view text);

// Values of one answer's data (after the DI). An unknown item (nullptr) gives one Missing value
// with the raw bytes as hex digits, MSD first. A block (count > 1) may be followed by fill bytes
// (00/FF/AA) and an AA terminator, as some 1997 meters answer 901F: the values decode and the
// tail is ignored. Fails when the data is too short for the item or longer without such a tail.
meter::Outcome<std::vector<meter::Value>> decodeItemData(const DataItem *item, ByteView data);

// The reverse, for the simulator and writes: one text per value in the item's format
// ("1234.56", "-0.5", "2024-05-01" (weekday computed), "12:00:05", "2024-05-01 12:00[:05]",
// "000012345678", "220V", "0004"). Fewer texts than `count` fail; non-BCD hex digits are allowed
// in Digits (a non-BCD address) and "FFFF"-style Missing text is accepted for any BCD field.
meter::Outcome<Bytes> encodeItemData(const DataItem &item, const std::vector<std::string> &texts);

// Round trip helper: the texts decodeItemData would produce (Value::toString of each value,
// weekday left out), so encodeItemData(item, textsOf(values)) reproduces the bytes.
std::vector<std::string> textsOf(const std::vector<meter::Value> &values);

} // namespace ms::dlt645
