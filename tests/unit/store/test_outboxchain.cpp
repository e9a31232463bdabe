// This device's record chain (core/store/outboxchain): every outbox row carries a link signed in
// the row's own transaction; verify() names a row altered, deleted or cut off afterwards; a
// database from before the chain is chained when it is migrated, confirmed rows first.
#include "common/storefixture.h"

#include "model/recordchain.h"
#include "store/schema.h"
#include "store/storeverifier.h"
#include "store/transaction.h"

#include <QFileInfo>

using namespace ms;
using namespace ms::test;

namespace {
QStringList codes(const QList<chain::Problem> &problems)
{
    QStringList out;
    for (const chain::Problem &p : problems)
        out << p.code;
    return out;
}
} // namespace

class OutboxChainTest : public StoreTest
{
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        m_job = firstJob(makeTask(3));
        ASSERT_TRUE(store().jobs().setStatus(m_job, JobStatus::InProgress).ok());
        NewEvidence reading;
        reading.record.jobId = m_job;
        reading.record.cardId = QStringLiteral("21.3");
        reading.record.kind = EvidenceKind::MeterReading;
        reading.record.value = QStringLiteral("1234.56");
        reading.data = QByteArray("frames");
        ASSERT_TRUE(store().evidence().add(reading).ok());
        ASSERT_TRUE(store().jobs().setStatus(m_job, JobStatus::Done).ok());
        m_rows = store().outbox().all().value();
        ASSERT_GE(m_rows.size(), 6);
    }
    QByteArray publicKey() { return QByteArray::fromHex(store().outboxChain().publicKeyHex().toLatin1()); }
    void exec(const QString &sql) { ASSERT_TRUE(store().database().exec(sql).ok()) << sql.toStdString(); }

    RowId m_job = 0;
    QList<OutboxEntry> m_rows;
};

TEST_F(OutboxChainTest, EveryRowCarriesALinkSignedWithThisDevicesKey)
{
    ASSERT_EQ(store().outboxChain().publicKeyHex().size(), 64);
    QString prev = chain::genesisHex();
    for (int i = 0; i < m_rows.size(); ++i) {
        const OutboxEntry &row = m_rows.at(i);
        EXPECT_EQ(row.chain.n, i + 1) << row.uuid.toStdString();
        EXPECT_EQ(row.chain.prev, prev);
        EXPECT_EQ(chain::checkLink(row, publicKey()), chain::LinkFault::None) << row.uuid.toStdString();
        prev = row.chain.link;
    }
    const StoreVerifyReport report = verifyStore(store());
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.problems.first().message.toStdString());
    EXPECT_EQ(report.outbox.records, m_rows.size());
    EXPECT_EQ(report.outbox.head, m_rows.size());
    EXPECT_GE(report.evidenceChains, 1);

    // The key stays with the store, which only its owner may read; it is never in the outbox.
    const QString key = store().outboxChain().publicKeyHex();
    EXPECT_EQ(scalar(QStringLiteral("SELECT length(private_key) FROM device_key")), 32);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox, device_key "
                                    "WHERE instr(lower(outbox.payload), lower(hex(private_key))) > 0")), 0);
    reopen();
    EXPECT_EQ(store().outboxChain().publicKeyHex(), key);
    EXPECT_EQ(QFileInfo(dbPath()).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), 0);
}

TEST_F(OutboxChainTest, AlteredPayloadIsNamedByVerify)
{
    // GIVEN someone rewrites a stored row behind the app's back (the trigger would stop the app)
    const OutboxEntry victim = m_rows.at(2);
    EXPECT_FALSE(store().database().exec(QStringLiteral("UPDATE outbox SET payload = '{}' WHERE seq = %1")
                                             .arg(victim.seq)).ok());
    exec(QStringLiteral("DROP TRIGGER outbox_content_fixed"));
    exec(QStringLiteral("UPDATE outbox SET payload = replace(payload, '\"version\"', '\"versio\"') "
                        "WHERE seq = %1").arg(victim.seq));
    // WHEN the store checks itself
    const StoreVerifyReport report = verifyStore(store());
    // THEN that row, and only that row, is named
    ASSERT_EQ(report.problems.size(), 1);
    EXPECT_EQ(report.problems.first().code, QStringLiteral("chain.altered"));
    EXPECT_EQ(report.problems.first().uuid, victim.uuid);
    EXPECT_EQ(report.problems.first().seq, victim.seq);
    EXPECT_TRUE(report.problems.first().message.contains(victim.uuid));
}

