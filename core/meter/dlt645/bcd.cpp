#include "meter/dlt645/bcd.h"

#include <cstdio>

namespace ms::dlt645::bcd {

std::optional<int> decodeByte(std::uint8_t b)
{
    if ((b >> 4) > 9 || (b & 0x0F) > 9)
        return std::nullopt;
    return (b >> 4) * 10 + (b & 0x0F);
}

std::uint8_t encodeByte(int value)
{
    value = value < 0 ? 0 : value % 100;
    return std::uint8_t((value / 10) << 4 | (value % 10));
}

std::optional<std::int64_t> decodeNumber(ByteView le, bool signedTop)
{
    if (le.empty() || le.size() > 9)
        return std::nullopt;
    std::int64_t value = 0;
    bool negative = false;
    for (std::size_t i = le.size(); i-- > 0;) {
        std::uint8_t b = le[i];
        if (signedTop && i == le.size() - 1) {
            negative = b & 0x80;
            b &= 0x7F;
        }
        const auto digits = decodeByte(b);
        if (!digits)
            return std::nullopt;
        value = value * 100 + *digits;
    }
    return negative ? -value : value;
}

std::optional<Bytes> encodeNumber(std::string_view text, int bytes, int decimals, bool signedTop)
{
    if (bytes <= 0 || bytes > 9 || text.empty())
        return std::nullopt;
    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (negative && !signedTop)
        return std::nullopt;
    std::string digits;
    int fraction = -1; // digits after the point so far; -1 before the point
    for (char c : text) {
        if (c == '.') {
            if (fraction >= 0)
                return std::nullopt;
            fraction = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt;
        digits.push_back(c);
        if (fraction >= 0)
            ++fraction;
    }
    if (digits.empty())
        return std::nullopt;
    fraction = fraction < 0 ? 0 : fraction;
    if (fraction > decimals)
        return std::nullopt;
    digits.append(std::size_t(decimals - fraction), '0');
    const auto first = digits.find_first_not_of('0');
    digits = first == std::string::npos ? std::string("0") : digits.substr(first);
    if (digits.size() > std::size_t(bytes) * 2)
        return std::nullopt;
    digits.insert(0, std::size_t(bytes) * 2 - digits.size(), '0');
    Bytes out(std::size_t(bytes), 0);
    for (int i = 0; i < bytes; ++i) { // out[0] = least significant pair
        const std::size_t at = digits.size() - 2 * std::size_t(i) - 2;
        out[std::size_t(i)] = std::uint8_t((digits[at] - '0') << 4 | (digits[at + 1] - '0'));
    }
    if (signedTop) {
        if (out.back() & 0x80)
            return std::nullopt; // top digit ≥ 8 collides with the sign bit
        if (negative)
            out.back() |= 0x80;
    }
    return out;
}

std::optional<Bytes> encodeRawHex(std::string_view text, int bytes)
{
    if (text.size() != std::size_t(bytes) * 2)
        return std::nullopt;
    bool letter = false;
    for (char c : text)
        letter = letter || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    if (!letter)
        return std::nullopt;
    auto raw = meter::fromHex(text);
    if (!raw)
        return std::nullopt;
    return Bytes(raw->rbegin(), raw->rend());
}

namespace {
bool leapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int y, int m)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leapYear(y) ? 29 : days[m - 1];
}

std::optional<int> number(std::string_view text, std::size_t at, std::size_t len)
{
    if (at + len > text.size())
        return std::nullopt;
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}
} // namespace

bool validDate(const DateTime &dt)
{
    return dt.year >= 1 && dt.year <= 9999 && dt.month >= 1 && dt.month <= 12 && dt.day >= 1
           && dt.day <= daysInMonth(dt.year, dt.month);
}

bool validTime(const DateTime &dt)
{
    return dt.hour >= 0 && dt.hour < 24 && dt.minute >= 0 && dt.minute < 60 && dt.second >= 0
           && dt.second < 60;
}

int weekday(const DateTime &dt)
{
    // Sakamoto's method
    static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = dt.year - (dt.month < 3 ? 1 : 0);
    return (y + y / 4 - y / 100 + y / 400 + t[dt.month - 1] + dt.day) % 7;
}

