// 台区/任务作业卡, the list as each person sees it (offscreen, 1280×800, real MainWindow, demo
// store): 只看我的作业卡 is on for the crew (an installer sees the installer's cards only) and
// off for the office; tapping it shows all / only mine; a person whose roles have no task card
// is told so. 本任务的封印 lists the task's seals (number, position, card, time) as they are
// typed, and says when there are none. Screens saved with MS_SCREENSHOT_DIR.
#include "common/shellfixture.h"

#include "common/resultvalue.h"
#include "pages/joblistpage.h"
#include "pages/signinpage.h"
#include "pages/taskcardspage.h"
#include "service/jobsession.h"
#include "store/store.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

class TaskCardsList : public ShellTest
{
protected:
    void SetUp() override
    {
        ShellTest::SetUp();
        ASSERT_TRUE(app);
        task = test::valueOf(app->ctx->store.tasks().list()).value(0);
        ASSERT_GT(task.id, 0);
    }

    // Signs in as a demo user (PIN 123456) and taps 台区/任务作业卡 on the job list.
    TaskCardsPage *openAs(const QString &name)
    {
        EXPECT_TRUE(signInAs(win(), name));
        return openFromJobList();
    }
    TaskCardsPage *openFromJobList()
    {
        auto *jobs = qobject_cast<JobListPage *>(win().currentPage());
        EXPECT_TRUE(jobs);
        if (!jobs || !tap(findButton(jobs, QStringLiteral("台区/任务作业卡"))))
            return nullptr;
        return qobject_cast<TaskCardsPage *>(win().currentPage());
    }
    // The task-level cards whose role is one of `roles` (all of them when empty).
    QStringList cardsOf(TaskCardsPage *page, const QStringList &roles = {})
    {
        QStringList ids;
        for (const TaskCardState &s : win().session()->taskCards().cards)
            if ((roles.isEmpty() || roles.contains(s.card->role)) && page->cardButton(s.card->id))
                ids << s.card->id;
        return ids;
    }
    int taskCardCount() { return int(win().session()->taskCards().cards.size()); }
    void toggle(TaskCardsPage *page)
    {
        ASSERT_TRUE(tap(page->mineOnlyToggle()));
        QApplication::processEvents(); // the list is rebuilt after the tap returns
    }
    QStringList sealTexts(TaskCardsPage *page)
    {
        QApplication::processEvents();
        QStringList texts;
        auto *box = page->findChild<QWidget *>(QStringLiteral("taskSeals"));
        EXPECT_TRUE(box);
        if (box)
            for (QLabel *l : box->findChildren<QLabel *>())
                texts << l->text();
        return texts;
    }
    void saveScreen(const QString &name)
    {
        ShellTest::saveScreen(QStringLiteral("taskcards-") + name + QStringLiteral(".png"));
    }

    Task task;
};

} // namespace

TEST_F(TaskCardsList, AnInstallerSeesHisCardsFirstAndAllAfterTappingTheToggle)
{
    // GIVEN 张伟, an installer, WHEN he opens the task's cards
    TaskCardsPage *page = openAs(QStringLiteral("张伟"));
    ASSERT_TRUE(page) << win().message().toStdString();
    // THEN 只看我的作业卡 is on and only installer cards are listed (19.1 mounting, 36.x …)
    ASSERT_TRUE(page->mineOnlyToggle()->isChecked());
    const QStringList mine = cardsOf(page);
    EXPECT_TRUE(mine.contains(QStringLiteral("19.1")));
    EXPECT_TRUE(mine.contains(QStringLiteral("36.1")));
    EXPECT_EQ(mine, cardsOf(page, {QStringLiteral("installer")}));
    EXPECT_FALSE(page->cardButton(QStringLiteral("4.1"))) << "the crew leader's card";
    EXPECT_FALSE(page->cardButton(QStringLiteral("27.5"))) << "the supervisor's card";
    EXPECT_TRUE(findButton(page, QStringLiteral("继续：19.1")));
    saveScreen(QStringLiteral("mine-only"));

    // WHEN he taps the toggle THEN every task-level card is listed, his and the others'
    toggle(page);
    EXPECT_FALSE(page->mineOnlyToggle()->isChecked());
    EXPECT_EQ(cardsOf(page).size(), taskCardCount());
    EXPECT_TRUE(page->cardButton(QStringLiteral("4.1")));
    EXPECT_TRUE(page->cardButton(QStringLiteral("27.5")));
    EXPECT_TRUE(findButton(page, QStringLiteral("继续：19.1"))) << "继续 still goes to his first card";
    saveScreen(QStringLiteral("all"));

    // AND tapping it again narrows the list once more
    toggle(page);
    EXPECT_EQ(cardsOf(page), mine);
}

