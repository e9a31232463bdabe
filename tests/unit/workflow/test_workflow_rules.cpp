// Workflow rules on small catalogs built in the test: checks, conditions, bad choices, loops.
#include "workflow/workflow.h"

#include <gtest/gtest.h>

using namespace ms;

namespace {

Card makeCard(const QString &id, QList<Edge> next, QList<EvidenceRequirement> evidence = {})
{
    Card c;
    c.id = id;
    c.flow = id.section(QLatin1Char('.'), 0, 0);
    c.title = QStringLiteral("卡片 ") + id;
    c.steps = {Step{QStringLiteral("做第一件事"), false}};
    c.evidence = std::move(evidence);
    c.next = std::move(next);
    if (c.next.size() > 1)
        c.decision = Decision{QStringLiteral("d"), QStringLiteral("怎么办？")};
    return c;
}

EvidenceRequirement check(const QString &key, const QString &label)
{
    EvidenceRequirement r;
    r.key = key;
    r.kind = EvidenceKind::Check;
    r.label = label;
    return r;
}

Catalog inspectionCatalog()
{
    // 27.1 quality check: failed -> 42.1 rectification plan -> 43.1 -> 27.1 re-check; passed -> 28.1
    Catalog c;
    c.jobEntry = QStringLiteral("27.1");
    c.cards = {makeCard(QStringLiteral("27.1"),
                        {Edge{QStringLiteral("28.1"), {}, QStringLiteral("合格"), QStringLiteral("check.passed"), {}},
                         Edge{QStringLiteral("42.1"), {}, QStringLiteral("不合格"), QStringLiteral("check.failed"), {}}},
                        {check(QStringLiteral("wiring_ok"), QStringLiteral("接线工艺合格"))}),
               makeCard(QStringLiteral("28.1"), {}),
               makeCard(QStringLiteral("42.1"), {Edge{QStringLiteral("43.1"), {}, {}, {}, {}}}),
               makeCard(QStringLiteral("43.1"), {Edge{QStringLiteral("27.1"), {}, {}, {}, {}}})};
    c.cards[0].decision.reset();
    c.reindex();
    return c;
}

} // namespace

TEST(WorkflowRules, FailedCheckTakesTheRectificationEdge)
{
    const Catalog c = inspectionCatalog();
    Workflow wf(c);
    JobSnapshot job;
    job.tick(QStringLiteral("27.1"), 0);
    job.capture(QStringLiteral("27.1"), QStringLiteral("wiring_ok"), QStringLiteral("no"));
    // a "no" is an answer: the card can complete because it has a check.failed edge
    const WorkflowState s = wf.evaluate(job);
    EXPECT_EQ(s.currentCard, "42.1");
    EXPECT_EQ(s.path.first().when, "check.failed");
}

TEST(WorkflowRules, PassedCheckGoesToAcceptanceAndEndsDone)
{
    const Catalog c = inspectionCatalog();
    Workflow wf(c);
    JobSnapshot job;
    job.tick(QStringLiteral("27.1"), 0);
    job.capture(QStringLiteral("27.1"), QStringLiteral("wiring_ok"), QStringLiteral("yes"));
    EXPECT_EQ(wf.evaluate(job).currentCard, "28.1");
    job.tick(QStringLiteral("28.1"), 0);
    EXPECT_EQ(wf.evaluate(job).status, JobStatus::Done);
}

TEST(WorkflowRules, ReturningToADoneCardAsksForItToBeRedone)
{
    const Catalog c = inspectionCatalog();
    Workflow wf(c);
    JobSnapshot job;
    for (const char *id : {"27.1", "42.1", "43.1"})
        job.tick(QString::fromLatin1(id), 0);
    job.capture(QStringLiteral("27.1"), QStringLiteral("wiring_ok"), QStringLiteral("no"));
    const WorkflowState s = wf.evaluate(job);
    EXPECT_EQ(s.currentCard, "27.1");
    EXPECT_FALSE(s.problem.isEmpty());
    EXPECT_EQ(s.status, JobStatus::InProgress);
}

