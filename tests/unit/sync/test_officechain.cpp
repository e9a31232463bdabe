// The office's record chains (core/serverstore/officechainlog): the device key is bound to the
// token on first use; a push is applied only if it continues its device's signed chain, resumed
// and cut batches included; verify names every record altered, deleted or slipped in at the office.
#include "common/chainsigner.h"
#include "common/officeengines.h"
#include "serverstore/officejobstore.h"
#include "serverstore/sqlofficestore.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace ms;
using namespace ms::server;
using namespace ms::wire;
using ms::test::ChainSigner;

namespace {
OutboxEntry rec(const QString &uuid, int version = 1, const QStringList &blobs = {})
{
    OutboxEntry e;
    e.seq = version;
    e.entity = QStringLiteral("job");
    e.uuid = uuid;
    e.version = version;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("status"), QStringLiteral("done")}};
    e.blobs = blobs;
    return e;
}

QStringList statuses(const Result<QList<PushResult>> &results)
{
    QStringList out;
    if (!results)
        return {results.error().message};
    for (const PushResult &r : *results)
        out << (r.status == PushStatus::Refused ? r.code : pushStatusKey(r.status));
    return out;
}

QStringList codes(const ChainAudit &audit)
{
    QStringList out;
    for (const chain::Problem &p : audit.problems)
        out << p.code;
    return out;
}

// Runs SQL on the office file through a connection of its own, as someone with the file would.
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

// One suite, both engines: SQLite and PostgreSQL (common/officeengines.h).
template <typename Engine> class OfficeChainTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        MS_REQUIRE_ENGINE(m_engine);
        open();
        ASSERT_TRUE(m_store);
        auto token = m_store->createToken(QStringLiteral("tablet-07"), QStringLiteral("zhang"));
        ASSERT_TRUE(token);
        m_tokenText = *token;
        m_token = **m_store->authenticate(*token);
        ASSERT_TRUE(m_store->bindDeviceKey(m_token, m_tablet.publicKey()).ok());
    }
    void open()
    {
        m_store.reset();
        auto opened = m_engine.open();
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        m_store = std::move(opened).value();
    }
    // Runs SQL on the office's database through a connection of its own, as someone with
    // access to it would.
    void tamper(const QString &sql)
    {
        const QString error = m_engine.tamper(sql);
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    }
    Result<QList<PushResult>> push(const QList<OutboxEntry> &records)
    {
        return m_store->pushRecords(m_token, records);
    }
    qint64 storedRecords() { return m_store->stats()->records; }
    ChainAudit audit()
    {
        auto a = m_store->verifyRecordChains();
        EXPECT_TRUE(a) << a.error().message.toStdString();
        return a ? *a : ChainAudit{};
    }

    Engine m_engine;
    std::unique_ptr<SqlOfficeStore> m_store;
    QString m_tokenText;
    DeviceToken m_token;
    ChainSigner m_tablet;
};
TYPED_TEST_SUITE(OfficeChainTest, test::OfficeEngines, test::EngineName);
} // namespace

TYPED_TEST(OfficeChainTest, ResumedAndCutBatchesKeepTheChainAndStoreEachRecordOnce)
{
    QList<OutboxEntry> records;
    for (int i = 1; i <= 8; ++i)
        records << this->m_tablet.next(rec(QStringLiteral("r%1").arg(i)));
    // GIVEN a batch whose answer was lost after 3 records, then resumed with 5, then the rest
    EXPECT_EQ(statuses(this->push(records.mid(0, 3))), QStringList(3, QStringLiteral("stored")));
    EXPECT_EQ(statuses(this->push(records.mid(0, 5))),
              (QStringList{QStringLiteral("duplicate"), QStringLiteral("duplicate"),
                           QStringLiteral("duplicate"), QStringLiteral("stored"),
                           QStringLiteral("stored")}));
    EXPECT_EQ(statuses(this->push(records.mid(4))),
              (QStringList{QStringLiteral("duplicate"), QStringLiteral("stored"),
                           QStringLiteral("stored"), QStringLiteral("stored")}));
    // THEN every record is stored once, every link logged once, and the chain verifies
    EXPECT_EQ(this->storedRecords(), 8);
    const ChainAudit a = this->audit();
    EXPECT_TRUE(a.problems.isEmpty()) << a.problems.first().message.toStdString();
    EXPECT_EQ(a.links, 8);
    EXPECT_EQ(a.records, 8);
    EXPECT_EQ(a.devices, 1);
}

