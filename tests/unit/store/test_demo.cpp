// Demo data: one 台区 of ~20 households, users for every role, loaded once; the N-job generator.
#include "common/storefixture.h"

#include "common/resultvalue.h"
#include "store/demodata.h"

#include <QSet>

using namespace ms;
using namespace ms::test;

TEST_F(StoreTest, DemoDataIsRealisticAndLoadedOnlyOnce)
{
    auto first = loadDemoData(store());
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_TRUE(first->loaded);
    const QList<Customer> cs = test::valueOf(store().tasks().customers(first->taskId));
    EXPECT_EQ(cs.size(), 20);
    int prepaid = 0, mismatch = 0;
    QSet<QString> accounts;
    for (const Customer &c : cs) {
        accounts.insert(c.accountNo);
        EXPECT_EQ(c.oldMeter.assetNo.size(), 22);
        EXPECT_EQ(c.oldMeter.assetNo.right(12), c.oldMeter.commAddress);
        EXPECT_TRUE(c.address.startsWith(QStringLiteral("北京市")));
        EXPECT_TRUE(c.lastBilledReading.has_value());
        prepaid += c.payment == PaymentType::Prepaid;
        if (c.mismatchFlag) {
            ++mismatch;
            EXPECT_TRUE(test::valueOf(store().mismatch().purchase(c.accountNo)).has_value());
        }
    }
    EXPECT_EQ(accounts.size(), 20);
    EXPECT_EQ(mismatch, 2);
    EXPECT_GT(prepaid, 0);
    EXPECT_LT(prepaid, 20);

    QSet<QString> roles;
    for (const User &u : test::valueOf(store().users().list()))
        for (const QString &r : u.roles)
            roles.insert(r);
    for (const char *role : {"installer", "crew_leader", "office_clerk", "supervisor",
                             "project_engineer", "community_manager", "warehouse", "billing"})
        EXPECT_TRUE(roles.contains(QLatin1String(role))) << role;
    const User installer = test::valueOf(store().users().list()).value(0);
    // every demo PIN is 123456 (README), stored with today's KDF
    EXPECT_TRUE(store().users().verifyPin(installer.uuid, QStringLiteral("123456")).ok());
    EXPECT_EQ(installer.pinKdf, pin::currentKdf());

    // WHEN loaded again (second run of the demo) THEN nothing is added
    reopen();
    auto second = loadDemoData(store());
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second->loaded);
    EXPECT_EQ(second->taskId, first->taskId);
    EXPECT_EQ(test::valueOf(store().tasks().list()).size(), 1);
    EXPECT_EQ(test::valueOf(store().users().list()).size(), 8);
}

TEST_F(StoreTest, GeneratorMakesTheRequestedNumberOfSearchableJobs)
{
    auto task = generateJobs(store(), 500, 7);
    ASSERT_TRUE(task.ok());
    EXPECT_EQ(test::valueOf(store().jobs().count(JobQuery().inTask(task.value()))), 500);
    EXPECT_EQ(
        test::valueOf(store().jobs().count(JobQuery().matching(QStringLiteral("0700000123")))), 1);
    EXPECT_EQ(generateJobs(store(), 0).error().code, QStringLiteral("store.bad_input"));
}
