#pragma once
// The office's front layer (docs/decisions/0004-office-edge-gate.md). Qt HttpServer 6.4 reads a
// whole request body into memory before any route sees it, so a route cannot refuse a body it
// does not want: one unauthenticated multi-GB POST would grow the office by gigabytes. The gate
// sits on each accepted socket ahead of Qt HttpServer, reads every request head itself (peeking,
// so Qt HttpServer still reads the same bytes) and, before the body is read:
//   - refuses a head that is malformed or that Qt HttpServer could frame differently (400/411/431),
//   - refuses a body without a valid token (401) or larger than its endpoint takes (413),
//   - answers 503 when the office has too many connections, 429 when this client has.
// A refusal is answered at once with Connection: close; the rest of that body is read and
// dropped (never kept) for a few seconds so the client sees the answer, then the socket closes.
// Connections that go quiet, or whose head does not arrive in time, are closed.
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <memory>

namespace ms::server {

struct EdgeLimits
{
    int maxConnections = 256;          // open at once, over every worker
    int maxConnectionsPerClient = 32;  // open at once from one address
    int maxHeadBytes = 16 * 1024;
    int headTimeoutMs = 30000;         // a started request head must be whole by then
    int idleTimeoutMs = 120000;        // a connection that sends nothing this long is closed
    int refusedTimeoutMs = 5000;       // over a cap: time to send the head we answer
    int lingerMs = 5000;               // after a refusal: the rest of the body is dropped this long
};

// The largest body each endpoint takes: what a route would refuse anyway is not read.
qint64 bodyCap(const QByteArray &method, const QByteArray &path);

// Connections open now, in total and per client address; shared by the worker threads.
class ConnectionBudget
{
public:
    enum class Verdict { Ok, OfficeFull, ClientFull };
    explicit ConnectionBudget(const EdgeLimits &limits) : m_limits(limits) {}
    // Counts the connection when Ok; a refused one is not counted.
    Verdict acquire(const QHostAddress &client);
    void release(const QHostAddress &client);

private:
    EdgeLimits m_limits;
    QMutex m_mutex;
    int m_total = 0;
    QHash<QHostAddress, int> m_perClient;
};

// Checks a bearer token (the worker's store): false = unknown or revoked. A store that cannot
// answer says true; the route then answers with the store's error.
using TokenCheck = std::function<bool(const QByteArray &token)>;

class RequestGate;

// What the gates of one worker thread share: limits, the budget, the token check, and one timer
// that closes connections that went quiet.
class EdgeGuard : public QObject
{
    Q_OBJECT
public:
    EdgeGuard(EdgeLimits limits, std::shared_ptr<ConnectionBudget> budget, TokenCheck tokens,
              QObject *parent = nullptr);
    // Puts a gate on a socket before Qt HttpServer connects to it.
    void attach(QTcpSocket *socket);

private:
    friend class RequestGate;
    void sweep();

    EdgeLimits m_limits;
    std::shared_ptr<ConnectionBudget> m_budget;
    TokenCheck m_tokens;
    QSet<RequestGate *> m_gates;
    QTimer m_sweep;
};

// Plain-TCP and TLS listeners for QAbstractHttpServer::bind() that acknowledge promptly
// (sync/ackinglistener.h) and put a gate on every connection.
class GatedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GatedTcpServer(EdgeGuard &guard, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    EdgeGuard &m_guard;
};

class GatedSslServer : public QSslServer
{
    Q_OBJECT
public:
    GatedSslServer(const QSslConfiguration &config, EdgeGuard &guard, QObject *parent = nullptr);
};

} // namespace ms::server
