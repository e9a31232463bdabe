#include "meter/gdw1376/frame.h"

#include <algorithm>
#include <charconv>

namespace ms::gdw1376 {

using meter::codecError;
using meter::Fault;

namespace {
constexpr std::uint8_t Start = 0x68;
constexpr std::uint8_t End = 0x16;
constexpr std::uint8_t Preamble = 0xFE;
constexpr std::size_t HeaderBytes = 6;   // 68 L L 68
constexpr std::size_t MinL1 = 8;         // C, A1 A1 A2 A2 A3, AFN, SEQ
constexpr std::size_t TimeLabelBytes = 6;
constexpr std::size_t EventCounterBytes = 2;

std::string hex4(std::uint16_t v)
{
    const std::uint8_t bytes[2] = {std::uint8_t(v >> 8), std::uint8_t(v)};
    return meter::toHex(ByteView(bytes, 2));
}

bool isBcd(std::uint16_t v)
{
    for (int shift = 0; shift < 16; shift += 4)
        if (((v >> shift) & 0x0F) > 9)
            return false;
    return true;
}

std::optional<std::uint16_t> parseHex4(std::string_view s)
{
    unsigned v = 0;
    if (s.size() != 4 || std::from_chars(s.data(), s.data() + 4, v, 16).ptr != s.data() + 4)
        return std::nullopt;
    return std::uint16_t(v);
}
} // namespace

std::optional<Address> Address::fromText(std::string_view text)
{
    Address a;
    if (const auto dash = text.find('-'); dash != std::string_view::npos) {
        const auto area = parseHex4(text.substr(0, dash)); // printed digits = BCD nibbles
        const std::string_view t = text.substr(dash + 1);
        unsigned terminal = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), terminal, 10);
        if (!area || !isBcd(*area) || t.empty() || ec != std::errc() || end != t.data() + t.size()
            || terminal < 1 || terminal > 0xFFFF)
            return std::nullopt;
        a.area = *area;
        a.terminal = std::uint16_t(terminal);
        return a;
    }
    if (text.size() != 8)
        return std::nullopt;
    const auto area = parseHex4(text.substr(0, 4));
    const auto terminal = parseHex4(text.substr(4));
    if (!area || !terminal || !isBcd(*area) || *terminal == 0)
        return std::nullopt;
    a.area = *area;
    a.terminal = *terminal;
    return a;
}

Address Address::broadcast()
{
    return Address{0xFFFF, 0xFFFF, 0x03};
}

std::string Address::areaText() const
{
    return hex4(area);
}

std::string Address::logicalText() const
{
    return hex4(area) + hex4(terminal);
}

std::string Address::displayText() const
{
    return hex4(area) + '-' + std::to_string(terminal);
}

bool carriesPassword(std::uint8_t a)
{
    return a == 0x01 || a == 0x04 || a == 0x05 || a == 0x06 || a == 0x0F || a == 0x10;
}

Bytes encodeFrame(const Frame &f, int preambleBytes)
{
    Bytes user;
    user.reserve(MinL1 + f.units.size() + PasswordBytes + TimeLabelBytes);
    user.push_back(f.control);
    user.push_back(std::uint8_t(f.address.area));
    user.push_back(std::uint8_t(f.address.area >> 8));
    user.push_back(std::uint8_t(f.address.terminal));
    user.push_back(std::uint8_t(f.address.terminal >> 8));
    user.push_back(f.address.a3);
    user.push_back(f.afn);
    user.push_back(f.seq);
    user.insert(user.end(), f.units.begin(), f.units.end());
    if (f.password)
        user.insert(user.end(), f.password->begin(), f.password->end());
    if (f.eventCounter)
        user.insert(user.end(), f.eventCounter->begin(), f.eventCounter->end());
    if (f.timeLabel)
        user.insert(user.end(), f.timeLabel->begin(), f.timeLabel->end());
    const std::size_t l1 = std::min(user.size(), MaxL1);
    user.resize(l1);
    const std::uint16_t l = std::uint16_t(l1 << 2 | ProtocolId);

    Bytes out(std::size_t(std::max(preambleBytes, 0)), Preamble);
    out.insert(out.end(), {Start, std::uint8_t(l), std::uint8_t(l >> 8), std::uint8_t(l),
                           std::uint8_t(l >> 8), Start});
    std::uint8_t cs = 0;
    for (std::uint8_t b : user)
        cs = std::uint8_t(cs + b);
    out.insert(out.end(), user.begin(), user.end());
    out.push_back(cs);
    out.push_back(End);
    return out;
}