TYPED_TEST(OfficeChainTest, RecordRefusedForAMissingFileKeepsItsPlaceAndGoesThroughLater)
{
    const QString photo = QString(64, QLatin1Char('a'));
    const OutboxEntry first = this->m_tablet.next(rec(QStringLiteral("with-photo"), 1, {photo}));
    const OutboxEntry second = this->m_tablet.next(rec(QStringLiteral("next")));
    EXPECT_EQ(statuses(this->push({first, second})),
              (QStringList{QStringLiteral("sync.missing_blob"), QStringLiteral("stored")}));
    ASSERT_TRUE(this->m_store->recordBlob(photo, 10).ok());
    EXPECT_EQ(statuses(this->push({first})), QStringList{QStringLiteral("stored")});
    EXPECT_EQ(statuses(this->push({this->m_tablet.next(rec(QStringLiteral("third")))})),
              QStringList{QStringLiteral("stored")});
    EXPECT_TRUE(this->audit().problems.isEmpty());
}

TYPED_TEST(OfficeChainTest, UnsignedForgedAlteredAndOutOfOrderRecordsAreRefusedAndNotApplied)
{
    const OutboxEntry r1 = this->m_tablet.next(rec(QStringLiteral("r1")));
    const OutboxEntry r2 = this->m_tablet.next(rec(QStringLiteral("r2")));
    const OutboxEntry r3 = this->m_tablet.next(rec(QStringLiteral("r3")));
    ASSERT_EQ(statuses(this->push({r1})), QStringList{QStringLiteral("stored")});

    OutboxEntry altered = r2; // changed after it was signed (on the tablet or on the way)
    altered.payload.insert(QStringLiteral("status"), QStringLiteral("not_started"));
    ChainSigner stranger;     // a link signed with another key
    OutboxEntry forged = r2;
    forged.chain.signature = QString::fromLatin1(
        stranger.key().sign(QByteArray::fromHex(r2.chain.link.toLatin1())).toHex());
    OutboxEntry fork = rec(QStringLiteral("other")); // another record claiming position 1
    fork.chain = chain::makeLink(fork, 1, chain::genesisHex(), this->m_tablet.key());
    const QStringList refused =
        statuses(this->push({rec(QStringLiteral("unsigned")), altered, forged, r3, fork}));
    EXPECT_EQ(refused, (QStringList{QStringLiteral("sync.unsigned_record"), QStringLiteral("sync.bad_link"),
                                    QStringLiteral("sync.bad_signature"), QStringLiteral("sync.chain_broken"),
                                    QStringLiteral("sync.chain_broken")}));
    auto results = this->push({r3});
    ASSERT_TRUE(results);
    EXPECT_TRUE(results->first().reason.contains(QStringLiteral("r3"))) << results->first().reason.toStdString();
    EXPECT_EQ(this->storedRecords(), 1); // none of them applied

    // AND the genuine records, in order, go through
    EXPECT_EQ(statuses(this->push({r2, r3})),
              (QStringList{QStringLiteral("stored"), QStringLiteral("stored")}));
    EXPECT_TRUE(this->audit().problems.isEmpty());
}

