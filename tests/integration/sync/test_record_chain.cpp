// Tamper evidence end to end (docs/sync-protocol.md "Record chain"): the real meterswap-office and
// meterswapctl processes, a real tablet store. A second key for a token is refused; a record
// altered on the tablet is refused at the office and reported by the sync; after a sync,
// `meterswap-office verify` names a record altered or deleted in the office's database, and
// `meterswapctl verify` does the same for the tablet's.
#include "officepostgres.h"
#include "officeprocess.h"
#include "synctestutil.h"

#include "common/chainsigner.h"
#include "sync/storesynclocal.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace ms;
using namespace ms::test;

namespace {
// SQL on a database file through a connection of its own, as someone with the file would.
// The tablet's SQLite file, altered behind the app's back.
void tamper(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
}

// The office's database (SQLite file or PostgreSQL), altered behind the server's back.
void tamperOffice(const QString &dataDir, const QString &sql)
{
    const QString error = execOfficeSql(dataDir, sql);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
}

QStringList codesOf(const QJsonArray &problems)
{
    QStringList out;
    for (const QJsonValue &p : problems)
        out << p.toObject().value(QStringLiteral("code")).toString();
    return out;
}

class RecordChainTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_office.isValid() && m_tablet.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_office.path());
        ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
        m_token = m_server->token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
        ASSERT_FALSE(m_token.isEmpty());
    }
    QString api(const QString &rest) const { return m_server->url() + sync::apiPath(rest); }
    QString tabletDb() const { return m_tablet.filePath(QStringLiteral("meterswap.db")); }
    ProcessResult officeVerify() { return runOffice({QStringLiteral("verify"), QStringLiteral("--data"), m_office.path()}); }
    ProcessResult tabletVerify() { return runCtl({QStringLiteral("verify"), QStringLiteral("--data"), m_tablet.path()}); }
    ProcessResult ctlSync()
    {
        return runCtl({QStringLiteral("sync"), QStringLiteral("--data"), m_tablet.path(), QStringLiteral("--server"),
                       m_server->url(), QStringLiteral("--token"), m_token, QStringLiteral("--no-pull")});
    }
    // A tablet with 2 done jobs of one photo each; returns its outbox, oldest first.
    QList<OutboxEntry> seedTablet()
    {
        auto store = openStore(m_tablet.path());
        EXPECT_TRUE(store);
        if (!store)
            return {};
        EXPECT_EQ(seedStore(*store, 2, 1, 2000).size(), 2);
        auto rows = store->outbox().all();
        EXPECT_TRUE(rows);
        return rows ? *rows : QList<OutboxEntry>();
    }

    QTemporaryDir m_office;
    QTemporaryDir m_tablet;
    std::unique_ptr<OfficeServerProcess> m_server;
    QString m_token;
};
} // namespace

TEST_F(RecordChainTest, TokenUsedWithASecondDeviceKeyGets403)
{
    ChainSigner first, second;
    // GIVEN the token first used with one device's key
    const Http bound = keyedRequest("GET", api(QStringLiteral("whoami")), m_token, first.publicKey());
    ASSERT_EQ(bound.status, 200) << bound.body.constData();
    EXPECT_EQ(bound.json().value(QStringLiteral("device_key")).toString(), first.publicKey());
    // WHEN the same token comes with another key
    const Http other = keyedRequest("GET", api(QStringLiteral("whoami")), m_token, second.publicKey());
    // THEN 403 with a code and a message that says what to do (and never the token)
    EXPECT_EQ(other.status, 403);
    const QJsonObject error = other.json().value(QStringLiteral("error")).toObject();
    EXPECT_EQ(error.value(QStringLiteral("code")).toString(), QStringLiteral("auth.device_key_mismatch"));
    EXPECT_TRUE(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("token create")));
    EXPECT_FALSE(other.body.contains(m_token.toUtf8()));
    // AND records signed with the second key are not applied either
    OutboxEntry record;
    record.seq = 1;
    record.entity = QStringLiteral("job");
    record.uuid = QStringLiteral("u");
    record.op = QStringLiteral("upsert");
    const Http pushed = keyedRequest("POST", api(QStringLiteral("records")), m_token, second.publicKey(),
                                     sync::encodePushBatch({second.next(record)}));
    EXPECT_EQ(pushed.status, 403);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("records")).toInt(), 0);
}

