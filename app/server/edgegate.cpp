#include "edgegate.h"

#include "requesthead.h"
#include "sync/ackinglistener.h"
#include "sync/wire.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpSocket>

#include <cstdio>
#include <sys/socket.h>

namespace ms::server {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::EdgeGate)
};

constexpr qint64 kMaxStateQueryBody = 256 * 1024; // 1000 hashes in JSON are ~70 KB
constexpr qint64 kMaxOtherBody = 4 * 1024;
constexpr qint64 kMaxOfficeBody = 64 * 1024;

QByteArray reason(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 417: return "Expectation Failed";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

QString message(int status, const QByteArray &code, qint64 length, qint64 cap)
{
    switch (status) {
    case 401:
        return code == "auth.missing_token"
            ? Tr::tr("缺少设备令牌（Authorization: Bearer …）；请在设置中填写办公室发放的令牌。")
            : Tr::tr("办公室不认可此设备令牌（错误或已吊销）；请向办公室申请新令牌。");
    case 408: return Tr::tr("请求头没有及时到达，连接已关闭；请重试。");
    case 411: return Tr::tr("请求必须用 Content-Length 声明正文长度（不接受分块传输）。");
    case 413:
        return Tr::tr("请求正文 %1 字节，超过此接口的上限 %2 字节，未读取；请分块或分批发送。")
            .arg(length).arg(cap);
    case 417: return Tr::tr("不支持的 Expect 请求头；只接受 100-continue。");
    case 429:
        return Tr::tr("本机与办公室的连接过多；请稍后再同步（同步会自动重试）。");
    case 431: return Tr::tr("请求头过大或字段过多；请检查客户端。");
    case 503:
        return Tr::tr("办公室服务器当前连接已满；请稍后再同步（同步会自动重试）。");
    default:
        return Tr::tr("请求格式不正确（%1）；请使用换表通客户端同步。").arg(QString::fromLatin1(code));
    }
}

// The request target as a log shows it: printable ASCII only, and short.
QByteArray printable(const QByteArray &text)
{
    QByteArray out = text.left(200);
    for (char &c : out)
        if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
            c = '?';
    return out;
}
} // namespace

qint64 bodyCap(const QByteArray &method, const QByteArray &path)
{
    const QByteArray api = sync::apiPath(QString()).toLatin1();
    if (!path.startsWith(api))
        return kMaxOtherBody;
    const QByteArray rest = path.mid(api.size());
    const bool upload = method == "PUT" || method == "POST";
    if (upload && rest.startsWith("blobs/") && rest.indexOf('/', 6) < 0)
        return sync::kMaxChunkBytes;
    if (method == "POST" && rest == "records")
        return sync::kMaxBatchBodyBytes;
    if (method == "POST" && rest == "blob-states")
        return kMaxStateQueryBody;
    if (method == "POST" && rest.startsWith("office/")) // a send-back with many items and reasons
        return kMaxOfficeBody;
    return kMaxOtherBody;
}

ConnectionBudget::Verdict ConnectionBudget::acquire(const QHostAddress &client)
{
    QMutexLocker lock(&m_mutex);
    if (m_total >= m_limits.maxConnections)
        return Verdict::OfficeFull;
    int &mine = m_perClient[client];
    if (mine >= m_limits.maxConnectionsPerClient)
        return Verdict::ClientFull;
    ++mine;
    ++m_total;
    return Verdict::Ok;
}

void ConnectionBudget::release(const QHostAddress &client)
{
    QMutexLocker lock(&m_mutex);
    --m_total;
    if (auto it = m_perClient.find(client); it != m_perClient.end() && --*it <= 0)
        m_perClient.erase(it);
}

// One per connection, a child of its socket. Qt HttpServer 6.4 reads a request like this: on
// every readyRead it reads all that is there, but stops right after a request it completed and
// re-emits readyRead for the rest once it has answered. The gate's slot is connected first, so
// it sees each piece before Qt HttpServer does, and it too stops looking at the end of a
// request: every piece it sees therefore starts with bytes it has not seen yet.
class RequestGate : public QObject
{
public:
    RequestGate(QTcpSocket *socket, EdgeGuard &guard)
        : QObject(socket), m_socket(socket), m_guard(guard), m_client(socket->peerAddress())
    {
        m_verdict = guard.m_budget->acquire(m_client);
        m_clock.start();
        guard.m_gates.insert(this);
        connect(socket, &QIODevice::readyRead, this, [this] { look(); });
    }
    ~RequestGate() override
    {
        m_guard.m_gates.remove(this);
        if (m_verdict == ConnectionBudget::Verdict::Ok)
            m_guard.m_budget->release(m_client);
    }

    // Called every second by the guard: closes what went quiet or took too long.
    void check()
    {
        const qint64 now = m_clock.elapsed();
        const EdgeLimits &l = m_guard.m_limits;
        if (m_refused) {
            if (now - m_refusedAt > l.lingerMs)
                m_socket->abort();
            return;
        }
        if (m_verdict != ConnectionBudget::Verdict::Ok && now > l.refusedTimeoutMs)
            return m_socket->abort();
        if (m_headStartedAt >= 0 && now - m_headStartedAt > l.headTimeoutMs)
            return refuse(408, "edge.head_timeout");
        if (now - m_lastByteAt > l.idleTimeoutMs)
            m_socket->abort(); // Qt HttpServer deletes it on disconnected
    }

private:
    void look()
    {
        if (m_refused)
            return;
        m_lastByteAt = m_clock.elapsed();
        const qint64 available = m_socket->bytesAvailable();
        if (m_bodyLeft > 0) { // the body of a request whose head passed
            m_bodyLeft -= std::min(available, m_bodyLeft);
            return; // bytes after its end are shown again once Qt HttpServer has answered
        }
        const int room = m_guard.m_limits.maxHeadBytes - int(m_head.size());
        const QByteArray piece = m_socket->peek(std::min<qint64>(available, room + 1));
        qsizetype from = 0;
        if (m_head.isEmpty())
            while (from < piece.size() && isLeadingSpace(piece.at(from)))
                ++from;
        if (from == piece.size())
            return;
        if (m_headStartedAt < 0)
            m_headStartedAt = m_lastByteAt;
        const qsizetype before = m_head.size();
        m_head += QByteArrayView(piece).sliced(from);
        const qsizetype end = findHeadEnd(m_head);
        if (end < 0) {
            if (m_head.size() > m_guard.m_limits.maxHeadBytes)
                refuse(431, "edge.head_too_large");
            return;
        }
        const qint64 afterHead = available - (from + (end - before));
        m_head.truncate(end);
        pass(afterHead);
    }

