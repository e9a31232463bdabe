// The office's review on the tablet (issue 14): completing 30.2 submits the job (round 1); a
// send-back is re-done item by item, each new capture superseding the evidence it replaces;
// 重新提交 starts round 2 only once every item is re-done; an approved job refuses every action.
#include "jobsessionfixture.h"

#include "common/portreading.h"
#include "service/fieldwalk.h"

#include <QJsonArray>

using namespace ms;
using namespace ms::test;

namespace {

JobReview reviewOf(const Job &job, int submission, ReviewDecision decision,
                   QList<ReviewItem> items = {})
{
    JobReview r;
    r.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.jobUuid = job.uuid;
    r.submission = submission;
    r.decision = decision;
    r.items = std::move(items);
    r.by = QStringLiteral("王芳");
    r.at = QDateTime::currentDateTimeUtc();
    return r;
}

} // namespace

class ReviewTest : public JobServiceTest
{
protected:
    // Walks the job through the normal path to 30.2 (submission 1).
    void walkToSubmission()
    {
        FieldWalk walk(catalog(), [](const QString &, const QString &, int n) { return photo(n); });
        auto walked = walk.run(*session);
        ASSERT_TRUE(walked.ok()) << walked.error().message.toStdString();
        ASSERT_EQ(walked->last(), QStringLiteral("30.2"));
    }
    void pull(const JobReview &r)
    {
        ASSERT_TRUE(store().reviews().applyPulled({r}).ok());
        ASSERT_TRUE(session->reload().ok());
    }
    QJsonObject lastJobPayload()
    {
        QJsonObject last;
        for (const OutboxEntry &e : valueOf(store().outbox().pending(100000, 0)))
            if (e.entity == QLatin1String("job"))
                last = e.payload;
        return last;
    }
};

TEST_F(ReviewTest, CompletingTheLastCardOfTheFieldWalkSubmitsTheJobOnce)
{
    // GIVEN a job walked to 30.2 with everything captured, but 30.2 not yet completed
    FieldWalk walk(catalog(), [](const QString &, const QString &, int n) { return photo(n); });
    for (QString card = session->state().currentCard; card != QLatin1String("30.2");
         card = session->state().currentCard) {
        const Result<void> filled = walk.fillCard(*session, card);
        ASSERT_TRUE(filled.ok()) << card.toStdString() << ": "
                                 << filled.error().message.toStdString();
        if (session->progress(card).needsDecision) {
            // at the door: at home; elsewhere the first, ordinary way (single-phase, own switch)
            const QString choice = card == QLatin1String("21.1")
                                       ? QStringLiteral("home")
                                       : session->state().choices.value(0).choice;
            ASSERT_TRUE(session->choose(card, choice, {}).ok());
            ASSERT_TRUE(walk.fillCard(*session, card).ok());
        }
        ASSERT_TRUE(session->completeCard(card).ok()) << card.toStdString();
    }
    ASSERT_TRUE(walk.fillCard(*session, QStringLiteral("30.2")).ok());
    EXPECT_EQ(session->job().submission, 0) << "filling a card does not submit";
    EXPECT_EQ(session->review().state, JobState::InProgress);
    // WHEN 30.2 is completed: one action
    expectOneAction("complete 30.2", [&] { return session->completeCard(QStringLiteral("30.2")); });
    // THEN the job is submitted: round 1, with its time, in the job record that syncs
    const Job job = *store().jobs().byId(m_job);
    EXPECT_EQ(job.status, JobStatus::Done);
    EXPECT_EQ(job.submission, 1);
    EXPECT_TRUE(job.submittedAt.isValid());
    EXPECT_EQ(session->review().state, JobState::Submitted);
    EXPECT_EQ(lastJobPayload().value(QStringLiteral("submission")).toInt(), 1);
    EXPECT_FALSE(lastJobPayload().value(QStringLiteral("submitted_at")).toString().isEmpty());
    // AND completing it again starts no new round
    ASSERT_TRUE(session->completeCard(QStringLiteral("30.2")).ok());
    EXPECT_EQ(store().jobs().byId(m_job)->submission, 1);
}

