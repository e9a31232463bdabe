// 台区/任务作业卡 through the real screens (offscreen, 1280×800): from the job list to the task's
// card list, card 4.1 walked in the real card walker with a typed number, a yes/no check and an
// imported JPEG, completed, and back to the list showing it done; the records are the task's
// (no job got any), with outbox rows and the photo file. Also: a concentrator seal typed on a
// job's session is filed on the task as "concentrator", not as the job's meter_cover seal.
#include "common/shellfixture.h"

#include "common/resultvalue.h"
#include "models/joblistmodel.h"
#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/photopage.h"
#include "pages/signinpage.h"
#include "pages/taskcardspage.h"
#include "pages/valueentrypage.h"
#include "service/jobsession.h"
#include "store/store.h"

#include <QAbstractButton>
#include <QPushButton>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QSet>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

class TaskCardsUi : public ShellTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(ShellTest::SetUp());
        ASSERT_TRUE(writeJpeg(app->dir.filePath(QStringLiteral("wall.jpg")), 1600, 1200));
        ASSERT_NO_FATAL_FAILURE(signIn());
        const QList<Task> tasks = test::valueOf(store().tasks().list());
        ASSERT_FALSE(tasks.isEmpty());
        task = tasks.first();
    }

    Task task;
};

} // namespace

TEST_F(TaskCardsUi, GivenATask_WhenCard41IsWalkedFromTheJobList_ThenItIsRecordedOnTheTaskAndShownDone)
{
    // GIVEN the job list; WHEN 台区/任务作业卡 is tapped
    ASSERT_TRUE(tap(findButton(page<JobListPage>(), QStringLiteral("台区/任务作业卡"))));
    auto *list = page<TaskCardsPage>();
    ASSERT_TRUE(list) << win().message().toStdString();
    EXPECT_TRUE(list->summaryText().startsWith(QStringLiteral("已完成 0 /")));
    // (an installer first sees only installer cards; this walk is of the crew leader's 4.1)
    ASSERT_TRUE(list->mineOnlyToggle()->isChecked());
    ASSERT_TRUE(tap(list->mineOnlyToggle()));
    QApplication::processEvents();
    for (const char *id : {"2.4", "4.1", "19.1", "27.5", "28.4", "36.1"})
        EXPECT_TRUE(list->cardButton(QLatin1String(id))) << id;
    EXPECT_FALSE(list->cardButton(QStringLiteral("24.2"))); // a customer's card is not listed
    // An installer is sent on to the first open installer card (19.1), not the engineer's 1.1
    EXPECT_TRUE(findButton(list, QStringLiteral("继续：19.1")));
    saveScreen(QStringLiteral("task-cards.png"));

    // AND card 4.1 is opened in the card walker
    ASSERT_TRUE(tap(list->cardButton(QStringLiteral("4.1"))));
    auto *walker = page<CardWalkerPage>();
    ASSERT_TRUE(walker);
    ASSERT_EQ(walker->cardId(), QStringLiteral("4.1"));
    const Card *card = app->ctx->catalog.card(QStringLiteral("4.1"));
    // Completing too early names what is missing and stays
    ASSERT_TRUE(tap(findButtonByProperty(walker, "role", QStringLiteral("complete"))));
    EXPECT_EQ(walker->cardId(), QStringLiteral("4.1"));
    EXPECT_TRUE(walker->missingText().contains(card->evidence.first().label));
    // Every step ticked, the height typed, the check answered yes, a photo imported
    for (int i = 0; i < card->steps.size(); ++i)
        ASSERT_TRUE(tap(findButtonByProperty(walker, "stepIndex", i)));
    ASSERT_TRUE(tap(findButtonByProperty(slotOf(walker, QStringLiteral("box_bottom_height")), "action",
                                         int(EvidenceSlot::Action::Manual))));
    auto *entry = page<ValueEntryPage>();
    ASSERT_TRUE(entry);
    entry->editor()->clear();
    QTest::keyClicks(entry->editor(), QStringLiteral("1.60"));
    ASSERT_TRUE(tap(findButton(entry, QStringLiteral("确定"))));
    ASSERT_EQ(page<CardWalkerPage>(), walker) << entry->message().toStdString();
    ASSERT_TRUE(tap(findButtonByProperty(slotOf(walker, QStringLiteral("wall_scan_done")), "action",
                                         int(EvidenceSlot::Action::Yes))));
    QApplication::processEvents();
    ASSERT_TRUE(tap(findButtonByProperty(slotOf(walker, QStringLiteral("surface_mount_photo")), "action",
                                         int(EvidenceSlot::Action::Photo))));
    auto *photo = page<PhotoPage>();
    ASSERT_TRUE(photo) << win().message().toStdString();
    photo->importFile(app->dir.filePath(QStringLiteral("wall.jpg")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return photo->hasPending(); }, 5000));
    ASSERT_TRUE(tap(findButton(photo, QStringLiteral("保存"))));
    ASSERT_EQ(page<CardWalkerPage>(), walker);
    QApplication::processEvents();
    saveScreen(QStringLiteral("task-card-walker.png"));

    // WHEN completed: the walk goes on to the next task-level card (4.3)
    ASSERT_TRUE(tap(findButtonByProperty(walker, "role", QStringLiteral("complete"))))
        << walker->missingText().toStdString();
    EXPECT_EQ(walker->cardId(), QStringLiteral("4.3")) << walker->missingText().toStdString();

    // AND back to the list: 4.1 shows done
    ASSERT_TRUE(tap(findButton(walker, QStringLiteral("台区作业卡列表"))));
    list = page<TaskCardsPage>();
    ASSERT_TRUE(list);
    QApplication::processEvents();
    EXPECT_TRUE(list->summaryText().startsWith(QStringLiteral("已完成 1 /"))) << list->summaryText().toStdString();
    ASSERT_TRUE(list->cardButton(QStringLiteral("4.1")));
    EXPECT_TRUE(list->cardButton(QStringLiteral("4.1"))->isChecked());
    saveScreen(QStringLiteral("task-cards-after.png"));

    // THEN the store has it all on the task, nothing on any job
    EXPECT_TRUE(store().taskCards().card(task.id, QStringLiteral("4.1"))->completedAt.isValid());
    EXPECT_EQ(test::valueOf(store().steps().list(RecordOwner::task(task.id), QStringLiteral("4.1")))
                  .size(),
              card->steps.size());
    const QList<Evidence> ev = test::valueOf(store().evidence().list(RecordOwner::task(task.id)));
    ASSERT_EQ(ev.size(), 3);
    QString photoSha;
    for (const Evidence &e : ev) {
        EXPECT_EQ(e.jobId, 0);
        if (e.requirement == QLatin1String("box_bottom_height")) {
            EXPECT_EQ(e.value, QStringLiteral("1.60"));
        }
        if (e.kind == EvidenceKind::Photo)
            photoSha = e.sha256;
    }
    ASSERT_FALSE(photoSha.isEmpty());
    EXPECT_TRUE(QFile::exists(store().files().path(photoSha)));
    EXPECT_TRUE(store().evidence().verifyChain(RecordOwner::task(task.id)).ok);
    int taskRows = 0;
    for (const OutboxEntry &e : test::valueOf(store().outbox().pending(5000)))
        taskRows += e.payload.value(QStringLiteral("task_uuid")).toString() == task.uuid
                    && e.entity != QLatin1String("customer");
    EXPECT_GE(taskRows, int(card->steps.size()) + 3 + 1);
    for (const Job &j : [&] {
             QList<Job> jobs;
             for (const JobListItem &i :
                  test::valueOf(store().jobs().list(JobQuery().inTask(task.id).page(500))))
                 jobs << i.job;
             return jobs;
         }())
        EXPECT_TRUE(test::valueOf(store().evidence().list(RecordOwner::job(j.id))).isEmpty());

    // AND the top bar's back returns to the job list and closes the task session
    win().back();
    EXPECT_TRUE(page<JobListPage>());
}

