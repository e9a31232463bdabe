#include "meter/dlt698/apdu.h"

#include <algorithm>
#include <array>

namespace ms::dlt698 {

using meter::codecError;
using meter::Fault;

namespace {

namespace service {
constexpr std::uint8_t LinkRequest = 0x01;
constexpr std::uint8_t GetRequest = 0x05;
constexpr std::uint8_t SecurityRequest = 0x10;
constexpr std::uint8_t LinkResponse = 0x81;
constexpr std::uint8_t GetResponse = 0x85;
constexpr std::uint8_t ActionResponse = 0x87;
constexpr std::uint8_t SecurityResponse = 0x90;
constexpr std::uint8_t Normal = 0x01;
} // namespace service

using L = OadItem::Layout;
constexpr std::array table{
    OadItem{0x00000200, "组合有功电能", "kWh", -2, L::Tariffs, tag::DoubleLong},
    OadItem{oad::ForwardActive, "正向有功电能", "kWh", -2, L::Tariffs, tag::DoubleLongUnsigned},
    OadItem{oad::ReverseActive, "反向有功电能", "kWh", -2, L::Tariffs, tag::DoubleLongUnsigned},
    OadItem{0x20000200, "电压", "V", -1, L::Phases, tag::LongUnsigned},
    OadItem{0x20010200, "电流", "A", -3, L::Phases, tag::DoubleLong},
    OadItem{0x200F0200, "电网频率", "Hz", -2, L::Scalar, tag::LongUnsigned},
    OadItem{0x202C0200, "当前钱包文件", "元", -2, L::Wallet, tag::DoubleLongUnsigned},
    OadItem{0x20140200, "电能表运行状态字", "", 0, L::Scalar, tag::Array},
    OadItem{oad::DateTime, "日期时间", "", 0, L::Scalar, tag::DateTimeS},
    OadItem{oad::Address, "通信地址", "", 0, L::Scalar, tag::OctetString},
    OadItem{0x40020200, "表号", "", 0, L::Scalar, tag::OctetString},
    OadItem{0x41030200, "资产管理编码", "", 0, L::Scalar, tag::VisibleString},
};

std::string partName(const OadItem &item, std::size_t index)
{
    static constexpr std::array tariffs{"总", "费率1", "费率2", "费率3", "费率4"};
    static constexpr std::array phases{"A相", "B相", "C相"};
    const std::string name = item.name;
    if (item.layout == L::Tariffs && index < tariffs.size())
        return name + " " + tariffs[index];
    if (item.layout == L::Phases && index < phases.size())
        return name + " " + phases[index];
    return name + " " + std::to_string(index + 1);
}

bool isInteger(const Data &d)
{
    switch (d.type) {
    case tag::Bool: case tag::Integer: case tag::Unsigned: case tag::Enum: case tag::Long:
    case tag::LongUnsigned: case tag::DoubleLong: case tag::DoubleLongUnsigned:
    case tag::Long64: case tag::Long64Unsigned:
        return true;
    default:
        return false;
    }
}

// One scalar → Value; arrays/structures are flattened by the caller.
meter::Value scalarValue(const std::string &name, const Data &d, int scaler,
                         const std::string &unit)
{
    if (isInteger(d))
        return meter::Value::number(name, d.integer, -scaler, unit);
    switch (d.type) {
    case tag::OctetString:
    case tag::BitString:
        return meter::Value::textValue(name, meter::toHex(d.bytes));
    case tag::VisibleString:
        return meter::Value::textValue(name, d.text);
    case tag::DateTimeS:
        return meter::Value::textValue(name, dataToText(d));
    default:
        return meter::Value::missing(name, dataToText(d));
    }
}

void flatten(const std::string &name, const Data &d, std::vector<meter::Value> &out)
{
    if (d.type == tag::Null)
        return;
    if (d.type != tag::Array && d.type != tag::Structure) {
        out.push_back(scalarValue(name, d, 0, ""));
        return;
    }
    for (std::size_t i = 0; i < d.items.size(); ++i)
        flatten(name + "." + std::to_string(i + 1), d.items[i], out);
}

void appendOad(Bytes &out, Oad oad)
{
    for (int shift : {24, 16, 8, 0})
        out.push_back(std::uint8_t(oad >> shift));
}

Oad readOad(ByteView b, std::size_t pos)
{
    return Oad(b[pos]) << 24 | Oad(b[pos + 1]) << 16 | Oad(b[pos + 2]) << 8 | b[pos + 3];
}

meter::Outcome<bool> checkServiceSupported(const Frame &frame)
{
    if (frame.segmented())
        return codecError(Fault::Unsupported,
                          "DL/T 698.45 segmented frame (APDU fragment): not supported yet");
    if (frame.apdu.empty())
        return codecError(Fault::BadData, "frame without an APDU");
    const std::uint8_t s = frame.apdu[0];
    if (s == service::SecurityRequest || s == service::SecurityResponse)
        return codecError(Fault::Unsupported,
                          "DL/T 698.45 security-wrapped APDU (SECURITY-Request/Response): "
                          "not supported yet");
    return true;
}

} // namespace

std::span<const OadItem> oadItems()
{
    return table;
}

const OadItem *findOad(Oad value)
{
    auto it = std::find_if(table.begin(), table.end(), [value](const OadItem &i) { return i.oad == value; });
    if (it == table.end())
        it = std::find_if(table.begin(), table.end(),
                          [value](const OadItem &i) { return i.oad == (value & 0xFFFFFF00u); });
    return it == table.end() ? nullptr : &*it;
}

std::string oadToText(Oad value)
{
    const std::uint8_t b[4] = {std::uint8_t(value >> 24), std::uint8_t(value >> 16),
                               std::uint8_t(value >> 8), std::uint8_t(value)};
    return meter::toHex(b);
}

std::optional<Oad> oadFromText(std::string_view text)
{
    if (text.size() != 8)
        return std::nullopt;
    const auto b = meter::fromHex(text);
    if (!b || b->size() != 4)
        return std::nullopt;
    return readOad(*b, 0);
}

std::string darText(std::uint8_t dar)
{
    static constexpr std::array texts{
        "成功", "硬件失效", "暂时失效", "拒绝读写", "对象未定义", "对象接口类不符合",
        "对象不存在", "类型不匹配", "越界", "数据块不可用", "分帧传输已取消",
        "不处于分帧传输状态", "块写取消", "不存在块写状态", "数据块序号无效",
        "密码错/未授权", "通信速率不能更改", "年时区数超", "日时段数超", "费率数超",
        "安全认证不匹配", "重复充值", "ESAM验证失败", "安全认证失败", "客户编号不匹配",
        "充值次数错误", "购电超囤积", "地址异常", "对称解密错误", "非对称解密错误",
        "签名错误", "电能表挂起", "时间标签无效", "请求超时", "ESAM的P1P2不正确",
        "ESAM的LC错误"};
    if (dar < texts.size())
        return texts[dar];
    return dar == 255 ? "其它" : "未知错误" + std::to_string(dar);
}

bool darMeansNoData(std::uint8_t dar)
{
    return dar == 4 || dar == 6 || dar == 9; // undefined / absent object, block unavailable
}

Bytes encodeGetRequest(const ServerAddress &server, Oad value, std::uint8_t piid,
                       std::uint8_t client)
{
    Frame f{control::ClientRequest, server, client, {service::GetRequest, service::Normal, piid}};
    appendOad(f.apdu, value);
    f.apdu.push_back(0x00); // no time tag
    return encodeFrame(f);
}

meter::Outcome<GetResponse> decodeGetResponse(const Frame &frame)
{
    auto supported = checkServiceSupported(frame);
    if (!supported)
        return supported.error();
    const ByteView a(frame.apdu);
    if (a[0] != service::GetResponse)
        return codecError(Fault::Garbage, "APDU " + meter::toHex(a.first(1))
                                              + " is not a GET-Response");
    if (a.size() < 2 || a[1] != service::Normal)
        return codecError(Fault::Unsupported, "GET-Response other than Normal: not supported yet");
    if (a.size() < 8)
        return codecError(Fault::Truncated, "GET-Response-Normal shorter than PIID + OAD + result");
    GetResponse r;
    r.piid = a[2];
    r.oad = readOad(a, 3);
    std::size_t pos = 8;
    if (a[7] == 0x00) {
        if (pos >= a.size())
            return codecError(Fault::Truncated, "DAR missing");
        r.dar = a[pos++];
        return r;
    }
    if (a[7] != 0x01)
        return codecError(Fault::BadData, "result choice " + meter::toHex(a.subspan(7, 1))
                                              + " is neither DAR (00) nor Data (01)");
    auto data = decodeData(a, pos);
    if (!data)
        return data.error();
    r.data = std::move(data).value();
    return r;
}

meter::Outcome<GetRequest> decodeGetRequest(const Frame &frame)
{
    auto supported = checkServiceSupported(frame);
    if (!supported)
        return supported.error();
    const ByteView a(frame.apdu);
    if (a[0] != service::GetRequest)
        return codecError(Fault::Garbage, "APDU " + meter::toHex(a.first(1))
                                              + " is not a GET-Request");
    if (a.size() < 2 || a[1] != service::Normal)
        return codecError(Fault::Unsupported, "GET-Request other than Normal: not supported yet");
    if (a.size() < 7)
        return codecError(Fault::Truncated, "GET-Request-Normal shorter than PIID + OAD");
    return GetRequest{a[2], readOad(a, 3)};
}

Bytes encodeGetResponse(const ServerAddress &server, std::uint8_t client, std::uint8_t piid,
                        Oad value, const Data &data)
{
    Frame f{control::ServerReply, server, client, {service::GetResponse, service::Normal, piid}};
    appendOad(f.apdu, value);
    f.apdu.push_back(0x01);
    encodeData(data, f.apdu);
    f.apdu.push_back(0x00); // no follow report
    f.apdu.push_back(0x00); // no time tag
    return encodeFrame(f);
}

Bytes encodeGetResponseDar(const ServerAddress &server, std::uint8_t client, std::uint8_t piid,
                           Oad value, std::uint8_t dar)
{
    Frame f{control::ServerReply, server, client, {service::GetResponse, service::Normal, piid}};
    appendOad(f.apdu, value);
    f.apdu.push_back(0x00);
    f.apdu.push_back(dar);
    f.apdu.push_back(0x00);
    f.apdu.push_back(0x00);
    return encodeFrame(f);
}

std::vector<meter::Value> valuesOf(Oad value, const Data &data)
{
    std::vector<meter::Value> out;
    const OadItem *item = findOad(value);
    if (!item) {
        flatten(oadToText(value), data, out);
        return out;
    }
    const std::string unit = item->unit;
    const std::uint8_t index = value & 0xFF;
    const bool element = item->oad != value && index != 0; // one element of an array OAD
    if (data.type == tag::Array || data.type == tag::Structure) {
        for (std::size_t i = 0; i < data.items.size(); ++i) {
            const Data &d = data.items[i];
            if (item->layout == L::Wallet) {
                if (i == 0)
                    out.push_back(scalarValue("剩余金额", d, item->scaler, unit));
                else if (i == 1)
                    out.push_back(scalarValue("购电次数", d, 0, ""));
                else
                    flatten(partName(*item, i), d, out);
                continue;
            }
            if (d.type == tag::Array || d.type == tag::Structure)
                flatten(partName(*item, i), d, out);
            else
                out.push_back(scalarValue(partName(*item, i), d, item->scaler, unit));
        }
        return out;
    }
    if (data.type == tag::Null)
        return out;
    const std::string name = element ? partName(*item, index - 1u) : std::string(item->name);
    out.push_back(scalarValue(name, data, item->scaler, unit));
    return out;
}

} // namespace ms::dlt698
