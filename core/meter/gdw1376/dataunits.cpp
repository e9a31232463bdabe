#include "meter/gdw1376/dataunits.h"

#include <algorithm>
#include <charconv>

namespace ms::gdw1376 {

using meter::codecError;
using meter::Fault;

namespace {

constexpr std::size_t UplinkCommBytes = 6;
constexpr std::size_t MasterStationBytes = 28;
constexpr std::size_t LogicalAddressBytes = 4;
constexpr std::size_t ClockBytes = 6;

int bcd(std::uint8_t b)
{
    return (b >> 4) * 10 + (b & 0x0F);
}

bool isBcdByte(std::uint8_t b)
{
    return (b >> 4) <= 9 && (b & 0x0F) <= 9;
}

int le16(ByteView b, std::size_t at)
{
    return b[at] | b[at + 1] << 8;
}

// A.12: 12 BCD digits, lowest pair first → text most significant first (non-BCD kept as hex).
std::string a12Text(ByteView b)
{
    std::array<std::uint8_t, 6> msdFirst{};
    std::reverse_copy(b.begin(), b.begin() + 6, msdFirst.begin());
    return meter::toHex(msdFirst);
}

// A.14: XXXXXX.XXXX kWh, 5 BCD bytes lowest first; EE/EF fill or non-BCD = not read.
std::optional<std::int64_t> a14(ByteView b)
{
    std::int64_t v = 0;
    for (int i = 4; i >= 0; --i) {
        if (!isBcdByte(b[std::size_t(i)]))
            return std::nullopt;
        v = v * 100 + bcd(b[std::size_t(i)]);
    }
    return v;
}

// A.15: mm hh DD MM YY.
std::optional<meter::DateTime> a15(ByteView b)
{
    for (std::size_t i = 0; i < 5; ++i)
        if (!isBcdByte(b[i]))
            return std::nullopt;
    return meter::DateTime{2000 + bcd(b[4]), bcd(b[3]), bcd(b[2]), bcd(b[1]), bcd(b[0]), 0};
}

UplinkComm decodeF1(ByteView b)
{
    return UplinkComm{b[0], b[1], b[2] | (b[3] & 0x0F) << 8, (b[3] >> 4) & 0x03, b[4], b[5]};
}

Endpoint endpointAt(ByteView b, std::size_t at)
{
    Endpoint e;
    std::copy_n(b.begin() + std::ptrdiff_t(at), 4, e.ip.begin());
    e.port = std::uint16_t(le16(b, at + 4));
    return e;
}

MasterStation decodeF3(ByteView b)
{
    MasterStation m{endpointAt(b, 0), endpointAt(b, 6), {}};
    for (std::size_t i = 12; i < 12 + ApnBytes && b[i] != 0; ++i)
        m.apn.push_back(char(b[i]));
    return m;
}

ArchiveEntry decodeEntry(ByteView b)
{
    ArchiveEntry e;
    e.seq = le16(b, 0);
    e.point = le16(b, 2);
    e.baudCode = b[4] >> 5;
    e.port = b[4] & 0x1F;
    e.protocol = b[5];
    e.commAddress = a12Text(b.subspan(6, 6));
    std::copy_n(b.begin() + 12, 6, e.password.begin());
    e.tariffs = b[18] & 0x3F;
    e.integerDigits = ((b[19] >> 2) & 0x03) + 4;
    e.decimalDigits = (b[19] & 0x03) + 1;
    e.collector = a12Text(b.subspan(20, 6));
    e.userMajor = b[26] >> 4;
    e.userMinor = b[26] & 0x0F;
    return e;
}

bool clockIsBcd(ByteView b)
{
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u})
        if (!isBcdByte(b[i]))
            return false;
    return isBcdByte(b[4] & 0x1F); // D7–D5 weekday, D4 month tens
}

