// MeterReader, reading half: the read itself, items one by one, follow-up frames, the result.
// Detection (probe plan, probes): detection.cpp.
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
    planProbes(options);
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
