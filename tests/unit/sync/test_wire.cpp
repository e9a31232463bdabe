// The sync wire format: round trips and precise errors on bad input.
#include "common/chainsigner.h"
#include "store/recordjson.h"
#include "sync/wire.h"

#include <gtest/gtest.h>

using namespace ms;

TEST(Wire, PushBatchRoundTripsEveryField)
{
    OutboxEntry e;
    e.seq = 42;
    e.entity = QStringLiteral("evidence");
    e.uuid = QStringLiteral("7b0c…");
    e.version = 3;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("value"), QStringLiteral("12345.67")}};
    e.blobs = {QString(64, QLatin1Char('a'))};
    e.createdAt = QDateTime(QDate(2026, 11, 5), QTime(14, 22, 33, 120), Qt::UTC);
    auto back = sync::decodePushBatch(sync::encodePushBatch({e}));
    ASSERT_TRUE(back) << back.error().message.toStdString();
    ASSERT_EQ(back->size(), 1);
    const OutboxEntry &b = back->first();
    EXPECT_EQ(b.seq, 42);
    EXPECT_EQ(b.entity, e.entity);
    EXPECT_EQ(b.uuid, e.uuid);
    EXPECT_EQ(b.version, 3);
    EXPECT_EQ(b.payload, e.payload);
    EXPECT_EQ(b.blobs, e.blobs);
    EXPECT_EQ(b.createdAt, e.createdAt);
}

TEST(Wire, ChainLinkTravelsWithItsRecordAndStillChecks)
{
    test::ChainSigner device;
    OutboxEntry e;
    e.seq = 7;
    e.entity = QStringLiteral("reading");
    e.uuid = QStringLiteral("r-1");
    e.version = 1;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("kwh"), 1234.56}, {QStringLiteral("note"), QStringLiteral("表号 \"A\"")}};
    e = device.next(e);
    auto back = sync::decodePushBatch(sync::encodePushBatch({e}));
    ASSERT_TRUE(back) << back.error().message.toStdString();
    const OutboxEntry &b = back->first();
    EXPECT_EQ(b.chain.n, 1);
    EXPECT_EQ(b.chain.link, e.chain.link);
    EXPECT_EQ(b.chain.signature, e.chain.signature);
    EXPECT_EQ(chain::checkLink(b, device.key().publicKey()), chain::LinkFault::None);

    // a malformed link is a bad request naming the field; none at all is the office's to refuse
    QJsonObject o = sync::outboxEntryToJson(e);
    QJsonObject c = o.value(QStringLiteral("chain")).toObject();
    c.insert(QStringLiteral("signature"), QStringLiteral("00"));
    o.insert(QStringLiteral("chain"), c);
    auto bad = sync::outboxEntryFromJson(o, QStringLiteral("records[0]"));
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("records[0].chain.signature")));
    o.remove(QStringLiteral("chain"));
    auto bare = sync::outboxEntryFromJson(o, QStringLiteral("records[0]"));
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->chain.n, 0);
}

TEST(Wire, BadBatchesNameTheFieldThatIsWrong)
{
    auto notJson = sync::decodePushBatch("{\"records\": [");
    ASSERT_FALSE(notJson);
    EXPECT_EQ(notJson.error().code, QStringLiteral("sync.malformed_json"));
    auto noVersion = sync::decodePushBatch(
        R"({"records":[{"seq":1,"entity":"job","uuid":"a","op":"upsert","payload":{}}]})");
    ASSERT_FALSE(noVersion);
    EXPECT_TRUE(noVersion.error().message.contains(QStringLiteral("records[0].version")));
    auto badBlob = sync::decodePushBatch(
        R"({"records":[{"seq":1,"entity":"job","uuid":"a","version":1,"op":"upsert","payload":{},"blobs":[7]}]})");
    ASSERT_FALSE(badBlob);
    EXPECT_TRUE(badBlob.error().message.contains(QStringLiteral("records[0].blobs[0]")));
}

TEST(Wire, CustomerAndTaskRoundTripThroughAnAssignmentPage)
{
    Task t;
    t.uuid = QStringLiteral("task-1");
    t.code = QStringLiteral("T1");
    t.name = QStringLiteral("安贞里台区");
    t.plannedStart = QDate(2026, 11, 1);
    Customer c;
    c.uuid = QStringLiteral("cust-1");
    c.accountNo = QStringLiteral("0100000001");
    c.name = QStringLiteral("王建国");
    c.payment = PaymentType::Prepaid;
    c.oldMeter.assetNo = QStringLiteral("1100000000000000000001");
    c.lastBilledReading = 1234.5;
    c.mismatchFlag = true;
    wire::AssignmentPage page;
    page.items = {{1, QStringLiteral("task"), t.uuid, 1, json::fromTask(t)},
                  {2, QStringLiteral("customer"), c.uuid, 1, json::fromCustomer(c, t.uuid)}};
    page.cursor = 2;
    auto pulled = sync::decodeAssignmentPage(sync::encodeAssignmentPage(page, QStringLiteral("2026.11-1")));
    ASSERT_TRUE(pulled) << pulled.error().message.toStdString();
    ASSERT_EQ(pulled->tasks.size(), 1);
    ASSERT_EQ(pulled->customers.size(), 1);
    EXPECT_EQ(pulled->tasks.first().name, t.name);
    EXPECT_EQ(pulled->tasks.first().plannedStart, t.plannedStart);
    EXPECT_FALSE(pulled->tasks.first().plannedEnd.isValid()); // no end date stays no end date
    const Customer &back = pulled->customers.first().customer;
    EXPECT_EQ(pulled->customers.first().taskUuid, t.uuid);
    EXPECT_EQ(back.payment, PaymentType::Prepaid);
    EXPECT_EQ(back.oldMeter.assetNo, c.oldMeter.assetNo);
    EXPECT_EQ(back.lastBilledReading, 1234.5);
    EXPECT_TRUE(back.mismatchFlag);
    EXPECT_EQ(pulled->cursor, 2);
    EXPECT_EQ(pulled->catalogVersion, QStringLiteral("2026.11-1"));
}

