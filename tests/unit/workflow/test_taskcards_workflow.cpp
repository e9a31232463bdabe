// Task-level cards over the real catalog: which cards are task-level, their progress and status
// for a task, and where completing one goes (2.4 → 4.1 / 4.2 by the choice, 19.1 → leaves task
// scope, 36.6 → 37.1 when online).
#include "catalog/catalogloader.h"
#include "common/testenv.h"
#include "workflow/taskcards.h"

#include <gtest/gtest.h>

using namespace ms;

namespace {

class TaskCardsWorkflow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_load = CatalogLoader::load(test::formsDir());
        ASSERT_NE(m_load.catalog.card(QStringLiteral("2.4")), nullptr);
    }
    const Catalog &catalog() const { return m_load.catalog; }

    void complete(JobSnapshot &task, const QString &cardId) const
    {
        const Card *card = catalog().card(cardId);
        ASSERT_NE(card, nullptr);
        for (int i = 0; i < card->steps.size(); ++i)
            task.tick(cardId, i);
        for (const EvidenceRequirement &r : card->evidence)
            for (int n = 0; n < r.minCount; ++n)
                task.capture(cardId, r.key, r.kind == EvidenceKind::Check ? QStringLiteral("yes")
                                                                         : QStringLiteral("1"));
    }

    CatalogLoad m_load;
};

} // namespace

TEST_F(TaskCardsWorkflow, TheTaskLevelCardsAreTheOnesWithScopeTaskInManualOrder)
{
    const QList<const Card *> cards = TaskCards::taskLevelCards(catalog());
    QStringList ids;
    for (const Card *c : cards)
        ids << c->id;
    for (const char *id : {"2.4", "4.1", "4.2", "19.1", "27.5", "28.4", "36.1", "36.6"})
        EXPECT_TRUE(ids.contains(QLatin1String(id))) << id;
    for (const char *id : {"20.1", "24.2", "27.1", "28.1", "16.1", "12.1"})
        EXPECT_FALSE(ids.contains(QLatin1String(id))) << id;
    EXPECT_LT(ids.indexOf(QStringLiteral("2.4")), ids.indexOf(QStringLiteral("4.1")));
    EXPECT_LT(ids.indexOf(QStringLiteral("19.1")), ids.indexOf(QStringLiteral("36.1")));
}

TEST_F(TaskCardsWorkflow, StatusIsDoneOnlyWhenCompletedAndStillComplete)
{
    Workflow wf(catalog());
    TaskCards cards(catalog(), wf);
    JobSnapshot task;
    // GIVEN nothing recorded: every card not started
    TaskCardsOverview o = cards.overview(task, {});
    EXPECT_EQ(o.done, 0);
    EXPECT_EQ(o.inProgress, 0);
    EXPECT_EQ(o.cards.size(), TaskCards::taskLevelCards(catalog()).size());
    // WHEN 4.1 is fully recorded and completed, 19.1 only half
    complete(task, QStringLiteral("4.1"));
    task.tick(QStringLiteral("19.1"), 0);
    o = cards.overview(task, {QStringLiteral("4.1")});
    EXPECT_EQ(o.find(QStringLiteral("4.1"))->status, TaskCardStatus::Done);
    EXPECT_EQ(o.find(QStringLiteral("19.1"))->status, TaskCardStatus::InProgress);
    EXPECT_EQ(o.find(QStringLiteral("36.1"))->status, TaskCardStatus::NotStarted);
    EXPECT_EQ(o.done, 1);
    EXPECT_EQ(o.inProgress, 1);
    EXPECT_FALSE(o.find(QStringLiteral("4.1"))->phaseName.isEmpty());
    // AND a step of the completed card unticked afterwards: back to in progress
    task.stepsDone[QStringLiteral("4.1")].remove(0);
    o = cards.overview(task, {QStringLiteral("4.1")});
    EXPECT_EQ(o.find(QStringLiteral("4.1"))->status, TaskCardStatus::InProgress);
}

TEST_F(TaskCardsWorkflow, CompletingFollowsTheChoiceAndStopsWhereTaskScopeEnds)
{
    Workflow wf(catalog());
    TaskCards cards(catalog(), wf);
    JobSnapshot task;
    // Incomplete: the error names what is missing
    auto early = cards.complete(task, QStringLiteral("2.4"));
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, QStringLiteral("workflow.incomplete"));
    EXPECT_TRUE(early.error().message.contains(catalog().card(QStringLiteral("2.4"))->evidence.first().label));
    // Complete but undecided: asks for the choice
    complete(task, QStringLiteral("2.4"));
    auto undecided = cards.complete(task, QStringLiteral("2.4"));
    ASSERT_FALSE(undecided.ok());
    EXPECT_TRUE(undecided.error().message.contains(QStringLiteral("请选择下一步怎么走")));
    // 暗装 chosen: on to 4.2
    task.choose(QStringLiteral("2.4"), QStringLiteral("concealed"), {});
    auto next = cards.complete(task, QStringLiteral("2.4"));
    ASSERT_TRUE(next.ok()) << next.error().message.toStdString();
    EXPECT_EQ(next.value(), QStringLiteral("4.2"));
    // 19.1 goes on to 20.1, a customer's job: the task walk stops there
    complete(task, QStringLiteral("19.1"));
    auto after = cards.complete(task, QStringLiteral("19.1"));
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after.value(), QString());
    // 36.6 answered online (checks yes) goes to 37.1 (task level)
    complete(task, QStringLiteral("36.6"));
    auto online = cards.complete(task, QStringLiteral("36.6"));
    ASSERT_TRUE(online.ok()) << online.error().message.toStdString();
    EXPECT_EQ(online.value(), QStringLiteral("37.1"));
    // A job card is refused
    auto jobCard = cards.complete(task, QStringLiteral("24.2"));
    ASSERT_FALSE(jobCard.ok());
    EXPECT_EQ(jobCard.error().code, QStringLiteral("workflow.not_task_level"));
}
