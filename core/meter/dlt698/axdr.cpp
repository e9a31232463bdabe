#include "meter/dlt698/axdr.h"

#include "meter/dlt645/bcd.h"

namespace ms::dlt698 {

using meter::codecError;
using meter::Fault;

namespace {

constexpr int MaxDepth = 8;
constexpr std::size_t MaxItems = 1024;

// Width of a fixed-size integer type; 0 for others.
std::size_t integerWidth(std::uint8_t type)
{
    switch (type) {
    case tag::Bool:
    case tag::Integer:
    case tag::Unsigned:
    case tag::Enum: return 1;
    case tag::Long:
    case tag::LongUnsigned: return 2;
    case tag::DoubleLong:
    case tag::DoubleLongUnsigned: return 4;
    case tag::Long64:
    case tag::Long64Unsigned: return 8;
    default: return 0;
    }
}

bool isSigned(std::uint8_t type)
{
    return type == tag::Integer || type == tag::Long || type == tag::DoubleLong
           || type == tag::Long64;
}

meter::Outcome<std::size_t> decodeLength(ByteView b, std::size_t &pos)
{
    if (pos >= b.size())
        return codecError(Fault::Truncated, "data ends inside a length");
    const std::uint8_t first = b[pos++];
    if (!(first & 0x80))
        return std::size_t(first);
    const std::size_t n = first & 0x7F;
    if (n == 0 || n > 2)
        return codecError(Fault::BadData, "length of " + std::to_string(n) + " bytes");
    if (pos + n > b.size())
        return codecError(Fault::Truncated, "data ends inside a length");
    std::size_t len = 0;
    for (std::size_t i = 0; i < n; ++i)
        len = len << 8 | b[pos++];
    return len;
}

void encodeLength(std::size_t len, Bytes &out)
{
    if (len < 0x80) {
        out.push_back(std::uint8_t(len));
    } else if (len <= 0xFF) {
        out.push_back(0x81);
        out.push_back(std::uint8_t(len));
    } else {
        out.push_back(0x82);
        out.push_back(std::uint8_t(len >> 8));
        out.push_back(std::uint8_t(len));
    }
}

meter::Outcome<Data> decodeAt(ByteView b, std::size_t &pos, int depth)
{
    if (depth > MaxDepth)
        return codecError(Fault::BadData, "data nested deeper than " + std::to_string(MaxDepth));
    if (pos >= b.size())
        return codecError(Fault::Truncated, "data ends before a type byte");
    Data d;
    d.type = b[pos++];
    if (const std::size_t width = integerWidth(d.type)) {
        if (pos + width > b.size())
            return codecError(Fault::Truncated, "data ends inside a number");
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < width; ++i)
            v = v << 8 | b[pos++];
        if (isSigned(d.type) && width < 8 && (v & (std::uint64_t(1) << (width * 8 - 1))))
            v |= ~std::uint64_t(0) << (width * 8); // sign-extend
        d.integer = std::int64_t(v);
        return d;
    }
    switch (d.type) {
    case tag::Null:
        return d;
    case tag::Array:
    case tag::Structure: {
        auto count = decodeLength(b, pos);
        if (!count)
            return count.error();
        if (*count > MaxItems || *count > b.size() - pos)
            return codecError(Fault::BadData, std::to_string(*count) + " elements cannot fit");
        for (std::size_t i = 0; i < *count; ++i) {
            auto item = decodeAt(b, pos, depth + 1);
            if (!item)
                return item.error();
            d.items.push_back(std::move(item).value());
        }
        return d;
    }
    case tag::BitString: {
        auto bits = decodeLength(b, pos);
        if (!bits)
            return bits.error();
        const std::size_t len = (*bits + 7) / 8;
        if (len > b.size() - pos)
            return codecError(Fault::Truncated, "bit-string runs past the end");
        d.integer = std::int64_t(*bits);
        d.bytes.assign(b.begin() + std::ptrdiff_t(pos), b.begin() + std::ptrdiff_t(pos + len));
        pos += len;
        return d;
    }
    case tag::OctetString:
    case tag::VisibleString: {
        auto len = decodeLength(b, pos);
        if (!len)
            return len.error();
        if (*len > b.size() - pos)
            return codecError(Fault::Truncated, "string of " + std::to_string(*len)
                                                    + " bytes runs past the end");
        if (d.type == tag::OctetString)
            d.bytes.assign(b.begin() + std::ptrdiff_t(pos), b.begin() + std::ptrdiff_t(pos + *len));
        else
            d.text.assign(b.begin() + std::ptrdiff_t(pos), b.begin() + std::ptrdiff_t(pos + *len));
        pos += *len;
        return d;
    }
    case tag::DateTimeS: {
        if (pos + 7 > b.size())
            return codecError(Fault::Truncated, "date_time_s needs 7 bytes");
        d.dateTime.year = b[pos] << 8 | b[pos + 1];
        d.dateTime.month = b[pos + 2];
        d.dateTime.day = b[pos + 3];
        d.dateTime.hour = b[pos + 4];
        d.dateTime.minute = b[pos + 5];
        d.dateTime.second = b[pos + 6];
        pos += 7;
        return d;
    }
    default:
        return codecError(Fault::Unsupported, "A-XDR data type " + std::to_string(d.type));
    }
}

} // namespace