TEST_F(OutboxChainTest, DeletedRowAndCutTailAreFound)
{
    // GIVEN a row in the middle deleted
    const OutboxEntry gone = m_rows.at(1);
    exec(QStringLiteral("DELETE FROM outbox_blobs WHERE seq = %1; DELETE FROM outbox WHERE seq = %1").arg(gone.seq));
    StoreVerifyReport report = verifyStore(store());
    ASSERT_EQ(codes(report.problems), QStringList{QStringLiteral("chain.gap")});
    EXPECT_EQ(report.problems.first().uuid, m_rows.at(2).uuid); // named by the row after the hole
    EXPECT_EQ(report.problems.first().n, 3);
    // AND the newest row deleted as well
    exec(QStringLiteral("DELETE FROM outbox_blobs WHERE seq = %1; DELETE FROM outbox WHERE seq = %1")
             .arg(m_rows.last().seq));
    report = verifyStore(store());
    EXPECT_EQ(codes(report.problems), (QStringList{QStringLiteral("chain.gap"), QStringLiteral("chain.truncated")}));
}

TEST_F(OutboxChainTest, ForeignSignatureIsFound)
{
    const OutboxEntry victim = m_rows.at(3);
    auto stranger = SigningKey::generate();
    ASSERT_TRUE(stranger);
    const QByteArray link = QByteArray::fromHex(victim.chain.link.toLatin1());
    exec(QStringLiteral("DROP TRIGGER outbox_chain_fixed"));
    exec(QStringLiteral("UPDATE outbox SET chain_sig = '%1' WHERE seq = %2")
             .arg(QString::fromLatin1(stranger->sign(link).toHex())).arg(victim.seq));
    const StoreVerifyReport report = verifyStore(store());
    ASSERT_EQ(codes(report.problems), QStringList{QStringLiteral("chain.bad_signature")});
    EXPECT_EQ(report.problems.first().uuid, victim.uuid);
}

TEST_F(OutboxChainTest, RolledBackRowLeavesNoHoleInTheChain)
{
    // GIVEN a change whose transaction rolls back after its outbox row was appended
    {
        Transaction tx(store().database());
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(store().outbox().append(QStringLiteral("job"), QStringLiteral("u-x"), 9,
                                            QStringLiteral("upsert"), QJsonObject{}).ok());
        tx.rollback();
    }
    // WHEN the next change is written
    ASSERT_TRUE(store().jobs().setStatus(m_job, JobStatus::InProgress).ok());
    // THEN it takes the next position and the chain holds
    EXPECT_EQ(store().outbox().all().value().last().chain.n, m_rows.size() + 1);
    EXPECT_TRUE(verifyStore(store()).ok());
}

// A store written before the chain (schema 3) is chained at migration: rows the office confirmed
// first, then the waiting ones, each in seq order, so the waiting ones stay one contiguous run.
TEST(OutboxChainMigration, OldRowsAreChainedConfirmedFirst)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    {
        auto db = Database::open(dir.filePath(QStringLiteral("meterswap.db")), storeMigrations().mid(0, 3));
        ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
        for (int i = 1; i <= 6; ++i) // rows 2 and 4 were refused once and still wait; 6 is new
            ASSERT_TRUE(db.value()->exec(QStringLiteral(
                "INSERT INTO outbox(entity, uuid, version, op, payload, created_at, confirmed_at) "
                "VALUES ('job', 'u-%1', 1, 'upsert', '{\"n\":%1}', '2026-01-01', %2)")
                .arg(i).arg(i == 2 || i == 4 || i == 6 ? QStringLiteral("NULL") : QStringLiteral("'2026-01-02'"))).ok());
    }
    auto opened = Store::open(dir.path());
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    Store &store = *opened.value();
    QStringList byPosition;
    QList<OutboxEntry> rows = store.outbox().all().value();
    std::sort(rows.begin(), rows.end(), [](const OutboxEntry &a, const OutboxEntry &b) { return a.chain.n < b.chain.n; });
    for (const OutboxEntry &r : rows)
        byPosition << r.uuid;
    EXPECT_EQ(byPosition, (QStringList{QStringLiteral("u-1"), QStringLiteral("u-3"), QStringLiteral("u-5"),
                                       QStringLiteral("u-2"), QStringLiteral("u-4"), QStringLiteral("u-6")}));
    const QList<OutboxEntry> waiting = store.outbox().pending().value();
    ASSERT_EQ(waiting.size(), 3);
    EXPECT_EQ(waiting.at(0).chain.n, 4); // what sync sends next is one contiguous run
    EXPECT_EQ(waiting.at(1).chain.n, 5);
    EXPECT_EQ(waiting.at(2).chain.n, 6);
    EXPECT_EQ(waiting.at(1).chain.prev, waiting.at(0).chain.link);
    ASSERT_TRUE(store.outbox().append(QStringLiteral("job"), QStringLiteral("u-7"), 1,
                                      QStringLiteral("upsert"), QJsonObject{}).ok());
    EXPECT_EQ(store.outbox().all().value().last().chain.n, 7);
    const StoreVerifyReport report = verifyStore(store);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.problems.first().message.toStdString());
    EXPECT_EQ(report.outbox.records, 7);
}
