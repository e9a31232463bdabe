#include "meter/dlt645/common.h"

#include <charconv>

namespace ms::meter {

namespace {
int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

std::string toHex(ByteView bytes, std::string_view separator)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * (2 + separator.size()));
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out.append(separator);
        out.push_back(digits[bytes[i] >> 4]);
        out.push_back(digits[bytes[i] & 0x0F]);
    }
    return out;
}

std::optional<Bytes> fromHex(std::string_view text)
{
    Bytes out;
    int high = -1;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (high < 0 && c == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
            i += 2; // "0x" prefix of a byte
            continue;
        }
        if (c == ' ' || c == ':' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
            if (high >= 0)
                return std::nullopt; // separator inside a byte
            ++i;
            continue;
        }
        const int d = hexDigit(c);
        if (d < 0)
            return std::nullopt;
        if (high < 0) {
            high = d;
        } else {
            out.push_back(std::uint8_t(high << 4 | d));
            high = -1;
        }
        ++i;
    }
    if (high >= 0)
        return std::nullopt;
    return out;
}

std::string_view protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Dlt645_2007: return "dlt645-2007";
    case Protocol::Dlt645_1997: return "dlt645-1997";
    case Protocol::Dlt698_45: return "dlt698.45";
    }
    return "unknown";
}

std::optional<Protocol> protocolFromName(std::string_view name)
{
    if (name == "dlt645-2007" || name == "645-2007" || name == "2007" || name == "dlt645")
        return Protocol::Dlt645_2007;
    if (name == "dlt645-1997" || name == "645-1997" || name == "1997")
        return Protocol::Dlt645_1997;
    if (name == "dlt698.45" || name == "dlt698" || name == "698" || name == "698.45")
        return Protocol::Dlt698_45;
    return std::nullopt;
}

Value Value::number(std::string name, std::int64_t scaled, int decimals, std::string unit)
{
    Value v;
    v.name = std::move(name);
    v.kind = Kind::Number;
    v.scaled = scaled;
    v.decimals = decimals;
    v.unit = std::move(unit);
    return v;
}

Value Value::textValue(std::string name, std::string text, std::string unit)
{
    Value v;
    v.name = std::move(name);
    v.kind = Kind::Text;
    v.text = std::move(text);
    v.unit = std::move(unit);
    return v;
}

Value Value::missing(std::string name, std::string rawHex, std::string unit)
{
    Value v;
    v.name = std::move(name);
    v.kind = Kind::Missing;
    v.text = std::move(rawHex);
    v.unit = std::move(unit);
    return v;
}

double Value::toDouble() const
{
    if (kind != Kind::Number)
        return 0.0;
    // Through the exact decimal text, so 11228026 × 10^-2 is the double nearest 112280.26.
    const std::string decimal = toString();
    double d = 0.0;
    std::from_chars(decimal.data(), decimal.data() + decimal.size(), d);
    return d;
}

std::string Value::toString() const
{
    if (kind != Kind::Number)
        return text;
    const bool negative = scaled < 0;
    // magnitude without overflow for INT64_MIN
    const std::uint64_t magnitude = negative ? std::uint64_t(0) - std::uint64_t(scaled)
                                             : std::uint64_t(scaled);
    std::string digits = std::to_string(magnitude);
    if (decimals < 0) {
        if (magnitude != 0)
            digits.append(std::size_t(-decimals), '0');
    } else if (decimals > 0) {
        if (digits.size() <= std::size_t(decimals))
            digits.insert(0, std::size_t(decimals) + 1 - digits.size(), '0');
        digits.insert(digits.size() - std::size_t(decimals), 1, '.');
    }
    return negative ? "-" + digits : digits;
}

std::string_view faultName(Fault fault)
{
    switch (fault) {
    case Fault::Empty: return "empty input";
    case Fault::Garbage: return "not a meter frame";
    case Fault::Truncated: return "truncated frame";
    case Fault::BadLength: return "bad length field";
    case Fault::BadChecksum: return "bad checksum";
    case Fault::BadHeaderCrc: return "bad header CRC (HCS)";
    case Fault::BadFrameCrc: return "bad frame CRC (FCS)";
    case Fault::BadEnd: return "missing end byte 16";
    case Fault::TrailingBytes: return "bytes after the end of the frame";
    case Fault::BadData: return "malformed frame data";
    case Fault::Unsupported: return "not supported yet";
    case Fault::OtherProtocol: return "not a meter protocol we decode";
    case Fault::InvalidArgument: return "invalid argument";
    }
    return "unknown fault";
}

} // namespace ms::meter
