#include "meter/link/seriallink.h"

#include "meter/link/meterlog.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace ms::meter {

SerialLink::SerialLink(LinkSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_port(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_gapTimer.setSingleShot(true);
    m_gapTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SerialLink::onTimeout);
    m_nextTimer.setSingleShot(true);
    connect(&m_gapTimer, &QTimer::timeout, this, &SerialLink::startAttempt);
    connect(&m_nextTimer, &QTimer::timeout, this, &SerialLink::startNext);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialLink::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialLink::onError);
}

SerialLink::~SerialLink()
{
    // No callbacks from a destructor: the callers' objects may already be half gone.
    m_queue.clear();
    m_current.reset();
    close();
}

void SerialLink::setSettings(const LinkSettings &settings)
{
    m_settings = settings;
}

Result<void> SerialLink::open()
{
    if (m_port.isOpen())
        m_port.close();
    m_warnings.clear();
    if (m_settings.portName.isEmpty())
        return makeError(QStringLiteral("meter.no_port"),
                         tr("没有选择串口。请在列表中选择红外或 RS-485 串口，或输入设备路径（如 /dev/ttyUSB0）。"));
    // A symlink (e.g. the simulator's --link) is resolved so QSerialPort gets the device path.
    const QFileInfo info(m_settings.portName);
    const QString device = info.isSymLink() ? info.canonicalFilePath() : m_settings.portName;
    if (device.isEmpty() || !QFileInfo::exists(device))
        return makeError(QStringLiteral("meter.port_missing"),
                         tr("串口 %1 不存在。请检查探头/转换器是否插好，或在列表中重新选择端口。")
                             .arg(m_settings.portName));
    m_port.setPortName(device);
    // Parameters are set BEFORE open(): on a pty, setting parity after open fails.
    m_port.setBaudRate(m_settings.baud);
    m_port.setDataBits(m_settings.dataBits);
    m_port.setParity(m_settings.parity);
    m_port.setStopBits(m_settings.stopBits);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port.open(QIODevice::ReadWrite)) {
        const QString why = m_port.errorString();
        return makeError(QStringLiteral("meter.open_failed"),
                         tr("无法打开串口 %1：%2。请确认端口未被其他程序占用，并有访问权限（dialout 组）。")
                             .arg(m_settings.portName, why));
    }
    m_port.clearError();
    m_port.clear();
    qCInfo(lcMeter) << "opened" << m_settings.portName << m_settings.describe()
                    << "warnings:" << m_warnings;
    return {};
}

void SerialLink::close()
{
    m_timer.stop();
    m_gapTimer.stop();
    m_nextTimer.stop();
    if (m_port.isOpen())
        m_port.close();
}

bool SerialLink::isOpen() const
{
    return m_port.isOpen();
}

void SerialLink::send(LinkRequest request, QObject *context, Done done)
{
    Job job;
    job.request = std::move(request);
    job.context = context;
    job.hasContext = context != nullptr;
    job.done = std::move(done);
    m_queue.push_back(std::move(job));
    if (m_current || m_nextTimer.isActive())
        return;
    const qint64 quiet = m_sinceFinish.isValid() ? m_sinceFinish.elapsed() : interFrameGapMs();
    if (quiet >= interFrameGapMs())
        startNext();
    else
        m_nextTimer.start(int(interFrameGapMs() - quiet));
}

void SerialLink::cancelAll()
{
    std::deque<Job> queued;
    queued.swap(m_queue);
    if (m_current)
        finish(LinkFailure::Cancelled);
    for (Job &job : queued) {
        job.exchange.failure = LinkFailure::Cancelled;
        job.exchange.message = tr("已取消读表。");
        if (job.done && (!job.hasContext || job.context))
            job.done(job.exchange);
    }
}

int SerialLink::replyTimeoutMs() const
{
    return m_current && m_current->request.replyTimeoutMs >= 0 ? m_current->request.replyTimeoutMs
                                                                : m_settings.replyTimeoutMs;
}

int SerialLink::interFrameGapMs() const
{
    // At least 33 bit times between frames (DL/T 698.45 on serial), never less than 5 ms.
    const double bitMs = m_settings.baud > 0 ? 1000.0 / m_settings.baud : 1.0;
    return std::max(5, int(std::ceil(33 * bitMs)));
}

