// Job list/search, job state and step records, each with its outbox row.
#include "common/resultvalue.h"
#include "common/storefixture.h"

#include <QSignalSpy>

using namespace ms;
using namespace ms::test;

namespace {
Customer customer(const char *account, const char *name, const char *address, const char *asset)
{
    Customer c;
    c.accountNo = QString::fromUtf8(account);
    c.name = QString::fromUtf8(name);
    c.address = QString::fromUtf8(address);
    c.oldMeter.assetNo = QString::fromUtf8(asset);
    c.oldMeter.commAddress = c.oldMeter.assetNo.right(12);
    return c;
}
} // namespace

class JobSearchTest : public StoreTest
{
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        Task t;
        t.name = QStringLiteral("安贞里台区");
        auto r = store().tasks().importTask(
            t, {customer("0100000001", "王建国", "北京市朝阳区安贞里3号楼1单元101室",
                         "1100000143210000100000"),
                customer("0100000002", "李秀英", "北京市朝阳区安贞里3号楼1单元102室",
                         "1100000143210000100013"),
                customer("0100000003", "Zhang San", "北京市东城区和平里5号楼",
                         "1100000143210000100026")});
        ASSERT_TRUE(r.ok());
        m_task = r->task.id;
    }
    QStringList accounts(const JobQuery &q)
    {
        QStringList out;
        for (const auto &i : test::valueOf(store().jobs().list(q)))
            out << i.customer.accountNo;
        return out;
    }
    RowId m_task = 0;
};

TEST_F(JobSearchTest, FindsJobsBy户号NameAddressOrMeterNumber)
{
    EXPECT_EQ(accounts(JobQuery().matching(QStringLiteral("0100000002"))), QStringList{QStringLiteral("0100000002")});
    EXPECT_EQ(accounts(JobQuery().matching(QStringLiteral("建国"))), QStringList{QStringLiteral("0100000001")});
    EXPECT_EQ(accounts(JobQuery().matching(QStringLiteral("安贞里"))).size(), 2);
    EXPECT_EQ(accounts(JobQuery().matching(QStringLiteral("210000100026"))), QStringList{QStringLiteral("0100000003")});
    EXPECT_EQ(accounts(JobQuery().matching(QStringLiteral("zhang"))), QStringList{QStringLiteral("0100000003")}); // case-insensitive
    EXPECT_EQ(accounts(JobQuery().matching(QStringLiteral("安贞里 102"))), QStringList{QStringLiteral("0100000002")}); // words AND
    EXPECT_TRUE(accounts(JobQuery().matching(QStringLiteral("%"))).isEmpty()); // LIKE wildcards are literal
    EXPECT_EQ(test::valueOf(store().jobs().count(JobQuery().matching(QStringLiteral("安贞里")))),
              2);
}

TEST_F(JobSearchTest, FiltersByStatusAndPages)
{
    const auto all = test::valueOf(store().jobs().list(JobQuery().inTask(m_task)));
    ASSERT_EQ(all.size(), 3);
    ASSERT_TRUE(store().jobs().setStatus(all[1].job.id, JobStatus::InProgress).ok());
    EXPECT_EQ(accounts(JobQuery().withStatus(JobStatus::InProgress)), QStringList{all[1].customer.accountNo});
    EXPECT_EQ(test::valueOf(store().jobs().count(JobQuery().withStatus(JobStatus::NotStarted))), 2);
    EXPECT_EQ(accounts(JobQuery().page(2, 2)), QStringList{all[2].customer.accountNo});
}

