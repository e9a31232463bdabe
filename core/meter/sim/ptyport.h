#pragma once
// PtyPort: the simulator's end of a pseudo-terminal pair (openpty), with the slave device linked
// at a chosen path so a reader opens it like /dev/ttyUSB0. A pty does not pace bytes at the baud
// rate, so writes are paced here: one byte every bitsPerByte / baud seconds.
#include "model/result.h"

#include <QByteArray>
#include <QString>

namespace ms::meter {

class PtyPort
{
public:
    PtyPort() = default;
    ~PtyPort();
    PtyPort(const PtyPort &) = delete;
    PtyPort &operator=(const PtyPort &) = delete;

    // Opens the pair in raw mode. `linkPath` may be empty (use slaveName() directly); an existing
    // symlink there is replaced, any other existing file is an error.
    Result<void> open(const QString &linkPath);
    void close(); // closes both ends and removes the link

    int masterFd() const { return m_master; }
    QString slaveName() const { return m_slaveName; }
    QString linkPath() const { return m_link; }

    // Reads what the other side wrote (non-blocking; empty when nothing is there).
    QByteArray readAvailable();
    // Writes one byte at a time, each no earlier than `start + (i+1) × byteNs` (CLOCK_MONOTONIC
    // nanoseconds). Stops early and returns false when `stopFd` becomes readable.
    bool writePaced(const QByteArray &bytes, qint64 byteNs, qint64 startNs, int stopFd);

    static qint64 nowNs(); // CLOCK_MONOTONIC
    // Sleeps until `deadlineNs` or until `stopFd` is readable (then returns false).
    static bool sleepUntil(qint64 deadlineNs, int stopFd);

private:
    int m_master = -1;
    int m_slave = -1; // kept open so the master never sees a hang-up between readers
    QString m_slaveName;
    QString m_link;
};

} // namespace ms::meter
