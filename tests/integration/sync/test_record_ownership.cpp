// Each record belongs to the device that made it (issue 12 §2), end to end: two tablets'
// stores, the sync client in-process and through meterswapctl, the real office process.
#include "officeprocess.h"
#include "synctestutil.h"

#include "common/resultvalue.h"
#include "sync/storesynclocal.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {
class RecordOwnershipTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_office.isValid() && m_tablet.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_office.path());
    }
    void startServer()
    {
        ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
        m_token = m_server->token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
        ASSERT_FALSE(m_token.isEmpty());
    }
    std::unique_ptr<Store> seededTablet(int jobs, int filesPerJob, int bytes)
    {
        auto store = openStore(m_tablet.path());
        if (!store || seedStore(*store, jobs, filesPerJob, bytes).size() != jobs * filesPerJob)
            return nullptr;
        return store;
    }
    QTemporaryDir m_office;
    QTemporaryDir m_tablet;
    std::unique_ptr<OfficeServerProcess> m_server;
    QString m_token;
};

// Imports a task CSV at the office (header + rows).
ProcessResult importTask(const QString &dataDir, const QByteArray &rows)
{
    const QString csv = dataDir + QStringLiteral("/task-import.csv");
    QFile f(csv);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write("task_code,task_name,account_no,customer_name,address,phone,installers\n" + rows);
    f.close();
    return runOffice({QStringLiteral("import-task"), QStringLiteral("--data"), dataDir, csv});
}
} // namespace

TEST_F(RecordOwnershipTest, TwoInstallersEditingOneCustomerLoseNeitherEditAndTheSecondIsAConflict)
{
    startServer();
    const QString liToken = m_server->token(QStringLiteral("tablet-02"), QStringLiteral("li"));
    ASSERT_EQ(importTask(m_office.path(), "T-1,安贞里台区,0100000001,王建国,1单元101,13800000000,zhang;li\n").exitCode, 0);
    QTemporaryDir otherTablet;
    auto a = openStore(m_tablet.path());
    auto b = openStore(otherTablet.path());
    ASSERT_TRUE(a && b);
    sync::StoreSyncLocal localA(*a), localB(*b);
    ASSERT_TRUE(runSync(localA, options(m_server->url(), m_token)).ok);
    ASSERT_TRUE(runSync(localB, options(m_server->url(), liToken)).ok);
    // GIVEN zhang corrects the phone number on his tablet and syncs
    Customer onA = *a->tasks().customerByAccount(QStringLiteral("0100000001"));
    onA.phone = QStringLiteral("13900000001");
    ASSERT_TRUE(a->tasks().updateCustomer(onA));
    ASSERT_TRUE(runSync(localA, options(m_server->url(), m_token)).ok);
    // WHEN li corrects the address of the same customer on hers and syncs (meterswapctl)
    Customer onB = *b->tasks().customerByAccount(QStringLiteral("0100000001"));
    onB.address = QStringLiteral("1单元201");
    ASSERT_TRUE(b->tasks().updateCustomer(onB));
    b.reset();
    const ProcessResult synced = runCtl({QStringLiteral("sync"), QStringLiteral("--data"), otherTablet.path(),
                                         QStringLiteral("--server"), m_server->url(), QStringLiteral("--token"), liToken});
    // THEN her edit is a conflict naming what differs, not confirmed, still on her tablet
    EXPECT_EQ(synced.exitCode, 1) << synced.out.constData();
    const QJsonObject summary = synced.json();
    EXPECT_EQ(summary.value(QStringLiteral("records_conflict")).toInt(), 1) << synced.out.constData();
    const QJsonObject conflict = summary.value(QStringLiteral("conflicts")).toArray().first().toObject();
    EXPECT_EQ(conflict.value(QStringLiteral("fields")).toArray(),
              (QJsonArray{QStringLiteral("address"), QStringLiteral("phone")}));
    EXPECT_EQ(summary.value(QStringLiteral("pending")).toObject().value(QStringLiteral("records")).toInt(), 1);
    EXPECT_TRUE(synced.err.contains("address")) << synced.err.constData();
    b = openStore(otherTablet.path());
    ASSERT_TRUE(b);
    const QList<OutboxVerdict> verdicts = test::valueOf(b->outbox().verdicts());
    ASSERT_EQ(verdicts.size(), 1);
    EXPECT_EQ(verdicts.first().status, QStringLiteral("conflict"));
    EXPECT_EQ(verdicts.first().entity, QStringLiteral("customer"));
    // AND the office counts it; zhang's edit was not replaced
    EXPECT_EQ(m_server->stats().value(QStringLiteral("conflicts")).toInt(), 1);
}

