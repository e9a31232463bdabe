// The office workstation's memory in the local store (OfficeDeskRepository, migration 8): kept
// answers and unsent decisions survive closing and reopening the store; order and marks kept.
#include "common/storefixture.h"

#include <QJsonArray>

using namespace ms;

class OfficeDeskStoreTest : public test::StoreTest
{
};

TEST_F(OfficeDeskStoreTest, AnswersAndUnsentDecisionsSurviveAReopen)
{
    auto &desk = store().officeDesk();
    const QJsonObject queue{{QStringLiteral("jobs"), QJsonArray{QJsonObject{{QStringLiteral("uuid"), QStringLiteral("j1")}}}}};
    ASSERT_TRUE(desk.putAnswer(QStringLiteral("review.queue"), queue).ok());
    for (const char *id : {"d1", "d2"}) {
        PendingDecision d;
        d.decisionUuid = QLatin1String(id);
        d.jobUuid = QStringLiteral("j1");
        d.kind = QStringLiteral("approve");
        d.body = {{QStringLiteral("decision_uuid"), QLatin1String(id)}};
        d.summary = QStringLiteral("通过 1001");
        d.userUuid = QStringLiteral("wang");
        ASSERT_TRUE(desk.queueDecision(d).ok());
    }
    // the same decision_uuid twice is refused: a decision is queued once
    PendingDecision again;
    again.decisionUuid = QStringLiteral("d1");
    again.jobUuid = QStringLiteral("j1");
    again.kind = QStringLiteral("approve");
    EXPECT_FALSE(desk.queueDecision(again).ok());
    ASSERT_TRUE(desk.markFailed(QStringLiteral("d2"), QStringLiteral("409 已审核"), true).ok());

    reopen();
    auto kept = store().officeDesk().answer(QStringLiteral("review.queue"));
    ASSERT_TRUE(kept.ok());
    ASSERT_TRUE(kept->has_value());
    EXPECT_EQ((*kept)->body, queue);
    auto pending = store().officeDesk().pendingDecisions(QStringLiteral("wang"));
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 2);
    EXPECT_EQ(pending->at(0).decisionUuid, QStringLiteral("d1"));
    EXPECT_FALSE(pending->at(0).refused);
    EXPECT_TRUE(pending->at(1).refused);
    EXPECT_EQ(pending->at(1).lastError, QStringLiteral("409 已审核"));
    ASSERT_TRUE(store().officeDesk().removeDecision(QStringLiteral("d1")).ok());
    EXPECT_EQ(store().officeDesk().pendingDecisions(QStringLiteral("wang"))->size(), 1);
    EXPECT_EQ(pending->at(0).userUuid, QStringLiteral("wang"));
    // another user of the same PC does not see (or send) them
    EXPECT_TRUE(store().officeDesk().pendingDecisions(QStringLiteral("li"))->isEmpty());
    EXPECT_FALSE(store().officeDesk().answer(QStringLiteral("nothing"))->has_value());
}