meter::Outcome<std::size_t> checkFrameAt(ByteView b)
{
    if (b.empty() || b[0] != Start)
        return codecError(Fault::Garbage, "no 68 start byte");
    if (b.size() >= 5 && (b[1] != b[3] || b[2] != b[4]))
        return codecError(Fault::Garbage, "the two length fields differ");
    if (b.size() >= 6 && b[5] != Start)
        return codecError(Fault::Garbage, "no second 68 after the length fields");
    if (b.size() < HeaderBytes)
        return std::size_t(0);
    const int pid = b[1] & 0x03;
    if (pid != ProtocolId)
        return codecError(pid == 1 ? Fault::OtherProtocol : Fault::Garbage,
                          pid == 1 ? "protocol id 1: a Q/GDW 130-2005 frame, not 1376.1"
                                   : "protocol id " + std::to_string(pid) + " is not 1376.1's 2");
    const std::size_t l1 = std::size_t(b[1] | b[2] << 8) >> 2;
    if (l1 < MinL1)
        return codecError(Fault::BadLength, "L1 = " + std::to_string(l1)
                                                + ", shorter than control, address, AFN and SEQ");
    const std::size_t total = HeaderBytes + l1 + 2;
    if (b.size() < total)
        return std::size_t(0);
    std::uint8_t cs = 0;
    for (std::size_t i = HeaderBytes; i < HeaderBytes + l1; ++i)
        cs = std::uint8_t(cs + b[i]);
    if (cs != b[HeaderBytes + l1])
        return codecError(Fault::BadChecksum, "CS " + meter::toHex(b.subspan(HeaderBytes + l1, 1))
                                                  + ", the bytes sum to "
                                                  + meter::toHex(ByteView(&cs, 1)));
    if (b[total - 1] != End)
        return codecError(Fault::BadEnd, "last byte " + meter::toHex(b.subspan(total - 1, 1))
                                             + " is not 16");
    // AUX sits at the end of the application layer: a frame whose flags ask for more AUX than
    // the bytes after AFN and SEQ hold is broken, whatever its checksum says.
    const std::uint8_t c = b[6], afnCode = b[12], seq = b[13];
    const bool uplink = c & control::Dir;
    const std::size_t room = l1 - MinL1;
    std::size_t aux = 0;
    if (seq & seqbits::TpV)
        aux += TimeLabelBytes;
    if (uplink && (c & control::Acd))
        aux += EventCounterBytes;
    if (!uplink && carriesPassword(afnCode))
        aux += PasswordBytes;
    if (aux > room)
        return codecError(Fault::BadData, "the frame's flags and AFN "
                                              + meter::toHex(ByteView(&afnCode, 1)) + " ask for "
                                              + std::to_string(aux) + " bytes of PW/EC/Tp, it has "
                                              + std::to_string(room) + " after AFN and SEQ");
    return total;
}

meter::Outcome<Frame> decodeFrame(ByteView bytes)
{
    std::size_t at = 0;
    while (at < bytes.size() && bytes[at] == Preamble)
        ++at;
    const ByteView b = bytes.subspan(at);
    if (b.empty())
        return codecError(Fault::Empty, bytes.empty() ? "no bytes" : "only FE preamble bytes");
    const auto checked = checkFrameAt(b);
    if (!checked)
        return checked.error();
    if (*checked == 0)
        return codecError(Fault::Truncated, std::to_string(b.size()) + " bytes, the length field "
                                                "asks for more");
    if (b.size() > *checked)
        return codecError(Fault::TrailingBytes, std::to_string(b.size() - *checked)
                                                    + " bytes after the 16 end byte");
    const std::size_t l1 = *checked - HeaderBytes - 2;
    Frame f;
    f.control = b[6];
    f.address.area = std::uint16_t(b[7] | b[8] << 8);
    f.address.terminal = std::uint16_t(b[9] | b[10] << 8);
    f.address.a3 = b[11];
    f.afn = b[12];
    f.seq = b[13];
    std::size_t end = HeaderBytes + l1; // one past the application layer
    constexpr std::size_t unitsStart = HeaderBytes + MinL1;
    // checkFrameAt made sure the AUX the flags ask for fits; split it off from the end.
    auto take = [&](std::size_t n, auto &target) {
        end -= n;
        std::copy_n(b.begin() + std::ptrdiff_t(end), n, target.emplace().begin());
    };
    if (f.seq & seqbits::TpV)
        take(TimeLabelBytes, f.timeLabel);
    if (f.isUplink() && (f.control & control::Acd))
        take(EventCounterBytes, f.eventCounter);
    if (!f.isUplink() && carriesPassword(f.afn))
        take(PasswordBytes, f.password);
    f.units.assign(b.begin() + std::ptrdiff_t(unitsStart), b.begin() + std::ptrdiff_t(end));
    return f;
}

std::array<std::uint8_t, 2> encodePoint(int pn)
{
    if (pn == AllPoints)
        return {0xFF, 0x00};
    if (pn <= 0)
        return {0x00, 0x00};
    return {std::uint8_t(1u << ((pn - 1) % 8)), std::uint8_t((pn - 1) / 8 + 1)};
}

std::array<std::uint8_t, 2> encodeFunction(int fn)
{
    if (fn <= 0)
        return {0x00, 0x00};
    return {std::uint8_t(1u << ((fn - 1) % 8)), std::uint8_t((fn - 1) / 8)};
}

std::vector<int> pointsOf(std::uint8_t da1, std::uint8_t da2)
{
    if (da2 == 0)
        return da1 == 0 ? std::vector<int>{0}
                        : da1 == 0xFF ? std::vector<int>{AllPoints} : std::vector<int>{};
    std::vector<int> out;
    for (int bit = 0; bit < 8; ++bit)
        if (da1 & (1u << bit))
            out.push_back((da2 - 1) * 8 + bit + 1);
    return out;
}

std::vector<int> functionsOf(std::uint8_t dt1, std::uint8_t dt2)
{
    std::vector<int> out;
    if (dt2 > 30)
        return out; // Fn 1…248
    for (int bit = 0; bit < 8; ++bit)
        if (dt1 & (1u << bit))
            out.push_back(dt2 * 8 + bit + 1);
    return out;
}

} // namespace ms::gdw1376