TEST_F(RecordOwnershipTest, RecordsOfAnotherDeviceAreRefusedAndTheCliSaysWhy)
{
    startServer();
    const QString other = m_server->token(QStringLiteral("tablet-02"), QStringLiteral("li"));
    // GIVEN a tablet that synced as tablet-01, then changed a job
    auto store = seededTablet(1, 1, 1000);
    ASSERT_TRUE(store);
    sync::StoreSyncLocal local(*store);
    ASSERT_TRUE(runSync(local, options(m_server->url(), m_token)).ok);
    const JobListItem item = test::valueOf(store->jobs().list(JobQuery{})).first();
    ASSERT_TRUE(store->jobs().setStatus(item.job.id, JobStatus::InProgress));
    store.reset();
    // WHEN the same data is synced with another device's token (a copied tablet)
    const ProcessResult synced = runCtl({QStringLiteral("sync"), QStringLiteral("--data"), m_tablet.path(),
                                         QStringLiteral("--server"), m_server->url(), QStringLiteral("--token"), other});
    // THEN the job record is refused as tablet-01's, with the reason on stdout and stderr
    EXPECT_EQ(synced.exitCode, 1);
    const QJsonArray refused = synced.json().value(QStringLiteral("refused")).toArray();
    ASSERT_EQ(refused.size(), 1) << synced.out.constData();
    EXPECT_EQ(refused.first().toObject().value(QStringLiteral("code")).toString(), QStringLiteral("record.not_owner"));
    EXPECT_TRUE(refused.first().toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("tablet-01")));
    EXPECT_TRUE(synced.err.contains("record.not_owner")) << synced.err.constData();
    EXPECT_EQ(m_server->stats().value(QStringLiteral("jobs_done")).toInt(), 1) << "tablet-01's job stays done";
}

TEST_F(RecordOwnershipTest, CustomerMovedToAnotherCrewIsWithdrawnFromTheOldTablet)
{
    startServer();
    // GIVEN two customers of zhang's crew on his tablet; he started work on the second
    ASSERT_EQ(importTask(m_office.path(), "T-1,安贞里台区,0100000001,王建国,1单元101,13800000001,zhang\n"
                                          "T-1,安贞里台区,0100000002,李秀英,1单元102,13800000002,zhang\n").exitCode, 0);
    auto store = openStore(m_tablet.path());
    ASSERT_TRUE(store);
    sync::StoreSyncLocal local(*store);
    ASSERT_TRUE(runSync(local, options(m_server->url(), m_token)).ok);
    ASSERT_EQ(test::valueOf(store->jobs().list(JobQuery{})).size(), 2);
    const Customer second = *store->tasks().customerByAccount(QStringLiteral("0100000002"));
    const Job started = *store->jobs().forCustomer(second.id);
    ASSERT_TRUE(store->jobs().setStatus(started.id, JobStatus::InProgress));
    // WHEN the office moves both to wang's crew
    const ProcessResult moved = importTask(m_office.path(), "T-1,安贞里台区,0100000001,王建国,1单元101,13800000001,wang\n"
                                                            "T-1,安贞里台区,0100000002,李秀英,1单元102,13800000002,wang\n");
    ASSERT_EQ(moved.exitCode, 0) << moved.err.constData();
    const auto summary = runSync(local, options(m_server->url(), m_token));
    ASSERT_TRUE(summary.ok) << summary.error.message.toStdString();
    // THEN the untouched customer's personal data and job are gone from zhang's tablet
    const Customer first = *store->tasks().customerByAccount(QStringLiteral("0100000001"));
    EXPECT_TRUE(first.name.isEmpty());
    EXPECT_TRUE(first.address.isEmpty());
    EXPECT_TRUE(first.phone.isEmpty());
    EXPECT_FALSE(store->jobs().forCustomer(first.id));
    // AND the started one loses the personal data but keeps the work, which reached the office
    const Customer kept = *store->tasks().customerByAccount(QStringLiteral("0100000002"));
    EXPECT_TRUE(kept.name.isEmpty());
    EXPECT_TRUE(kept.phone.isEmpty());
    auto job = store->jobs().forCustomer(kept.id);
    ASSERT_TRUE(job);
    EXPECT_EQ(job->status, JobStatus::InProgress);
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, 0);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("jobs")).toInt(), 1);
    EXPECT_FALSE(test::valueOf(store->jobs().list(JobQuery{})).isEmpty());
    // AND wang's tablet gets both
    const QString wang = m_server->token(QStringLiteral("tablet-03"), QStringLiteral("wang"));
    QTemporaryDir wangs;
    auto w = openStore(wangs.path());
    ASSERT_TRUE(w);
    sync::StoreSyncLocal wl(*w);
    const auto got = runSync(wl, options(m_server->url(), wang));
    EXPECT_EQ(got.customersPulled, 2);
    EXPECT_EQ(w->tasks().customerByAccount(QStringLiteral("0100000001"))->name, QStringLiteral("王建国"));
}
