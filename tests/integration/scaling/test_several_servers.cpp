// Several meterswap-office processes on one PostgreSQL database and one evidence directory,
// behind a real HAProxy on loopback (docs/scaling.md): a tablet syncs through the balancer while
// one server is killed; an upload started on one server is finished on another.
#include "common/pgcluster.h"
#include "common/resultvalue.h"
#include "integration/sync/officeprocess.h"
#include "integration/sync/synctestutil.h"
#include "sync/storesynclocal.h"

#include "model/sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

class SeveralServers : public ::testing::Test
{
protected:
    void SetUp() override
    {
        PgCluster *pg = PgCluster::instance();
        if (!pg)
            GTEST_SKIP() << PgCluster::skipReason().toStdString();
        m_haproxyProgram = QStandardPaths::findExecutable(
            QStringLiteral("haproxy"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (m_haproxyProgram.isEmpty())
            GTEST_SKIP() << "haproxy is not installed: run packaging/install-deps.sh";
        m_database = pg->createDatabase();
        ASSERT_FALSE(m_database.isEmpty()) << pg->error().toStdString();
    }
    void TearDown() override
    {
        if (m_haproxy.state() != QProcess::NotRunning) {
            m_haproxy.kill();
            m_haproxy.waitForFinished(5000);
        }
    }

    // `count` servers on the one database and data directory, each on a free port.
    void startServers(int count)
    {
        for (int i = 0; i < count; ++i) {
            auto server = std::make_unique<OfficeServerProcess>(m_office.path());
            server->setExtraArgs({QStringLiteral("--database"), m_database,
                                  QStringLiteral("--workers"), QStringLiteral("2")});
            ASSERT_TRUE(server->start()) << server->log().constData();
            m_servers.push_back(std::move(server));
        }
    }
    // HAProxy in front of every server: round robin, health checked on /api/v1/health.
    void startBalancer()
    {
        m_balancerPort = freePort();
        QString config =
            QStringLiteral(
                "global\n  maxconn 512\n"
                "defaults\n  mode http\n  timeout connect 2s\n  timeout client 30s\n"
                "  timeout server 30s\n  retries 2\n  option redispatch\n"
                "frontend office\n  bind 127.0.0.1:%1\n  default_backend servers\n"
                "backend servers\n  balance roundrobin\n  option httpchk GET /api/v1/health\n"
                "  http-check expect status 200\n  default-server inter 300ms fall 1 rise 1\n")
                .arg(m_balancerPort);
        for (size_t i = 0; i < m_servers.size(); ++i)
            config += QStringLiteral("  server s%1 127.0.0.1:%2 check\n")
                          .arg(i + 1)
                          .arg(m_servers[i]->port());
        QFile file(m_office.filePath(QStringLiteral("haproxy.cfg")));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(config.toUtf8());
        file.close();
        m_haproxy.setProcessChannelMode(QProcess::MergedChannels);
        m_haproxy.start(m_haproxyProgram,
                        {QStringLiteral("-db"), QStringLiteral("-f"), file.fileName()});
        ASSERT_TRUE(m_haproxy.waitForStarted(10000));
        for (int i = 0; i < 100; ++i) {
            if (request("GET", balancer() + QStringLiteral("/api/v1/health"), {}).status == 200)
                return;
            QThread::msleep(100);
        }
        FAIL() << "haproxy is not answering: " << m_haproxy.readAll().constData();
    }
    QString balancer() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_balancerPort); }
    ProcessResult office(QStringList args)
    {
        args << QStringLiteral("--data") << m_office.path() << QStringLiteral("--database")
             << m_database;
        return runOffice(args);
    }
    QString token(const QString &device, const QString &user)
    {
        const ProcessResult r =
            office({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--device"),
                    device, QStringLiteral("--user"), user});
        return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QString();
    }
    QJsonObject stats()
    {
        return office({QStringLiteral("stats"), QStringLiteral("--json")}).json();
    }

    QTemporaryDir m_office;
    QTemporaryDir m_tablet;
    QString m_database;
    QString m_haproxyProgram;
    QProcess m_haproxy;
    quint16 m_balancerPort = 0;
    std::vector<std::unique_ptr<OfficeServerProcess>> m_servers;
};

} // namespace