TEST_F(ReviewTest, AnApprovedJobRefusesEveryActionWithAClearMessage)
{
    ASSERT_NO_FATAL_FAILURE(walkToSubmission());
    ASSERT_NO_FATAL_FAILURE(pull(reviewOf(session->job(), 1, ReviewDecision::Approved)));
    EXPECT_EQ(session->review().state, JobState::Approved);
    EXPECT_TRUE(session->review().locked());
    const QString c213 = QStringLiteral("21.3");
    SignatureArtifact art;
    art.png = QByteArray("png") + QByteArray(500, 's');
    art.pointsJson = R"({"format":1,"strokes":[]})";
    const QList<std::pair<const char *, std::function<Result<void>()>>> actions = {
        {"step", [&] { return session->setStep(c213, 0, false); }},
        {"photo",
         [&] {
             auto r = session->addPhoto(c213, QStringLiteral("old_meter_face"), photo(99));
             return r ? Result<void>() : Result<void>(r.error());
         }},
        {"video",
         [&] {
             auto r = session->addVideo(QStringLiteral("21.9"), QStringLiteral("witness_video"),
                                        QByteArray(100, 'v'), QStringLiteral("video/mp4"));
             return r ? Result<void>() : Result<void>(r.error());
         }},
        {"signature",
         [&] {
             auto r = session->addSignature(QStringLiteral("21.5"),
                                            QStringLiteral("customer_signature"), art, {});
             return r ? Result<void>() : Result<void>(r.error());
         }},
        {"value",
         [&] {
             auto r = session->addValue(c213, QStringLiteral("old_final_total"),
                                        QStringLiteral("2000.00"));
             return r ? Result<void>() : Result<void>(r.error());
         }},
        {"meter read",
         [&] {
             auto r = session->addMeterRead(c213, QStringLiteral("old_final_total"),
                                            portReading(), {}, QString());
             return r ? Result<void>() : Result<void>(r.error());
         }},
        {"choose", [&] { return session->choose(QStringLiteral("21.1"), QStringLiteral("home"), {}); }},
        {"complete",
         [&] {
             auto r = session->completeCard(QStringLiteral("30.2"));
             return r ? Result<void>() : Result<void>(r.error());
         }},
    };
    const int evidenceBefore = int(valueOf(store().evidence().list(RecordOwner::job(m_job))).size());
    for (const auto &[what, action] : actions) {
        const Error e = expectRefused(what, action);
        EXPECT_EQ(e.code, QStringLiteral("job.approved")) << what;
        EXPECT_TRUE(e.message.contains(QStringLiteral("该工单已审核通过，不能再修改"))) << what;
        EXPECT_TRUE(e.message.contains(QStringLiteral("王芳"))) << what;
    }
    EXPECT_EQ(expectRefused("resubmit", [&] { return session->resubmit(); }).code,
              QStringLiteral("job.approved"));
    EXPECT_EQ(valueOf(store().evidence().list(RecordOwner::job(m_job))).size(), evidenceBefore);
}

