// The office's front layer against the real meterswap-office process: request heads are judged
// before any body byte is read, connection caps hold, and plain HTTP stays on loopback.
#include "officeprocess.h"
#include "synctestutil.h"

#include "sync/wire.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {
// A raw HTTP/1.1 client on its own connection, so a test controls every byte sent.
class RawClient
{
public:
    bool connectTo(quint16 port, const QString &from = QStringLiteral("127.0.0.1"))
    {
        return m_socket.bind(QHostAddress(from)) && (m_socket.connectToHost(QHostAddress::LocalHost, port), true)
            && m_socket.waitForConnected(5000);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(5000);
    }
    // The status codes of the answers that arrive within `ms` (whole answers only).
    QList<int> answers(int count, int ms = 5000)
    {
        QElapsedTimer clock;
        clock.start();
        while (parse().size() < count && clock.elapsed() < ms
               && m_socket.state() == QAbstractSocket::ConnectedState)
            if (m_socket.waitForReadyRead(100))
                m_received += m_socket.readAll();
        m_received += m_socket.readAll();
        return parse();
    }
    QByteArray received() const { return m_received; }

private:
    QList<int> parse() const
    {
        QList<int> statuses;
        qsizetype at = 0;
        while (true) {
            const qsizetype headEnd = m_received.indexOf("\r\n\r\n", at);
            if (headEnd < 0 || !m_received.mid(at).startsWith("HTTP/1.1 "))
                return statuses;
            const QByteArray head = m_received.mid(at, headEnd - at).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            const qint64 length = cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (m_received.size() < headEnd + 4 + length)
                return statuses;
            statuses << m_received.mid(at + 9, 3).toInt();
            at = headEnd + 4 + length;
        }
    }
    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray head(const QByteArray &line, const QString &token, qint64 length = -1)
{
    QByteArray h = line + "\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        h += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (length >= 0)
        h += "Content-Length: " + QByteArray::number(length) + "\r\n";
    return h + "\r\n";
}

class EdgeTest : public ::testing::Test
{
protected:
    void start(const QStringList &extra = {})
    {
        ASSERT_TRUE(m_dir.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_dir.path());
        m_server->setExtraArgs(extra);
        ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
        m_token = m_server->token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
        ASSERT_FALSE(m_token.isEmpty());
    }
    QTemporaryDir m_dir;
    std::unique_ptr<OfficeServerProcess> m_server;
    QString m_token;
};
} // namespace

TEST_F(EdgeTest, AHugeBodyIsRefusedFromItsHeadBeforeAnyOfItIsSent)
{
    start();
    // GIVEN requests that announce 4 GB bodies and send none of it
    RawClient anonymous, member, chunk;
    ASSERT_TRUE(anonymous.connectTo(m_server->port()) && member.connectTo(m_server->port())
                && chunk.connectTo(m_server->port()));
    anonymous.send(head("POST /api/v1/records HTTP/1.1", {}, 4000000000LL));
    member.send(head("POST /api/v1/records HTTP/1.1", m_token, 4000000000LL));
    chunk.send(head("PUT /api/v1/blobs/" + QByteArray(64, 'a') + "?offset=0&total=9999999 HTTP/1.1", m_token,
                    sync::kMaxChunkBytes + 1));
    // THEN each is answered at once: 401 without a token, 413 with one, naming the cap
    EXPECT_EQ(anonymous.answers(1), QList<int>{401});
    EXPECT_EQ(member.answers(1), QList<int>{413});
    EXPECT_TRUE(member.received().contains("edge.body_too_large")) << member.received().constData();
    EXPECT_EQ(chunk.answers(1), QList<int>{413});
    // AND the office stored nothing and logged the refusals without the token
    EXPECT_EQ(m_server->stats().value(QStringLiteral("records")).toInt(), 0);
    EXPECT_TRUE(m_server->log().contains("413 0B (edge: edge.body_too_large)"));
    EXPECT_FALSE(m_server->log().contains(m_token.toLatin1()));
}

TEST_F(EdgeTest, RequestsOnOneConnectionAreEachJudgedByTheirOwnHead)
{
    start();
    // GIVEN two good requests and a too large one written at once on one connection
    const QByteArray body = sync::encodePushBatch({});
    RawClient client;
    ASSERT_TRUE(client.connectTo(m_server->port()));
    client.send(head("GET /api/v1/whoami HTTP/1.1", m_token)
                + head("POST /api/v1/records HTTP/1.1", m_token, body.size()) + body
                + head("POST /api/v1/records HTTP/1.1", m_token, sync::kMaxBatchBodyBytes + 1));
    // THEN the good ones are served in order and the last is refused
    EXPECT_EQ(client.answers(3), (QList<int>{200, 200, 413}));
    // AND a body that may not declare its length is refused too
    RawClient chunked;
    ASSERT_TRUE(chunked.connectTo(m_server->port()));
    chunked.send("POST /api/v1/records HTTP/1.1\r\nAuthorization: Bearer " + m_token.toLatin1()
                 + "\r\nTransfer-Encoding: chunked\r\n\r\n");
    EXPECT_EQ(chunked.answers(1), QList<int>{411});
}

TEST_F(EdgeTest, ConnectionsAreCappedPerClientAndInTotal)
{
    // GIVEN at most 2 connections per client address and 3 in all
    start({QStringLiteral("--max-connections"), QStringLiteral("3"),
           QStringLiteral("--max-connections-per-client"), QStringLiteral("2")});
    const QByteArray whoami = head("GET /api/v1/whoami HTTP/1.1", m_token);
    RawClient a1, a2, a3, b1, c1;
    for (RawClient *c : {&a1, &a2}) {
        ASSERT_TRUE(c->connectTo(m_server->port()));
        c->send(whoami);
        ASSERT_EQ(c->answers(1), QList<int>{200});
    }
    // WHEN the same address opens a third, and two other addresses one each
    ASSERT_TRUE(a3.connectTo(m_server->port()));
    a3.send(whoami);
    ASSERT_TRUE(b1.connectTo(m_server->port(), QStringLiteral("127.0.0.2")));
    b1.send(whoami);
    ASSERT_EQ(b1.answers(1), QList<int>{200});
    ASSERT_TRUE(c1.connectTo(m_server->port(), QStringLiteral("127.0.0.3")));
    c1.send(whoami);
    // THEN the third from one address gets 429, the office's fourth 503, the others are served
    EXPECT_EQ(a3.answers(1), QList<int>{429});
    EXPECT_EQ(c1.answers(1), QList<int>{503});
    a1.send(whoami);
    EXPECT_EQ(a1.answers(2), (QList<int>{200, 200}));
}

TEST(OfficeServe, PlainHttpOffLoopbackIsRefusedUnlessExplicitlyAllowed)
{
    QTemporaryDir dir;
    // 192.0.2.1 (TEST-NET-1) is on no machine: nothing is ever sent to or bound on it
    const QStringList serve{QStringLiteral("serve"), QStringLiteral("--data"), dir.path(),
                            QStringLiteral("--listen"), QStringLiteral("192.0.2.1:8443")};
    const ProcessResult refused = runOffice(serve);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains("--insecure-plain-http")) << refused.err.constData();
    EXPECT_TRUE(refused.err.contains("tls init")) << refused.err.constData();
    // with the flag it goes on to listen (and fails here only because the address is not ours)
    const ProcessResult allowed = runOffice(serve + QStringList{QStringLiteral("--insecure-plain-http")});
    EXPECT_EQ(allowed.exitCode, 1);
    EXPECT_FALSE(allowed.err.contains("--insecure-plain-http")) << allowed.err.constData();
}
