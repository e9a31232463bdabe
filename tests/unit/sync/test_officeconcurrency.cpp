// Several servers on one office database (docs/decisions/0018-postgresql.md): each thread here
// has its own connection, as each server process (or server thread) has. On PostgreSQL they
// really run at once; on SQLite one writer at a time. Both must give the same answers.
#include "common/chainsigner.h"
#include "common/officeengines.h"

#include <QSet>

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

using namespace ms;
using namespace ms::server;
using namespace ms::wire;

namespace {

template <typename Engine> class OfficeConcurrencyTest : public ::testing::Test
{
protected:
    Engine engine;
};
TYPED_TEST_SUITE(OfficeConcurrencyTest, test::OfficeEngines, test::EngineName);

OutboxEntry job(int i)
{
    OutboxEntry e;
    e.seq = i;
    e.entity = QStringLiteral("job");
    e.uuid = QStringLiteral("job-%1").arg(i);
    e.version = 1;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("uuid"), e.uuid},
                            {QStringLiteral("status"), QStringLiteral("done")}};
    return e;
}

Assignment row(const QString &entity, const QString &uuid)
{
    return {0, entity, uuid, 1,
            QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("account_no"), uuid}}};
}

} // namespace

// A tablet whose answer was lost sends the same batch again, and the balancer puts it on
// another server while the first is still applying it: each record is stored exactly once,
// one server answers stored and the other duplicate, and the chain stays whole.
TYPED_TEST(OfficeConcurrencyTest, TheSameBatchOnTwoServersAtOnceIsStoredExactlyOnce)
{
    MS_REQUIRE_ENGINE(this->engine);
    auto first = this->engine.open();
    ASSERT_TRUE(first) << first.error().message.toStdString();
    auto second = this->engine.openAnother();
    ASSERT_TRUE(second) << second.error().message.toStdString();
    auto token = (*first)->createToken(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
    ASSERT_TRUE(token);
    const DeviceToken device = **(*first)->authenticate(*token);
    test::ChainSigner tablet;
    ASSERT_TRUE((*first)->bindDeviceKey(device, tablet.publicKey()).ok());
    QList<OutboxEntry> batch;
    for (int i = 1; i <= 200; ++i)
        batch << tablet.next(job(i));

    for (int round = 0; round < 3; ++round) { // the same batch, three times over, in pairs
        Result<QList<PushResult>> a = QList<PushResult>{}, b = QList<PushResult>{};
        std::atomic<bool> go{false};
        std::thread one([&] {
            while (!go) {
            }
            a = (*first)->pushRecords(device, batch);
        });
        std::thread two([&] {
            while (!go) {
            }
            b = (*second)->pushRecords(device, batch);
        });
        go = true;
        one.join();
        two.join();
        ASSERT_TRUE(a) << a.error().message.toStdString();
        ASSERT_TRUE(b) << b.error().message.toStdString();
        int stored = 0;
        for (const auto *results : {&*a, &*b})
            for (const PushResult &r : *results) {
                EXPECT_TRUE(r.status == PushStatus::Stored || r.status == PushStatus::Duplicate)
                    << r.code.toStdString() << " " << r.reason.toStdString();
                stored += r.status == PushStatus::Stored ? 1 : 0;
            }
        EXPECT_EQ(stored, round == 0 ? 200 : 0); // once, by whichever came first
    }
    EXPECT_EQ((*first)->stats()->records, 200);
    auto audit = (*second)->verifyRecordChains();
    ASSERT_TRUE(audit);
    EXPECT_TRUE(audit->problems.isEmpty());
}

// Imports commit on two servers while a tablet pulls on a third: the cursor it is given never
// passes a row that commits later, so every task and customer reaches it (none skipped), each
// once.
TYPED_TEST(OfficeConcurrencyTest, CursorsNeverSkipRowsOfImportsRunningAtOnce)
{
    MS_REQUIRE_ENGINE(this->engine);
    std::vector<std::unique_ptr<SqlOfficeStore>> stores;
    for (int i = 0; i < 3; ++i) {
        auto s = i == 0 ? this->engine.open() : this->engine.openAnother();
        ASSERT_TRUE(s) << s.error().message.toStdString();
        stores.push_back(std::move(s).value());
    }
    constexpr int kTasks = 15, kCustomers = 8;
    std::atomic<int> running{2};
    QStringList errors[2];
    const auto importer = [&](int which) {
        for (int t = 0; t < kTasks; ++t) {
            const QString task = QStringLiteral("t%1-%2").arg(which).arg(t);
            QList<Assignment> customers;
            for (int c = 0; c < kCustomers; ++c)
                customers << row(QStringLiteral("customer"), task + QStringLiteral("-c%1").arg(c));
            auto r = stores[size_t(which)]->importTask(row(QStringLiteral("task"), task), customers,
                                                       {QStringLiteral("zhang")});
            if (!r)
                errors[which] << r.error().message;
        }
        --running;
    };
    const DeviceToken zhang{1, QStringLiteral("tablet-01"), QStringLiteral("zhang"), {}, {}};
    QStringList seen;
    qint64 cursor = 0;
    QString pullError;
    std::thread a(importer, 0), b(importer, 1);
    const auto pull = [&] {
        for (;;) {
            auto page = stores[2]->pullAssignments(zhang, cursor, 7);
            if (!page) {
                pullError = page.error().message;
                return;
            }
            for (const Assignment &item : page->items)
                seen << item.uuid;
            cursor = page->cursor;
            if (!page->more)
                return;
        }
    };
    while (running > 0 && pullError.isEmpty())
        pull();
    a.join();
    b.join();
    pull(); // after the last commit
    ASSERT_TRUE(errors[0].isEmpty()) << errors[0].join(QLatin1Char('\n')).toStdString();
    ASSERT_TRUE(errors[1].isEmpty()) << errors[1].join(QLatin1Char('\n')).toStdString();
    ASSERT_TRUE(pullError.isEmpty()) << pullError.toStdString();
    EXPECT_EQ(seen.size(), 2 * kTasks * (1 + kCustomers)); // each row once: new rows, no repeats
    EXPECT_EQ(QSet<QString>(seen.begin(), seen.end()).size(), 2 * kTasks * (1 + kCustomers));
}

namespace {
OutboxEntry asset(const QString &uuid, const QString &job, const QString &requirement,
                  const QString &number)
{
    OutboxEntry e;
    e.entity = QStringLiteral("evidence");
    e.uuid = uuid;
    e.version = 1;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("uuid"), uuid},
                            {QStringLiteral("job_uuid"), job},
                            {QStringLiteral("card_id"), QStringLiteral("21.4")},
                            {QStringLiteral("requirement"), requirement},
                            {QStringLiteral("kind"), QStringLiteral("barcode")},
                            {QStringLiteral("value"), number}};
    return e;
}
} // namespace

