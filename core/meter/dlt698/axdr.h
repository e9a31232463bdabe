#pragma once
// The A-XDR data types DL/T 698.45 GET answers use: array, structure, bool, bit-string, double-long,
// double-long-unsigned, octet-string, visible-string, integer, long, unsigned, long-unsigned,
// long64, long64-unsigned, enum, date_time_s, null.
#include "meter/dlt645/common.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ms::dlt698 {

using meter::Bytes;
using meter::ByteView;

namespace tag {
constexpr std::uint8_t Null = 0;
constexpr std::uint8_t Array = 1;
constexpr std::uint8_t Structure = 2;
constexpr std::uint8_t Bool = 3;
constexpr std::uint8_t BitString = 4;
constexpr std::uint8_t DoubleLong = 5;
constexpr std::uint8_t DoubleLongUnsigned = 6;
constexpr std::uint8_t OctetString = 9;
constexpr std::uint8_t VisibleString = 10;
constexpr std::uint8_t Integer = 15;
constexpr std::uint8_t Long = 16;
constexpr std::uint8_t Unsigned = 17;
constexpr std::uint8_t LongUnsigned = 18;
constexpr std::uint8_t Long64 = 20;
constexpr std::uint8_t Long64Unsigned = 21;
constexpr std::uint8_t Enum = 22;
constexpr std::uint8_t DateTimeS = 28;
} // namespace tag

struct Data
{
    std::uint8_t type = tag::Null;
    std::int64_t integer = 0;       // all integer types, bool, enum (long64-unsigned as bits)
    Bytes bytes;                    // octet-string, bit-string (integer = number of bits)
    std::string text;               // visible-string
    meter::DateTime dateTime;       // date_time_s
    std::vector<Data> items;        // array / structure

    static Data null();
    static Data unsignedValue(std::uint8_t type, std::uint64_t value); // any integer tag
    static Data signedValue(std::uint8_t type, std::int64_t value);
    static Data octets(Bytes bytes);
    static Data visible(std::string text);
    static Data dateTimeS(const meter::DateTime &value);
    static Data array(std::vector<Data> items);
    static Data structure(std::vector<Data> items);
    bool operator==(const Data &) const = default;
};

// Decode one Data at bytes[pos], advancing pos. Faults: Truncated (runs past the end),
// Unsupported (a type not in the list above), BadData (nesting deeper than 8, absurd lengths).
meter::Outcome<Data> decodeData(ByteView bytes, std::size_t &pos);
void encodeData(const Data &data, Bytes &out);

// Human text of a scalar (integers as decimal, octet-string as hex, date_time_s as
// "YYYY-MM-DD hh:mm:ss"); arrays/structures as "[a, b]".
std::string dataToText(const Data &data);

} // namespace ms::dlt698