TYPED_TEST(OfficeChainTest, TokenKeepsItsFirstKeyAndANewTokenContinuesTheSameDevice)
{
    EXPECT_TRUE(this->m_store->bindDeviceKey(this->m_token, this->m_tablet.publicKey())
                    .ok()); // the same again: fine
    ChainSigner other;
    auto second = this->m_store->bindDeviceKey(this->m_token, other.publicKey());
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, QStringLiteral("auth.device_key_mismatch"));
    EXPECT_FALSE(second.error().message.contains(this->m_tokenText));
    EXPECT_EQ(this->m_store->bindDeviceKey(this->m_token, QStringLiteral("zz")).error().code,
              QStringLiteral("sync.bad_device_key"));
    EXPECT_EQ(*this->m_store->deviceKey(this->m_token), this->m_tablet.publicKey());

    // A token with no key yet cannot have records applied
    auto fresh = this->m_store->createToken(QStringLiteral("tablet-08"), QStringLiteral("li"));
    const DeviceToken unbound = **this->m_store->authenticate(*fresh);
    EXPECT_EQ(statuses(this->m_store->pushRecords(unbound, {other.next(rec(QStringLiteral("x")))})),
              QStringList{QStringLiteral("sync.no_device_key")});

    // A re-issued token for the same tablet binds the same key and continues its chain
    ASSERT_EQ(statuses(this->push({this->m_tablet.next(rec(QStringLiteral("before")))})),
              QStringList{QStringLiteral("stored")});
    ASSERT_TRUE(this->m_store->revokeToken(QStringLiteral("tablet-07")));
    auto reissued =
        this->m_store->createToken(QStringLiteral("tablet-07"), QStringLiteral("zhang"));
    this->m_token = **this->m_store->authenticate(*reissued);
    ASSERT_TRUE(this->m_store->bindDeviceKey(this->m_token, this->m_tablet.publicKey()).ok());
    EXPECT_EQ(statuses(this->push({this->m_tablet.next(rec(QStringLiteral("after")))})),
              QStringList{QStringLiteral("stored")});
    EXPECT_TRUE(this->audit().problems.isEmpty());
}

TYPED_TEST(OfficeChainTest, VerifyNamesRecordsAlteredDeletedOrAddedAtTheOffice)
{
    for (const char *uuid : {"a", "b", "c", "d"})
        ASSERT_EQ(statuses(this->push({this->m_tablet.next(rec(QLatin1String(uuid)))})),
                  QStringList{QStringLiteral("stored")});
    ASSERT_TRUE(this->audit().problems.isEmpty());
    this->m_store.reset();
    // GIVEN someone with the office's database file changes one payload, deletes one record and
    // adds one
    this->tamper(QStringLiteral(
        "UPDATE records SET payload = replace(payload, 'done', 'not_started') WHERE uuid = 'b';"
        "DELETE FROM records WHERE uuid = 'c';"
        "INSERT INTO records SELECT 'z', entity, version, op, payload, device, \"user\", "
        "received_at FROM records WHERE uuid = 'a';"));
    this->open();
    // WHEN verify runs
    const ChainAudit a = this->audit();
    // THEN each is named with its uuid and device
    ASSERT_EQ(codes(a), (QStringList{QStringLiteral("record.altered"), QStringLiteral("record.unsigned"),
                                     QStringLiteral("record.deleted")}));
    EXPECT_EQ(a.problems.at(0).uuid, QStringLiteral("b"));
    EXPECT_EQ(a.problems.at(1).uuid, QStringLiteral("z"));
    EXPECT_EQ(a.problems.at(2).uuid, QStringLiteral("c"));
    for (const chain::Problem &p : a.problems) {
        EXPECT_EQ(p.device, QStringLiteral("tablet-07"));
        EXPECT_TRUE(p.message.contains(p.uuid)) << p.message.toStdString();
    }
}

TYPED_TEST(OfficeChainTest, VerifyFindsTheChainLogItselfCutOrRewritten)
{
    for (const char *uuid : {"a", "b", "c", "d"})
        ASSERT_EQ(statuses(this->push({this->m_tablet.next(rec(QLatin1String(uuid)))})),
                  QStringList{QStringLiteral("stored")});
    this->m_store.reset();
    // GIVEN a record and its log entry deleted together, and the newest log entry as well
    this->tamper(QStringLiteral("DELETE FROM records WHERE uuid IN ('b', 'd');"
                                "DELETE FROM record_chain WHERE uuid IN ('b', 'd');"
                                "UPDATE record_chain SET record_hash = '%1' WHERE uuid = 'a';")
                     .arg(QString(64, QLatin1Char('0'))));
    this->open();
    const ChainAudit a = this->audit();
    // THEN the hole, the cut-off end and the rewritten hash are each found
    EXPECT_EQ(codes(a), (QStringList{QStringLiteral("chain.altered"), QStringLiteral("chain.gap"),
                                     QStringLiteral("chain.truncated"), QStringLiteral("record.altered")}));
    EXPECT_EQ(a.problems.at(1).uuid, QStringLiteral("c")); // the hole is just before c
    EXPECT_EQ(a.problems.at(3).uuid, QStringLiteral("a"));
}

