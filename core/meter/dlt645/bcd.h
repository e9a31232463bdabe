#pragma once
// BCD numbers and calendar fields as DL/T 645 puts them on the wire (least significant byte
// first), plus the text forms the codecs print and accept. Internal to the codecs but public
// so the 698 codec, the tests and the fuzzers can use it.
#include "meter/dlt645/common.h"

#include <optional>
#include <string>
#include <string_view>

namespace ms::dlt645::bcd {

using meter::Bytes;
using meter::ByteView;
using meter::DateTime;

std::optional<int> decodeByte(std::uint8_t b); // 0x59 → 59; nullopt for a non-BCD nibble
std::uint8_t encodeByte(int value);             // 0..99 → 0x00..0x99

// Little-endian BCD; `signedTop`: bit 7 of the most significant byte is the sign.
std::optional<std::int64_t> decodeNumber(ByteView le, bool signedTop);
// "1234.56", "-0.5", "12": scaled by 10^decimals into `bytes` little-endian BCD bytes.
// nullopt when the text is not a number, has more decimals, or does not fit.
std::optional<Bytes> encodeNumber(std::string_view text, int bytes, int decimals, bool signedTop);
// "FFFF"-style raw filler: exactly bytes×2 hex digits with at least one of A–F (MSD first).
std::optional<Bytes> encodeRawHex(std::string_view text, int bytes);

bool validDate(const DateTime &dt);
bool validTime(const DateTime &dt);
int weekday(const DateTime &dt); // 0 = Sunday … 6 = Saturday

std::optional<DateTime> decodeDate(ByteView ddmmyy);         // DD MM YY
std::optional<DateTime> decodeTime(ByteView ssmmhh);         // ss mm hh
// (ss) mm hh DD MM YY, with or without the seconds byte
std::optional<DateTime> decodeDateTime(ByteView le, bool withSeconds);
Bytes encodeDate(const DateTime &dt);                       // WW DD MM YY
Bytes encodeTime(const DateTime &dt);                       // ss mm hh
Bytes encodeDateTime(const DateTime &dt, bool withSeconds); // (ss) mm hh DD MM YY

std::string formatDate(const DateTime &dt);                     // YYYY-MM-DD
std::string formatTime(const DateTime &dt);                     // hh:mm:ss
std::string formatDateTime(const DateTime &dt, bool withSeconds); // YYYY-MM-DD hh:mm[:ss]
std::optional<DateTime> parseDate(std::string_view text);
std::optional<DateTime> parseTime(std::string_view text);
std::optional<DateTime> parseDateTime(std::string_view text); // seconds optional

} // namespace ms::dlt645::bcd