Clock decodeClock(ByteView b)
{
    Clock c;
    c.at = meter::DateTime{2000 + bcd(b[5]), bcd(b[4] & 0x1F), bcd(b[3]), bcd(b[2]), bcd(b[1]),
                           bcd(b[0])};
    c.weekday = b[4] >> 5;
    return c;
}

meter::CodecError shortUnit(int fn, std::size_t need, std::size_t have)
{
    return codecError(Fault::BadData, "F" + std::to_string(fn) + " needs " + std::to_string(need)
                                          + " bytes, the frame has " + std::to_string(have));
}

// The length and value of one unit's data starting at `b` (the rest of the frame).
meter::Outcome<std::pair<std::size_t, UnitValue>> decodeData(std::uint8_t afnCode, bool uplink,
                                                             int fn, ByteView b)
{
    using Result = std::pair<std::size_t, UnitValue>;
    auto fixed = [&](std::size_t n, auto decode) -> meter::Outcome<Result> {
        if (b.size() < n)
            return shortUnit(fn, n, b.size());
        return Result{n, decode(b)};
    };
    const bool parameters = (afnCode == afn::SetParameters && !uplink)
                            || (afnCode == afn::QueryParameters && uplink);
    if (afnCode == afn::Confirm) {
        if (fn == 1 || fn == 2)
            return Result{0, std::monostate{}};
        if (fn == 3) {
            if (b.empty() || (b.size() - 1) % 5 != 0)
                return codecError(Fault::BadData, "AFN 00 F3 needs AFN + 5 bytes per unit, got "
                                                      + std::to_string(b.size()) + " bytes");
            UnitVerdicts v{b[0], {}};
            for (std::size_t at = 1; at < b.size(); at += 5)
                for (int pn : pointsOf(b[at], b[at + 1]))
                    for (int f : functionsOf(b[at + 2], b[at + 3]))
                        v.units.push_back(UnitVerdict{pn, f, b[at + 4]});
            return Result{b.size(), v};
        }
    } else if (afnCode == afn::Reset && !uplink) {
        return Result{0, std::monostate{}};
    } else if (parameters) {
        switch (fn) {
        case 1: return fixed(UplinkCommBytes, decodeF1);
        case 3: return fixed(MasterStationBytes, decodeF3);
        case 89:
            return fixed(LogicalAddressBytes, [](ByteView d) {
                return LogicalAddress{std::uint16_t(le16(d, 0)), std::uint16_t(le16(d, 2))};
            });
        case 10: {
            if (b.size() < 2)
                return shortUnit(fn, 2, b.size());
            const std::size_t n = std::size_t(le16(b, 0));
            const std::size_t need = 2 + n * ArchiveEntryBytes;
            if (b.size() < need)
                return shortUnit(fn, need, b.size());
            MeterArchive archive;
            for (std::size_t i = 0; i < n; ++i)
                archive.entries.push_back(decodeEntry(b.subspan(2 + i * ArchiveEntryBytes)));
            return Result{need, archive};
        }
        default: break;
        }
    } else if (afnCode == afn::QueryParameters && !uplink) {
        if (fn != 10)
            return Result{0, std::monostate{}};
        if (b.size() < 2)
            return shortUnit(fn, 2, b.size());
        const std::size_t n = std::size_t(le16(b, 0));
        if (b.size() < 2 + 2 * n)
            return shortUnit(fn, 2 + 2 * n, b.size());
        ArchiveQuery q;
        for (std::size_t i = 0; i < n; ++i)
            q.seqs.push_back(le16(b, 2 + 2 * i));
        return Result{2 + 2 * n, q};
    } else if (afnCode == afn::Class1Data) {
        if (!uplink)
            return Result{0, std::monostate{}};
        if (fn == 2) {
            if (b.size() >= ClockBytes && !clockIsBcd(b))
                return codecError(Fault::BadData, "F2 clock is not BCD: "
                                                      + meter::toHex(b.first(ClockBytes), " "));
            return fixed(ClockBytes, decodeClock);
        }
        if (fn == 129) {
            if (b.size() < 6)
                return shortUnit(fn, 6, b.size());
            const std::size_t m = b[5];
            const std::size_t need = 6 + 5 * (m + 1);
            if (b.size() < need)
                return shortUnit(fn, need, b.size());
            EnergyReading r;
            r.readAt = a15(b);
            r.total = a14(b.subspan(6));
            for (std::size_t i = 0; i < m; ++i)
                r.tariffs.push_back(a14(b.subspan(11 + 5 * i)));
            return Result{need, r};
        }
    } else if (afnCode == afn::LinkTest) {
        if (fn == 1 || fn == 2)
            return Result{0, std::monostate{}};
    }
    return Result{b.size(), Raw{Bytes(b.begin(), b.end())}}; // unknown: the rest, undecoded
}

} // namespace

