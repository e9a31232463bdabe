#include "meter/dlt645/ditable.h"

#include "meter/dlt645/bcd.h"

#include <algorithm>
#include <array>

namespace ms::dlt645 {

using meter::codecError;
using meter::Fault;
using meter::Value;

namespace {

constexpr const char *kWh = "kWh";
constexpr const char *Yuan = "元";

// DL/T 645-2007. Formats from the standard's appendix A.
constexpr std::array items2007{
    DataItem{0x00000000, "组合有功总电能", Format::SignedBcd, 4, 2, kWh},
    DataItem{0x00000100, "组合有功费率1电能", Format::SignedBcd, 4, 2, kWh},
    DataItem{0x00000200, "组合有功费率2电能", Format::SignedBcd, 4, 2, kWh},
    DataItem{0x00000300, "组合有功费率3电能", Format::SignedBcd, 4, 2, kWh},
    DataItem{0x00000400, "组合有功费率4电能", Format::SignedBcd, 4, 2, kWh},
    DataItem{0x0000FF00, "组合有功电能", Format::SignedBcd, 4, 2, kWh, 5, Parts::Tariffs},
    DataItem{0x00010000, "正向有功总电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x00010100, "正向有功费率1电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x00010200, "正向有功费率2电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x00010300, "正向有功费率3电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x00010400, "正向有功费率4电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x0001FF00, "正向有功电能", Format::Bcd, 4, 2, kWh, 5, Parts::Tariffs},
    DataItem{0x00020000, "反向有功总电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x00020100, "反向有功费率1电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x00020200, "反向有功费率2电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x00020300, "反向有功费率3电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x00020400, "反向有功费率4电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x0002FF00, "反向有功电能", Format::Bcd, 4, 2, kWh, 5, Parts::Tariffs},
    DataItem{0x00900100, "当前剩余电量", Format::Bcd, 4, 2, kWh},
    DataItem{0x00900101, "当前透支电量", Format::Bcd, 4, 2, kWh},
    DataItem{0x00900200, "当前剩余金额", Format::Bcd, 4, 2, Yuan},
    DataItem{0x00900201, "当前透支金额", Format::Bcd, 4, 2, Yuan},
    DataItem{0x02010100, "A相电压", Format::Bcd, 2, 1, "V"},
    DataItem{0x02010200, "B相电压", Format::Bcd, 2, 1, "V"},
    DataItem{0x02010300, "C相电压", Format::Bcd, 2, 1, "V"},
    DataItem{0x0201FF00, "电压", Format::Bcd, 2, 1, "V", 3, Parts::Phases},
    DataItem{0x02020100, "A相电流", Format::SignedBcd, 3, 3, "A"},
    DataItem{0x02020200, "B相电流", Format::SignedBcd, 3, 3, "A"},
    DataItem{0x02020300, "C相电流", Format::SignedBcd, 3, 3, "A"},
    DataItem{0x0202FF00, "电流", Format::SignedBcd, 3, 3, "A", 3, Parts::Phases},
    DataItem{0x02030000, "总有功功率", Format::SignedBcd, 3, 4, "kW"},
    DataItem{0x02030100, "A相有功功率", Format::SignedBcd, 3, 4, "kW"},
    DataItem{0x02030200, "B相有功功率", Format::SignedBcd, 3, 4, "kW"},
    DataItem{0x02030300, "C相有功功率", Format::SignedBcd, 3, 4, "kW"},
    DataItem{0x02060000, "总功率因数", Format::SignedBcd, 2, 3, ""},
    DataItem{0x02800002, "电网频率", Format::Bcd, 2, 2, "Hz"},
    DataItem{0x03110000, "掉电总次数", Format::Bcd, 3, 0, ""},
    DataItem{0x03300D00, "开表盖总次数", Format::Bcd, 3, 0, ""},
    DataItem{0x04000101, "日期", Format::Date, 4, 0, ""},
    DataItem{0x04000102, "时间", Format::Time, 3, 0, ""},
    DataItem{0x04000401, "通信地址", Format::Digits, 6, 0, ""},
    DataItem{0x04000402, "表号", Format::Digits, 6, 0, ""},
    DataItem{0x04000403, "资产管理编码", Format::Ascii, 32, 0, ""},
    DataItem{0x04000404, "额定电压", Format::Ascii, 6, 0, ""},
    DataItem{0x04000405, "额定电流", Format::Ascii, 6, 0, ""},
    DataItem{0x04000406, "最大电流", Format::Ascii, 6, 0, ""},
    DataItem{0x04000407, "有功准确度等级", Format::Ascii, 4, 0, ""},
    DataItem{0x04000409, "有功常数", Format::Bcd, 3, 0, "imp/kWh"},
    DataItem{0x0400040B, "电能表型号", Format::Ascii, 10, 0, ""},
    DataItem{0x04000501, "电表运行状态字1", Format::Word, 2, 0, ""},
    DataItem{0x04000502, "电表运行状态字2", Format::Word, 2, 0, ""},
    DataItem{0x04000503, "电表运行状态字3", Format::Word, 2, 0, ""},
    DataItem{0x04000504, "电表运行状态字4", Format::Word, 2, 0, ""},
    DataItem{0x04000505, "电表运行状态字5", Format::Word, 2, 0, ""},
    DataItem{0x04000506, "电表运行状态字6", Format::Word, 2, 0, ""},
    DataItem{0x04000507, "电表运行状态字7", Format::Word, 2, 0, ""},
    DataItem{0x05060001, "上1次日冻结时间", Format::DateTimeMinutes, 5, 0, ""},
};

// DL/T 645-1997: 2-byte DIs; 9x1x current month, 9x4x last month.
constexpr std::array items1997{
    DataItem{0x9010, "正向有功总电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x9011, "正向有功费率1电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x9012, "正向有功费率2电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x9013, "正向有功费率3电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x9014, "正向有功费率4电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x901F, "正向有功电能", Format::Bcd, 4, 2, kWh, 5, Parts::Tariffs},
    DataItem{0x9020, "反向有功总电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x902F, "反向有功电能", Format::Bcd, 4, 2, kWh, 5, Parts::Tariffs},
    DataItem{0x9410, "上月正向有功总电能", Format::Bcd, 4, 2, kWh},
    DataItem{0x941F, "上月正向有功电能", Format::Bcd, 4, 2, kWh, 5, Parts::Tariffs},
    DataItem{0x9420, "上月反向有功总电能", Format::Bcd, 4, 2, kWh},
    DataItem{0xB611, "A相电压", Format::Bcd, 2, 0, "V"},
    DataItem{0xB612, "B相电压", Format::Bcd, 2, 0, "V"},
    DataItem{0xB613, "C相电压", Format::Bcd, 2, 0, "V"},
    DataItem{0xB61F, "电压", Format::Bcd, 2, 0, "V", 3, Parts::Phases},
    DataItem{0xB621, "A相电流", Format::Bcd, 2, 2, "A"},
    DataItem{0xB622, "B相电流", Format::Bcd, 2, 2, "A"},
    DataItem{0xB623, "C相电流", Format::Bcd, 2, 2, "A"},
    DataItem{0xB630, "瞬时有功功率", Format::Bcd, 3, 4, "kW"},
    DataItem{0xC010, "日期", Format::Date, 4, 0, ""},
    DataItem{0xC011, "时间", Format::Time, 3, 0, ""},
    DataItem{0xC020, "电表运行状态字", Format::Word, 1, 0, ""},
    DataItem{0xC030, "有功常数", Format::Bcd, 3, 0, "imp/kWh"},
    DataItem{0xC032, "表号", Format::Digits, 6, 0, ""},
    DataItem{0xC033, "用户号", Format::Digits, 6, 0, ""},
    DataItem{0xC034, "设备码", Format::Digits, 6, 0, ""},
};

std::string partName(const DataItem &item, std::size_t index)
{
    static constexpr std::array tariffs{"总", "费率1", "费率2", "费率3", "费率4", "费率5",
                                        "费率6", "费率7", "费率8"};
    static constexpr std::array phases{"A相", "B相", "C相"};
    std::string name = item.name;
    if (item.parts == Parts::Tariffs && index < tariffs.size())
        return name + " " + tariffs[index];
    if (item.parts == Parts::Phases && index < phases.size())
        return name + " " + phases[index];
    if (item.count > 1)
        return name + " " + std::to_string(index + 1);
    return name;
}

// Raw hex of a little-endian field, most significant byte first.
std::string msdHex(ByteView field)
{
    Bytes reversed(field.rbegin(), field.rend());
    return meter::toHex(reversed);
}

std::vector<Value> decodeOne(const DataItem &item, std::size_t index, ByteView field)
{
    const std::string name = partName(item, index);
    const std::string unit = item.unit;
    switch (item.format) {
    case Format::Bcd:
    case Format::SignedBcd: {
        const auto n = bcd::decodeNumber(field, item.format == Format::SignedBcd);
        if (!n)
            return {Value::missing(name, msdHex(field), unit)};
        return {Value::number(name, *n, item.decimals, unit)};
    }
    case Format::Date: { // wire: WW DD MM YY
        const auto date = bcd::decodeDate(field.subspan(1, 3));
        const auto weekday = bcd::decodeByte(field[0]);
        if (!date || !weekday || *weekday > 6)
            return {Value::missing(name, msdHex(field))};
        return {Value::textValue(name, bcd::formatDate(*date)),
                Value::number("星期", *weekday, 0, "")};
    }
    case Format::Time: { // wire: ss mm hh
        const auto time = bcd::decodeTime(field);
        if (!time)
            return {Value::missing(name, msdHex(field))};
        return {Value::textValue(name, bcd::formatTime(*time))};
    }
    case Format::DateTimeMinutes:
    case Format::DateTime: {
        const bool seconds = item.format == Format::DateTime;
        const auto dt = bcd::decodeDateTime(field, seconds);
        if (!dt)
            return {Value::missing(name, msdHex(field))};
        return {Value::textValue(name, bcd::formatDateTime(*dt, seconds))};
    }
    case Format::Digits:
    case Format::Word:
        return {Value::textValue(name, msdHex(field), unit)};
    case Format::Ascii: {
        std::string text;
        for (auto it = field.rbegin(); it != field.rend(); ++it) {
            if (*it == 0x00 || *it == 0xFF)
                continue;
            if (*it < 0x20 || *it > 0x7E)
                return {Value::missing(name, msdHex(field))};
            text.push_back(char(*it));
        }
        const auto first = text.find_first_not_of(' ');
        const auto last = text.find_last_not_of(' ');
        text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
        return {Value::textValue(name, text)};
    }
    }
    return {Value::missing(name, msdHex(field))};
}

meter::Outcome<Bytes> encodeOne(const DataItem &item, const std::string &text)
{
    const auto bad = [&](const std::string &why) -> meter::Outcome<Bytes> {
        return codecError(Fault::InvalidArgument, std::string("value '") + text + "' for "
                                                      + item.name + ": " + why);
    };
    switch (item.format) {
    case Format::Bcd:
    case Format::SignedBcd: {
        if (auto raw = bcd::encodeRawHex(text, item.bytes))
            return *raw; // "FFFF" style filler
        const auto bytes = bcd::encodeNumber(text, item.bytes, item.decimals,
                                             item.format == Format::SignedBcd);
        if (!bytes)
            return bad("expected a number with at most " + std::to_string(item.decimals)
                       + " decimals that fits " + std::to_string(item.bytes) + " bytes");
        return *bytes;
    }
    case Format::Date: {
        const auto date = bcd::parseDate(text);
        if (!date)
            return bad("expected YYYY-MM-DD");
        return bcd::encodeDate(*date);
    }
    case Format::Time: {
        const auto time = bcd::parseTime(text);
        if (!time)
            return bad("expected hh:mm:ss");
        return bcd::encodeTime(*time);
    }
    case Format::DateTimeMinutes:
    case Format::DateTime: {
        const bool seconds = item.format == Format::DateTime;
        const auto dt = bcd::parseDateTime(text);
        if (!dt)
            return bad("expected YYYY-MM-DD hh:mm[:ss]");
        return bcd::encodeDateTime(*dt, seconds);
    }
    case Format::Digits:
    case Format::Word: {
        if (text.size() > std::size_t(item.bytes) * 2)
            return bad("more than " + std::to_string(item.bytes * 2) + " digits");
        std::string padded(std::size_t(item.bytes) * 2 - text.size(), '0');
        padded += text;
        auto bytes = meter::fromHex(padded);
        if (!bytes)
            return bad("expected hex digits");
        std::reverse(bytes->begin(), bytes->end());
        return *bytes;
    }
    case Format::Ascii: {
        if (text.size() > item.bytes)
            return bad("longer than " + std::to_string(item.bytes) + " characters");
        Bytes bytes(item.bytes, 0x00);
        for (std::size_t i = 0; i < text.size(); ++i) // reversed: last character first
            bytes[text.size() - 1 - i] = std::uint8_t(text[i]);
        return bytes;
    }
    }
    return bad("unknown format");
}

} // namespace

std::span<const DataItem> dataItems(Version version)
{
    if (version == Version::V1997)
        return items1997;
    return items2007;
}

const DataItem *findDataItem(Version version, std::uint32_t id)
{
    const auto items = dataItems(version);
    const auto it = std::find_if(items.begin(), items.end(),
                                 [id](const DataItem &item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

std::string diToText(Version version, std::uint32_t id)
{
    const int digits = version == Version::V1997 ? 4 : 8;
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(hex[(id >> (i * 4)) & 0xF]);
    return out;
}

std::optional<std::uint32_t> diFromText(Version version, std::string_view text)
{
    const std::size_t digits = version == Version::V1997 ? 4 : 8;
    if (text.size() != digits)
        return std::nullopt;
    const auto bytes = meter::fromHex(text);
    if (!bytes || bytes->size() != digits / 2)
        return std::nullopt;
    std::uint32_t id = 0;
    for (std::uint8_t b : *bytes)
        id = id << 8 | b;
    return id;
}

namespace {

// After a block's values some DL/T 645-1997 meters send fill bytes and an AA terminator
// (数据块结束符). Fill is 00, FF or AA; some firmware sends fill and terminator without the +0x33
// offset, so they arrive here as CD, CC or 77.
bool isBlockTail(ByteView tail)
{
    const auto terminator = [](std::uint8_t b) { return b == 0xAA || b == 0x77; };
    const auto fill = [&](std::uint8_t b) {
        return terminator(b) || b == 0x00 || b == 0xFF || b == 0xCD || b == 0xCC;
    };
    return !tail.empty() && terminator(tail.back())
           && std::all_of(tail.begin(), tail.end() - 1, fill);
}

} // namespace

meter::Outcome<std::vector<Value>> decodeItemData(const DataItem *item, ByteView data)
{
    if (!item)
        return std::vector<Value>{Value::missing("数据", msdHex(data))};
    const std::size_t need = item->dataBytes();
    if (data.size() < need)
        return codecError(Fault::BadData, std::string(item->name) + " needs "
                                              + std::to_string(need) + " data bytes, got "
                                              + std::to_string(data.size()));
    if (data.size() > need && !(item->count > 1 && isBlockTail(data.subspan(need))))
        return codecError(Fault::BadData,
                          std::string(item->name) + " has " + std::to_string(data.size() - need)
                              + " bytes after its " + std::to_string(need)
                              + " data bytes that are not padding ending in the AA terminator");
    std::vector<Value> values;
    for (std::size_t i = 0; i < item->count; ++i) {
        auto part = decodeOne(*item, i, data.subspan(i * item->bytes, item->bytes));
        values.insert(values.end(), part.begin(), part.end());
    }
    return values;
}

meter::Outcome<Bytes> encodeItemData(const DataItem &item, const std::vector<std::string> &texts)
{
    if (texts.size() < item.count)
        return codecError(Fault::InvalidArgument,
                          std::string(item.name) + " needs " + std::to_string(item.count)
                              + " values, got " + std::to_string(texts.size()));
    Bytes out;
    for (std::size_t i = 0; i < item.count; ++i) {
        auto bytes = encodeOne(item, texts[i]);
        if (!bytes)
            return bytes.error();
        out.insert(out.end(), bytes->begin(), bytes->end());
    }
    return out;
}

std::vector<std::string> textsOf(const std::vector<Value> &values)
{
    std::vector<std::string> texts;
    for (const Value &v : values) {
        if (v.name == "星期")
            continue;
        texts.push_back(v.toString());
    }
    return texts;
}

} // namespace ms::dlt645
