#include "meter/dlt698/anyframe.h"

#include "meter/dlt645/codec.h"
#include "meter/dlt698/apdu.h"

namespace ms::meter {

namespace {

constexpr std::uint8_t Start = 0x68;

// Q/GDW 376.1: 68 L L 68 with L repeated and protocol id 1 or 2 in its low bits.
bool looksLike376(ByteView b)
{
    return b.size() >= 6 && b[0] == Start && b[5] == Start && b[1] == b[3] && b[2] == b[4]
           && ((b[1] & 0x03) == 0x01 || (b[1] & 0x03) == 0x02);
}

bool valid376(ByteView b)
{
    if (!looksLike376(b))
        return false;
    const std::size_t userData = std::size_t(b[1] | b[2] << 8) >> 2;
    if (b.size() != 6 + userData + 2)
        return false;
    std::uint8_t cs = 0;
    for (std::size_t i = 6; i < 6 + userData; ++i)
        cs = std::uint8_t(cs + b[i]);
    return cs == b[6 + userData] && b.back() == 0x16;
}

} // namespace

Outcome<Message> decodeAnyFrame(ByteView bytes)
{
    if (bytes.empty())
        return codecError(Fault::Empty, "no bytes");
    std::size_t pos = 0;
    while (pos < bytes.size() && bytes[pos] == 0xFE)
        ++pos;
    const ByteView b = bytes.subspan(pos);
    if (b.empty())
        return codecError(Fault::Truncated, "only FE preamble bytes, no frame");
    if (b[0] != Start)
        return codecError(Fault::Garbage, "a frame starts with 68 (after any FE), this one with "
                                              + toHex(b.first(1)));
    // A frame that checks out completely in one protocol is that protocol.
    if (auto f645 = dlt645::decodeFrame(b))
        return dlt645::describe(*f645);
    if (auto f698 = dlt698::decodeFrame(b))
        return dlt698::describe(*f698);
    if (valid376(b))
        return codecError(Fault::OtherProtocol,
                          "Q/GDW 376.1 concentrator frame: not a meter protocol we decode");
    // Otherwise report the error of the protocol the frame most looks like.
    if (looksLike376(b))
        return codecError(Fault::OtherProtocol,
                          "Q/GDW 376.1 concentrator frame (and its checksum is wrong): "
                          "not a meter protocol we decode");
    if (dlt698::looksLike698(b))
        return dlt698::decodeFrame(b).error();
    if (b.size() >= 8 && b[7] == Start)
        return dlt645::decodeFrame(b).error();
    if (b.size() < 8)
        return codecError(Fault::Truncated, "only " + std::to_string(b.size())
                                                + " bytes, too short for any meter frame");
    return codecError(Fault::Garbage, "neither a DL/T 645 frame (68 at byte 8) nor a DL/T 698.45 "
                                      "frame (header CRC)");
}

Outcome<Bytes> encodeReadRequest(Protocol protocol, std::string_view address,
                                 std::string_view item)
{
    const bool wildcard = address.empty() || address == "AAAAAAAAAAAA" || address == "aaaaaaaaaaaa";
    if (protocol == Protocol::Dlt698_45) {
        const auto oad = dlt698::oadFromText(item);
        if (!oad)
            return codecError(Fault::InvalidArgument, "item '" + std::string(item)
                                                          + "' is not an OAD of 8 hex digits");
        const auto server = wildcard ? std::optional(dlt698::ServerAddress::wildcard())
                                     : dlt698::ServerAddress::fromText(address);
        if (!server)
            return codecError(Fault::InvalidArgument, "address '" + std::string(address)
                                                          + "' is not hex digits");
        return dlt698::encodeGetRequest(*server, *oad);
    }
    const auto version = protocol == Protocol::Dlt645_1997 ? dlt645::Version::V1997
                                                           : dlt645::Version::V2007;
    const auto di = dlt645::diFromText(version, item);
    if (!di)
        return codecError(Fault::InvalidArgument,
                          "item '" + std::string(item) + "' is not a DI of "
                              + (version == dlt645::Version::V1997 ? "4" : "8") + " hex digits");
    const auto a = wildcard ? std::optional(dlt645::Address::wildcard())
                            : dlt645::Address::fromText(address);
    if (!a)
        return codecError(Fault::InvalidArgument, "address '" + std::string(address)
                                                      + "' is not 1 to 12 hex digits");
    return dlt645::encodeRead(version, *a, *di);
}

} // namespace ms::meter