std::string Endpoint::text() const
{
    return std::to_string(ip[0]) + '.' + std::to_string(ip[1]) + '.' + std::to_string(ip[2]) + '.'
           + std::to_string(ip[3]) + ':' + std::to_string(port);
}

std::optional<Endpoint> Endpoint::fromText(std::string_view text)
{
    Endpoint e;
    const char *p = text.data();
    const char *end = text.data() + text.size();
    for (int i = 0; i < 4; ++i) {
        unsigned part = 0;
        const auto r = std::from_chars(p, end, part, 10);
        if (r.ec != std::errc() || r.ptr == p || part > 255 || r.ptr == end
            || *r.ptr != (i < 3 ? '.' : ':'))
            return std::nullopt;
        e.ip[std::size_t(i)] = std::uint8_t(part);
        p = r.ptr + 1;
    }
    unsigned port = 0;
    const auto r = std::from_chars(p, end, port, 10);
    if (r.ec != std::errc() || r.ptr != end || p == end || port == 0 || port > 65535)
        return std::nullopt;
    e.port = std::uint16_t(port);
    return e;
}

int archiveProtocolOf(std::string_view meterProtocol)
{
    if (meterProtocol == "dlt645-2007")
        return 30;
    if (meterProtocol == "dlt645-1997")
        return 1;
    return 0;
}

std::string_view meterProtocolOf(int archiveProtocol)
{
    switch (archiveProtocol) {
    case 30: return "dlt645-2007";
    case 1: return "dlt645-1997";
    default: return {};
    }
}

meter::Outcome<std::vector<DataUnit>> decodeUnits(const Frame &frame)
{
    std::vector<DataUnit> units;
    const ByteView b(frame.units);
    std::size_t at = 0;
    while (at < b.size()) {
        if (b.size() - at < 4)
            return codecError(Fault::BadData, std::to_string(b.size() - at)
                                                  + " bytes left, too few for a DA and DT");
        const auto points = pointsOf(b[at], b[at + 1]);
        const auto functions = functionsOf(b[at + 2], b[at + 3]);
        if (points.empty() || functions.empty())
            return codecError(Fault::BadData, "invalid DA/DT " + meter::toHex(b.subspan(at, 4), " "));
        at += 4;
        for (int pn : points) {
            for (int fn : functions) {
                auto data = decodeData(frame.afn, frame.isUplink(), fn, b.subspan(at));
                if (!data)
                    return data.error();
                // AFN 00 F3 (confirm/deny per unit) takes the rest of the frame: a unit named
                // after it in the same DA/DT would have no data of its own.
                if (frame.afn == afn::Confirm && fn == 3
                    && (pn != points.back() || fn != functions.back()))
                    return codecError(Fault::BadData,
                                      "AFN 00 F3 takes the rest of the frame, yet its DA/DT names "
                                      "further units after it");
                at += data->first;
                const bool raw = std::holds_alternative<Raw>(data->second);
                units.push_back(DataUnit{pn, fn, std::move(data.value().second)});
                if (raw)
                    return units; // an undecoded unit took the rest of the frame
            }
        }
    }
    return units;
}

} // namespace ms::gdw1376