TEST_F(RecordChainTest, SyncedRecordsVerifyAndOfficeTamperingIsNamed)
{
    const QList<OutboxEntry> outbox = seedTablet();
    ASSERT_GE(outbox.size(), 4);
    // GIVEN a tablet synced with the office
    const ProcessResult synced = ctlSync();
    ASSERT_EQ(synced.exitCode, 0) << synced.out.constData() << synced.err.constData();
    ProcessResult verify = officeVerify();
    ASSERT_EQ(verify.exitCode, 0) << verify.err.constData();
    EXPECT_EQ(verify.json().value(QStringLiteral("devices")).toInt(), 1);
    EXPECT_EQ(verify.json().value(QStringLiteral("chain_links")).toInt(), outbox.size());
    ASSERT_EQ(tabletVerify().exitCode, 0);
    EXPECT_EQ(m_server->terminate(), 0);

    // WHEN one evidence record's payload is edited in the office's database (SQLite file or
    // PostgreSQL)
    QString evidence;
    for (const OutboxEntry &e : outbox)
        if (e.entity == QLatin1String("evidence"))
            evidence = e.uuid;
    ASSERT_FALSE(evidence.isEmpty());
    tamperOffice(
        m_office.path(),
        QStringLiteral(
            "UPDATE records SET payload = replace(payload, '21.4', '21.5') WHERE uuid = '%1'")
            .arg(evidence));
    verify = officeVerify();
    // THEN verify fails naming the record and the device
    EXPECT_EQ(verify.exitCode, 1);
    EXPECT_TRUE(verify.err.contains(evidence.toUtf8())) << verify.err.constData();
    EXPECT_TRUE(verify.err.contains("tablet-01"));
    EXPECT_EQ(codesOf(verify.json().value(QStringLiteral("chain_problems")).toArray()),
              QStringList{QStringLiteral("record.altered")});

    // WHEN instead a record is deleted
    tamperOffice(
        m_office.path(),
        QStringLiteral(
            "UPDATE records SET payload = replace(payload, '21.5', '21.4') WHERE uuid = '%1';"
            "DELETE FROM record_blobs WHERE record_uuid = '%1';"
            "DELETE FROM records WHERE uuid = '%1'")
            .arg(evidence));
    verify = officeVerify();
    // THEN that is found and named too
    EXPECT_EQ(verify.exitCode, 1);
    EXPECT_TRUE(verify.err.contains(evidence.toUtf8())) << verify.err.constData();
    EXPECT_EQ(codesOf(verify.json().value(QStringLiteral("chain_problems")).toArray()),
              QStringList{QStringLiteral("record.deleted")});
}

TEST_F(RecordChainTest, RecordAlteredOnTheTabletIsRefusedAndReported)
{
    const QList<OutboxEntry> outbox = seedTablet();
    ASSERT_GE(outbox.size(), 4);
    // GIVEN a waiting outbox row rewritten behind the app's back
    const OutboxEntry victim = outbox.at(outbox.size() / 2);
    tamper(tabletDb(), QStringLiteral("DROP TRIGGER outbox_content_fixed;"
                                      "UPDATE outbox SET payload = replace(payload, '\"version\"', '\"versio\"') "
                                      "WHERE seq = %1").arg(victim.seq));
    // WHEN the tablet checks itself
    const ProcessResult check = tabletVerify();
    // THEN it names the row
    EXPECT_EQ(check.exitCode, 1);
    EXPECT_EQ(codesOf(check.json().value(QStringLiteral("problems")).toArray()), QStringList{QStringLiteral("chain.altered")});
    EXPECT_TRUE(check.err.contains(victim.uuid.toUtf8())) << check.err.constData();

    // WHEN it syncs anyway
    const ProcessResult synced = ctlSync();
    // THEN the office refuses that row (and the ones after it, which no longer follow the chain
    // it holds), applies the ones before, and the sync says so
    EXPECT_EQ(synced.exitCode, 1);
    const QJsonObject summary = synced.json();
    const QJsonArray refused = summary.value(QStringLiteral("refused")).toArray();
    ASSERT_FALSE(refused.isEmpty()) << synced.out.constData();
    EXPECT_EQ(refused.first().toObject().value(QStringLiteral("uuid")).toString(), victim.uuid);
    EXPECT_EQ(refused.first().toObject().value(QStringLiteral("code")).toString(), QStringLiteral("sync.bad_link"));
    for (qsizetype i = 1; i < refused.size(); ++i) {
        EXPECT_EQ(refused.at(i).toObject().value(QStringLiteral("code")).toString(),
                  QStringLiteral("sync.chain_broken"));
    }
    EXPECT_EQ(summary.value(QStringLiteral("records_confirmed")).toInt(), outbox.size() / 2);
    EXPECT_TRUE(synced.err.contains(victim.uuid.toUtf8())) << synced.err.constData();
    EXPECT_EQ(officeVerify().exitCode, 0); // nothing altered got in
}

TEST_F(RecordChainTest, TabletVerifyOnAnIntactAndADeletedFromStore)
{
    const QList<OutboxEntry> outbox = seedTablet();
    ASSERT_GE(outbox.size(), 4);
    ProcessResult check = tabletVerify();
    ASSERT_EQ(check.exitCode, 0) << check.err.constData();
    EXPECT_TRUE(check.json().value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(check.json().value(QStringLiteral("records")).toInt(), outbox.size());
    EXPECT_EQ(check.json().value(QStringLiteral("device_key")).toString().size(), 64);
    EXPECT_GE(check.json().value(QStringLiteral("evidence_chains")).toInt(), 2);

    const OutboxEntry gone = outbox.at(1);
    tamper(tabletDb(), QStringLiteral("DELETE FROM outbox_blobs WHERE seq = %1; DELETE FROM outbox WHERE seq = %1").arg(gone.seq));
    check = tabletVerify();
    EXPECT_EQ(check.exitCode, 1);
    EXPECT_FALSE(check.json().value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(codesOf(check.json().value(QStringLiteral("problems")).toArray()), QStringList{QStringLiteral("chain.gap")});
    EXPECT_EQ(runCtl({QStringLiteral("verify"), QStringLiteral("--data"), m_tablet.filePath(QStringLiteral("none"))}).exitCode, 1);
    EXPECT_EQ(runCtl({QStringLiteral("verify")}).exitCode, 2);
}