TEST_F(TaskCardsList, TheOfficeSeesAllCardsFirstAndOnlyItsOwnWhenItAsks)
{
    // GIVEN 王芳 of the office (not crew) WHEN she opens the task's cards
    TaskCardsPage *page = openAs(QStringLiteral("王芳"));
    ASSERT_TRUE(page) << win().message().toStdString();
    // THEN the toggle is off and all are listed
    EXPECT_FALSE(page->mineOnlyToggle()->isChecked());
    EXPECT_EQ(cardsOf(page).size(), taskCardCount());
    // WHEN she turns it on THEN only the clerk's task cards are left
    toggle(page);
    const QStringList mine = cardsOf(page);
    EXPECT_FALSE(mine.isEmpty());
    EXPECT_EQ(mine, cardsOf(page, {QStringLiteral("office_clerk")}));
    EXPECT_LT(mine.size(), taskCardCount());
}

TEST_F(TaskCardsList, APersonWithNoTaskCardIsToldSoInsteadOfAnEmptyList)
{
    // GIVEN someone of the meter store (库房), whose role has no task-level card
    User keeper;
    keeper.name = QStringLiteral("库管员");
    keeper.roles = {QStringLiteral("warehouse")};
    win().signIn(keeper);
    TaskCardsPage *page = openFromJobList();
    ASSERT_TRUE(page);
    // WHEN only their cards are asked for
    if (!page->mineOnlyToggle()->isChecked())
        toggle(page);
    // THEN no card is listed and a notice names the role and the way back to all cards
    EXPECT_TRUE(cardsOf(page).isEmpty());
    QLabel *notice = nullptr;
    for (QLabel *l : page->findChildren<QLabel *>(QStringLiteral("notice")))
        if (l->isVisible())
            notice = l;
    ASSERT_TRUE(notice);
    const Role *role = app->ctx->catalog.role(QStringLiteral("warehouse"));
    ASSERT_TRUE(role);
    EXPECT_TRUE(notice->text().contains(role->name)) << notice->text().toStdString();
    EXPECT_TRUE(notice->text().contains(QStringLiteral("只看我的作业卡")));
}

TEST_F(TaskCardsList, TheTasksSealsAreListedWithPositionCardAndTime)
{
    // GIVEN the task's card list with no seal recorded yet
    TaskCardsPage *page = openAs(QStringLiteral("李强"));
    ASSERT_TRUE(page);
    QStringList texts = sealTexts(page);
    EXPECT_TRUE(texts.join(u'|').contains(QStringLiteral("尚未登记封印"))) << texts.join(u'|').toStdString();

    // WHEN the concentrator's seal (19.1) and its box's seal (28.4) are typed on the task
    JobSession *session = win().session();
    ASSERT_TRUE(session && session->isTaskSession());
    auto s1 = session->addValue(QStringLiteral("19.1"), QStringLiteral("concentrator_seals"), QStringLiteral("JZQ20260317"));
    ASSERT_TRUE(s1.ok()) << s1.error().message.toStdString();
    auto s2 = session->addValue(QStringLiteral("28.4"), QStringLiteral("concentrator_box_seal"), QStringLiteral("JZX20260318"));
    ASSERT_TRUE(s2.ok()) << s2.error().message.toStdString();

    // THEN 本任务的封印 lists both: number, position, the card it was typed on, and when
    texts = sealTexts(page);
    const QString all = texts.join(u'|');
    EXPECT_TRUE(all.contains(QStringLiteral("本任务的封印（2 个）"))) << all.toStdString();
    EXPECT_FALSE(all.contains(QStringLiteral("尚未登记封印")));
    const QList<Seal> seals =
        test::valueOf(app->ctx->store.seals().list(RecordOwner::task(task.id)));
    ASSERT_EQ(seals.size(), 2);
    const int first = int(texts.indexOf(QStringLiteral("JZQ20260317")));
    ASSERT_GE(first, 0) << all.toStdString();
    EXPECT_EQ(texts.value(first + 1), QStringLiteral("集中器"));
    EXPECT_EQ(texts.value(first + 2), QStringLiteral("19.1　") + app->ctx->catalog.card(QStringLiteral("19.1"))->title);
    EXPECT_EQ(texts.value(first + 3), seals[0].at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    const int second = int(texts.indexOf(QStringLiteral("JZX20260318")));
    ASSERT_GT(second, first);
    EXPECT_EQ(texts.value(second + 1), QStringLiteral("集中器箱"));
    EXPECT_TRUE(texts.value(second + 2).startsWith(QStringLiteral("28.4　")));
    // AND the filter does not hide them: they are the task's, whoever typed them
    toggle(page);
    EXPECT_TRUE(sealTexts(page).contains(QStringLiteral("JZX20260318")));
    saveScreen(QStringLiteral("seals"));
}
