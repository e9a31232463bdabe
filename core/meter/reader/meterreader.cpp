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

QList<ReadValue> convert(const std::vector<Value> &values)
{
    QList<ReadValue> out;
    for (const Value &v : values) {
        ReadValue r;
        r.name = QString::fromStdString(v.name);
        r.text = QString::fromStdString(v.toString());
        r.unit = QString::fromStdString(v.unit);
        r.missing = v.kind == Value::Kind::Missing;
        if (v.kind == Value::Kind::Number) {
            r.number = v.toDouble();
            r.decimals = v.decimals;
        }
        out.append(r);
    }
    return out;
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

MeterReader::MeterReader(SerialLink *link, ProtocolMemory *memory, QObject *parent)
    : QObject(parent), m_link(link), m_memory(memory)
{
}

QString MeterReader::protocolLabel(Protocol p) const
{
    switch (p) {
    case Protocol::Dlt645_2007: return QStringLiteral("DL/T 645-2007");
    case Protocol::Dlt645_1997: return QStringLiteral("DL/T 645-1997");
    case Protocol::Dlt698_45: return QStringLiteral("DL/T 698.45");
    }
    return {};
}

void MeterReader::readSwapSet(std::optional<Protocol> protocol, const QString &expectedAddress)
{
    ReadOptions o;
    o.protocol = protocol;
    o.expectedAddress = expectedAddress;
    read(o);
}

void MeterReader::read(const ReadOptions &options)
{
    if (m_running)
        return;
    m_running = true;
    m_cancelRequested = false;
    m_options = options;
    m_reading = SwapSetReading{};
    m_reading.port = m_link->settings().portName;
    m_reading.baud = m_link->settings().baud;
    m_reading.linkParams = m_link->settings().describe();
    m_reading.startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    m_worstProbeFailure = LinkFailure::None;
    m_worstProbeMessage.clear();
    if (!m_link->isOpen()) {
        const auto opened = m_link->open();
        if (!opened) {
            finish(LinkFailure::NotOpen, opened.error().message);
            return;
        }
    }
    // Probe plan: a known protocol once (with the link's retries); otherwise every protocol in
    // the documented order, the remembered one first, repeated retries + 1 rounds.
    m_probes.clear();
    m_probeIndex = 0;
    m_alwaysTried = 1;
    if (options.protocol) {
        const int kind = *options.protocol == Protocol::Dlt645_2007 ? 0
                         : *options.protocol == Protocol::Dlt645_1997 ? 2 : 3;
        m_probes.append({*options.protocol, kind});
    } else {
        // The quick round asks each protocol once and listens briefly; the full rounds listen as
        // long as a meter may take (a late answer to any probe is taken while the next one waits).
        QList<Probe> quick{{Protocol::Dlt645_2007, 0, true},
                           {Protocol::Dlt645_1997, 2, true},
                           {Protocol::Dlt698_45, 3, true}};
        QList<Probe> order{{Protocol::Dlt645_2007, 0}, {Protocol::Dlt645_2007, 1},
                           {Protocol::Dlt645_1997, 2}, {Protocol::Dlt698_45, 3}};
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
    emit progress(0, 0, tr("正在识别电表规约…"));
    sendProbe();
}

void MeterReader::cancel()
{
    if (!m_running)
        return;
    m_cancelRequested = true;
    m_link->cancelAll(); // a pending exchange ends as Cancelled and finishes the read
}

int MeterReader::probeTimeoutMs() const
{
    return std::min(m_options.probeTimeoutMs, m_link->settings().replyTimeoutMs);
}

bool MeterReader::stopIfCancelled()
{
    if (!m_cancelRequested)
        return false;
    finish(LinkFailure::Cancelled, tr("已取消读表。"));
    return true;
}

void MeterReader::account(const Exchange &ex)
{
    m_reading.frames += ex.frames;
    m_reading.wireMs += m_link->settings().wireMs(ex.txBytes + ex.rxBytes);
    ++m_reading.exchanges;
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
    case 0:
        request.bytes = toQt(dlt645::encodeReadAddress());
        break;
    case 1:
        request.bytes = toQt(dlt645::encodeRead(dlt645::Version::V2007, dlt645::Address::wildcard(), 0x00010000));
        break;
    case 2:
        request.bytes = toQt(dlt645::encodeRead(dlt645::Version::V1997, dlt645::Address::wildcard(), 0x9010));
        break;
    default:
        request.bytes = toQt(dlt698::encodeGetRequest(dlt698::ServerAddress::wildcard(),
                                                      dlt698::oad::Address, m_piid++));
        break;
    }
    if (m_reading.autoDetected) {
        request.scanner = makeDetectScanner(reply);
    } else if (probe.protocol == Protocol::Dlt698_45) {
        request.scanner = makeScanner698(reply, [](const dlt698::Frame &f) { return f.fromServer(); });
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
        const bool inBudget = !m_reading.autoDetected || firstRound || m_clock.elapsed() + nextProbe <= budget;
        if (++m_probeIndex < m_probes.size() && inBudget) {
            sendProbe();
            return;
        }
        const QString tried = m_reading.autoDetected
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

void MeterReader::startItems()
{
    m_items.clear();
    m_itemIndex = 0;
    if (m_options.ids.isEmpty()) {
        m_items = swapSet(*m_reading.protocol);
        m_items.removeIf([](const SwapItem &i) { return i.key == QLatin1String("address"); });
    } else {
        for (const QString &id : m_options.ids)
            m_items.append({id.toUpper(), id.toUpper()});
    }
    sendItem();
}

void MeterReader::sendItem()
{
    if (stopIfCancelled())
        return;
    const int total = int(m_items.size()) + 1;
    if (m_itemIndex >= m_items.size()) {
        emit progress(total, total, QString());
        finish(LinkFailure::None, {});
        return;
    }
    const SwapItem &spec = m_items.at(m_itemIndex);
    m_current = ItemReading{};
    m_current.key = spec.key;
    m_current.id = spec.id;
    m_current.name = swapItemName(spec.key);
    const Protocol protocol = *m_reading.protocol;
    const std::string address = m_reading.address.toStdString();
    auto reply = std::make_shared<ScannedReply>();
    LinkRequest request;
    if (protocol == Protocol::Dlt698_45) {
        const auto oad = dlt698::oadFromText(spec.id.toStdString());
        if (oad) {
            if (const auto *item = dlt698::findOad(*oad); item && m_current.name == spec.key)
                m_current.name = QString::fromUtf8(item->name);
            request.bytes = toQt(dlt698::encodeGetRequest(dlt698::ServerAddress::single(address), *oad, m_piid++));
        }
        request.scanner = makeScanner698(reply, [](const dlt698::Frame &f) { return f.fromServer(); });
    } else {
        const auto version = versionOf(protocol);
        const auto di = dlt645::diFromText(version, spec.id.toStdString());
        const auto addr = dlt645::Address::fromText(address);
        if (di && addr) {
            if (const auto *item = dlt645::findDataItem(version, *di); item && m_current.name == spec.key)
                m_current.name = QString::fromUtf8(item->name);
            request.bytes = toQt(dlt645::encodeRead(version, *addr, *di));
        }
        const auto own = addr.value_or(dlt645::Address{});
        request.scanner = makeScanner645(reply, [own, version](const dlt645::Frame &f) {
            return f.isReply() && f.address == own && dlt645::versionOf(f) == version;
        });
    }
    emit progress(m_itemIndex + 1, total, m_current.name);
    m_itemClock.start();
    if (request.bytes.isEmpty()) {
        m_current.status = ItemReading::Status::Failed;
        m_current.message = tr("\"%1\" 不是 %2 的数据标识。请检查项目编号。")
                                .arg(spec.id, protocolLabel(protocol));
        completeItem();
        return;
    }
    m_link->send(std::move(request), this,
                 [this, reply](const Exchange &ex) { onItem(ex, reply); });
}

void MeterReader::onItem(const Exchange &ex, const std::shared_ptr<ScannedReply> &reply)
{
    if (!m_running)
        return;
    account(ex);
    m_current.frames += ex.frames;
    if (!ex.ok()) {
        m_current.status = ItemReading::Status::Failed;
        m_current.message = ex.message;
        m_current.elapsedMs = m_itemClock.elapsed();
        m_reading.items.append(m_current);
        emit itemFinished(m_current);
        if (ex.failure == LinkFailure::Cancelled)
            finish(ex.failure, ex.message);
        else
            finish(ex.failure, tr("读取「%1」时失败：%2").arg(m_current.name, ex.message));
        return;
    }
    if (reply->frame698) {
        const auto response = dlt698::decodeGetResponse(*reply->frame698);
        if (!response) {
            m_current.status = ItemReading::Status::Failed;
            m_current.message = tr("电表应答无法解析（%1）。请重试；若反复出现，请记录报文并上报。")
                                    .arg(QString::fromStdString(response.error().detail));
        } else if (response->data) {
            m_current.status = ItemReading::Status::Ok;
            m_current.values += convert(dlt698::valuesOf(response->oad, *response->data));
        } else {
            const std::uint8_t dar = response->dar.value_or(0);
            const QString text = QString::fromStdString(dlt698::darText(dar));
            if (dlt698::darMeansNoData(dar)) {
                m_current.status = ItemReading::Status::NotPresent;
                m_current.message = tr("此表没有该数据项（%1）。").arg(text);
            } else {
                m_current.status = ItemReading::Status::Refused;
                m_current.message = tr("电表拒绝读取「%1」（%2）。该项可能需要权限；其余数据不受影响，可改用有权限的掌机或在营销系统中核对。")
                                        .arg(m_current.name, text);
            }
        }
        completeItem();
        return;
    }
    const auto decoded = dlt645::decodeReply(*reply->frame645);
    if (!decoded) {
        m_current.status = ItemReading::Status::Failed;
        m_current.message = tr("电表应答无法解析（%1）。请重试；若反复出现，请记录报文并上报。")
                                .arg(QString::fromStdString(decoded.error().detail));
        completeItem();
        return;
    }
    const dlt645::Reply &r = *decoded;
    if (r.kind == dlt645::Reply::Kind::Error) {
        const QString text = QString::fromStdString(dlt645::errorText(r.version, r.errorBits));
        if (r.noRequestedData()) {
            m_current.status = ItemReading::Status::NotPresent;
            m_current.message = tr("此表没有该数据项（%1）。").arg(text);
        } else {
            m_current.status = ItemReading::Status::Refused;
            m_current.message = tr("电表拒绝读取「%1」（%2）。该项可能需要权限；其余数据不受影响，可改用有权限的掌机或在营销系统中核对。")
                                    .arg(m_current.name, text);
        }
        completeItem();
        return;
    }
    m_current.status = ItemReading::Status::Ok;
    m_current.values += convert(r.values);
    if (r.moreFollows && r.di && m_current.frames.size() < 40) {
        sendFollowUp(std::uint8_t(r.seq + 1));
        return;
    }
    completeItem();
}

void MeterReader::sendFollowUp(std::uint8_t seq)
{
    if (stopIfCancelled())
        return;
    const Protocol protocol = *m_reading.protocol;
    const auto version = versionOf(protocol);
    const auto addr = dlt645::Address::fromText(m_reading.address.toStdString()).value_or(dlt645::Address{});
    const auto di = dlt645::diFromText(version, m_current.id.toStdString()).value_or(0);
    auto reply = std::make_shared<ScannedReply>();
    LinkRequest request;
    request.bytes = toQt(dlt645::encodeReadFollowUp(version, addr, di, seq));
    request.scanner = makeScanner645(reply, [addr, version](const dlt645::Frame &f) {
        return f.isReply() && f.address == addr && dlt645::versionOf(f) == version;
    });
    m_link->send(std::move(request), this,
                 [this, reply](const Exchange &ex) { onItem(ex, reply); });
}

void MeterReader::completeItem()
{
    m_current.elapsedMs = m_itemClock.elapsed();
    m_reading.items.append(m_current);
    emit itemFinished(m_current);
    ++m_itemIndex;
    sendItem();
}

void MeterReader::finish(LinkFailure failure, const QString &message)
{
    if (!m_running)
        return;
    m_running = false;
    m_reading.failure = failure;
    m_reading.message = message;
    m_reading.totalMs = m_clock.elapsed();
    m_reading.finishedAt = QDateTime::currentDateTimeUtc();
    emit finished(m_reading);
}

} // namespace ms::meter