TEST_F(StoreTest, JobStateChangesBumpTheVersionAndAppendOutboxRows)
{
    const RowId job = firstJob(makeTask(1));
    QSignalSpy spy(&store(), &Store::jobChanged);
    ASSERT_TRUE(store().jobs().setCurrentCard(job, QStringLiteral("21.1")).ok());
    auto started = store().jobs().setStatus(job, JobStatus::InProgress);
    ASSERT_TRUE(started.ok());
    EXPECT_TRUE(started->startedAt.isValid());
    auto branched = store().jobs().recordBranch(job, QStringLiteral("customer_presence"),
                                                QStringLiteral("appointment"),
                                                QStringLiteral("客户出差，周六上午在家"));
    ASSERT_TRUE(branched.ok());
    const QDateTime at = QDateTime::currentDateTimeUtc().addDays(2);
    ASSERT_TRUE(store().jobs().setAppointment(job, at).ok());
    ASSERT_TRUE(store().jobs().setStatus(job, JobStatus::WaitingAppointment).ok());

    const Job j = store().jobs().byId(job).value();
    EXPECT_EQ(j.version, 6);
    EXPECT_EQ(j.currentCard, QStringLiteral("21.1"));
    EXPECT_EQ(j.status, JobStatus::WaitingAppointment);
    EXPECT_EQ(j.branches.value(QStringLiteral("customer_presence")).toObject()
                  .value(QStringLiteral("reason")).toString(),
              QStringLiteral("客户出差，周六上午在家"));
    EXPECT_EQ(j.appointmentAt.toMSecsSinceEpoch(), at.toMSecsSinceEpoch());
    EXPECT_FALSE(j.finishedAt.isValid());
    EXPECT_EQ(spy.count(), 5);

    const auto rows = test::valueOf(store().outbox().all());
    const OutboxEntry last = rows.last();
    EXPECT_EQ(last.entity, QStringLiteral("job"));
    EXPECT_EQ(last.uuid, j.uuid);
    EXPECT_EQ(last.version, 6);
    EXPECT_EQ(last.payload.value(QStringLiteral("status")).toString(),
              QStringLiteral("waiting_appointment"));
    EXPECT_FALSE(last.payload.value(QStringLiteral("customer_uuid")).toString().isEmpty());

    EXPECT_TRUE(store().jobs().setStatus(job, JobStatus::Done)->finishedAt.isValid());
    EXPECT_EQ(store().jobs().recordBranch(job, {}, {}, {}).error().code, QStringLiteral("store.bad_input"));
    EXPECT_EQ(store().jobs().byId(999999).error().code, QStringLiteral("store.not_found"));
}

TEST_F(StoreTest, StepTickAndUntickKeepOneRowWhoseOutboxRowsCarryEachVersion)
{
    const RowId job = firstJob(makeTask(1));
    auto ticked = store().steps().setStep(RecordOwner::job(job), QStringLiteral("21.4"), 3, true,
                                          QStringLiteral("u-1"));
    ASSERT_TRUE(ticked.ok());
    auto unticked = store().steps().setStep(RecordOwner::job(job), QStringLiteral("21.4"), 3, false,
                                            QStringLiteral("u-2"));
    ASSERT_TRUE(unticked.ok());
    EXPECT_EQ(unticked->uuid, ticked->uuid);
    EXPECT_EQ(unticked->version, 2);
    const auto steps =
        test::valueOf(store().steps().list(RecordOwner::job(job), QStringLiteral("21.4")));
    ASSERT_EQ(steps.size(), 1);
    EXPECT_FALSE(steps.first().done);
    EXPECT_EQ(steps.first().userUuid, QStringLiteral("u-2"));
    EXPECT_TRUE(test::valueOf(store().steps().list(RecordOwner::job(job), QStringLiteral("20.1")))
                    .isEmpty());

    QList<int> versions;
    for (const auto &e : test::valueOf(store().outbox().pending()))
        if (e.uuid == ticked->uuid)
            versions << e.version;
    EXPECT_EQ(versions, (QList<int>{1, 2}));
    EXPECT_EQ(store()
                  .steps()
                  .setStep(RecordOwner::job(12345), QStringLiteral("21.4"), 0, true, {})
                  .error()
                  .code,
              QStringLiteral("store.bad_input"));
}
