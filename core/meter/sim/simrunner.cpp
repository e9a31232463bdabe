#include "meter/sim/simrunner.h"

#include "meter/link/meterlog.h"

#include <algorithm>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace ms::meter {

SimulatorRunner::SimulatorRunner(SimulatorOptions options, RegisterSet registers)
    : m_baud(options.baud), m_replyDelayMs(options.replyDelayMs),
      m_sim(std::make_unique<MeterSimulator>(std::move(options), std::move(registers)))
{
}

SimulatorRunner::SimulatorRunner(std::unique_ptr<SimResponder> responder, qint32 baud,
                                 int replyDelayMs)
    : m_baud(baud), m_replyDelayMs(replyDelayMs), m_sim(std::move(responder))
{
}

Result<void> SimulatorRunner::open(const QString &linkPath)
{
    return m_pty.open(linkPath);
}

QString SimulatorRunner::portPath() const
{
    return m_pty.linkPath().isEmpty() ? m_pty.slaveName() : m_pty.linkPath();
}

void SimulatorRunner::run(int stopFd)
{
    // 8E1: start + 8 data + parity + stop = 11 bits a byte.
    const qint64 byteNs = 11LL * 1000000000LL / std::max(1, m_baud);
    const qint64 delayNs = qint64(m_replyDelayMs) * 1000000LL;
    qint64 rxWireEnd = 0; // when the request bytes received so far would have finished arriving
    for (;;) {
        pollfd fds[2] = {{m_pty.masterFd(), POLLIN, 0}, {stopFd, POLLIN, 0}};
        const int n = ::poll(fds, 2, -1);
        if (n < 0)
            continue; // EINTR
        if (fds[1].revents)
            return;
        if (fds[0].revents & (POLLHUP | POLLERR)) {
            if (!PtyPort::sleepUntil(PtyPort::nowNs() + 10000000LL, stopFd))
                return;
        }
        if (!(fds[0].revents & POLLIN))
            continue;
        const QByteArray bytes = m_pty.readAvailable();
        if (bytes.isEmpty())
            continue;
        rxWireEnd = std::max(rxWireEnd, PtyPort::nowNs()) + bytes.size() * byteNs;
        const QList<QByteArray> replies = m_sim->feed(bytes);
        m_requests.store(m_sim->requestsSeen());
        for (const QByteArray &reply : replies) {
            const qint64 start = rxWireEnd + delayNs;
            if (!PtyPort::sleepUntil(start, stopFd))
                return;
            if (!m_pty.writePaced(reply, byteNs, start, stopFd))
                return;
            ++m_replies;
            rxWireEnd = PtyPort::nowNs();
        }
    }
}

SimulatorThread::SimulatorThread(SimulatorOptions options, RegisterSet registers)
    : m_runner(std::move(options), std::move(registers))
{
}

SimulatorThread::SimulatorThread(std::unique_ptr<SimResponder> responder, qint32 baud,
                                 int replyDelayMs)
    : m_runner(std::move(responder), baud, replyDelayMs)
{
}

SimulatorThread::~SimulatorThread()
{
    stop();
}

Result<void> SimulatorThread::start(const QString &linkPath)
{
    stop();
    auto opened = m_runner.open(linkPath);
    if (!opened)
        return opened;
    if (::pipe2(m_stopPipe, O_CLOEXEC) != 0)
        return makeError(QStringLiteral("sim.pipe"), QStringLiteral("pipe2 failed"));
    const int stopFd = m_stopPipe[0];
    m_thread = std::thread([this, stopFd] { m_runner.run(stopFd); });
    return {};
}

void SimulatorThread::stop()
{
    if (m_thread.joinable()) {
        const char c = 'q';
        [[maybe_unused]] const auto written = ::write(m_stopPipe[1], &c, 1);
        m_thread.join();
    }
    for (int &fd : m_stopPipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    m_runner.close();
}

} // namespace ms::meter