// The review queue merges the jobs awaiting a first review and those resubmitted, oldest
// submission first, page by page (one ordered scan per state, so a million-job office answers
// the first page at once).
TYPED_TEST(OfficeChainTest, ReviewQueuePagesThroughBothAwaitingStatesInSubmissionOrder)
{
    QStringList expected;
    for (int i = 0; i < 7; ++i) {
        OutboxEntry e = rec(QStringLiteral("job-%1").arg(i));
        const QString at = QStringLiteral("2026-11-0%1T08:00:00.000Z").arg(7 - i); // newest first
        e.payload = QJsonObject{{QStringLiteral("uuid"), e.uuid},
                                {QStringLiteral("status"), QStringLiteral("done")},
                                {QStringLiteral("customer_uuid"), QStringLiteral("c-%1").arg(i)},
                                {QStringLiteral("submission"), 1},
                                {QStringLiteral("submitted_at"), at}};
        ASSERT_EQ(statuses(this->push({this->m_tablet.next(e)})),
                  QStringList{QStringLiteral("stored")});
        expected.prepend(e.uuid);
    }
    // three of them came back after a send-back (as refreshReviewState would leave them)
    this->tamper(QStringLiteral("UPDATE office_jobs SET review_state = 'resubmitted' "
                                "WHERE uuid IN ('job-1', 'job-4', 'job-6')"));
    QStringList seen;
    QueueFilter filter;
    filter.limit = 2;
    for (int page = 0; page < 10; ++page) {
        auto q = this->m_store->jobs().reviewQueue(filter);
        ASSERT_TRUE(q) << q.error().message.toStdString();
        for (const JobHead &h : q->jobs)
            seen << h.uuid;
        if (q->next.isEmpty())
            break;
        filter.after = q->next;
    }
    EXPECT_EQ(seen, expected);
}

// An office database from before chains (schema 1) with records: after the migration they are
// counted as unsigned, not reported, until one of them is changed.
TEST(OfficeChainMigration, RecordsFromBeforeChainsAreCountedAndStillGuarded)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("office.db"));
    {
        auto first = SqlOfficeStore::open(path);
        ASSERT_TRUE(first);
    }
    // Back to the schema-1 shape with two records, as an office before this change holds them
    tamper(path, QStringLiteral(
        "DROP TABLE stock_lines; DROP TABLE stock_batches; DROP TABLE stock_meters;"
        "DROP TABLE stock_seals; DROP TABLE stock_old_returns; DROP TABLE stock_settled;"
        "DROP TABLE stock_use;"
        "DROP TABLE office_jobs; DROP TABLE office_submissions; DROP TABLE office_evidence;"
        "DROP TABLE office_steps; DROP TABLE office_seals; DROP TABLE office_mismatch;"
        "DROP TABLE office_decisions; DROP TABLE office_export_items; DROP TABLE office_exports;"
        "DROP TABLE office_export_log; ALTER TABLE tokens DROP COLUMN roles;"
        "ALTER TABLE assignments DROP COLUMN device;"
        "DROP TABLE record_chain; DROP TABLE device_keys; DROP TABLE unsigned_records;"
        "ALTER TABLE tokens DROP COLUMN device_key; DROP TABLE record_conflicts;"
        "ALTER TABLE assignments DROP COLUMN withdrawn; PRAGMA user_version = 1;"
        "INSERT INTO records VALUES('old-1', 'job', 1, 'upsert', '{\"a\":1}', 't1', 'zhang', '2026-01-01');"
        "INSERT INTO records VALUES('old-2', 'job', 3, 'upsert', '{\"a\":2}', 't1', 'zhang', '2026-01-01');"));
    {
        auto store = SqlOfficeStore::open(path);
        ASSERT_TRUE(store) << store.error().message.toStdString();
        auto a = (*store)->verifyRecordChains();
        ASSERT_TRUE(a);
        EXPECT_TRUE(a->problems.isEmpty());
        EXPECT_EQ(a->unsignedRecords, 2);
    }
    tamper(path, QStringLiteral("UPDATE records SET payload = '{\"a\":9}' WHERE uuid = 'old-2'"));
    auto store = SqlOfficeStore::open(path);
    ASSERT_TRUE(store);
    auto a = (*store)->verifyRecordChains();
    ASSERT_TRUE(a);
    ASSERT_EQ(codes(*a), QStringList{QStringLiteral("record.unsigned")});
    EXPECT_EQ(a->problems.first().uuid, QStringLiteral("old-2"));
}

