#include "meter/sim/metersimulator.h"

#include "meter/dlt645/codec.h"
#include "meter/dlt698/apdu.h"
#include "meter/link/meterlog.h"

#include <bit>

namespace ms::meter {

namespace {
QByteArray toQt(const Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

ByteView viewOf(const QByteArray &b)
{
    return ByteView(reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size()));
}

constexpr std::uint8_t DarRefused = 3;   // 拒绝读写
constexpr std::uint8_t DarUndefined = 6; // 对象未定义
} // namespace

MeterSimulator::MeterSimulator(SimulatorOptions options, RegisterSet registers)
    : m_options(std::move(options)), m_registers(std::move(registers)), m_rng(m_options.seed)
{
}

QList<QByteArray> MeterSimulator::feed(const QByteArray &bytes)
{
    QList<QByteArray> replies;
    const ByteView view = viewOf(bytes);
    auto handle = [&](std::optional<QByteArray> reply) {
        ++m_requests;
        if (!reply || m_options.silent)
            return;
        std::uniform_real_distribution<double> chance(0.0, 1.0);
        if (m_options.dropRate > 0 && chance(m_rng) < m_options.dropRate) {
            ++m_dropped;
            qCDebug(lcMeter) << "sim: dropping reply";
            return;
        }
        replies.append(damage(*reply));
    };
    if (m_options.protocol == Protocol::Dlt698_45) {
        for (const auto &parsed : m_parser698.feed(view)) {
            if (parsed.frame)
                handle(answer698(*parsed.frame));
        }
    } else {
        for (const auto &parsed : m_parser645.feed(view)) {
            if (parsed.frame)
                handle(answer645(*parsed.frame));
        }
    }
    return replies;
}

QByteArray MeterSimulator::damage(QByteArray reply)
{
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    if (m_options.corruptRate > 0 && chance(m_rng) < m_options.corruptRate && reply.size() > 8) {
        ++m_corrupted;
        const qsizetype pos = reply.size() - 3; // last data byte: the checksum/CRC no longer fits
        reply[pos] = char(reply.at(pos) ^ 0x5A);
    }
    if (m_options.halfFrame)
        reply.truncate(reply.size() / 2);
    if (m_options.wrongParity) {
        // An 8N1 sender's stop bit lands in the 8E1 receiver's parity slot: bytes whose even
        // parity bit would be 0 fail the parity check and the driver hands up a 00 instead.
        for (qsizetype i = 0; i < reply.size(); ++i) {
            if (std::popcount(std::uint8_t(reply.at(i))) % 2 == 0)
                reply[i] = '\0';
        }
    }
    return reply;
}

std::optional<QByteArray> MeterSimulator::answer645(const dlt645::Frame &frame)
{
    using namespace dlt645;
    if (frame.isReply())
        return std::nullopt;
    const auto request = decodeRequest(frame);
    if (!request)
        return std::nullopt;
    const Version version = m_options.protocol == Protocol::Dlt645_2007 ? Version::V2007
                                                                         : Version::V1997;
    if (request->version != version)
        return std::nullopt; // a meter ignores the other version's functions
    const auto own = Address::fromText(m_options.address.toStdString());
    if (!own)
        return std::nullopt;
    if (request->address.isBroadcast())
        return std::nullopt; // broadcast time / freeze: never answered
    if (!(request->address == *own) && !request->address.isWildcard())
        return std::nullopt; // another meter on the bus
    switch (request->kind) {
    case Request::Kind::ReadAddress:
        return toQt(encodeAddressReply(*own));
    case Request::Kind::Read: {
        const std::uint32_t di = request->di.value_or(0);
        const QString id = QString::fromStdString(diToText(version, di));
        if (m_registers.refused(id))
            return toQt(encodeErrorReply(*own, frame.control, errorbits::Unauthorised));
        const DataItem *item = findDataItem(version, di);
        const auto texts = m_registers.textsFor(m_options.protocol, id, m_options.address);
        if (!item || !texts)
            return toQt(encodeErrorReply(*own, frame.control, errorbits::NoRequestedData));
        const auto data = encodeItemData(*item, *texts);
        if (!data) {
            qCWarning(lcMeter) << "sim: register" << id << "does not fit its format:"
                               << QString::fromStdString(data.error().detail);
            return toQt(encodeErrorReply(*own, frame.control, errorbits::Other));
        }
        Bytes itemData = *data;
        if (version == Version::V1997 && item->count > 1 && m_options.blockPadding >= 0) {
            itemData.insert(itemData.end(), std::size_t(m_options.blockPadding), std::uint8_t(0));
            itemData.push_back(0xAA); // 数据块结束符
        }
        return toQt(encodeReadReply(version, *own, di, itemData));
    }
    case Request::Kind::Write:
    case Request::Kind::WriteAddress:
    case Request::Kind::RemoteControl:
        return toQt(encodeErrorReply(*own, frame.control, errorbits::Unauthorised));
    default:
        return std::nullopt;
    }
}

std::optional<QByteArray> MeterSimulator::answer698(const dlt698::Frame &frame)
{
    using namespace dlt698;
    if (frame.fromServer())
        return std::nullopt;
    const auto own = ServerAddress::fromText(m_options.address.toStdString());
    if (!own)
        return std::nullopt;
    const bool forUs = frame.server.type == ServerAddress::Type::Wildcard
                       || (frame.server.type == ServerAddress::Type::Single
                           && frame.server.wire == own->wire);
    if (!forUs)
        return std::nullopt;
    const auto request = decodeGetRequest(frame);
    if (!request)
        return std::nullopt;
    const QString id = QString::fromStdString(oadToText(request->oad));
    if (m_registers.refused(id))
        return toQt(encodeGetResponseDar(*own, frame.client, request->piid, request->oad, DarRefused));
    const auto texts = m_registers.textsFor(m_options.protocol, id, m_options.address);
    if (!texts)
        return toQt(encodeGetResponseDar(*own, frame.client, request->piid, request->oad, DarUndefined));
    const auto data = dataFromTexts(request->oad, *texts);
    if (!data) {
        qCWarning(lcMeter) << "sim: register" << id << "does not fit its format:"
                           << QString::fromStdString(data.error().detail);
        return toQt(encodeGetResponseDar(*own, frame.client, request->piid, request->oad, DarUndefined));
    }
    return toQt(encodeGetResponse(*own, frame.client, request->piid, request->oad, *data));
}

} // namespace ms::meter
