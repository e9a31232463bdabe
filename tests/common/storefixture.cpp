#include "common/storefixture.h"

#include "common/resultvalue.h"
#include "store/database.h"

#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

namespace ms::test {

StoreEnv::StoreEnv()
{
    EXPECT_TRUE(m_dir.isValid()) << "cannot create a temporary directory";
    reopen();
}

void StoreEnv::reopen(StoreOptions options)
{
    m_store.reset();
    options.dataDir = m_dir.path();
    auto opened = Store::open(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    m_store = std::move(opened).value();
}

void StoreEnv::reopenCapped(qint64 maxPages)
{
    StoreOptions options;
    options.database.maxPageCount = maxPages;
    reopen(options);
}

qint64 StoreEnv::pageCount()
{
    auto st = m_store->database().prepare(QStringLiteral("PRAGMA page_count"));
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
        auto size = m_store->database().prepare(QStringLiteral("PRAGMA page_size"));
        if (!size.ok() || !size.value().step())
            return setupFailed("cannot read the page size");
        pageSize = size.value().integer(0);
    } // every statement is finished before the store closes
    for (const QString &table : tables) {
        // the table's b-tree and its indexes' (a query may read only an index)
        auto root = m_store->database().prepare(QStringLiteral(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 1"));
        if (!root.ok())
            return setupFailed("cannot read sqlite_master");
        root.value().bindText(1, table);
        while (root.value().step())
            offsets << (root.value().integer(0) - 1) * pageSize;
        if (offsets.isEmpty())
            return setupFailed("no b-tree for " + table.toStdString());
    }
    const QString path = m_store->database().filePath();
    m_store.reset(); // the last connection closes: the WAL is checkpointed into the file
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
    options.dataDir = m_dir.path();
    options.database.quickCheckOnOpen = false;
    options.sweepOnOpen = false;
    auto opened = Store::open(options);
    if (!opened)
        return opened.error();
    m_store = std::move(opened).value();
    return {};
}

RowId StoreEnv::importTask(const Task &task, const QList<Customer> &customers)
{
    auto imported = m_store->tasks().importTask(task, customers);
    EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message.toStdString());
    return imported.ok() ? imported->task.id : 0;
}

RowId StoreEnv::makeTask(int n, const QString &name)
{
    Task t;
    t.name = name;
    t.areaName = QStringLiteral("测试台区");
    QList<Customer> cs;
    for (int i = 0; i < n; ++i) {
        Customer c;
        c.accountNo = QStringLiteral("ACC%1").arg(i, 4, 10, QLatin1Char('0'));
        c.name = QStringLiteral("客户%1").arg(i);
        c.address = QStringLiteral("北京市东城区测试胡同%1号").arg(i);
        c.oldMeter.assetNo = QStringLiteral("11000001430000000%1").arg(10000 + i);
        cs << c;
    }
    return importTask(t, cs);
}

RowId StoreEnv::firstJob(RowId taskId)
{
    JobQuery q;
    q.taskId = taskId;
    q.limit = 1;
    const auto items = valueOf(m_store->jobs().list(q));
    return items.isEmpty() ? 0 : items.first().job.id;
}

qint64 StoreEnv::scalar(const QString &sql)
{
    auto st = m_store->database().prepare(sql);
    EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().message.toStdString());
    if (!st.ok() || !st.value().step())
        return -1;
    return st.value().integer(0);
}

} // namespace ms::test
