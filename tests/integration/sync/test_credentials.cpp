// Encrypted on the network, tokens off the command line, and a client that trusts the office's
// answer only about what it sent: against the real meterswap-office (and a scripted office for
// an answer the real one never gives).
#include "officeprocess.h"
#include "synctestutil.h"

#include "common/resultvalue.h"
#include "sync/storesynclocal.h"
#include "sync/wire.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {
class CredentialsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_office.isValid() && m_tablet.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_office.path());
    }
    void start()
    {
        ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
        m_token = m_server->token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
        ASSERT_FALSE(m_token.isEmpty());
        m_store = openStore(m_tablet.path());
        ASSERT_TRUE(m_store);
        seedStore(*m_store, 2, 1, 20000);
    }
    QStringList syncArgs() const
    {
        return {QStringLiteral("sync"), QStringLiteral("--data"), m_tablet.path(), QStringLiteral("--server"),
                m_server->url(), QStringLiteral("--no-pull")};
    }
    QTemporaryDir m_office, m_tablet;
    std::unique_ptr<OfficeServerProcess> m_server;
    std::unique_ptr<Store> m_store;
    QString m_token;
};
} // namespace

TEST_F(CredentialsTest, TlsInitMakesACertificateServeUsesAndTabletsPin)
{
    // GIVEN `tls init` on the office's data directory
    const ProcessResult init = runOffice({QStringLiteral("tls"), QStringLiteral("init"), QStringLiteral("--data"),
                                          m_office.path()});
    ASSERT_EQ(init.exitCode, 0) << init.err.constData();
    const QString pin = init.json().value(QStringLiteral("pin")).toString();
    ASSERT_EQ(pin.size(), 64);
    EXPECT_TRUE(init.err.contains(pin.toLatin1())); // the hint says where to put it
    EXPECT_EQ(QFile::permissions(init.json().value(QStringLiteral("key")).toString())
                  & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    // WHEN serve starts without any TLS option THEN it serves HTTPS with that certificate
    start();
    ASSERT_TRUE(m_server->url().startsWith(QStringLiteral("https://")));
    sync::StoreSyncLocal local(*m_store);
    // AND a tablet without the pin is told to set it, and sends nothing
    const auto unpinned = runSync(local, options(m_server->url(), m_token));
    EXPECT_FALSE(unpinned.ok);
    EXPECT_EQ(unpinned.error.code, QStringLiteral("sync.tls_pin_required"));
    EXPECT_TRUE(unpinned.error.message.contains(QStringLiteral("--server-pin")));
    EXPECT_EQ(m_server->stats().value(QStringLiteral("records")).toInt(), 0);
    // AND with the pin it syncs
    sync::SyncOptions pinned = options(m_server->url(), m_token);
    pinned.http.pinnedSha256 = pin;
    const auto synced = runSync(local, pinned);
    ASSERT_TRUE(synced.ok) << synced.error.message.toStdString();
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_files")).toInt(), 2);
    // AND a second init does not replace the key tablets trust
    EXPECT_EQ(runOffice({QStringLiteral("tls"), QStringLiteral("init"), QStringLiteral("--data"),
                         m_office.path()}).exitCode, 1);
}

TEST_F(CredentialsTest, ThePlainHttpOfficeOfAnotherHostIsRefusedBeforeAnythingIsSent)
{
    start();
    // GIVEN the office's address written as 0.0.0.0, which is not loopback (Linux connects it to
    // this machine, so before the check the sync went through)
    sync::StoreSyncLocal local(*m_store);
    const int pending = test::valueOf(m_store->outbox().counts()).records;
    const QString url = QStringLiteral("http://0.0.0.0:%1").arg(m_server->port());
    // WHEN the tablet syncs there, in the app's client and with meterswapctl
    const auto summary = runSync(local, options(url, m_token));
    const ProcessResult ctl = runCtl({QStringLiteral("sync"), QStringLiteral("--data"), m_tablet.path(),
                                      QStringLiteral("--server"), url},
                                     [&] {
                                         QProcessEnvironment env;
                                         env.insert(QStringLiteral("MS_TOKEN"), m_token);
                                         return env;
                                     }());
    // THEN both refuse with a reason and nothing reached the office
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.error.code, QStringLiteral("sync.insecure_server"));
    EXPECT_TRUE(summary.error.message.contains(QStringLiteral("https://")));
    EXPECT_EQ(ctl.exitCode, 2);
    EXPECT_TRUE(ctl.err.contains("tls init")) << ctl.err.constData();
    EXPECT_EQ(test::valueOf(m_store->outbox().counts()).records, pending);
    EXPECT_FALSE(m_server->log().contains("/api/v1/"));
}