Data Data::null()
{
    return Data{};
}

Data Data::unsignedValue(std::uint8_t type, std::uint64_t value)
{
    Data d;
    d.type = type;
    d.integer = std::int64_t(value);
    return d;
}

Data Data::signedValue(std::uint8_t type, std::int64_t value)
{
    Data d;
    d.type = type;
    d.integer = value;
    return d;
}

Data Data::octets(Bytes bytes)
{
    Data d;
    d.type = tag::OctetString;
    d.bytes = std::move(bytes);
    return d;
}

Data Data::visible(std::string text)
{
    Data d;
    d.type = tag::VisibleString;
    d.text = std::move(text);
    return d;
}

Data Data::dateTimeS(const meter::DateTime &value)
{
    Data d;
    d.type = tag::DateTimeS;
    d.dateTime = value;
    return d;
}

Data Data::array(std::vector<Data> items)
{
    Data d;
    d.type = tag::Array;
    d.items = std::move(items);
    return d;
}

Data Data::structure(std::vector<Data> items)
{
    Data d;
    d.type = tag::Structure;
    d.items = std::move(items);
    return d;
}

meter::Outcome<Data> decodeData(ByteView bytes, std::size_t &pos)
{
    return decodeAt(bytes, pos, 0);
}

void encodeData(const Data &data, Bytes &out)
{
    out.push_back(data.type);
    if (const std::size_t width = integerWidth(data.type)) {
        const auto v = std::uint64_t(data.integer);
        for (std::size_t i = width; i-- > 0;)
            out.push_back(std::uint8_t(v >> (8 * i)));
        return;
    }
    switch (data.type) {
    case tag::Array:
    case tag::Structure:
        encodeLength(data.items.size(), out);
        for (const Data &item : data.items)
            encodeData(item, out);
        return;
    case tag::BitString:
        encodeLength(std::size_t(data.integer), out);
        out.insert(out.end(), data.bytes.begin(), data.bytes.end());
        return;
    case tag::OctetString:
        encodeLength(data.bytes.size(), out);
        out.insert(out.end(), data.bytes.begin(), data.bytes.end());
        return;
    case tag::VisibleString:
        encodeLength(data.text.size(), out);
        out.insert(out.end(), data.text.begin(), data.text.end());
        return;
    case tag::DateTimeS:
        out.push_back(std::uint8_t(data.dateTime.year >> 8));
        out.push_back(std::uint8_t(data.dateTime.year));
        for (int v : {data.dateTime.month, data.dateTime.day, data.dateTime.hour,
                      data.dateTime.minute, data.dateTime.second})
            out.push_back(std::uint8_t(v));
        return;
    default:
        return; // null and unknown types carry no body
    }
}

std::string dataToText(const Data &data)
{
    if (integerWidth(data.type)) {
        if (data.type == tag::Long64Unsigned)
            return std::to_string(std::uint64_t(data.integer));
        return std::to_string(data.integer);
    }
    switch (data.type) {
    case tag::Null: return "null";
    case tag::OctetString:
    case tag::BitString: return meter::toHex(data.bytes);
    case tag::VisibleString: return data.text;
    case tag::DateTimeS: return dlt645::bcd::formatDateTime(data.dateTime, true);
    case tag::Array:
    case tag::Structure: {
        std::string out = "[";
        for (std::size_t i = 0; i < data.items.size(); ++i)
            out += (i ? ", " : "") + dataToText(data.items[i]);
        return out + "]";
    }
    default: return "?";
    }
}

} // namespace ms::dlt698
