#include "common/storefixture.h"

#include "store/database.h"

#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

namespace ms::test {

StoreEnv::StoreEnv()
{
    open();
}

void StoreEnv::open(qint64 maxPages)
{
    store.reset();
    StoreOptions options;
    options.dataDir = dir.path();
    options.database.maxPageCount = maxPages;
    auto opened = Store::open(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    store = std::move(opened).value();
}

qint64 StoreEnv::pageCount()
{
    auto st = store->database().prepare(QStringLiteral("PRAGMA page_count"));
    return st.ok() && st.value().step() ? st.value().integer(0) : -1;
}

void StoreEnv::damageTables(const QStringList &tables)
{
    auto reopened = damageTablesAndReopen(tables);
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString();
}

Result<void> StoreEnv::damageTablesAndReopen(const QStringList &tables)
{
    // a step of the damage itself that fails fails the test (and is not the reopen's result)
    const auto setupFailed = [](const std::string &what) {
        ADD_FAILURE() << what;
        return makeError(QStringLiteral("test.setup"), QString::fromStdString(what));
    };
    QList<qint64> offsets;
    qint64 pageSize = 0;
    {
        auto size = store->database().prepare(QStringLiteral("PRAGMA page_size"));
        if (!size.ok() || !size.value().step())
            return setupFailed("cannot read the page size");
        pageSize = size.value().integer(0);
    } // every statement is finished before the store closes
    for (const QString &table : tables) {
        // the table's b-tree and its indexes' (a query may read only an index)
        auto root = store->database().prepare(QStringLiteral(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 1"));
        if (!root.ok())
            return setupFailed("cannot read sqlite_master");
        root.value().bindText(1, table);
        while (root.value().step())
            offsets << (root.value().integer(0) - 1) * pageSize;
        if (offsets.isEmpty())
            return setupFailed("no b-tree for " + table.toStdString());
    }
    const QString path = store->database().filePath();
    store.reset(); // the last connection closes: the WAL is checkpointed into the file
    if (QFileInfo(path + QStringLiteral("-wal")).size() > 0)
        return setupFailed("the WAL was not checkpointed");
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return setupFailed("cannot open the database file");
    for (qint64 offset : offsets) {
        if (!file.seek(offset))
            return setupFailed("cannot seek in the database file");
        file.write(QByteArray(16, '\xEE')); // no b-tree page starts like this
    }
    file.close();
    StoreOptions options;
    options.dataDir = dir.path();
    options.database.quickCheckOnOpen = false;
    options.sweepOnOpen = false;
    auto opened = Store::open(options);
    if (!opened)
        return opened.error();
    store = std::move(opened).value();
    return {};
}

RowId StoreEnv::importTask(const Task &task, const QList<Customer> &customers)
{
    auto imported = store->tasks().importTask(task, customers);
    EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message.toStdString());
    return imported.ok() ? imported->task.id : 0;
}

} // namespace ms::test