// Two tablets of one crew send the two halves of a swap at once, each to its own server: one
// the removed meter's asset number, the other the new meter's. What the job used is rebuilt
// from all of the job's evidence, and an old meter counts as removed only beside a new one, so
// a server that rebuilt it without the other's still uncommitted evidence would lose the old
// meter. A batch holds the jobs it touches until it commits: every swap keeps both meters.
TYPED_TEST(OfficeConcurrencyTest, TwoTabletsSendingHalvesOfOneSwapAtOnceKeepBothMeters)
{
    MS_REQUIRE_ENGINE(this->engine);
    auto first = this->engine.open();
    ASSERT_TRUE(first) << first.error().message.toStdString();
    auto second = this->engine.openAnother();
    ASSERT_TRUE(second) << second.error().message.toStdString();
    DeviceToken devices[2];
    test::ChainSigner tablets[2];
    for (int i = 0; i < 2; ++i) {
        auto token = (*first)->createToken(QStringLiteral("tablet-0%1").arg(i + 1),
                                           QStringLiteral("crew-%1").arg(i));
        ASSERT_TRUE(token);
        devices[i] = **(*first)->authenticate(*token);
        ASSERT_TRUE((*first)->bindDeviceKey(devices[i], tablets[i].publicKey()).ok());
    }
    constexpr int kJobs = 40;
    QList<OutboxEntry> jobs;
    for (int i = 1; i <= kJobs; ++i)
        jobs << tablets[0].next(job(i));
    ASSERT_TRUE((*first)->pushRecords(devices[0], jobs));

    for (int i = 1; i <= kJobs; ++i) {
        const QString j = QStringLiteral("job-%1").arg(i);
        const OutboxEntry old =
            tablets[0].next(asset(j + QStringLiteral("-old"), j, QStringLiteral("old_meter_asset"),
                                  j + QStringLiteral("-O")));
        const OutboxEntry fresh =
            tablets[1].next(asset(j + QStringLiteral("-new"), j, QStringLiteral("new_meter_asset"),
                                  j + QStringLiteral("-N")));
        Result<QList<PushResult>> a = QList<PushResult>{}, b = QList<PushResult>{};
        std::atomic<bool> go{false};
        std::thread one([&] {
            while (!go) {
            }
            a = (*first)->pushRecords(devices[0], {old});
        });
        std::thread two([&] {
            while (!go) {
            }
            b = (*second)->pushRecords(devices[1], {fresh});
        });
        go = true;
        one.join();
        two.join();
        ASSERT_TRUE(a) << a.error().message.toStdString();
        ASSERT_TRUE(b) << b.error().message.toStdString();
        ASSERT_EQ(a->at(0).status, PushStatus::Stored) << a->at(0).reason.toStdString();
        ASSERT_EQ(b->at(0).status, PushStatus::Stored) << b->at(0).reason.toStdString();
    }
    auto used = (*first)->connection().prepare(QStringLiteral(
        "SELECT job_uuid, count(*) FROM stock_use WHERE kind = 'old_meter' GROUP BY job_uuid"));
    ASSERT_TRUE(used);
    QStringList withOldMeter;
    while (used.value().step()) {
        EXPECT_EQ(used.value().integer(1), 1) << used.value().text(0).toStdString();
        withOldMeter << used.value().text(0);
    }
    EXPECT_EQ(withOldMeter.size(), kJobs) << "the old meter of a swap was lost";
}
