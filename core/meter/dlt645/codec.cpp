#include "meter/dlt645/codec.h"

#include "meter/dlt645/bcd.h"

#include <array>

namespace ms::dlt645 {

using meter::codecError;
using meter::Fault;
using meter::Value;

namespace {

std::size_t diBytes(Version version)
{
    return version == Version::V1997 ? 2 : 4;
}

void appendLe(Bytes &out, std::uint32_t value, std::size_t bytes)
{
    for (std::size_t i = 0; i < bytes; ++i)
        out.push_back(std::uint8_t(value >> (8 * i)));
}

std::uint32_t readLe(ByteView in, std::size_t bytes)
{
    std::uint32_t v = 0;
    for (std::size_t i = bytes; i-- > 0;)
        v = v << 8 | in[i];
    return v;
}

bool isRead(Version version, std::uint8_t function)
{
    return version == Version::V1997 ? function == control::Read1997 : function == control::Read;
}

bool isFollowUp(Version version, std::uint8_t function)
{
    return version == Version::V1997 ? function == control::ReadFollowUp1997
                                     : function == control::ReadFollowUp;
}

meter::Outcome<meter::DateTime> decodeTimeField(ByteView data)
{
    const auto dt = bcd::decodeDateTime(data, true);
    if (!dt)
        return codecError(Fault::BadData, "time field " + meter::toHex(data)
                                              + " is not a valid ss mm hh DD MM YY date");
    return *dt;
}

} // namespace

std::string errorText(Version version, std::uint8_t bits)
{
    static constexpr std::array names2007{"其他错误", "无请求数据", "密码错/未授权",
                                          "通信速率不能更改", "年时区数超", "日时段数超",
                                          "费率数超", "保留"};
    static constexpr std::array names1997{"非法数据", "数据标识错", "密码错", "保留",
                                          "年时区数超", "日时段数超", "费率数超", "保留"};
    if (bits == 0)
        return "无错误";
    const auto &names = version == Version::V1997 ? names1997 : names2007;
    std::string text;
    for (std::size_t bit = 0; bit < 8; ++bit) {
        if (!(bits & (1u << bit)))
            continue;
        if (!text.empty())
            text += "、";
        text += names[bit];
    }
    return text;
}

bool meansNoRequestedData(std::uint8_t bits)
{
    return bits & errorbits::NoRequestedData;
}

Bytes encodeRead(Version version, const Address &address, std::uint32_t di)
{
    Frame f{address, version == Version::V1997 ? control::Read1997 : control::Read, {}};
    appendLe(f.data, di, diBytes(version));
    return encodeFrame(f);
}

Bytes encodeReadFollowUp(Version version, const Address &address, std::uint32_t di,
                         std::uint8_t seq)
{
    Frame f{address,
            version == Version::V1997 ? control::ReadFollowUp1997 : control::ReadFollowUp, {}};
    appendLe(f.data, di, diBytes(version));
    if (version == Version::V2007)
        f.data.push_back(seq);
    return encodeFrame(f);
}

Bytes encodeReadAddress()
{
    return encodeFrame(Frame{Address::wildcard(), control::ReadAddress, {}});
}

Bytes encodeBroadcastTime(const meter::DateTime &time)
{
    return encodeFrame(
        Frame{Address::broadcast(), control::BroadcastTime, bcd::encodeDateTime(time, true)});
}

Bytes encodeWrite(Version version, const Address &address, std::uint32_t di, ByteView value,
                  const Credentials &credentials)
{
    Frame f{address, version == Version::V1997 ? control::Write1997 : control::Write, {}};
    appendLe(f.data, di, diBytes(version));
    f.data.push_back(credentials.level);
    appendLe(f.data, credentials.password, 3);
    if (version == Version::V2007)
        appendLe(f.data, credentials.operatorCode, 4);
    f.data.insert(f.data.end(), value.begin(), value.end());
    return encodeFrame(f);
}

meter::Outcome<Reply> decodeReply(const Frame &frame)
{
    if (!frame.isReply())
        return codecError(Fault::Garbage, "control " + meter::toHex(ByteView(&frame.control, 1))
                                              + " is a request, not a reply");
    const auto version = versionOf(frame);
    if (!version)
        return codecError(Fault::Garbage, "control " + meter::toHex(ByteView(&frame.control, 1))
                                              + " is no DL/T 645 function");
    Reply r;
    r.version = *version;
    r.address = frame.address;
    r.control = frame.control;
    r.moreFollows = frame.moreFollows();
    const std::uint8_t function = frame.function();
    if (frame.control & control::ErrorBit) {
        if (frame.data.empty())
            return codecError(Fault::BadData, "error reply without its error byte");
        r.kind = Reply::Kind::Error;
        r.errorBits = frame.data[0];
        return r;
    }
    if (function == control::ReadAddress && r.version == Version::V2007) {
        if (frame.data.size() != 6)
            return codecError(Fault::BadData, "read-address reply carries "
                                                  + std::to_string(frame.data.size())
                                                  + " bytes, an address has 6");
        r.kind = Reply::Kind::Address;
        Address a;
        std::copy(frame.data.begin(), frame.data.end(), a.wire.begin());
        r.payload = frame.data;
        r.values.push_back(Value::textValue("通信地址", a.toText()));
        return r;
    }
    if (frame.data.empty()) {
        r.kind = Reply::Kind::Ack;
        return r;
    }
    if (isRead(r.version, function) || isFollowUp(r.version, function)) {
        const std::size_t n = diBytes(r.version);
        if (frame.data.size() < n)
            return codecError(Fault::BadData, "read reply shorter than its data identifier");
        r.kind = Reply::Kind::Data;
        r.di = readLe(frame.data, n);
        ByteView rest = ByteView(frame.data).subspan(n);
        if (r.version == Version::V2007 && function == control::ReadFollowUp && !rest.empty()) {
            r.seq = rest.back();
            rest = rest.first(rest.size() - 1);
        }
        r.payload.assign(rest.begin(), rest.end());
        auto values = decodeItemData(findDataItem(r.version, *r.di), rest);
        if (!values)
            return codecError(Fault::BadData, diToText(r.version, *r.di) + ": "
                                                  + values.error().detail);
        r.values = std::move(values).value();
        return r;
    }
    r.kind = Reply::Kind::Other;
    r.payload = frame.data;
    return r;
}

meter::Outcome<Request> decodeRequest(const Frame &frame)
{
    if (frame.isReply())
        return codecError(Fault::Garbage, "control " + meter::toHex(ByteView(&frame.control, 1))
                                              + " is a reply, not a request");
    const auto version = versionOf(frame);
    if (!version)
        return codecError(Fault::Garbage, "control " + meter::toHex(ByteView(&frame.control, 1))
                                              + " is no DL/T 645 function");
    Request r;
    r.version = *version;
    r.address = frame.address;
    r.control = frame.control;
    const std::uint8_t function = frame.function();
    const ByteView data(frame.data);
    const std::size_t n = diBytes(r.version);
    const auto tooShort = [&](const char *what, std::size_t need) -> meter::Outcome<Request> {
        return codecError(Fault::BadData, std::string(what) + " request needs "
                                              + std::to_string(need) + " data bytes, has "
                                              + std::to_string(data.size()));
    };
    if (isRead(r.version, function) || isFollowUp(r.version, function)) {
        if (data.size() < n)
            return tooShort("read", n);
        r.kind = isRead(r.version, function) ? Request::Kind::Read : Request::Kind::ReadFollowUp;
        r.di = readLe(data, n);
        if (r.kind == Request::Kind::ReadFollowUp && r.version == Version::V2007
            && data.size() > n)
            r.seq = data[n];
        r.payload.assign(data.begin() + std::ptrdiff_t(n), data.end());
        return r;
    }
    if (function == control::ReadAddress && r.version == Version::V2007) {
        r.kind = Request::Kind::ReadAddress;
        return r;
    }
    if (function == control::BroadcastTime) {
        if (data.size() < 6)
            return tooShort("broadcast time", 6);
        auto time = decodeTimeField(data.first(6));
        if (!time)
            return time.error();
        r.kind = Request::Kind::BroadcastTime;
        r.time = *time;
        return r;
    }
    const bool write = r.version == Version::V1997 ? function == control::Write1997
                                                   : function == control::Write;
    if (write) {
        const std::size_t header = n + 4 + (r.version == Version::V2007 ? 4 : 0);
        if (data.size() < header)
            return tooShort("write", header);
        r.kind = Request::Kind::Write;
        r.di = readLe(data, n);
        Credentials c;
        c.level = data[n];
        c.password = readLe(data.subspan(n + 1), 3);
        if (r.version == Version::V2007)
            c.operatorCode = readLe(data.subspan(n + 4), 4);
        r.credentials = c;
        r.payload.assign(data.begin() + std::ptrdiff_t(header), data.end());
        return r;
    }
    if (function == control::WriteAddress || function == control::WriteAddress1997) {
        if (data.size() < 6)
            return tooShort("write address", 6);
        r.kind = Request::Kind::WriteAddress;
        r.payload.assign(data.begin(), data.begin() + 6);
        return r;
    }
    if (function == control::RemoteControl && r.version == Version::V2007) {
        if (data.size() < 16)
            return tooShort("remote control", 16);
        Credentials c;
        c.level = data[0];
        c.password = readLe(data.subspan(1), 3);
        c.operatorCode = readLe(data.subspan(4), 4);
        auto time = decodeTimeField(data.subspan(10, 6));
        if (!time)
            return time.error();
        r.kind = Request::Kind::RemoteControl;
        r.credentials = c;
        r.command = data[8];
        r.time = *time;
        r.payload.assign(data.begin(), data.end());
        return r;
    }
    r.kind = Request::Kind::Other;
    r.payload.assign(data.begin(), data.end());
    return r;
}

Bytes encodeReadReply(Version version, const Address &address, std::uint32_t di,
                      ByteView itemData, bool moreFollows, std::uint8_t seq)
{
    const bool followUp = version == Version::V2007 && seq != 0;
    std::uint8_t c = version == Version::V1997 ? control::Read1997
                     : followUp                ? control::ReadFollowUp
                                               : control::Read;
    c |= control::ReplyBit;
    if (moreFollows)
        c |= control::FollowBit;
    Frame f{address, c, {}};
    appendLe(f.data, di, diBytes(version));
    f.data.insert(f.data.end(), itemData.begin(), itemData.end());
    if (followUp)
        f.data.push_back(seq);
    return encodeFrame(f);
}

Bytes encodeErrorReply(const Address &address, std::uint8_t requestControl, std::uint8_t bits)
{
    const std::uint8_t c = (requestControl & control::FunctionMask) | control::ReplyBit
                           | control::ErrorBit;
    return encodeFrame(Frame{address, c, {bits}});
}

Bytes encodeAddressReply(const Address &address)
{
    return encodeFrame(Frame{address, control::ReadAddress | control::ReplyBit,
                             Bytes(address.wire.begin(), address.wire.end())});
}

Bytes encodeAck(const Address &address, std::uint8_t requestControl)
{
    return encodeFrame(
        Frame{address, std::uint8_t((requestControl & control::FunctionMask) | control::ReplyBit),
              {}});
}

} // namespace ms::dlt645