TEST(WorkflowRules, AChoiceThatIsNotOnTheCardIsReportedNotFollowed)
{
    Catalog c;
    c.jobEntry = QStringLiteral("1.1");
    c.cards = {makeCard(QStringLiteral("1.1"),
                        {Edge{QStringLiteral("1.2"), QStringLiteral("a"), QStringLiteral("甲"), {}, {}},
                         Edge{QStringLiteral("1.3"), QStringLiteral("b"), QStringLiteral("乙"), {}, {}}}),
               makeCard(QStringLiteral("1.2"), {}), makeCard(QStringLiteral("1.3"), {})};
    c.reindex();
    Workflow wf(c);
    JobSnapshot job;
    job.tick(QStringLiteral("1.1"), 0);
    job.choose(QStringLiteral("1.1"), QStringLiteral("zzz"), {});
    const Result<Edge> e = wf.nextEdge(job, QStringLiteral("1.1"));
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, "workflow.unknown_choice");
    const WorkflowState s = wf.evaluate(job);
    EXPECT_EQ(s.currentCard, "1.1");
    EXPECT_FALSE(s.problem.isEmpty());
    job.choose(QStringLiteral("1.1"), QStringLiteral("b"), QStringLiteral("现场原因"));
    EXPECT_EQ(wf.evaluate(job).currentCard, "1.3");
}

TEST(WorkflowRules, IncompleteCardHasNoNextEdge)
{
    Catalog c;
    c.jobEntry = QStringLiteral("1.1");
    c.cards = {makeCard(QStringLiteral("1.1"), {Edge{QStringLiteral("1.2"), {}, {}, {}, {}}}),
               makeCard(QStringLiteral("1.2"), {})};
    c.reindex();
    const Result<Edge> e = Workflow(c).nextEdge(JobSnapshot{}, QStringLiteral("1.1"));
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, "workflow.incomplete");
}

TEST(WorkflowRules, NoMatchingConditionIsACatalogProblemNotACrash)
{
    Catalog c;
    c.jobEntry = QStringLiteral("35.0");
    c.cards = {makeCard(QStringLiteral("35.0"),
                        {Edge{QStringLiteral("35.1"), {}, {}, QStringLiteral("customer.prepaid"), {}}}),
               makeCard(QStringLiteral("35.1"), {})};
    c.cards[0].decision.reset();
    c.reindex();
    JobSnapshot job;
    job.tick(QStringLiteral("35.0"), 0);
    const WorkflowState s = Workflow(c).evaluate(job);
    EXPECT_EQ(s.currentCard, "35.0");
    EXPECT_FALSE(s.problem.isEmpty());
    job.customer.prepaid = true;
    EXPECT_EQ(Workflow(c).evaluate(job).currentCard, "35.1");
}

TEST(WorkflowRules, UnknownStartCardIsReported)
{
    Catalog c;
    c.jobEntry = QStringLiteral("9.9");
    c.reindex();
    const WorkflowState s = Workflow(c).evaluate(JobSnapshot{});
    EXPECT_FALSE(s.problem.isEmpty());
}

TEST(WorkflowRules, ChoiceConditionsSeeChoicesMadeOnEarlierCards)
{
    Catalog c;
    c.reindex();
    Workflow wf(c);
    JobSnapshot job;
    EXPECT_FALSE(wf.conditionHolds(QStringLiteral("choice.nobody_home"), job, {}));
    EXPECT_TRUE(wf.conditionHolds(QStringLiteral("!choice.nobody_home"), job, {}));
    job.choose(QStringLiteral("21.1"), QStringLiteral("nobody_home"), {});
    EXPECT_TRUE(wf.conditionHolds(QStringLiteral("choice.nobody_home"), job, {}));
    EXPECT_TRUE(wf.conditionHolds(QStringLiteral("customer.postpaid"), job, {}));
}

TEST(WorkflowRules, HandingOverToAnOfficeRoleEndsTheFieldJob)
{
    // GIVEN 30.2 (crew leader, field) -> 31.1 (office clerk, office)
    Catalog c;
    c.jobEntry = QStringLiteral("30.2");
    c.roles = {Role{QStringLiteral("crew_leader"), QStringLiteral("施工负责人"), QStringLiteral("field")},
               Role{QStringLiteral("office_clerk"), QStringLiteral("内勤"), QStringLiteral("office")}};
    c.cards = {makeCard(QStringLiteral("30.2"), {Edge{QStringLiteral("31.1"), {}, {}, {}, {}}}),
               makeCard(QStringLiteral("31.1"), {})};
    c.cards[0].role = QStringLiteral("crew_leader");
    c.cards[1].role = QStringLiteral("office_clerk");
    c.reindex();
    JobSnapshot job;
    job.tick(QStringLiteral("30.2"), 0);
    // WHEN 30.2 is complete THEN the job is done and the path records the handover
    const WorkflowState s = Workflow(c).evaluate(job);
    EXPECT_EQ(s.status, JobStatus::Done);
    ASSERT_EQ(s.path.size(), 1);
    EXPECT_EQ(s.path.first().to, "31.1");
    // and with a field role on 31.1 the walk would continue instead
    c.cards[1].role = QStringLiteral("crew_leader");
    EXPECT_EQ(Workflow(c).evaluate(job).currentCard, "31.1");
}
