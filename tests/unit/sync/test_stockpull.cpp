// The crew's stock in the assignment pull (issue 15, docs/sync-protocol.md "Stock"): the
// office's "stock" array decoded and stored by the tablet's sync side on a real store, without
// outbox rows; a page without it still decodes; a row without a crew is named.
#include "common/resultvalue.h"
#include "common/storefixture.h"
#include "store/store.h"
#include "sync/storesynclocal.h"
#include "sync/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace ms;

TEST(StockPull, TheCrewsStockInAPulledPageIsStoredAndNeverQueuedForPush)
{
    test::StoreEnv env;
    const int outboxBefore = test::valueOf(env.store().outbox().counts()).records;
    wire::AssignmentPage page;
    wire::Assignment a;
    a.seq = 4;
    a.entity = QStringLiteral("stock_issue");
    a.uuid = QStringLiteral("9b1d7f00-0000-5000-8000-000000000001");
    a.version = 2;
    a.payload = {{QStringLiteral("crew"), QStringLiteral("一班")},
                 {QStringLiteral("meters"), QJsonArray{QStringLiteral("3300000000001")}},
                 {QStringLiteral("seals"), QJsonArray{QStringLiteral("SL000001")}}};
    page.items << a;
    const QByteArray body = sync::encodeAssignmentPage(page, QStringLiteral("1"));
    // (stock travels in its own array: an older tablet never reads it as a customer)
    EXPECT_TRUE(QJsonDocument::fromJson(body)
                    .object()
                    .value(QStringLiteral("customers"))
                    .toArray()
                    .isEmpty());
    auto decoded = sync::decodeAssignmentPage(body);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message.toStdString();
    ASSERT_EQ(decoded->stock.size(), 1);
    EXPECT_EQ(decoded->stock.at(0).version, 2);
    sync::StoreSyncLocal local(env.store());
    ASSERT_TRUE(local.importAssignments(*decoded).ok());
    EXPECT_TRUE(test::valueOf(env.store().stock().isIssued(StockRepository::Kind::Meter,
                                                           QStringLiteral("3300000000001"))));
    EXPECT_TRUE(test::valueOf(
        env.store().stock().isIssued(StockRepository::Kind::Seal, QStringLiteral("SL000001"))));
    EXPECT_EQ(test::valueOf(env.store().outbox().counts()).records, outboxBefore);

    auto old =
        sync::decodeAssignmentPage(R"({"tasks":[],"customers":[],"cursor":"3","more":false})");
    ASSERT_TRUE(old.ok());
    EXPECT_TRUE(old->stock.isEmpty());
    auto bad = sync::decodeAssignmentPage(
        R"({"stock":[{"entity":"stock_issue","uuid":"u-1","version":1,"payload":{}}],"cursor":"5"})");
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("stock[0]")));
}
