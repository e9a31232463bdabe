#pragma once
// The one store fixture: a real Store in a fresh QTemporaryDir, for tests that build their own
// store state (no demo data). Open, reopen (with options, or with a capped file: a full disk),
// damage tables on disk, import a task, read a number with SQL. Use it as a member or a local
// (`test::StoreEnv env;`) or, for TEST_F, as the GoogleTest fixture StoreTest. Qt Core only, so
// core and UI tests can both use it (library meterswap_test_store).
#include "model/types.h"
#include "store/store.h"

#include <QList>
#include <QStringList>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

namespace ms::test {

class StoreEnv
{
public:
    StoreEnv(); // opens the store; a failure to open fails the test

    Store &store() { return *m_store; }
    // False after close(), or after damageTablesAndReopen() whose reopen failed.
    bool isOpen() const { return m_store != nullptr; }
    QString dir() const { return m_dir.path(); }
    QString dbPath() const { return m_dir.path() + QStringLiteral("/meterswap.db"); }

    // Closes the store (the directory stays), e.g. to touch its files.
    void close() { m_store.reset(); }
    // (Re)opens the store in dir() with these options (dataDir is set to dir()). A failure to
    // open fails the test.
    void reopen(StoreOptions options = {});
    // (Re)opens the store with the file capped at maxPages pages, so writing beyond it fails as
    // on a full disk.
    void reopenCapped(qint64 maxPages);
    // The database file's size in pages (PRAGMA page_count); -1 when it cannot be read.
    qint64 pageCount();
    // Damages the first b-tree page of the tables and their indexes on disk, as a failing storage
    // card would, and reopens the store without the start-up check and sweep (which would have
    // moved the file aside): a read of those tables then fails with "store.corrupt".
    void damageTables(const QStringList &tables);
    // The same, for a damage the store itself refuses on open (the record chain reads the whole
    // outbox on open): returns the reopen's result instead of failing the test; isOpen() is then
    // false when it failed.
    Result<void> damageTablesAndReopen(const QStringList &tables);

    // Imports the task with its customers; returns its id (0, failing the test, when refused).
    RowId importTask(const Task &task, const QList<Customer> &customers);
    // A task with `n` customers (and so `n` jobs); returns the task id.
    RowId makeTask(int n, const QString &name = QStringLiteral("测试任务"));
    // The first job of the task (0 when it has none).
    RowId firstJob(RowId taskId);
    // The first column of the first row of `sql` (-1 when it cannot be read).
    qint64 scalar(const QString &sql);

private:
    // Declared before the store, so the store is closed before its directory is removed.
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

// StoreEnv as the GoogleTest fixture: TEST_F(StoreTest, ...) gets a fresh store per test.
class StoreTest : public ::testing::Test, public StoreEnv
{
protected:
    void SetUp() override { ASSERT_TRUE(isOpen()) << "the test store did not open"; }
};

} // namespace ms::test
