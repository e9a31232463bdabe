// Database open, migrations, transactions, corrupt files, full disk.
#include "common/storefixture.h"

#include "common/resultvalue.h"
#include "store/schema.h"
#include "store/transaction.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <sqlite3.h>

using namespace ms;
using namespace ms::test;

namespace {
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

TEST_F(StoreTest, MigratesFromEmptyToNewestAndReopensWithoutChange)
{
    // GIVEN a store opened on an empty directory (SetUp)
    // THEN the schema is at the newest version with WAL and foreign keys on
    EXPECT_EQ(store().database().schemaVersion(), storeMigrations().size());
    EXPECT_EQ(scalar(QStringLiteral("PRAGMA foreign_keys")), 1);
    {
        // (a statement that still has a row open holds its read transaction: keep it scoped)
        auto mode = store().database().prepare(QStringLiteral("PRAGMA journal_mode"));
        ASSERT_TRUE(mode.ok() && mode.value().step());
        EXPECT_EQ(mode.value().text(0), QStringLiteral("wal"));
    }
    for (const char *table : {"users", "tasks", "customers", "jobs", "step_records", "evidence",
                              "seals", "settings", "outbox", "purchase_records",
                              "customer_mismatch", "sync_state"})
        EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name='%1'")
                             .arg(QLatin1String(table))),
                  1)
            << table;
    // WHEN data is written and the store reopened
    ASSERT_TRUE(store().settings().setValue(QStringLiteral("k"), QStringLiteral("v")).ok());
    reopen();
    // THEN nothing is migrated twice and the data is there
    EXPECT_EQ(store().database().schemaVersion(), storeMigrations().size());
    EXPECT_EQ(test::valueOf(store().settings().value(QStringLiteral("k"))), QStringLiteral("v"));
    EXPECT_FALSE(store().openNotice().movedAside);
}

TEST_F(StoreTest, RefusesADatabaseFromANewerVersionAndLeavesItAlone)
{
    ASSERT_TRUE(store().database().exec(QStringLiteral("PRAGMA user_version=99")).ok());
    close();
    auto opened = Store::open(dir());
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QStringLiteral("store.too_new"));
    EXPECT_TRUE(QFile::exists(dbPath()));
}

TEST_F(StoreTest, UncommittedTransactionRollsBackAndNestedSavepointsCompose)
{
    const RowId task = makeTask(1);
    const RowId job = firstJob(task);
    const qint64 outboxBefore = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
    {
        // WHEN two step ticks run inside an outer transaction that is never committed
        Transaction outer(store().database());
        ASSERT_TRUE(outer.ok());
        ASSERT_TRUE(store()
                        .steps()
                        .setStep(RecordOwner::job(job), QStringLiteral("20.1"), 0, true, {})
                        .ok());
        ASSERT_TRUE(store()
                        .steps()
                        .setStep(RecordOwner::job(job), QStringLiteral("20.1"), 1, true, {})
                        .ok());
    }
    // THEN neither the records nor their outbox rows exist
    EXPECT_TRUE(test::valueOf(store().steps().list(RecordOwner::job(job))).isEmpty());
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore);

    {
        // WHEN an inner savepoint rolls back but the outer commits
        Transaction outer(store().database());
        ASSERT_TRUE(store()
                        .steps()
                        .setStep(RecordOwner::job(job), QStringLiteral("20.1"), 0, true, {})
                        .ok());
        {
            Transaction inner(store().database());
            ASSERT_TRUE(store()
                            .steps()
                            .setStep(RecordOwner::job(job), QStringLiteral("20.1"), 1, true, {})
                            .ok());
            inner.rollback();
        }
        ASSERT_TRUE(outer.commit().ok());
    }
    // THEN only the outer write survives
    const auto steps = test::valueOf(store().steps().list(RecordOwner::job(job)));
    ASSERT_EQ(steps.size(), 1);
    EXPECT_EQ(steps.first().stepIndex, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore + 1);
}