void SerialLink::startNext()
{
    if (m_current || m_queue.empty())
        return;
    m_current.emplace(std::move(m_queue.front()));
    m_queue.pop_front();
    m_current->clock.start();
    m_onlyBadBytes = true;
    if (!m_port.isOpen()) {
        finish(LinkFailure::NotOpen);
        return;
    }
    startAttempt();
}

void SerialLink::flushRx()
{
    if (m_port.isOpen())
        m_port.readAll();
    m_rx.clear();
    m_rxFirstAt = {};
    m_lastState = ReplyState::Nothing;
}

void SerialLink::startAttempt()
{
    if (!m_current) {
        startNext();
        return;
    }
    flushRx();
    Exchange &ex = m_current->exchange;
    ++ex.attempts;
    const QByteArray wire = m_settings.wakeUp + m_current->request.bytes;
    const RawFrame tx{RawFrame::Direction::Tx, wire, QDateTime::currentDateTimeUtc()};
    ex.frames.append(tx);
    ex.txBytes += wire.size();
    emit frameLogged(tx);
    if (m_port.write(wire) != wire.size()) {
        qCWarning(lcMeter) << "write failed:" << m_port.errorString();
        finish(LinkFailure::NotOpen);
        return;
    }
    if (!m_current->request.expectReply) {
        // A broadcast: done once the frame has left the wire.
        m_deadlineMs = m_current->clock.elapsed() + qint64(std::ceil(m_settings.wireMs(wire.size())));
        m_timer.start(int(std::max<qint64>(0, m_deadlineMs - m_current->clock.elapsed())));
        return;
    }
    const qint64 txWire = qint64(std::ceil(m_settings.wireMs(wire.size())));
    m_deadlineMs = m_current->clock.elapsed() + txWire + replyTimeoutMs();
    m_timer.start(int(txWire + replyTimeoutMs()));
}

void SerialLink::onReadyRead()
{
    const QByteArray chunk = m_port.readAll();
    if (!m_current || chunk.isEmpty() || !m_current->request.expectReply)
        return; // stray bytes between exchanges are dropped (a late reply to a cancelled request)
    if (m_rx.isEmpty())
        m_rxFirstAt = QDateTime::currentDateTimeUtc();
    m_rx += chunk;
    m_lastState = m_current->request.scanner ? m_current->request.scanner(m_rx) : ReplyState::Complete;
    switch (m_lastState) {
    case ReplyState::Complete:
        finish(LinkFailure::None);
        return;
    case ReplyState::Corrupt:
        attemptFailed(LinkFailure::Corrupt);
        return;
    case ReplyState::Nothing:
    case ReplyState::Started: {
        // Keep waiting until the reply deadline, or while bytes keep coming.
        const qint64 remaining = m_deadlineMs - m_current->clock.elapsed();
        m_timer.start(int(std::max<qint64>(remaining, m_settings.interByteTimeoutMs)));
        return;
    }
    }
}

void SerialLink::onTimeout()
{
    if (!m_current)
        return;
    if (!m_current->request.expectReply) {
        finish(LinkFailure::None);
        return;
    }
    if (m_rx.isEmpty())
        attemptFailed(LinkFailure::Silent);
    else if (m_lastState == ReplyState::Started)
        attemptFailed(LinkFailure::Partial);
    else
        attemptFailed(LinkFailure::Garbled);
}

void SerialLink::onError(QSerialPort::SerialPortError error)
{
    switch (error) {
    case QSerialPort::NoError:
        return;
    case QSerialPort::ResourceError:
    case QSerialPort::DeviceNotFoundError:
    case QSerialPort::PermissionError: {
        const QString why = m_port.errorString();
        qCWarning(lcMeter) << "port lost:" << why;
        m_port.clearError();
        close();
        if (m_current)
            finish(LinkFailure::NotOpen);
        emit portLost(tr("串口 %1 已断开：%2。请检查探头/转换器连接后重新读表。")
                          .arg(m_settings.portName, why));
        return;
    }
    default:
        // Pseudo-terminals refuse parity, DTR/RTS and some ioctls although data flows: note it.
        m_warnings << m_port.errorString();
        qCInfo(lcMeter) << "non-fatal port error:" << error << m_port.errorString();
        m_port.clearError();
        return;
    }
}

