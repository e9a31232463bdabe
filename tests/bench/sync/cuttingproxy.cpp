#include "cuttingproxy.h"

#include "sync/ackinglistener.h"

#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>

namespace ms::bench {

CuttingProxy::CuttingProxy(quint16 upstreamPort, QList<qint64> cutOffsets)
    : m_upstream(upstreamPort), m_offsets(std::move(cutOffsets))
{
    std::sort(m_offsets.begin(), m_offsets.end());
}

CuttingProxy::~CuttingProxy()
{
    quit();
    wait();
}

void CuttingProxy::waitReady()
{
    while (m_port.load() == 0)
        QThread::msleep(5);
}

void CuttingProxy::run()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    qint64 forwarded = 0;
    int next = 0;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *client = server.nextPendingConnection()) {
            // A relay on the same link: no Nagle or delayed-ACK stalls of its own.
            sync::acknowledgePromptly(client);
            auto *upstream = new QTcpSocket(client);
            upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
            const auto cut = [client, upstream] {
                client->abort();
                upstream->abort();
                client->deleteLater();
            };
            QObject::connect(client, &QTcpSocket::readyRead, client, [&, client, upstream, cut] {
                QByteArray data = client->readAll();
                m_fromClient.fetch_add(data.size());
                if (next < m_offsets.size() && forwarded + data.size() > m_offsets.at(next)) {
                    const qint64 keep = m_offsets.at(next) - forwarded;
                    upstream->write(data.left(keep));
                    forwarded += keep;
                    ++next;
                    m_cuts.fetch_add(1);
                    cut();
                    return;
                }
                forwarded += data.size();
                upstream->write(data);
            });
            QObject::connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] {
                client->write(upstream->readAll());
            });
            QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] {
                client->disconnectFromHost();
            });
            QObject::connect(client, &QTcpSocket::disconnected, client, [client, upstream] {
                upstream->disconnectFromHost();
                client->deleteLater();
            });
        }
    });
    m_port.store(server.serverPort());
    exec();
}

} // namespace ms::bench