TEST_F(SeveralServers, TabletFinishesThroughTheOthersWhenOneServerDiesMidSync)
{
    startServers(3);
    startBalancer();
    const QString tabletToken = token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
    ASSERT_FALSE(tabletToken.isEmpty());
    // GIVEN a tablet with 8 done jobs, 2 files of 200 KB each, sent in 64 KB chunks: round robin
    // puts the chunks of one file on different servers
    auto store = openStore(m_tablet.path());
    ASSERT_TRUE(store);
    const QStringList files = seedStore(*store, 8, 2, 200 * 1024);
    ASSERT_EQ(files.size(), 16);
    const int records = test::valueOf(store->outbox().counts()).records;
    ASSERT_GT(records, 0);
    sync::StoreSyncLocal local(*store);
    sync::SyncOptions o = options(balancer(), tabletToken);
    o.chunkBytes = 64 * 1024;
    o.http.maxAttempts = 40;
    o.http.initialBackoffMs = 50;
    o.http.maxBackoffMs = 300;
    // WHEN the first server is killed (SIGKILL) a third of the way through, and stays down
    bool killed = false;
    const auto summary = runSync(
        local, o,
        [&](const sync::SyncProgress &p) {
            if (!killed && p.bytesDone >= 16 * 200 * 1024 / 3) {
                killed = true;
                m_servers.front()->kill();
            }
        },
        120000);
    // THEN the tablet finishes through the other two: every record and file exactly once
    ASSERT_TRUE(killed);
    ASSERT_TRUE(summary.ok) << summary.error.message.toStdString();
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, 0);
    EXPECT_EQ(summary.recordsConfirmed, records);
    EXPECT_EQ(summary.recordsRefused + summary.recordsConflicted, 0);
    const QJsonObject s = stats();
    EXPECT_EQ(s.value(QStringLiteral("jobs_done")).toInt(), 8)
        << QJsonDocument(s).toJson().constData();
    EXPECT_EQ(s.value(QStringLiteral("evidence_files")).toInt(), 16);
    EXPECT_EQ(s.value(QStringLiteral("evidence_bytes")).toInteger(), 16 * 200 * 1024);
    // and verify, reading every server's evidence volumes and the shared database, passes
    const ProcessResult verify = office({QStringLiteral("verify")});
    EXPECT_EQ(verify.exitCode, 0) << verify.out.constData() << verify.err.constData();
    EXPECT_TRUE(verify.json().value(QStringLiteral("ok")).toBool()) << verify.out.constData();
    // each outbox row is one link of the device's chain at the office: applied once, whichever
    // server took it and however often it was sent
    EXPECT_EQ(verify.json().value(QStringLiteral("chain_links")).toInt(), records)
        << verify.out.constData();
    EXPECT_EQ(verify.json().value(QStringLiteral("evidence_files")).toInt(), 16)
        << verify.out.constData();
    // A second sync has nothing left to send
    const auto again = runSync(local, o);
    ASSERT_TRUE(again.ok) << again.error.message.toStdString();
    EXPECT_EQ(again.filesUploaded, 0);
    EXPECT_EQ(again.recordsConfirmed, 0);
}

TEST_F(SeveralServers, AnUploadStartedOnOneServerIsFinishedOnAnother)
{
    startServers(2);
    const QString t = token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
    ASSERT_FALSE(t.isEmpty());
    const QString a = m_servers[0]->url(), b = m_servers[1]->url();
    QByteArray video(300 * 1024, Qt::Uninitialized);
    QRandomGenerator(11).fillRange(reinterpret_cast<quint32 *>(video.data()), video.size() / 4);
    const QString sha = Sha256::hexOf(video);
    const QString put = QStringLiteral("%1/api/v1/blobs/%2?offset=%3&total=%4");
    // GIVEN the first 100 KB of a file sent to server A, whose answer is lost
    ASSERT_EQ(
        request("PUT", put.arg(a, sha).arg(0).arg(video.size()), t, video.left(100 * 1024)).status,
        200);
    // WHEN the client asks server B how far it got, and continues there
    const Http held = request("GET", QStringLiteral("%1/api/v1/blobs/%2").arg(b, sha), t);
    ASSERT_EQ(held.status, 200);
    EXPECT_EQ(held.json().value(QStringLiteral("offset")).toInteger(), 100 * 1024);
    EXPECT_FALSE(held.json().value(QStringLiteral("complete")).toBool());
    // (a chunk sent from the wrong offset is refused there as well)
    EXPECT_EQ(
        request("PUT", put.arg(b, sha).arg(0).arg(video.size()), t, video.left(100 * 1024)).status,
        409);
    ASSERT_EQ(request("PUT", put.arg(b, sha).arg(100 * 1024).arg(video.size()), t,
                      video.mid(100 * 1024, 100 * 1024))
                  .status,
              200);
    const Http done =
        request("PUT", put.arg(a, sha).arg(200 * 1024).arg(video.size()), t, video.mid(200 * 1024));
    // THEN the file is complete, and both servers say so
    EXPECT_EQ(done.status, 201) << done.body.constData();
    for (const QString &server : {a, b}) {
        const Http state = request("GET", QStringLiteral("%1/api/v1/blobs/%2").arg(server, sha), t);
        EXPECT_TRUE(state.json().value(QStringLiteral("complete")).toBool())
            << state.body.constData();
    }
    // A photo sent whole to A (into A's own evidence volumes) is held for B as well.
    const QByteArray photo = video.left(50 * 1024) + "photo";
    const QString photoSha = Sha256::hexOf(photo);
    ASSERT_EQ(request("PUT", put.arg(a, photoSha).arg(0).arg(photo.size()), t, photo).status, 201);
    const Http onB = request("GET", QStringLiteral("%1/api/v1/blobs/%2").arg(b, photoSha), t);
    EXPECT_TRUE(onB.json().value(QStringLiteral("complete")).toBool()) << onB.body.constData();
    EXPECT_EQ(onB.json().value(QStringLiteral("offset")).toInteger(), photo.size());
}