TEST(Wire, ServerErrorBodyIsDecodedAndAnEmptyBodyStillExplainsTheStatus)
{
    const Error e = sync::decodeError(sync::encodeError(makeError(QStringLiteral("x.y"), QStringLiteral("说明"))), 400);
    EXPECT_EQ(e.code, QStringLiteral("x.y"));
    EXPECT_EQ(e.message, QStringLiteral("说明"));
    const Error empty = sync::decodeError({}, 502);
    EXPECT_EQ(empty.code, QStringLiteral("sync.http_502"));
    EXPECT_TRUE(empty.message.contains(QStringLiteral("502")));
}

TEST(Wire, BlobStateQueryRoundTripsAndRefusesBadHashesAndTooManyFiles)
{
    const QString a(64, QLatin1Char('a')), b(64, QLatin1Char('b'));
    auto query = sync::decodeBlobStateQuery(sync::encodeBlobStateQuery({a, b}));
    ASSERT_TRUE(query) << query.error().message.toStdString();
    EXPECT_EQ(*query, (QStringList{a, b}));

    auto upper = sync::decodeBlobStateQuery(sync::encodeBlobStateQuery({a, QString(64, QLatin1Char('A'))}));
    ASSERT_FALSE(upper);
    EXPECT_TRUE(upper.error().message.contains(QStringLiteral("sha256[1]"))) << upper.error().message.toStdString();
    EXPECT_FALSE(sync::decodeBlobStateQuery(QByteArrayLiteral(R"({"sha256": "aa"})")));
    EXPECT_FALSE(sync::decodeBlobStateQuery(QByteArrayLiteral("{not json")));
    QStringList many;
    for (int i = 0; i <= sync::kMaxStateQuery; ++i)
        many << a;
    EXPECT_FALSE(sync::decodeBlobStateQuery(sync::encodeBlobStateQuery(many)));

    auto states = sync::decodeBlobStates(sync::encodeBlobStates({{a, {4096, false}}, {b, {9000, true}}}));
    ASSERT_TRUE(states) << states.error().message.toStdString();
    EXPECT_EQ(states->value(a).offset, 4096);
    EXPECT_FALSE(states->value(a).complete);
    EXPECT_TRUE(states->value(b).complete);
    EXPECT_FALSE(sync::decodeBlobStates(QByteArrayLiteral(R"({"blobs": [{"sha256": "x", "offset": 1}]})")));
    EXPECT_FALSE(sync::decodeBlobStates(QByteArrayLiteral(R"({"blobs": [{"offset": -1}]})")));
}

TEST(Wire, ConflictAnswersCarryTheFieldsThatDiffer)
{
    const wire::PushResult conflict{7, QStringLiteral("c1"), 2, wire::PushStatus::Conflict,
                                      QStringLiteral("record.conflict"), QStringLiteral("两份都已保存"),
                                      {QStringLiteral("address"), QStringLiteral("phone")}};
    const QByteArray body = sync::encodePushResults({conflict});
    EXPECT_TRUE(body.contains("\"status\":\"conflict\"")) << body.constData();
    auto back = sync::decodePushResults(body);
    ASSERT_TRUE(back) << back.error().message.toStdString();
    ASSERT_EQ(back->size(), 1);
    EXPECT_EQ(back->first().status, wire::PushStatus::Conflict);
    EXPECT_EQ(back->first().fields, conflict.fields);
    EXPECT_FALSE(back->first().confirmed());
}

TEST(Wire, TombstonesTravelInTheAssignmentPageWithoutPersonalData)
{
    wire::AssignmentPage page;
    wire::Assignment gone{3, QStringLiteral("customer"), QStringLiteral("c1"), 2, {}};
    gone.withdrawn = true;
    gone.taskUuid = QStringLiteral("t1");
    page.items = {gone};
    page.cursor = 3;
    const QByteArray body = sync::encodeAssignmentPage(page, {});
    auto pulled = sync::decodeAssignmentPage(body);
    ASSERT_TRUE(pulled) << pulled.error().message.toStdString();
    EXPECT_TRUE(pulled->customers.isEmpty());
    ASSERT_EQ(pulled->withdrawn.size(), 1);
    EXPECT_EQ(pulled->withdrawn.first().uuid, QStringLiteral("c1"));
    EXPECT_EQ(pulled->withdrawn.first().entity, QStringLiteral("customer"));
    EXPECT_EQ(pulled->withdrawn.first().taskUuid, QStringLiteral("t1"));
    auto bad = sync::decodeAssignmentPage(R"({"withdrawn": [{"entity": "job", "uuid": "x"}]})");
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("withdrawn[0]")));
}
