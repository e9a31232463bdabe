#include "sync/ackinglistener.h"

#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace ms::sync {

namespace {
void quickAck([[maybe_unused]] QTcpSocket *socket)
{
#ifdef Q_OS_LINUX
    // Not sticky in the kernel: it lasts until the connection looks interactive again, so it is
    // set before each read. Setting it also sends an ACK that is being held back.
    const qintptr fd = socket->socketDescriptor();
    if (fd < 0)
        return;
    const int on = 1;
    ::setsockopt(int(fd), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#endif
}
} // namespace

void acknowledgePromptly(QTcpSocket *socket)
{
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    quickAck(socket);
    // Connected before the HTTP server's own readyRead handler, so this runs first.
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket] { quickAck(socket); });
}

void AckingTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    acknowledgePromptly(socket);
    addPendingConnection(socket);
}

} // namespace ms::sync
