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
    QList<qint64> offsets;
    qint64 pageSize = 0;
    {
        auto size = store->database().prepare(QStringLiteral("PRAGMA page_size"));
        ASSERT_TRUE(size.ok() && size.value().step());
        pageSize = size.value().integer(0);
    } // every statement is finished before the store closes
    for (const QString &table : tables) {
        // the table's b-tree and its indexes' (a query may read only an index)
        auto root = store->database().prepare(QStringLiteral(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 1"));
        ASSERT_TRUE(root.ok());
        root.value().bindText(1, table);
        while (root.value().step())
            offsets << (root.value().integer(0) - 1) * pageSize;
        ASSERT_FALSE(offsets.isEmpty()) << table.toStdString();
    }
    const QString path = store->database().filePath();
    store.reset(); // the last connection closes: the WAL is checkpointed into the file
    ASSERT_FALSE(QFileInfo(path + QStringLiteral("-wal")).size() > 0)
        << "the WAL was not checkpointed";
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    for (qint64 offset : offsets) {
        ASSERT_TRUE(file.seek(offset));
        file.write(QByteArray(16, '\xEE')); // no b-tree page starts like this
    }
    file.close();
    StoreOptions options;
    options.dataDir = dir.path();
    options.database.quickCheckOnOpen = false;
    options.sweepOnOpen = false;
    auto opened = Store::open(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    store = std::move(opened).value();
}

RowId StoreEnv::importTask(const Task &task, const QList<Customer> &customers)
{
    auto imported = store->tasks().importTask(task, customers);
    EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message.toStdString());
    return imported.ok() ? imported->task.id : 0;
}

} // namespace ms::test
