#pragma once
// TCP listeners for the office's HTTP server that acknowledge received bytes at once.
//
// Qt's HTTP client (QNetworkAccessManager) leaves Nagle's algorithm on, so the last short
// segment of every upload waits for the server's ACK — and Linux delays that ACK by up to
// 40 ms. One stall per request caps a photo upload at ~25 requests a second whatever the link.
// These listeners switch each accepted socket to TCP_NODELAY and re-arm TCP_QUICKACK whenever
// bytes arrive, so the ACK leaves immediately. Use with QAbstractHttpServer::bind(); the office
// uses its gated listeners (app/server/edgegate.h), which do the same.
#include <QTcpServer>

namespace ms::sync {

// Sets TCP_NODELAY on the socket and TCP_QUICKACK every time bytes arrive (Linux; no-op elsewhere).
void acknowledgePromptly(QTcpSocket *socket);

class AckingTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace ms::sync
