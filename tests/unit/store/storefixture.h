#pragma once
// Shared set-up for store tests: a fresh data directory per test and helpers to open it.
#include "common/resultvalue.h"
#include "store/store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace ms::test {

class StoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        reopen();
    }

    void reopen(StoreOptions options = {})
    {
        m_store.reset();
        options.dataDir = m_dir.path();
        auto opened = Store::open(options);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        m_store = std::move(opened).value();
    }

    Store &store() { return *m_store; }
    QString dir() const { return m_dir.path(); }
    QString dbPath() const { return m_dir.path() + QStringLiteral("/meterswap.db"); }

    // A task with `n` customers (and so `n` jobs); returns the task id.
    RowId makeTask(int n, const QString &name = QStringLiteral("测试任务"))
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
        auto r = store().tasks().importTask(t, cs);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.toStdString());
        return r.ok() ? r->task.id : 0;
    }

    RowId firstJob(RowId taskId)
    {
        JobQuery q;
        q.taskId = taskId;
        q.limit = 1;
        const auto items = test::valueOf(store().jobs().list(q));
        return items.isEmpty() ? 0 : items.first().job.id;
    }

    qint64 scalar(const QString &sql)
    {
        auto st = store().database().prepare(sql);
        EXPECT_TRUE(st.ok());
        if (!st.ok() || !st.value().step())
            return -1;
        return st.value().integer(0);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

} // namespace ms::test