void SerialLink::attemptFailed(LinkFailure failure)
{
    m_timer.stop();
    if (!m_current)
        return;
    Exchange &ex = m_current->exchange;
    if (!m_rx.isEmpty()) {
        const RawFrame rx{RawFrame::Direction::Rx, m_rx, m_rxFirstAt};
        ex.frames.append(rx);
        ex.rxBytes += m_rx.size();
        emit frameLogged(rx);
    }
    if (failure != LinkFailure::Corrupt && failure != LinkFailure::Garbled)
        m_onlyBadBytes = false;
    qCInfo(lcMeter) << "attempt" << ex.attempts << "failed:" << linkFailureKey(failure)
                    << m_rx.toHex(' ');
    const int retries = m_current->request.retries >= 0 ? m_current->request.retries
                                                        : m_settings.retries;
    if (ex.attempts <= retries) {
        m_rx.clear();
        m_gapTimer.start(interFrameGapMs());
        return;
    }
    m_rx.clear(); // already logged above
    // Damaged frames on every attempt are not bad luck: the line settings do not match.
    if (failure == LinkFailure::Corrupt && m_onlyBadBytes)
        failure = LinkFailure::Garbled;
    finish(failure);
}

void SerialLink::finish(LinkFailure failure)
{
    m_timer.stop();
    m_gapTimer.stop();
    Job job = std::move(*m_current);
    m_current.reset();
    Exchange &ex = job.exchange;
    if (!m_rx.isEmpty()) {
        const RawFrame rx{RawFrame::Direction::Rx, m_rx, m_rxFirstAt};
        ex.frames.append(rx);
        ex.rxBytes += m_rx.size();
        emit frameLogged(rx);
        if (failure == LinkFailure::None)
            ex.reply = m_rx;
    }
    m_rx.clear();
    ex.failure = failure;
    ex.elapsedMs = job.clock.elapsed();
    const QString port = m_settings.portName;
    const QString params = m_settings.describe();
    const int waited = job.request.replyTimeoutMs >= 0 ? job.request.replyTimeoutMs
                                                       : m_settings.replyTimeoutMs;
    switch (failure) {
    case LinkFailure::None:
        break;
    case LinkFailure::NotOpen:
        ex.message = tr("串口 %1 未打开或已断开。请检查探头/转换器连接后重试。").arg(port);
        break;
    case LinkFailure::Silent:
        ex.message = tr("电表没有应答（共尝试 %1 次，每次等待 %2 ms，端口 %3，%4）。请检查：红外探头是否对准表计红外口并贴紧，"
                        "RS-485 的 A/B 线是否接反或松动，端口和波特率是否选对。")
                         .arg(ex.attempts).arg(waited).arg(port, params);
        break;
    case LinkFailure::Garbled:
        ex.message = tr("电表有应答，但 %1 次都不是有效报文（当前 %2）：通信参数很可能与电表不一致（如电表为 8N1 或其他波特率）。"
                        "请改用其他校验方式（8E1/8N1）或波特率（1200/2400/9600）再试；若仍不行，遮挡强光并重新对准探头。")
                         .arg(ex.attempts)
                         .arg(params);
        break;
    case LinkFailure::Partial:
        ex.message = tr("应答报文只收到一部分就中断了（共尝试 %1 次）。请把探头对准并保持不动，检查 RS-485 接线，然后重试。")
                         .arg(ex.attempts);
        break;
    case LinkFailure::Corrupt:
        ex.message = tr("应答报文校验错误（共尝试 %1 次）：线路受到干扰。请遮挡强光、重新对准探头或检查接线后重试。")
                         .arg(ex.attempts);
        break;
    case LinkFailure::Cancelled:
        ex.message = tr("已取消读表。");
        break;
    }
    if (job.done && (!job.hasContext || job.context))
        job.done(ex);
    // The next request waits the inter-frame gap (33 bit times).
    m_sinceFinish.start();
    if (!m_current && !m_queue.empty() && !m_nextTimer.isActive())
        m_nextTimer.start(interFrameGapMs());
}

} // namespace ms::meter
