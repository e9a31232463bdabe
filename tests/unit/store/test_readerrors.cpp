// A read that fails says so: with the tables damaged on disk (a failing storage card), every list
// the screens and the sync read is an error naming the damage, never an empty list that looks
// like "nothing to do" or "nothing to sync"; a job that cannot be read is not "not found".
// And the step records of a job and of a task are one path: both keep their time to the
// millisecond.
#include "common/resultvalue.h"
#include "common/storefixture.h"

#include "store/recordjson.h"

#include <gtest/gtest.h>

using namespace ms;

namespace {

RowId importOne(test::StoreEnv &env)
{
    Task t;
    t.name = QStringLiteral("读错任务");
    Customer c;
    c.accountNo = QStringLiteral("0100000001");
    c.name = QStringLiteral("王建国");
    return env.importTask(t, {c});
}

// The old meter's final reading typed on card 21.3 of the job.
Result<Evidence> addReading(test::StoreEnv &env, RowId job)
{
    NewEvidence n;
    n.record.jobId = job;
    n.record.cardId = QStringLiteral("21.3");
    n.record.requirement = QStringLiteral("old_final_total");
    n.record.kind = EvidenceKind::MeterReading;
    n.record.value = QStringLiteral("12345.67");
    return env.store().evidence().add(n);
}

template <typename T> void expectCorrupt(const Result<T> &r, const char *what)
{
    ASSERT_FALSE(r.ok()) << what << ": a damaged table read as if it were fine";
    EXPECT_EQ(r.error().code, QStringLiteral("store.corrupt")) << what;
    EXPECT_FALSE(r.error().message.isEmpty()) << what;
}

} // namespace

TEST(StoreReadErrors, TheOutboxOfADamagedDatabaseIsAnErrorNotNothingToSync)
{
    // GIVEN a store with rows waiting to be sent, whose outbox table is then damaged on disk
    test::StoreEnv env;
    ASSERT_GT(importOne(env), 0);
    ASSERT_FALSE(test::valueOf(env.store().outbox().pending()).isEmpty());
    // WHEN the store opens it again
    const auto reopened = env.damageTablesAndReopen({QStringLiteral("outbox")});
    // THEN the open already says the database is damaged (the record chain reads the outbox on
    // open), so nothing can take the damage for "nothing to sync"
    expectCorrupt(reopened, "open");
}

TEST(StoreReadErrors, TheOutboxFilesAndVerdictsOfADamagedDatabaseAreErrors)
{
    // GIVEN a store with rows waiting to be sent, whose outbox file and verdict tables are then
    // damaged on disk (the outbox itself reads: the store opens)
    test::StoreEnv env;
    ASSERT_GT(importOne(env), 0);
    ASSERT_FALSE(test::valueOf(env.store().outbox().pending()).isEmpty());
    ASSERT_NO_FATAL_FAILURE(
        env.damageTables({QStringLiteral("outbox_blobs"), QStringLiteral("outbox_verdicts")}));
    // WHEN the sync reads what is waiting
    // THEN every read of the damaged tables says the database is damaged
    expectCorrupt(env.store().outbox().counts(), "counts");
    expectCorrupt(env.store().outbox().pendingBlobs(), "pendingBlobs");
    expectCorrupt(env.store().outbox().verdicts(), "verdicts");
}

TEST(StoreReadErrors, JobListTasksStepsEvidenceAndSealsOfADamagedDatabaseAreErrors)
{
    // GIVEN a job with a step, a typed value and a seal, and a task-level card's choice
    test::StoreEnv env;
    const RowId task = importOne(env);
    ASSERT_GT(task, 0);
    const RowId job = test::valueOf(env.store().jobs().list(JobQuery())).value(0).job.id;
    ASSERT_GT(job, 0);
    ASSERT_TRUE(env.store()
                    .steps()
                    .setStep(RecordOwner::job(job), QStringLiteral("20.1"), 0, true, {})
                    .ok());
    ASSERT_TRUE(addReading(env, job).ok());
    ASSERT_TRUE(env.store().seals()
                    .add(RecordOwner::job(job), QStringLiteral("box"), QStringLiteral("BJ1"))
                    .ok());
    ASSERT_TRUE(env.store()
                    .taskCards()
                    .setChoice(task, QStringLiteral("2.4"), QStringLiteral("surface"), {}, {})
                    .ok());
    // WHEN those tables are damaged on disk
    ASSERT_NO_FATAL_FAILURE(env.damageTables(
        {QStringLiteral("jobs"), QStringLiteral("tasks"), QStringLiteral("step_records"),
         QStringLiteral("evidence"), QStringLiteral("seals"), QStringLiteral("task_cards")}));
    // THEN the reads are errors, not empty lists
    expectCorrupt(env.store().jobs().list(JobQuery()), "jobs().list");
    expectCorrupt(env.store().jobs().count(JobQuery()), "jobs().count");
    expectCorrupt(env.store().tasks().list(), "tasks().list");
    expectCorrupt(env.store().steps().list(RecordOwner::job(job)), "steps().list");
    expectCorrupt(env.store().evidence().list(RecordOwner::job(job)), "evidence().list");
    expectCorrupt(env.store().seals().list(RecordOwner::job(job)), "seals().list");
    expectCorrupt(env.store().taskCards().cards(task), "taskCards().cards");
    // AND a job or task that cannot be read is not "not found"
    expectCorrupt(env.store().jobs().byId(job), "jobs().byId");
    expectCorrupt(env.store().tasks().byId(task), "tasks().byId");
    EXPECT_FALSE(env.store().evidence().verifyChain(RecordOwner::job(job)).ok);
}