std::optional<DateTime> decodeDate(ByteView ddmmyy)
{
    if (ddmmyy.size() != 3)
        return std::nullopt;
    const auto d = decodeByte(ddmmyy[0]), m = decodeByte(ddmmyy[1]), y = decodeByte(ddmmyy[2]);
    if (!d || !m || !y)
        return std::nullopt;
    DateTime dt;
    dt.year = 2000 + *y;
    dt.month = *m;
    dt.day = *d;
    return validDate(dt) ? std::optional(dt) : std::nullopt;
}

std::optional<DateTime> decodeTime(ByteView ssmmhh)
{
    if (ssmmhh.size() != 3)
        return std::nullopt;
    const auto s = decodeByte(ssmmhh[0]), m = decodeByte(ssmmhh[1]), h = decodeByte(ssmmhh[2]);
    if (!s || !m || !h)
        return std::nullopt;
    DateTime dt;
    dt.hour = *h;
    dt.minute = *m;
    dt.second = *s;
    return validTime(dt) ? std::optional(dt) : std::nullopt;
}

std::optional<DateTime> decodeDateTime(ByteView le, bool withSeconds)
{
    if (le.size() != (withSeconds ? 6u : 5u))
        return std::nullopt;
    std::size_t at = 0;
    DateTime dt;
    if (withSeconds) {
        const auto s = decodeByte(le[at++]);
        if (!s)
            return std::nullopt;
        dt.second = *s;
    }
    const auto mi = decodeByte(le[at]), h = decodeByte(le[at + 1]);
    const auto date = decodeDate(le.subspan(at + 2, 3));
    if (!mi || !h || !date)
        return std::nullopt;
    dt.year = date->year;
    dt.month = date->month;
    dt.day = date->day;
    dt.hour = *h;
    dt.minute = *mi;
    return validTime(dt) ? std::optional(dt) : std::nullopt;
}

Bytes encodeDate(const DateTime &dt)
{
    return {encodeByte(weekday(dt)), encodeByte(dt.day), encodeByte(dt.month),
            encodeByte(dt.year % 100)};
}

Bytes encodeTime(const DateTime &dt)
{
    return {encodeByte(dt.second), encodeByte(dt.minute), encodeByte(dt.hour)};
}

Bytes encodeDateTime(const DateTime &dt, bool withSeconds)
{
    Bytes out;
    if (withSeconds)
        out.push_back(encodeByte(dt.second));
    for (int v : {dt.minute, dt.hour, dt.day, dt.month, dt.year % 100})
        out.push_back(encodeByte(v));
    return out;
}

std::string formatDate(const DateTime &dt)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt.year % 10000, dt.month % 100,
                  dt.day % 100);
    return buf;
}

std::string formatTime(const DateTime &dt)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", dt.hour % 100, dt.minute % 100,
                  dt.second % 100);
    return buf;
}

std::string formatDateTime(const DateTime &dt, bool withSeconds)
{
    const std::string time = formatTime(dt);
    return formatDate(dt) + " " + (withSeconds ? time : time.substr(0, 5));
}

std::optional<DateTime> parseDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto y = number(text, 0, 4), m = number(text, 5, 2), d = number(text, 8, 2);
    if (!y || !m || !d)
        return std::nullopt;
    DateTime dt;
    dt.year = *y;
    dt.month = *m;
    dt.day = *d;
    return validDate(dt) ? std::optional(dt) : std::nullopt;
}

std::optional<DateTime> parseTime(std::string_view text)
{
    if ((text.size() != 8 && text.size() != 5) || text[2] != ':'
        || (text.size() == 8 && text[5] != ':'))
        return std::nullopt;
    const auto h = number(text, 0, 2), m = number(text, 3, 2);
    const auto s = text.size() == 8 ? number(text, 6, 2) : std::optional(0);
    if (!h || !m || !s)
        return std::nullopt;
    DateTime dt;
    dt.hour = *h;
    dt.minute = *m;
    dt.second = *s;
    return validTime(dt) ? std::optional(dt) : std::nullopt;
}

std::optional<DateTime> parseDateTime(std::string_view text)
{
    if (text.size() < 16 || (text[10] != ' ' && text[10] != 'T'))
        return std::nullopt;
    const auto date = parseDate(text.substr(0, 10));
    const auto time = parseTime(text.substr(11));
    if (!date || !time)
        return std::nullopt;
    DateTime dt = *time;
    dt.year = date->year;
    dt.month = date->month;
    dt.day = date->day;
    return dt;
}

} // namespace ms::dlt645::bcd
