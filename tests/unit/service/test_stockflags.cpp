// The crew's issued stock on the tablet (issue 15): at 21.4 / 24.3 a new meter whose asset
// number was not issued to the crew, and at 29.1 a seal not issued to it, is refused at once with
// "stock.not_issued" (nothing written) until the installer gives a reason, which is kept in the
// evidence's meta for the office; before any stock arrives nothing is checked; a seal number
// used twice on this tablet is refused whatever the stock says.
#include "jobsessionfixture.h"

using namespace ms;
using namespace ms::test;

namespace {

wire::IssuedStock issued(int version, const QStringList &meters, const QStringList &seals)
{
    return wire::IssuedStock{QStringLiteral("9b1d7f00-0000-5000-8000-000000000001"),
                             version,
                             QStringLiteral("一班"),
                             meters,
                             seals,
                             false};
}

const QString kMeter = QStringLiteral("new_meter_asset");

} // namespace

TEST_F(JobServiceTest, ANumberNotIssuedToTheCrewIsFlaggedAtOnceAndGoesOnOnlyWithAReason)
{
    // GIVEN no stock yet: any well-formed asset number is taken
    ASSERT_TRUE(
        session->addValue(QStringLiteral("21.4"), kMeter, QStringLiteral("3300000000099")).ok());
    // WHEN the crew's stock arrives
    ASSERT_TRUE(store()
                    .stock()
                    .applyPulled({issued(1, {QStringLiteral("3300000000001")},
                                         {QStringLiteral("SL000001"), QStringLiteral("SL000002")})})
                    .ok());
    // THEN a meter not issued is refused, naming it, and nothing is written
    const Error refused = expectRefused("meter not issued", [&] {
        return session->addValue(QStringLiteral("21.4"), kMeter, QStringLiteral("3300000000098"));
    });
    EXPECT_EQ(refused.code, QStringLiteral("stock.not_issued"));
    EXPECT_TRUE(refused.message.contains(QStringLiteral("3300000000098")));
    // an issued one is taken; a reason lets the installer go on, kept for the office
    expectOneAction("issued meter", [&] {
        return session->addValue(QStringLiteral("21.4"), kMeter, QStringLiteral("3300000000001"));
    });
    expectOneAction("meter with a reason", [&] {
        return session->addValue(
            QStringLiteral("21.4"), kMeter, QStringLiteral("3300000000098"),
            {{QStringLiteral("not_issued_reason"), QStringLiteral(" 库房补发 ")}});
    });
    const QList<Evidence> meters = session->evidence(QStringLiteral("21.4"), kMeter);
    ASSERT_EQ(meters.size(), 3);
    EXPECT_FALSE(meters.at(1).meta.contains(QStringLiteral("not_issued_reason")));
    EXPECT_EQ(meters.at(2).meta.value(QStringLiteral("not_issued_reason")).toString(),
              QStringLiteral("库房补发"));
    // seals at 29.1 likewise
    EXPECT_EQ(expectRefused("seal not issued",
                            [&] {
                                return session->addValue(QStringLiteral("29.1"),
                                                         QStringLiteral("seal_numbers"),
                                                         QStringLiteral("SL000009"));
                            })
                  .code,
              QStringLiteral("stock.not_issued"));
    expectOneAction("issued seal", [&] {
        return session->addValue(QStringLiteral("29.1"), QStringLiteral("seal_numbers"),
                                 QStringLiteral("SL000001"));
    });
    // a seal number used twice on this tablet: refused, with or without a reason
    EXPECT_EQ(expectRefused("seal used twice",
                            [&] {
                                return session->addValue(
                                    QStringLiteral("29.1"), QStringLiteral("seal_numbers"),
                                    QStringLiteral("SL000001"),
                                    {{QStringLiteral("not_issued_reason"), QStringLiteral("x")}});
                            })
                  .code,
              QStringLiteral("store.duplicate"));
    EXPECT_EQ(session->seals().size(), 1);
}

TEST_F(JobServiceTest, APulledStockRowReplacesTheCrewsNumbersAndAWithdrawnOneClearsThem)
{
    ASSERT_TRUE(
        store().stock().applyPulled({issued(1, {QStringLiteral("3300000000001")}, {})}).ok());
    ASSERT_TRUE(
        store().stock().applyPulled({issued(2, {QStringLiteral("3300000000002")}, {})}).ok());
    ASSERT_TRUE(
        store().stock().applyPulled({issued(1, {QStringLiteral("3300000000001")}, {})}).ok())
        << "an older version again changes nothing";
    EXPECT_FALSE(valueOf(
        store().stock().isIssued(StockRepository::Kind::Meter, QStringLiteral("3300000000001"))));
    EXPECT_TRUE(valueOf(
        store().stock().isIssued(StockRepository::Kind::Meter, QStringLiteral("3300000000002"))));
    EXPECT_FALSE(valueOf(store().stock().hasStock(StockRepository::Kind::Seal)));
    wire::IssuedStock gone = issued(3, {}, {});
    gone.withdrawn = true;
    ASSERT_TRUE(store().stock().applyPulled({gone}).ok());
    EXPECT_FALSE(valueOf(store().stock().hasStock(StockRepository::Kind::Meter)));
    EXPECT_TRUE(
        session->addValue(QStringLiteral("21.4"), kMeter, QStringLiteral("3300000000077")).ok())
        << "no stock held: nothing to check against";
}