TEST_F(ReviewTest, ASentBackJobIsRedoneItemByItemSupersedingTheEarlierEvidenceThenResubmitted)
{
    // GIVEN a submitted job the office sent back: two items of two cards
    ASSERT_NO_FATAL_FAILURE(walkToSubmission());
    const QString c214 = QStringLiteral("21.4"), c291 = QStringLiteral("29.1");
    const QString boxAfter = QStringLiteral("box_after"), sealPhotos = QStringLiteral("seal_photos");
    const QString oldBox = session->evidence(c214, boxAfter).value(0).uuid;
    ASSERT_FALSE(oldBox.isEmpty());
    ASSERT_NO_FATAL_FAILURE(pull(reviewOf(
        session->job(), 1, ReviewDecision::SentBack,
        {{c214, boxAfter, QStringLiteral("表箱照片模糊")}, {c291, sealPhotos, QStringLiteral("封印看不清")}})));
    // THEN it shows as sent back with both items, none re-done, and cannot be resubmitted yet
    ReviewStatus r = session->review();
    EXPECT_EQ(r.state, JobState::SentBack);
    ASSERT_EQ(r.items.size(), 2);
    EXPECT_EQ(r.items.at(0).item.reason, QStringLiteral("表箱照片模糊"));
    EXPECT_EQ(r.items.at(0).label, catalog().card(c214)->requirement(boxAfter)->label);
    EXPECT_FALSE(r.items.at(0).redone);
    EXPECT_FALSE(r.canResubmit);
    const Error pending = expectRefused("early resubmit", [&] { return session->resubmit(); });
    EXPECT_EQ(pending.code, QStringLiteral("job.items_pending"));
    EXPECT_TRUE(pending.message.contains(QStringLiteral("21.4")));

    // WHEN an item not sent back is captured: it supersedes nothing and re-does nothing
    auto other = session->addPhoto(c214, QStringLiteral("new_meter_installed"), photo(50));
    ASSERT_TRUE(other.ok());
    EXPECT_TRUE(valueOf(store().evidence().supersededBy(other->uuid)).isEmpty());
    EXPECT_EQ(valueOf(store().evidence().list(RecordOwner::job(m_job), c214, true)).size(),
              valueOf(store().evidence().list(RecordOwner::job(m_job), c214)).size());

    // WHEN the first item is captured again: one action, superseding the earlier photo
    Result<Evidence> redo = makeError({}, {});
    expectOneAction("redo box_after", [&] {
        redo = session->addPhoto(c214, boxAfter, photo(51));
        return redo;
    });
    EXPECT_EQ(valueOf(store().evidence().supersededBy(oldBox)), redo->uuid);
    EXPECT_EQ(session->evidence(c214, boxAfter).size(), 1) << "the earlier photo is superseded";
    EXPECT_EQ(valueOf(store().evidence().byUuid(oldBox)).uuid, oldBox) << "and kept";
    QJsonObject redoPayload;
    for (const OutboxEntry &e : valueOf(store().outbox().pending(100000, 0)))
        if (e.uuid == redo->uuid)
            redoPayload = e.payload;
    EXPECT_EQ(redoPayload.value(QStringLiteral("supersedes")).toString(), oldBox);
    r = session->review();
    EXPECT_TRUE(r.items.at(0).redone);
    EXPECT_FALSE(r.items.at(1).redone);
    EXPECT_FALSE(r.canResubmit);

    // WHEN the second item (two photos needed) is re-done: each new photo replaces one earlier one
    const QList<Evidence> oldSeals = session->evidence(c291, sealPhotos);
    ASSERT_EQ(oldSeals.size(), 2);
    auto s1 = session->addPhoto(c291, sealPhotos, photo(60));
    auto s2 = session->addPhoto(c291, sealPhotos, photo(61));
    ASSERT_TRUE(s1.ok() && s2.ok());
    EXPECT_EQ(valueOf(store().evidence().supersededBy(oldSeals.at(0).uuid)), s1->uuid);
    EXPECT_EQ(valueOf(store().evidence().supersededBy(oldSeals.at(1).uuid)), s2->uuid);
    auto s3 = session->addPhoto(c291, sealPhotos, photo(62));
    ASSERT_TRUE(s3.ok()) << "a third photo is simply added";
    EXPECT_EQ(session->evidence(c291, sealPhotos).size(), 3);
    EXPECT_TRUE(session->review().canResubmit);

    // WHEN 重新提交: one action, round 2
    expectOneAction("resubmit", [&] { return session->resubmit(); });
    EXPECT_EQ(store().jobs().byId(m_job)->submission, 2);
    EXPECT_EQ(lastJobPayload().value(QStringLiteral("submission")).toInt(), 2);
    EXPECT_EQ(session->review().state, JobState::Resubmitted);
    EXPECT_TRUE(session->review().items.isEmpty());
    // AND a capture now supersedes nothing (the round is no longer sent back)
    auto after = session->addPhoto(c214, boxAfter, photo(70));
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(valueOf(store().evidence().supersededBy(redo->uuid)).isEmpty());
    EXPECT_EQ(expectRefused("resubmit twice", [&] { return session->resubmit(); }).code,
              QStringLiteral("job.not_sent_back"));

    // WHEN the office approves round 2 THEN the job is approved and locked
    ASSERT_NO_FATAL_FAILURE(pull(reviewOf(session->job(), 2, ReviewDecision::Approved)));
    EXPECT_EQ(session->review().state, JobState::Approved);
    EXPECT_EQ(expectRefused("after approval", [&] { return session->setStep(c214, 0, false); }).code,
              QStringLiteral("job.approved"));
}

TEST_F(ReviewTest, PulledReviewsAreStoredOnceWithoutOutboxRowsAndShowInTheJobList)
{
    ASSERT_NO_FATAL_FAILURE(walkToSubmission());
    const int outboxBefore = valueOf(store().outbox().counts()).records;
    JobReview r = reviewOf(session->job(), 1, ReviewDecision::SentBack,
                           {{QStringLiteral("21.4"), QStringLiteral("box_after"), QStringLiteral("模糊")}});
    EXPECT_EQ(valueOf(store().reviews().applyPulled({r})), 1);
    EXPECT_EQ(valueOf(store().reviews().applyPulled({r})), 0) << "a re-pull adds nothing";
    EXPECT_EQ(valueOf(store().outbox().counts()).records, outboxBefore) << "never pushed back";
    const QList<JobReview> held = valueOf(store().reviews().forJob(session->job().uuid));
    ASSERT_EQ(held.size(), 1);
    EXPECT_EQ(held.at(0).items.at(0).reason, QStringLiteral("模糊"));
    EXPECT_EQ(held.at(0).by, QStringLiteral("王芳"));
    const QList<JobListItem> list = valueOf(store().jobs().list(JobQuery()));
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list.at(0).state(), JobState::SentBack);
    EXPECT_EQ(jobStateKey(list.at(0).state()), QStringLiteral("sent_back"));
    // AND a review for a job this tablet does not hold is kept all the same
    JobReview stray = r;
    stray.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    stray.jobUuid = QStringLiteral("no-such-job");
    EXPECT_EQ(valueOf(store().reviews().applyPulled({stray})), 1);
}
