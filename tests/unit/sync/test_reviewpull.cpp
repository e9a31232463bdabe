// Office reviews in the assignment pull (issue 14, docs/sync-protocol.md "Reviews"): a page's
// "reviews" array, decoded and stored by the tablet's sync side (StoreSyncLocal) on a real store,
// once, without outbox rows; a page from an office without reviews still decodes; a decision this
// build does not know is refused with a message saying to update.
#include "common/resultvalue.h"
#include "common/storefixture.h"
#include "store/recordjson.h"
#include "store/store.h"
#include "sync/storesynclocal.h"
#include "sync/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace ms;

namespace {

wire::Assignment reviewAssignment(const JobReview &r)
{
    wire::Assignment a;
    a.seq = 9;
    a.entity = QStringLiteral("review");
    a.uuid = r.uuid;
    a.payload = sync::reviewPayload(r);
    return a;
}

JobReview sentBack(const QString &jobUuid)
{
    JobReview r;
    r.uuid = QStringLiteral("6f1d7c2e-0000-4000-8000-000000000001");
    r.jobUuid = jobUuid;
    r.customerUuid = QStringLiteral("c-1");
    r.submission = 1;
    r.decision = ReviewDecision::SentBack;
    r.items = {{QStringLiteral("21.4"), QStringLiteral("box_after"), QStringLiteral("表箱照片模糊")}};
    r.by = QStringLiteral("王芳");
    r.at = QDateTime(QDate(2026, 11, 6), QTime(9, 30), Qt::UTC);
    return r;
}

} // namespace

TEST(ReviewPull, AReviewInAPulledPageIsStoredOnceAndNeverQueuedForPush)
{
    // GIVEN a tablet store holding one job
    test::StoreEnv env;
    Task t;
    t.name = QStringLiteral("安贞里台区");
    Customer c;
    c.accountNo = QStringLiteral("0103087650");
    c.name = QStringLiteral("王建国");
    ASSERT_GT(env.importTask(t, {c}), 0);
    const Job job = test::valueOf(env.store().jobs().list(JobQuery())).value(0).job;
    const int outboxBefore = test::valueOf(env.store().outbox().counts()).records;
    // WHEN the office's page holding a send-back of that job is pulled (as the office encodes it)
    wire::AssignmentPage page;
    page.items << reviewAssignment(sentBack(job.uuid));
    page.cursor = 9;
    const QByteArray body = sync::encodeAssignmentPage(page, QStringLiteral("1"));
    // (reviews travel in their own array: a tablet built before reviews never sees them among
    // the customers, which it would fail to read)
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    EXPECT_TRUE(json.value(QStringLiteral("customers")).toArray().isEmpty());
    EXPECT_EQ(json.value(QStringLiteral("reviews")).toArray().size(), 1);
    auto decoded = sync::decodeAssignmentPage(body);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message.toStdString();
    ASSERT_EQ(decoded->reviews.size(), 1);
    sync::StoreSyncLocal local(env.store());
    ASSERT_TRUE(local.importAssignments(*decoded).ok());
    ASSERT_TRUE(local.importAssignments(*decoded).ok()) << "a re-pull";
    // THEN the tablet holds it once, every field as sent, and nothing waits to be pushed
    const QList<JobReview> held = test::valueOf(env.store().reviews().forJob(job.uuid));
    ASSERT_EQ(held.size(), 1);
    EXPECT_EQ(held.at(0).decision, ReviewDecision::SentBack);
    EXPECT_EQ(held.at(0).submission, 1);
    EXPECT_EQ(held.at(0).by, QStringLiteral("王芳"));
    EXPECT_EQ(held.at(0).at, QDateTime(QDate(2026, 11, 6), QTime(9, 30), Qt::UTC));
    ASSERT_EQ(held.at(0).items.size(), 1);
    EXPECT_EQ(held.at(0).items.at(0).requirement, QStringLiteral("box_after"));
    EXPECT_EQ(held.at(0).items.at(0).reason, QStringLiteral("表箱照片模糊"));
    EXPECT_EQ(test::valueOf(env.store().outbox().counts()).records, outboxBefore);
}

TEST(ReviewPull, APageWithoutReviewsStillDecodesAndABadReviewIsNamed)
{
    // An office from before reviews: no "reviews" key
    auto old = sync::decodeAssignmentPage(
        R"({"tasks":[],"customers":[],"withdrawn":[],"cursor":"3","more":false})");
    ASSERT_TRUE(old.ok());
    EXPECT_TRUE(old->reviews.isEmpty());
    // A decision this build does not know: refused, naming the field and saying to update
    QJsonObject item{{QStringLiteral("entity"), QStringLiteral("review")},
                     {QStringLiteral("uuid"), QStringLiteral("r-9")},
                     {QStringLiteral("version"), 1},
                     {QStringLiteral("payload"), sync::reviewPayload(sentBack(QStringLiteral("j-1")))}};
    QJsonObject payload = item.value(QStringLiteral("payload")).toObject();
    payload.insert(QStringLiteral("decision"), QStringLiteral("rejected"));
    item.insert(QStringLiteral("payload"), payload);
    const QJsonObject page{{QStringLiteral("reviews"), QJsonArray{item}},
                           {QStringLiteral("cursor"), QStringLiteral("4")}};
    auto bad = sync::decodeAssignmentPage(QJsonDocument(page).toJson());
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("reviews[0].payload.decision")));
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("rejected")));
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("升级")));
    // A send-back without items is refused too
    payload.insert(QStringLiteral("decision"), QStringLiteral("sent_back"));
    payload.insert(QStringLiteral("items"), QJsonArray());
    item.insert(QStringLiteral("payload"), payload);
    auto empty = sync::decodeAssignmentPage(
        QJsonDocument(QJsonObject{{QStringLiteral("reviews"), QJsonArray{item}}}).toJson());
    ASSERT_FALSE(empty.ok());
    EXPECT_TRUE(empty.error().message.contains(QStringLiteral("reviews[0].payload.items")));
}