    // A whole head is in m_head and `afterHead` bytes after it are available.
    void pass(qint64 afterHead)
    {
        RequestHead head;
        HeadProblem problem;
        const bool parsed = parseRequestHead(m_head, &head, &problem);
        m_head.clear();
        m_headStartedAt = -1;
        m_method = parsed ? head.method : QByteArray("?");
        m_target = parsed ? head.target : QByteArray("?");
        if (m_verdict == ConnectionBudget::Verdict::OfficeFull)
            return refuse(503, "edge.office_busy");
        if (m_verdict == ConnectionBudget::Verdict::ClientFull)
            return refuse(429, "edge.client_busy");
        if (!parsed)
            return refuse(problem.status, problem.code);
        if (head.contentLength > 0) {
            if (head.bearer.isEmpty())
                return refuse(401, "auth.missing_token");
            if (!m_guard.m_tokens(head.bearer))
                return refuse(401, "auth.bad_token");
            const qint64 cap = bodyCap(head.method, head.path);
            if (head.contentLength > cap)
                return refuse(413, "edge.body_too_large", head.contentLength, cap);
        }
        if (head.expectContinue && head.contentLength > afterHead)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_bodyLeft = head.contentLength - std::min(afterHead, head.contentLength);
    }

    // Answers at once and closes. Qt HttpServer never sees these bytes: its readyRead slot is
    // disconnected, and what is left of the body is read and dropped until the socket closes.
    void refuse(int status, const QByteArray &code, qint64 length = 0, qint64 cap = 0)
    {
        m_refused = true;
        m_refusedAt = m_clock.elapsed();
        QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
        const auto drop = [this] {
            if (m_socket->isTransactionStarted())
                m_socket->commitTransaction(); // or the read bytes would stay buffered
            m_socket->skip(m_socket->bytesAvailable());
        };
        drop();
        connect(m_socket, &QIODevice::readyRead, this, drop);
        const QByteArray body =
            sync::encodeError(makeError(QString::fromLatin1(code), message(status, code, length, cap)));
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status)
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        m_socket->flush();
        // Plain TCP: end our side once the answer is out, so the client reads it to the end.
        if (!qobject_cast<QSslSocket *>(m_socket)) {
            const auto halfClose = [this] {
                if (m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() >= 0)
                    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
            };
            halfClose();
            connect(m_socket, &QIODevice::bytesWritten, this, halfClose);
        }
        const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()
            + ' ' + printable(m_method) + ' ' + printable(m_target) + ' ' + QByteArray::number(status)
            + " 0B (edge: " + code + ")\n";
        std::fputs(line.constData(), stderr);
    }

    QTcpSocket *m_socket;
    EdgeGuard &m_guard;
    QHostAddress m_client;
    ConnectionBudget::Verdict m_verdict;
    QElapsedTimer m_clock;
    qint64 m_lastByteAt = 0;
    qint64 m_headStartedAt = -1;
    qint64 m_bodyLeft = 0;
    QByteArray m_head;
    QByteArray m_method = "-";
    QByteArray m_target = "-";
    bool m_refused = false;
    qint64 m_refusedAt = 0;
};

EdgeGuard::EdgeGuard(EdgeLimits limits, std::shared_ptr<ConnectionBudget> budget,
                     TokenCheck tokens, QObject *parent)
    : QObject(parent), m_limits(limits), m_budget(std::move(budget)), m_tokens(std::move(tokens))
{
    m_sweep.setInterval(1000);
    connect(&m_sweep, &QTimer::timeout, this, &EdgeGuard::sweep);
    m_sweep.start();
}

void EdgeGuard::attach(QTcpSocket *socket)
{
    new RequestGate(socket, *this);
}

void EdgeGuard::sweep()
{
    // A check may close a socket, which deletes its gate later (never during this loop).
    const QList<RequestGate *> gates(m_gates.cbegin(), m_gates.cend());
    for (RequestGate *gate : gates)
        if (m_gates.contains(gate))
            gate->check();
}

GatedTcpServer::GatedTcpServer(EdgeGuard &guard, QObject *parent)
    : QTcpServer(parent), m_guard(guard)
{
}

void GatedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    m_guard.attach(socket); // before Qt HttpServer connects its own readyRead slot
    sync::acknowledgePromptly(socket);
    addPendingConnection(socket);
}

GatedSslServer::GatedSslServer(const QSslConfiguration &config, EdgeGuard &guard, QObject *parent)
    : QSslServer(parent)
{
    setSslConfiguration(config);
    connect(this, &QSslServer::startedEncryptionHandshake, this, [&guard](QSslSocket *socket) {
        guard.attach(socket);
        sync::acknowledgePromptly(socket);
    });
}

} // namespace ms::server