// An office database from before the job projection (schema 3) with a submitted job and its
// evidence: migration 4 back-fills the projection, so the job is in the review queue at once.
TEST(OfficeJobProjection, MigrationBackFillsTheJobsTheOfficeAlreadyHolds)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("office.db"));
    {
        auto first = SqlOfficeStore::open(path);
        ASSERT_TRUE(first);
    }
    tamper(path, QStringLiteral(
        "DROP TABLE stock_lines; DROP TABLE stock_batches; DROP TABLE stock_meters;"
        "DROP TABLE stock_seals; DROP TABLE stock_old_returns; DROP TABLE stock_settled;"
        "DROP TABLE stock_use;"
        "DROP TABLE office_jobs; DROP TABLE office_submissions; DROP TABLE office_evidence;"
        "DROP TABLE office_steps; DROP TABLE office_seals; DROP TABLE office_mismatch;"
        "DROP TABLE office_decisions; DROP TABLE office_export_items; DROP TABLE office_exports;"
        "DROP TABLE office_export_log; ALTER TABLE tokens DROP COLUMN roles;"
        "ALTER TABLE assignments DROP COLUMN device; PRAGMA user_version = 3;"
        "INSERT INTO records VALUES('job-1', 'job', 2, 'upsert', '{\"uuid\":\"job-1\",\"customer_uuid\":"
        "\"c-1\",\"task_uuid\":\"t-1\",\"status\":\"done\",\"submission\":1,\"submitted_at\":"
        "\"2026-11-05T08:00:00.000Z\"}', 'tablet-01', 'zhang', '2026-11-05T08:01:00.000Z');"
        "INSERT INTO records VALUES('job-2', 'job', 1, 'upsert', '{\"uuid\":\"job-2\",\"customer_uuid\":"
        "\"c-2\",\"status\":\"in_progress\"}', 'tablet-01', 'zhang', '2026-11-05T08:01:00.000Z');"
        "INSERT INTO records VALUES('ev-1', 'evidence', 1, 'upsert', '{\"job_uuid\":\"job-1\",\"card_id\":"
        "\"21.3\",\"requirement\":\"old_final_total\",\"kind\":\"meter_reading\",\"value\":\"12.5\","
        "\"meta\":{\"meter\":\"old\",\"register\":\"forward_total\",\"source\":\"meter_port\"}}',"
        " 'tablet-01', 'zhang', '2026-11-05T08:01:00.000Z');"));
    auto store = SqlOfficeStore::open(path);
    ASSERT_TRUE(store) << store.error().message.toStdString();
    auto queue = (*store)->jobs().reviewQueue({});
    ASSERT_TRUE(queue);
    ASSERT_EQ(queue->jobs.size(), 1); // job-2 is not submitted
    EXPECT_EQ(queue->jobs.first().uuid, QStringLiteral("job-1"));
    EXPECT_EQ(queue->jobs.first().reviewState, QStringLiteral("submitted"));
    auto job = (*store)->jobs().job(QStringLiteral("job-1"));
    ASSERT_TRUE(job && job->has_value());
    ASSERT_EQ((*job)->evidence.size(), 1);
    EXPECT_EQ((*job)->evidence.first().source, QStringLiteral("meter_port"));
    EXPECT_EQ((*job)->evidence.first().registerName, QStringLiteral("forward_total"));
}