TEST_F(TaskCardsUi, GivenAJobSession_WhenConcentratorSealsAreTyped_ThenTheyAreTheTasksNotAMeterCoverSeal)
{
    // GIVEN a customer's job open (the walk reaches 28.4 on the swap path; 19.1 is the install)
    auto *jobs = page<JobListPage>();
    const RowId jobId = jobs->model()->item(0)->job.id;
    ASSERT_TRUE(win().openJob(jobId));
    JobSession *session = win().session();
    ASSERT_TRUE(session);
    // WHEN concentrator seals are typed on 19.1 and 28.4 in the job's session
    auto s1 = session->addValue(QStringLiteral("19.1"), QStringLiteral("concentrator_seals"), QStringLiteral("JZQ00071"));
    ASSERT_TRUE(s1.ok()) << s1.error().message.toStdString();
    auto s2 = session->addValue(QStringLiteral("28.4"), QStringLiteral("concentrator_box_seal"), QStringLiteral("JZX00072"));
    ASSERT_TRUE(s2.ok()) << s2.error().message.toStdString();
    // AND a meter seal on the job's own card (29.1-style seal numbers) for contrast
    // THEN the job has no seal from them; the task has both, by position
    EXPECT_TRUE(test::valueOf(store().seals().list(RecordOwner::job(jobId))).isEmpty());
    const QList<Seal> seals = test::valueOf(store().seals().list(RecordOwner::task(task.id)));
    ASSERT_EQ(seals.size(), 2);
    EXPECT_EQ(seals[0].number, QStringLiteral("JZQ00071"));
    EXPECT_EQ(seals[0].position, QStringLiteral("concentrator"));
    EXPECT_EQ(seals[1].position, QStringLiteral("concentrator_box"));
    // AND the evidence is the task's too, and the job's session still sees it on its card
    EXPECT_EQ(s1->taskId, task.id);
    EXPECT_EQ(s1->jobId, 0);
    EXPECT_EQ(session->evidence(QStringLiteral("19.1"), QStringLiteral("concentrator_seals")).size(), 1);
    // AND the same number cannot be used on a meter
    auto dup = store().seals().add(RecordOwner::job(jobId), QStringLiteral("meter_cover"),
                                   QStringLiteral("JZQ00071"));
    EXPECT_FALSE(dup.ok());
}