TEST_F(StoreTest, ChangeSignalsFireOnlyAfterCommit)
{
    const RowId job = firstJob(makeTask(1));
    QSignalSpy steps(&store(), &Store::stepChanged);
    QSignalSpy outbox(&store(), &Store::outboxChanged);
    {
        Transaction tx(store().database());
        ASSERT_TRUE(store()
                        .steps()
                        .setStep(RecordOwner::job(job), QStringLiteral("21.4"), 2, true, {})
                        .ok());
        EXPECT_EQ(steps.count(), 0); // not yet: the change is not durable
        // rolled back at scope end
    }
    EXPECT_EQ(steps.count(), 0);
    EXPECT_EQ(outbox.count(), 0);
    ASSERT_TRUE(
        store().steps().setStep(RecordOwner::job(job), QStringLiteral("21.4"), 2, true, {}).ok());
    ASSERT_EQ(steps.count(), 1);
    EXPECT_EQ(steps.at(0).at(0).value<RowId>(), job);
    EXPECT_EQ(steps.at(0).at(1).toString(), QStringLiteral("21.4"));
    EXPECT_GE(outbox.count(), 1);
}

TEST_F(StoreTest, GarbageDatabaseFileIsMovedAsideNeverDeletedAndAFreshOneStarts)
{
    // GIVEN a database file (and WAL) overwritten with garbage
    close();
    const QByteArray garbage = QByteArray("this is not a database ").repeated(300);
    for (const QString &p : {dbPath(), dbPath() + QStringLiteral("-wal")}) {
        QFile f(p);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(garbage);
    }
    QFile::remove(dbPath() + QStringLiteral("-shm"));
    // WHEN it is opened
    reopen();
    // THEN it was moved aside byte for byte, the user is told in plain words, and the new one works
    const OpenNotice &n = store().openNotice();
    ASSERT_TRUE(n.movedAside);
    EXPECT_TRUE(n.movedTo.startsWith(dbPath() + QStringLiteral(".corrupt-")));
    EXPECT_EQ(readFile(n.movedTo), garbage);
    EXPECT_EQ(readFile(n.movedTo + QStringLiteral("-wal")), garbage);
    EXPECT_TRUE(n.message.contains(n.movedTo));
    EXPECT_TRUE(store().database().integrityCheck().ok());
    EXPECT_NE(makeTask(2), 0);
}

TEST_F(StoreTest, DatabaseWithDamagedPagesIsMovedAside)
{
    // GIVEN a real database with data whose inner pages are then damaged
    makeTask(400);
    close();
    {
        // fold the WAL into the main file first
        sqlite3 *db = nullptr;
        ASSERT_EQ(sqlite3_open(QFile::encodeName(dbPath()).constData(), &db), SQLITE_OK);
        sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    QFile f(dbPath());
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    ASSERT_GT(f.size(), 16 * 4096);
    for (qint64 page = 3; page < f.size() / 4096; page += 2) {
        f.seek(page * 4096 + 8);
        f.write(QByteArray(600, '\xA5'));
    }
    f.close();
    // WHEN opened THEN moved aside and started clean
    reopen();
    EXPECT_TRUE(store().openNotice().movedAside);
    EXPECT_TRUE(test::valueOf(store().tasks().list()).isEmpty());
    EXPECT_TRUE(QFile::exists(store().openNotice().movedTo));
}

TEST_F(StoreTest, FullDatabaseFailsTheActionWithDiskFullAndKeepsEverythingBefore)
{
    // GIVEN a database capped a little above its current size (as a full disk would)
    const RowId job = firstJob(makeTask(5));
    close();
    const qint64 pages = [&] {
        sqlite3 *db = nullptr;
        sqlite3_open(QFile::encodeName(dbPath()).constData(), &db);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &st, nullptr);
        sqlite3_step(st);
        const qint64 n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        return n;
    }();
    StoreOptions options;
    options.database.maxPageCount = pages + 3;
    reopen(options);
    // WHEN step records with big payloads are written until the disk is "full"
    Error error;
    int saved = 0;
    for (int i = 0; i < 2000; ++i) {
        auto r = store().steps().setStep(
            RecordOwner::job(job), QStringLiteral("21.%1").arg(QString(300, QLatin1Char('x'))), i,
            true, QStringLiteral("user"));
        if (!r.ok()) {
            error = r.error();
            break;
        }
        ++saved;
    }
    // THEN the failing action says store.disk_full in plain words, and the data stays consistent:
    // every saved step has exactly its outbox row, the failed one has neither
    ASSERT_EQ(error.code, QStringLiteral("store.disk_full")) << error.message.toStdString();
    EXPECT_FALSE(error.message.isEmpty());
    EXPECT_GT(saved, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM step_records")), saved);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity='step'")), saved);
    EXPECT_TRUE(store().database().integrityCheck().ok());
}