TEST(StoreSteps, AJobsStepAndATasksStepKeepTheirTimeTheSameWay)
{
    // GIVEN a job and its task
    test::StoreEnv env;
    const RowId task = importOne(env);
    const RowId job = test::valueOf(env.store().jobs().list(JobQuery())).value(0).job.id;
    // WHEN a step is ticked on each
    for (const RecordOwner &owner : {RecordOwner::job(job), RecordOwner::task(task)}) {
        SCOPED_TRACE(owner.isTask() ? "task" : "job");
        auto ticked = env.store().steps().setStep(owner, QStringLiteral("2.4"), 0, true,
                                                  QStringLiteral("u1"));
        ASSERT_TRUE(ticked.ok()) << ticked.error().message.toStdString();
        // THEN the time returned is the time stored (milliseconds), and the row names its owner
        EXPECT_EQ(ticked->at, json::parseTime(json::isoTime(ticked->at)));
        const QList<StepRecord> read = test::valueOf(env.store().steps().list(owner));
        ASSERT_EQ(read.size(), 1);
        EXPECT_EQ(read.first().at, ticked->at);
        EXPECT_EQ(RecordOwner::of(read.first()), owner);
    }
}

TEST(StoreReadErrors, UsersSettingsAndSyncBookkeepingOfADamagedDatabaseAreErrors)
{
    // GIVEN a user, a setting, a file the office holds and a sync that happened
    test::StoreEnv env;
    ASSERT_GT(importOne(env), 0);
    ASSERT_TRUE(env.store().users()
                    .add(QStringLiteral("张伟"), {QStringLiteral("installer")},
                         QStringLiteral("123456"))
                    .ok());
    ASSERT_TRUE(env.store().settings().setValue(QStringLiteral("sync.server"),
                                               QStringLiteral("https://office:8443"))
                    .ok());
    const QString sha(64, QLatin1Char('a'));
    ASSERT_TRUE(env.store().outbox().markBlobsUploaded({sha}).ok());
    ASSERT_TRUE(env.store().outbox().setSyncCursor(QStringLiteral("c-7")).ok());
    // WHEN those tables are damaged on disk
    ASSERT_NO_FATAL_FAILURE(env.damageTables({QStringLiteral("users"), QStringLiteral("settings"),
                                              QStringLiteral("blob_uploads"),
                                              QStringLiteral("sync_state")}));
    // THEN each read says the database is damaged: never "no users", "not configured", "not
    // uploaded yet" or "never synced"
    expectCorrupt(env.store().users().list(), "users().list");
    expectCorrupt(env.store().settings().value(QStringLiteral("sync.server")), "settings().value");
    expectCorrupt(env.store().settings().contains(QStringLiteral("sync.server")),
                  "settings().contains");
    expectCorrupt(env.store().settings().intValue(QStringLiteral("photo.long_edge"), 2048),
                  "settings().intValue");
    expectCorrupt(env.store().outbox().isBlobUploaded(sha), "outbox().isBlobUploaded");
    expectCorrupt(env.store().outbox().syncState(), "outbox().syncState");
}

TEST(StoreReadErrors, PurchasesMismatchAndEvidenceLinksOfADamagedDatabaseAreErrors)
{
    // GIVEN a purchase record, a mismatch entry and a photo retaken once
    test::StoreEnv env;
    const RowId task = importOne(env);
    ASSERT_GT(task, 0);
    const Customer c = test::valueOf(env.store().tasks().customers(task)).value(0);
    PurchaseRecord p;
    p.accountNo = c.accountNo;
    p.cumulativeKwh = 5230.5;
    p.lastPurchaseDate = QDate(2026, 9, 1);
    p.purchaseCount = 17;
    ASSERT_TRUE(env.store().mismatch().importPurchases({p}).ok());
    MismatchInfo m;
    m.customerId = c.id;
    m.tier = QStringLiteral("tier3");
    ASSERT_TRUE(env.store().mismatch().save(m).ok());
    const RowId job = test::valueOf(env.store().jobs().list(JobQuery())).value(0).job.id;
    const auto first = addReading(env, job);
    ASSERT_TRUE(first.ok());
    // WHEN those tables are damaged on disk
    ASSERT_NO_FATAL_FAILURE(env.damageTables({QStringLiteral("purchase_records"),
                                              QStringLiteral("customer_mismatch"),
                                              QStringLiteral("evidence")}));
    // THEN each read says so: never "no purchase record", "not assessed yet" or "current"
    expectCorrupt(env.store().mismatch().purchase(c.accountNo), "mismatch().purchase");
    expectCorrupt(env.store().mismatch().forCustomer(c.id), "mismatch().forCustomer");
    expectCorrupt(env.store().evidence().supersededBy(first->uuid), "evidence().supersededBy");
    expectCorrupt(env.store().evidence().chainHash(first->uuid), "evidence().chainHash");
}
