#include "common/storefixture.h"

#include "store/database.h"

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

RowId StoreEnv::importTask(const Task &task, const QList<Customer> &customers)
{
    auto imported = store->tasks().importTask(task, customers);
    EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message.toStdString());
    return imported.ok() ? imported->task.id : 0;
}

} // namespace ms::test
