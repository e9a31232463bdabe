// MeterReader, detection half: which protocol and address the meter on the port has. The probe
// plan (a quick round, then full rounds), the probes, and what their answers mean.
// Decision record: docs/decisions/0010-quick-protocol-detection.md.
#include "meter/reader/meterreader.h"

#include "meter/dlt645/codec.h"
#include "meter/dlt698/apdu.h"
#include "meter/link/meterlog.h"

namespace ms::meter {

namespace {

QByteArray toQt(const Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

dlt645::Version versionOf(Protocol p)
{
    return p == Protocol::Dlt645_1997 ? dlt645::Version::V1997 : dlt645::Version::V2007;
}

int severity(LinkFailure f)
{
    switch (f) {
    case LinkFailure::Garbled: return 4;
    case LinkFailure::Partial: return 3;
    case LinkFailure::Corrupt: return 2;
    case LinkFailure::Silent: return 1;
    default: return 0;
    }
}

} // namespace

// A known protocol: one probe (with the link's retries). Otherwise every protocol in the
// documented order, the remembered one first: a quick round, then retries + 1 full rounds.
void MeterReader::planProbes(const ReadOptions &options)
{
    m_probes.clear();
    m_probeIndex = 0;
    m_alwaysTried = 1;
    if (options.protocol) {
        const int kind = *options.protocol == Protocol::Dlt645_2007   ? 0
                         : *options.protocol == Protocol::Dlt645_1997 ? 2
                                                                      : 3;
        m_probes.append({*options.protocol, kind});
    } else {
        // The quick round asks each protocol once and listens briefly; the full rounds listen as
        // long as a meter may take (a late answer to any probe is taken while the next one waits).
        QList<Probe> quick{{Protocol::Dlt645_2007, 0, true},
                           {Protocol::Dlt645_1997, 2, true},
                           {Protocol::Dlt698_45, 3, true}};
        QList<Probe> order{{Protocol::Dlt645_2007, 0},
                           {Protocol::Dlt645_2007, 1},
                           {Protocol::Dlt645_1997, 2},
                           {Protocol::Dlt698_45, 3}};
        std::optional<Protocol> remembered;
        if (m_memory && !options.expectedAddress.isEmpty())
            remembered = m_memory->forAddress(options.expectedAddress);
        if (m_memory && !remembered) {
            if (const auto e = m_memory->forPort(m_reading.port))
                remembered = e->protocol;
        }
        if (remembered) {
            const auto first = [&](const Probe &p) { return p.protocol == *remembered; };
            std::stable_partition(quick.begin(), quick.end(), first);
            std::stable_partition(order.begin(), order.end(), first);
        }
        m_quickRoundMs = 0;
        if (options.quickProbeMs > 0 && options.quickProbeMs < probeTimeoutMs()) {
            m_probes += quick;
            m_quickRoundMs = qint64(quick.size())
                             * (qint64(m_link->settings().wireMs(29)) + options.quickProbeMs);
        }
        m_alwaysTried = int(m_probes.size() + order.size());
        for (int round = 0; round <= m_link->settings().retries; ++round)
            m_probes += order;
        m_reading.autoDetected = true;
    }
}

int MeterReader::probeTimeoutMs() const
{
    return std::min(m_options.probeTimeoutMs, m_link->settings().replyTimeoutMs);
}

void MeterReader::sendProbe()
{
    if (stopIfCancelled())
        return;
    const Probe probe = m_probes.at(m_probeIndex);
    emit detecting(protocolText(probe.protocol));
    auto reply = std::make_shared<ScannedReply>();
    LinkRequest request;
    if (m_reading.autoDetected) {
        request.retries = 0;
        request.replyTimeoutMs = probe.quick ? m_options.quickProbeMs : probeTimeoutMs();
    }
    switch (probe.kind) {
    case 0: request.bytes = toQt(dlt645::encodeReadAddress()); break;
    case 1:
        request.bytes = toQt(
            dlt645::encodeRead(dlt645::Version::V2007, dlt645::Address::wildcard(), 0x00010000));
        break;
    case 2:
        request.bytes =
            toQt(dlt645::encodeRead(dlt645::Version::V1997, dlt645::Address::wildcard(), 0x9010));
        break;
    default:
        request.bytes = toQt(dlt698::encodeGetRequest(dlt698::ServerAddress::wildcard(),
                                                      dlt698::oad::Address, m_piid++));
        break;
    }
    if (m_reading.autoDetected) {
        request.scanner = makeDetectScanner(reply);
    } else if (probe.protocol == Protocol::Dlt698_45) {
        request.scanner =
            makeScanner698(reply, [](const dlt698::Frame &f) { return f.fromServer(); });
    } else {
        const auto version = versionOf(probe.protocol);
        request.scanner = makeScanner645(reply, [version](const dlt645::Frame &f) {
            return f.isReply() && dlt645::versionOf(f) == version;
        });
    }
    m_itemClock.start();
    m_link->send(std::move(request), this,
                 [this, reply](const Exchange &ex) { onProbe(ex, reply); });
}

void MeterReader::onProbe(const Exchange &ex, const std::shared_ptr<ScannedReply> &reply)
{
    if (!m_running)
        return;
    account(ex);
    const Probe probe = m_probes.at(m_probeIndex);
    if (ex.failure == LinkFailure::Cancelled || ex.failure == LinkFailure::NotOpen) {
        finish(ex.failure, ex.message);
        return;
    }
    if (!ex.ok()) {
        if (severity(ex.failure) >= severity(m_worstProbeFailure)) {
            m_worstProbeFailure = ex.failure;
            m_worstProbeMessage = ex.message;
        }
        // Detection stays within the quick round + reply timeout × (retries + 1) — but always
        // tries every protocol once with the full window — so a silent port fails in about the
        // time one request with retries would take, plus the quick round.
        const qint64 nextProbe = qint64(m_link->settings().wireMs(20)) + probeTimeoutMs();
        const qint64 budget =
            m_quickRoundMs
            + qint64(m_link->settings().replyTimeoutMs) * (m_link->settings().retries + 1);
        const bool firstRound = m_probeIndex + 1 < m_alwaysTried;
        const bool inBudget =
            !m_reading.autoDetected || firstRound || m_clock.elapsed() + nextProbe <= budget;
        if (++m_probeIndex < m_probes.size() && inBudget) {
            sendProbe();
            return;
        }
        const QString tried =
            m_reading.autoDetected
                ? tr("依次尝试了 DL/T 645-2007、DL/T 645-1997 和 DL/T 698.45，均未得到有效应答。")
                : tr("按 %1 读取通信地址未得到有效应答。").arg(protocolLabel(probe.protocol));
        finish(m_worstProbeFailure, tried + m_worstProbeMessage);
        return;
    }
    // The reply, not the probe, says what the meter speaks: while detecting, a late answer to an
    // earlier probe of another protocol is taken too.
    QString address;
    Protocol found = probe.protocol;
    if (reply->frame645) {
        address = QString::fromStdString(reply->frame645->address.toText());
        if (const auto version = dlt645::versionOf(*reply->frame645))
            found = dlt645::protocolOf(*version);
    } else if (reply->frame698) {
        address = QString::fromStdString(reply->frame698->server.toText());
        found = Protocol::Dlt698_45;
    }
    m_reading.protocol = found;
    m_reading.address = address;
    if (m_memory)
        m_memory->remember(m_reading.port, found, address);
    qCInfo(lcMeter) << "meter found:" << protocolText(found) << address << "probe"
                    << m_probeIndex + 1 << "of" << m_probes.size();

    ItemReading item;
    item.key = QStringLiteral("address");
    item.name = swapItemName(item.key);
    item.status = ItemReading::Status::Ok;
    ReadValue v;
    v.name = item.name;
    v.text = address;
    item.values.append(v);
    item.frames = ex.frames;
    item.elapsedMs = m_itemClock.elapsed();
    m_reading.items.append(item);
    emit itemFinished(item);
    startItems();
}

} // namespace ms::meter
