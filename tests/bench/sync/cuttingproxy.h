#pragma once
// A loopback TCP proxy that cuts every connection it carries when the client→server byte count
// crosses one of the given offsets (a dropped mobile link, mid-request). Runs in its own thread.
#include <QList>
#include <QThread>
#include <atomic>

class QTcpServer;

namespace ms::bench {

class CuttingProxy : public QThread
{
    Q_OBJECT
public:
    CuttingProxy(quint16 upstreamPort, QList<qint64> cutOffsets);
    ~CuttingProxy() override;
    quint16 port() const { return m_port.load(); }   // valid once started
    int cutsMade() const { return m_cuts.load(); }
    // Client→server bytes that reached the proxy (all connections, resends and headers included).
    qint64 bytesFromClient() const { return m_fromClient.load(); }
    void waitReady();

protected:
    void run() override;

private:
    quint16 m_upstream;
    QList<qint64> m_offsets; // ascending
    std::atomic<quint16> m_port{0};
    std::atomic<int> m_cuts{0};
    std::atomic<qint64> m_fromClient{0};
};

} // namespace ms::bench