TEST_F(CredentialsTest, TokenFromAFileOrTheEnvironmentAndACommandLineTokenIsWarnedAbout)
{
    start();
    m_store.reset();
    // GIVEN the token in a file only its owner can read
    const QString file = m_office.filePath(QStringLiteral("token"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(m_token.toUtf8() + '\n');
    }
    ASSERT_TRUE(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
    // WHEN meterswapctl syncs with --token-file THEN it works without a warning
    const ProcessResult fromFile = runCtl(syncArgs() + QStringList{QStringLiteral("--token-file"), file});
    ASSERT_EQ(fromFile.exitCode, 0) << fromFile.err.constData();
    EXPECT_FALSE(fromFile.err.contains("--token "));
    // AND with MS_TOKEN
    QProcessEnvironment env;
    env.insert(QStringLiteral("MS_TOKEN"), m_token);
    EXPECT_EQ(runCtl(syncArgs(), env).exitCode, 0);
    // AND --token T still works, with a warning on stderr that never shows the token
    const ProcessResult onCommandLine = runCtl(syncArgs() + QStringList{QStringLiteral("--token"), m_token});
    EXPECT_EQ(onCommandLine.exitCode, 0) << onCommandLine.err.constData();
    EXPECT_TRUE(onCommandLine.err.contains("--token-file")) << onCommandLine.err.constData();
    // AND a file other users can read is warned about; a missing one is named, and usage fails
    ASSERT_TRUE(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    EXPECT_TRUE(runCtl(syncArgs() + QStringList{QStringLiteral("--token-file"), file}).err.contains("chmod 600"));
    const ProcessResult missing = runCtl(syncArgs() + QStringList{QStringLiteral("--token-file"), file + QStringLiteral("x")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains((file + QStringLiteral("x")).toUtf8()));
    // AND the office revokes by a token from a file; no output or log ever held the token
    const ProcessResult revoked = runOffice({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("--data"),
                                             m_office.path(), QStringLiteral("--token-file"), file});
    EXPECT_EQ(revoked.exitCode, 0) << revoked.err.constData();
    const ProcessResult again = runOffice({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("--data"),
                                           m_office.path(), QStringLiteral("--token"), m_token});
    EXPECT_EQ(again.exitCode, 1);
    const QByteArray token = m_token.toLatin1();
    for (const ProcessResult *r : {&fromFile, &onCommandLine, &missing, &revoked, &again})
        EXPECT_FALSE(r->out.contains(token) || r->err.contains(token)) << r->err.constData();
    EXPECT_FALSE(m_server->log().contains(token));
}

TEST(SyncAnswer, AnAnswerAboutARecordThatWasNotSentConfirmsNothing)
{
    // GIVEN a scripted office that answers each record batch with one result too many: the seq
    // after the last one sent (which the tablet has not sent yet)
    QTemporaryDir tablet;
    auto store = openStore(tablet.path());
    ASSERT_TRUE(store);
    seedStore(*store, 3, 0, 0);
    const int pending = test::valueOf(store->outbox().counts()).records;
    ASSERT_GT(pending, 2);
    QHttpServer office;
    office.route(sync::apiPath(QStringLiteral("whoami")), [] {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("device"), QStringLiteral("t")},
                                               {QStringLiteral("user"), QStringLiteral("u")},
                                               {QStringLiteral("api"), 1}});
    });
    office.route(sync::apiPath(QStringLiteral("records")), [](const QHttpServerRequest &r) {
        auto batch = sync::decodePushBatch(r.body());
        QList<wire::PushResult> results;
        for (const OutboxEntry &e : batch ? *batch : QList<OutboxEntry>())
            results << wire::PushResult{e.seq, e.uuid, int(e.version), wire::PushStatus::Stored, {}, {}};
        if (!results.isEmpty())
            results << wire::PushResult{results.last().seq + 1, QStringLiteral("x"), 1,
                                          wire::PushStatus::Stored, {}, {}};
        return QHttpServerResponse(QByteArrayLiteral("application/json"), sync::encodePushResults(results));
    });
    const quint16 port = office.listen(QHostAddress::LocalHost, 0);
    ASSERT_NE(port, 0);
    // WHEN the tablet syncs one record per batch
    sync::StoreSyncLocal local(*store);
    sync::SyncOptions o = options(QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("t"));
    o.batchRecords = 1;
    o.pull = false;
    const auto summary = runSync(local, o);
    // THEN the sync stops with a reason and no row is confirmed, not even the one that was sent
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.error.code, QStringLiteral("sync.bad_answer"));
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, pending);
}
