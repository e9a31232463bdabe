// When an action fails — its commit refused, a write after the first one failing, a full disk —
// nothing of it stays in the store, nothing is announced, and the session shows what the store
// holds: never a change that was rolled back.
#include "jobsessionfixture.h"

#include "store/database.h"

#include <sqlite3.h>

using namespace ms;
using namespace ms::test;

namespace {

// What the store holds of the job's card 20.1: ticked steps and evidence rows.
struct Stored
{
    int ticked = 0;
    int evidence = 0;
};

Stored storedOf(Store &store, RowId job)
{
    Stored s;
    for (const StepRecord &r :
         valueOf(store.steps().list(RecordOwner::job(job), QStringLiteral("20.1"))))
        s.ticked += r.done;
    s.evidence =
        int(valueOf(store.evidence().list(RecordOwner::job(job), QStringLiteral("20.1"))).size());
    return s;
}

Stored shownBy(const JobSession &session)
{
    const CardProgress p = session.progress(QStringLiteral("20.1"));
    return {p.stepsDone(), int(session.evidence(QStringLiteral("20.1")).size())};
}

int refuseCommit(void *)
{
    return 1; // SQLite turns the COMMIT into a rollback
}

} // namespace

TEST_F(JobServiceTest, ARefusedCommitLeavesNothingAndTheSessionShowsTheDatabase)
{
    // GIVEN one step already ticked, and then every commit on the connection refused
    ASSERT_TRUE(session->setStep(QStringLiteral("20.1"), 0, true).ok());
    sqlite3_commit_hook(store().database().handle(), refuseCommit, nullptr);
    // WHEN the next step is ticked
    const Error e = expectRefused(
        "refused commit", [&] { return session->setStep(QStringLiteral("20.1"), 1, true); });
    sqlite3_commit_hook(store().database().handle(), nullptr, nullptr);
    // THEN it failed with a reason, and the session shows exactly what the store holds
    EXPECT_FALSE(e.message.isEmpty());
    EXPECT_EQ(storedOf(store(), m_job).ticked, 1);
    EXPECT_EQ(shownBy(*session).ticked, 1) << "the session shows a step that was rolled back";
    EXPECT_EQ(store().jobs().byId(m_job)->version, session->job().version);
    // AND the same action succeeds once commits go through
    expectOneAction("after", [&] { return session->setStep(QStringLiteral("20.1"), 1, true); });
    EXPECT_EQ(shownBy(*session).ticked, 2);
}

TEST_F(JobServiceTest, AFailureAfterTheRecordWasWrittenRollsBackTheWholeAction)
{
    // GIVEN the job's state cannot be saved (the first capture starts the job: its status changes)
    ASSERT_TRUE(
        store()
            .database()
            .exec(QStringLiteral("CREATE TEMP TRIGGER job_state_fails BEFORE UPDATE ON jobs "
                                 "BEGIN SELECT RAISE(ABORT, 'job state not saved'); END"))
            .ok());
    const qint64 outbox = valueOf(store().outbox().counts()).records;
    // WHEN a photo is captured: its file and row are written, then saving the job's state fails
    const Error e = expectRefused("photo", [&] {
        return session->addPhoto(QStringLiteral("20.1"), QStringLiteral("box_before"), photo(1));
    });
    // THEN nothing of the action is left: no row, no outbox row, the job not started; and the
    // session shows just that (before the fix it showed the photo and the job in progress)
    EXPECT_TRUE(e.message.contains(QStringLiteral("job state not saved")))
        << e.message.toStdString();
    EXPECT_EQ(storedOf(store(), m_job).evidence, 0);
    EXPECT_EQ(valueOf(store().outbox().counts()).records, outbox);
    EXPECT_EQ(shownBy(*session).evidence, 0);
    EXPECT_EQ(session->state().status, JobStatus::NotStarted);
    EXPECT_EQ(store().jobs().byId(m_job)->status, JobStatus::NotStarted);
    // AND a step too (the old completeCard/setStep order: write, show, then fail)
    expectRefused("step", [&] { return session->setStep(QStringLiteral("20.1"), 0, true); });
    EXPECT_EQ(shownBy(*session).ticked, 0);
    EXPECT_FALSE(session->progress(QStringLiteral("20.1")).started);
    ASSERT_TRUE(store().database().exec(QStringLiteral("DROP TRIGGER temp.job_state_fails")).ok());
}

TEST_F(JobServiceTest, AFullDiskRefusesTheCaptureAndTheSessionStillShowsWhatIsStored)
{
    // GIVEN a step ticked, then the database file capped at its size (a full disk)
    ASSERT_TRUE(session->setStep(QStringLiteral("20.1"), 0, true).ok());
    session.reset();
    ASSERT_NO_FATAL_FAILURE(env.reopenCapped(env.pageCount()));
    ASSERT_NO_FATAL_FAILURE(openJob());
    // WHEN a large photo and a step are saved
    ProcessedPhoto big = photo(2);
    big.thumbnailJpeg = QByteArray(400 * 1024, 't'); // its meta alone needs new pages
    const Error e = expectRefused("photo on a full disk", [&] {
        return session->addPhoto(QStringLiteral("20.1"), QStringLiteral("box_before"), big);
    });
    // THEN it says the disk is full and that nothing was lost, and the session shows the store
    EXPECT_EQ(e.code, QStringLiteral("store.disk_full"));
    EXPECT_EQ(storedOf(store(), m_job).evidence, 0);
    EXPECT_EQ(shownBy(*session).evidence, 0);
    EXPECT_EQ(shownBy(*session).ticked, 1);
    // AND once there is room again the same capture goes through
    session.reset();
    ASSERT_NO_FATAL_FAILURE(env.reopen());
    ASSERT_NO_FATAL_FAILURE(openJob());
    expectOneAction("with room", [&] {
        return session->addPhoto(QStringLiteral("20.1"), QStringLiteral("box_before"), big);
    });
}

TEST_F(JobServiceTest, AnUnreadableStoreIsAnErrorWhenAJobIsOpened)
{
    // GIVEN the evidence table damaged on disk
    session.reset();
    ASSERT_NO_FATAL_FAILURE(env.damageTables({QStringLiteral("evidence")}));
    // WHEN the job is opened
    auto opened = JobSession::open(store(), catalog(), *m_workflow, kActor, m_job);
    // THEN it is refused with the reason, not opened as a job with nothing recorded
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QStringLiteral("store.corrupt"));
}
