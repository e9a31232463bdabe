#include "meter/sim/ptyport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace ms::meter {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::meter::PtyPort", text);
}
} // namespace

PtyPort::~PtyPort()
{
    close();
}

Result<void> PtyPort::open(const QString &linkPath)
{
    close();
    termios raw{};
    cfmakeraw(&raw);
    cfsetispeed(&raw, B2400);
    cfsetospeed(&raw, B2400);
    char name[256] = {};
    if (::openpty(&m_master, &m_slave, name, &raw, nullptr) != 0)
        return makeError(QStringLiteral("sim.openpty"),
                         tr("无法创建伪终端（openpty：%1）。请检查 /dev/ptmx 是否可用。")
                             .arg(QString::fromLocal8Bit(std::strerror(errno))));
    m_slaveName = QString::fromLocal8Bit(name);
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_slave, F_SETFD, FD_CLOEXEC);
    if (!linkPath.isEmpty()) {
        const QFileInfo existing(linkPath);
        if (existing.isSymLink()) {
            QFile::remove(linkPath);
        } else if (existing.exists()) {
            close();
            return makeError(QStringLiteral("sim.link_exists"),
                             tr("%1 已存在且不是符号链接，模拟器不会覆盖它。请换一个 --link 路径。").arg(linkPath));
        }
        if (::symlink(name, QFile::encodeName(linkPath).constData()) != 0) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            close();
            return makeError(QStringLiteral("sim.link_failed"),
                             tr("无法在 %1 创建链接：%2。请检查目录是否存在并可写。").arg(linkPath, why));
        }
        m_link = linkPath;
    }
    return {};
}

void PtyPort::close()
{
    if (!m_link.isEmpty()) {
        const QFileInfo info(m_link);
        if (info.isSymLink() && info.symLinkTarget() == m_slaveName)
            QFile::remove(m_link);
        m_link.clear();
    }
    if (m_master >= 0)
        ::close(m_master);
    if (m_slave >= 0)
        ::close(m_slave);
    m_master = m_slave = -1;
    m_slaveName.clear();
}

QByteArray PtyPort::readAvailable()
{
    QByteArray out;
    char buf[512];
    for (;;) {
        const ssize_t n = ::read(m_master, buf, sizeof buf);
        if (n > 0) {
            out.append(buf, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break; // EAGAIN: drained; EIO: nobody on the slave side
    }
    return out;
}

qint64 PtyPort::nowNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

bool PtyPort::sleepUntil(qint64 deadlineNs, int stopFd)
{
    for (;;) {
        const qint64 left = deadlineNs - nowNs();
        if (left <= 0)
            return true;
        if (stopFd < 0) {
            timespec ts{time_t(deadlineNs / 1000000000LL), long(deadlineNs % 1000000000LL)};
            ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);
            continue;
        }
        pollfd p{stopFd, POLLIN, 0};
        const timespec rel{time_t(left / 1000000000LL), long(left % 1000000000LL)};
        const int r = ::ppoll(&p, 1, &rel, nullptr);
        if (r > 0)
            return false;
    }
}

bool PtyPort::writePaced(const QByteArray &bytes, qint64 byteNs, qint64 startNs, int stopFd)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (!sleepUntil(startNs + (i + 1) * byteNs, stopFd))
            return false;
        const char c = bytes.at(i);
        for (;;) {
            const ssize_t n = ::write(m_master, &c, 1);
            if (n == 1)
                break;
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
                if (!sleepUntil(nowNs() + 1000000, stopFd))
                    return false;
                continue;
            }
            return false;
        }
    }
    return true;
}

} // namespace ms::meter
