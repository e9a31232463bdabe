#pragma once
// A real Store in a fresh QTemporaryDir, for tests that build their own store state (no demo
// data): open, reopen with a capped file (a full disk), import a task. Qt Core only, so core and
// UI tests can both use it (library meterswap_test_store).
#include "model/types.h"
#include "store/store.h"

#include <QList>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace ms::test {

struct StoreEnv
{
    // Declared before `store`, so the store is closed before its directory is removed.
    QTemporaryDir dir;
    std::unique_ptr<Store> store;

    StoreEnv(); // opens the store

    // (Re)opens the store in `dir`; maxPages > 0 caps the file at that many pages, so writing
    // beyond it fails as on a full disk. A failure to open fails the test.
    void open(qint64 maxPages = 0);
    // The database file's size in pages (PRAGMA page_count); -1 when it cannot be read.
    qint64 pageCount();
    // Damages the first b-tree page of the tables and their indexes on disk, as a failing storage
    // card would, and reopens the store without the start-up check and sweep (which would have
    // moved the file aside): a read of those tables then fails with "store.corrupt".
    void damageTables(const QStringList &tables);
    // The same, for a damage the store itself refuses on open (the record chain reads the whole
    // outbox on open): returns the reopen's result instead of failing the test; `store` is then
    // null when it failed.
    Result<void> damageTablesAndReopen(const QStringList &tables);
    // Imports the task with its customers; returns its id (0, failing the test, when refused).
    RowId importTask(const Task &task, const QList<Customer> &customers);
};

} // namespace ms::test
