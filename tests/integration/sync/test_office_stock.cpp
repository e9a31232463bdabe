// The warehouse (issue 15) against the real meterswap-office process: issue to a crew by
// numbers and ranges, returns matched to what each number is, the reconciliation naming every
// planted difference, the crew's stock in the tablets' pull, the review page's flag; the
// warehouse role on every endpoint; and meterswapctl stock.
#include "officefixture.h"

#include <QFile>
#include <QSet>

using namespace ms;
using namespace ms::test;

namespace {

class OfficeStockTest : public OfficeFixture
{
protected:
    void SetUp() override
    {
        OfficeFixture::SetUp();
        m_warehouse = officeToken(QStringLiteral("store-pc-01"), QStringLiteral("孙库管"),
                                  QStringLiteral("warehouse"));
        ASSERT_FALSE(m_warehouse.isEmpty());
    }
    // A job of `t` on a task of `crew` that swapped `oldAsset` for `newAsset` and sealed `seals`.
    QString swap(Tablet &t, const QString &crew, const QString &account, const QString &oldAsset,
                 const QString &newAsset, const QStringList &seals, const QJsonObject &newMeta = {})
    {
        const QString job =
            submittedJob(t, crew, account, QStringLiteral("2026-11-05T08:00:00.000Z"));
        evidence(t, uuid(), job, QStringLiteral("21.3"), QStringLiteral("old_meter_asset"),
                 QStringLiteral("barcode"), oldAsset,
                 {{QStringLiteral("meter"), QStringLiteral("old")}});
        QJsonObject meta = newMeta;
        meta.insert(QStringLiteral("meter"), QStringLiteral("new"));
        evidence(t, uuid(), job, QStringLiteral("21.4"), QStringLiteral("new_meter_asset"),
                 QStringLiteral("barcode"), newAsset, meta);
        for (const QString &n : seals) {
            evidence(t, uuid(), job, QStringLiteral("29.1"), QStringLiteral("seal_numbers"),
                     QStringLiteral("seal_number"), n, {});
            push(t, QStringLiteral("seal"), uuid(), 1,
                 {{QStringLiteral("job_uuid"), job},
                  {QStringLiteral("position"), QStringLiteral("box")},
                  {QStringLiteral("number"), n},
                  {QStringLiteral("at"), QStringLiteral("2026-11-05T02:00:00.000Z")}});
        }
        return job;
    }
    Http stock(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return post(QStringLiteral("office/stock/") + path, token.isEmpty() ? m_warehouse : token,
                    body);
    }
    static QSet<QString> differences(const QJsonObject &reconciliation)
    {
        QSet<QString> out;
        for (const QJsonValue &v : reconciliation.value(QStringLiteral("differences")).toArray()) {
            const QJsonObject d = v.toObject();
            out.insert(d.value(QStringLiteral("kind")).toString() + QLatin1Char(' ')
                       + d.value(QStringLiteral("asset_no")).toString()
                       + d.value(QStringLiteral("seal_no")).toString());
        }
        return out;
    }
    QString m_warehouse;
};

QJsonArray list(std::initializer_list<const char *> items)
{
    QJsonArray out;
    for (const char *i : items)
        out.append(QString::fromLatin1(i));
    return out;
}

} // namespace

TEST_F(OfficeStockTest, EveryStockEndpointNeedsTheWarehouseRole)
{
    const QJsonObject body{{QStringLiteral("crew"), QStringLiteral("一班")},
                           {QStringLiteral("meters"), list({"3300000000001"})}};
    // GIVEN a field tablet's or a clerk's token WHEN it issues, returns or reconciles THEN 403
    for (const QString &token : {m_zhang.token, m_clerk}) {
        for (const Http &r : {stock(QStringLiteral("issue"), body, token),
                              stock(QStringLiteral("return"), body, token),
                              request("GET", api(QStringLiteral("office/stock")), token),
                              request("GET", api(QStringLiteral("office/stock/batches")), token)}) {
            EXPECT_EQ(r.status, 403) << r.body.constData();
            EXPECT_EQ(r.json()
                          .value(QStringLiteral("error"))
                          .toObject()
                          .value(QStringLiteral("code"))
                          .toString(),
                      QStringLiteral("auth.role"));
        }
    }
    EXPECT_TRUE(stock(QStringLiteral("issue"), body, m_clerk).body.contains("warehouse"));
    // nothing was issued
    const QJsonObject r = request("GET", api(QStringLiteral("office/stock")), m_warehouse).json();
    EXPECT_EQ(r.value(QStringLiteral("issued")).toObject().value(QStringLiteral("meters")).toInt(),
              0);
}

TEST_F(OfficeStockTest, IssueChecksNumbersAndKeepsANumberWithOneCrew)
{
    const Http bad =
        stock(QStringLiteral("issue"), {{QStringLiteral("crew"), QStringLiteral("一班")},
                                        {QStringLiteral("meters"), list({"12AB"})}});
    EXPECT_EQ(bad.status, 400) << bad.body.constData();
    EXPECT_TRUE(bad.body.contains("12AB"));
    const Http badRange =
        stock(QStringLiteral("issue"), {{QStringLiteral("crew"), QStringLiteral("一班")},
                                        {QStringLiteral("seals"), list({"BJ000009-BJ000001"})}});
    EXPECT_EQ(badRange.status, 400) << badRange.body.constData();
    const Http issued = stock(QStringLiteral("issue"),
                              {{QStringLiteral("request_uuid"), QStringLiteral("req-1")},
                               {QStringLiteral("crew"), QStringLiteral("一班")},
                               {QStringLiteral("meters"), list({"3300000000001-3300000000003"})},
                               {QStringLiteral("seals"), list({"SL000001-SL000004"})}});
    ASSERT_EQ(issued.status, 200) << issued.body.constData();
    EXPECT_EQ(issued.json().value(QStringLiteral("lines")).toArray().size(), 7);
    // the same request again is answered once; the same numbers to another crew are refused
    const Http again =
        stock(QStringLiteral("issue"), {{QStringLiteral("request_uuid"), QStringLiteral("req-1")},
                                        {QStringLiteral("crew"), QStringLiteral("一班")},
                                        {QStringLiteral("meters"), list({"3300000000001"})}});
    EXPECT_TRUE(again.json().value(QStringLiteral("repeated")).toBool()) << again.body.constData();
    const Http elsewhere =
        stock(QStringLiteral("issue"),
              {{QStringLiteral("crew"), QStringLiteral("二班")},
               {QStringLiteral("meters"), list({"3300000000009", "3300000000002"})}});
    EXPECT_EQ(elsewhere.status, 409) << elsewhere.body.constData();
    EXPECT_TRUE(QString::fromUtf8(elsewhere.body).contains(QStringLiteral("3300000000002")));
    const QJsonObject two =
        request("GET", api(QStringLiteral("office/stock?crew=%E4%BA%8C%E7%8F%AD")), m_warehouse)
            .json();
    EXPECT_EQ(
        two.value(QStringLiteral("issued")).toObject().value(QStringLiteral("meters")).toInt(), 0)
        << "a refused issue stores nothing";
}

TEST_F(OfficeStockTest, ReconciliationNamesExactlyThePlantedDifferences)
{
    ASSERT_EQ(stock(QStringLiteral("issue"),
                    {{QStringLiteral("crew"), QStringLiteral("一班")},
                     {QStringLiteral("meters"), list({"3300000000001-3300000000004"})},
                     {QStringLiteral("seals"), list({"SL000001-SL000008"})}})
                  .status,
              200);
    ASSERT_EQ(
        stock(QStringLiteral("issue"), {{QStringLiteral("crew"), QStringLiteral("二班")},
                                        {QStringLiteral("meters"), list({"3300000000011"})},
                                        {QStringLiteral("seals"), list({"SL000011-SL000013"})}})
            .status,
        200);
    // 一班: one swap as issued; one with a meter never issued (and a reason), whose seal is
    // also used by 二班's job
    swap(m_zhang, QStringLiteral("一班"), QStringLiteral("01"), QStringLiteral("1100000000001"),
         QStringLiteral("3300000000001"),
         {QStringLiteral("SL000001"), QStringLiteral("SL000002"), QStringLiteral("SL000003")});
    const QString odd =
        swap(m_zhang, QStringLiteral("一班"), QStringLiteral("02"), QStringLiteral("1100000000002"),
             QStringLiteral("9900000000009"), {QStringLiteral("SL000004")},
             {{QStringLiteral("not_issued_reason"), QStringLiteral("库房补发，单据未到")}});
    swap(m_li, QStringLiteral("二班"), QStringLiteral("03"), QStringLiteral("1100000000003"),
         QStringLiteral("3300000000011"), {QStringLiteral("SL000011"), QStringLiteral("SL000004")});
    // the crew's tablet pulls what was issued to it
    const QJsonArray pulled =
        request("GET", api(QStringLiteral("assignments?since=0")), m_zhang.token)
            .json()
            .value(QStringLiteral("stock"))
            .toArray();
    ASSERT_EQ(pulled.size(), 1);
    const QJsonObject payload =
        pulled.first().toObject().value(QStringLiteral("payload")).toObject();
    EXPECT_EQ(payload.value(QStringLiteral("crew")).toString(), QStringLiteral("一班"));
    EXPECT_EQ(payload.value(QStringLiteral("meters")).toArray().size(), 4);
    EXPECT_EQ(payload.value(QStringLiteral("seals")).toArray().size(), 8);
    // an unknown number in a return: refused, nothing stored
    const Http unknown =
        stock(QStringLiteral("return"),
              {{QStringLiteral("meters"), list({"1100000000001", "5500000000005"})}});
    EXPECT_EQ(unknown.status, 422) << unknown.body.constData();
    EXPECT_TRUE(unknown.body.contains("5500000000005"));
    // 一班 returns the first old meter, one unused new meter and three unused seals; keeps the
    // second old meter, two new meters and one seal
    const Http returned =
        stock(QStringLiteral("return"),
              {{QStringLiteral("meters"), list({"1100000000001", "3300000000002"})},
               {QStringLiteral("seals"), list({"SL000005-SL000007"})}});
    ASSERT_EQ(returned.status, 200) << returned.body.constData();
    const QJsonArray lines = returned.json().value(QStringLiteral("lines")).toArray();
    ASSERT_EQ(lines.size(), 5);
    EXPECT_EQ(lines.at(0).toObject().value(QStringLiteral("kind")).toString(),
              QStringLiteral("old_meter"));
    EXPECT_EQ(lines.at(0).toObject().value(QStringLiteral("account_no")).toString(),
              QStringLiteral("01"));
    EXPECT_EQ(lines.at(1).toObject().value(QStringLiteral("kind")).toString(),
              QStringLiteral("meter"));

    const Http shown =
        request("GET", api(QStringLiteral("office/stock?crew=%E4%B8%80%E7%8F%AD")), m_warehouse);
    ASSERT_EQ(shown.status, 200) << shown.body.constData();
    const QJsonObject one = shown.json();
    EXPECT_EQ(differences(one), (QSet<QString>{QStringLiteral("installed_not_issued 9900000000009"),
                                               QStringLiteral("removed_not_returned 1100000000002"),
                                               QStringLiteral("issued_missing 3300000000003"),
                                               QStringLiteral("issued_missing 3300000000004"),
                                               QStringLiteral("issued_missing SL000008"),
                                               QStringLiteral("seal_used_twice SL000004")}))
        << shown.body.constData();
    // issued = installed + returned + on hand
    EXPECT_EQ(
        one.value(QStringLiteral("issued")).toObject().value(QStringLiteral("meters")).toInt(), 4);
    EXPECT_EQ(
        one.value(QStringLiteral("returned")).toObject().value(QStringLiteral("meters")).toInt(),
        1);
    EXPECT_EQ(
        one.value(QStringLiteral("on_hand")).toObject().value(QStringLiteral("meters")).toArray(),
        list({"3300000000003", "3300000000004"}));
    EXPECT_EQ(one.value(QStringLiteral("issued")).toObject().value(QStringLiteral("seals")).toInt(),
              8);
    EXPECT_EQ(
        one.value(QStringLiteral("old_meters")).toObject().value(QStringLiteral("removed")).toInt(),
        2);
    EXPECT_EQ(one.value(QStringLiteral("old_meters"))
                  .toObject()
                  .value(QStringLiteral("returned"))
                  .toInt(),
              1);
    // the whole task: 二班 has not returned yet, so only its use of SL000004 shows besides 一班's
    const QJsonObject all = request("GET", api(QStringLiteral("office/stock")), m_warehouse).json();
    EXPECT_EQ(differences(all),
              differences(one) | QSet<QString>{QStringLiteral("installed_not_issued SL000004")})
        << QJsonDocument(all).toJson().constData();
    EXPECT_EQ(all.value(QStringLiteral("crews")).toArray().size(), 2);
    // the review page flags the meter not issued, with the installer's reason
    const QJsonObject page =
        request("GET", api(QStringLiteral("office/jobs/") + odd), m_clerk).json();
    QString flag;
    for (const QJsonValue &f : page.value(QStringLiteral("findings")).toArray())
        if (f.toObject().value(QStringLiteral("code")).toString()
            == QLatin1String("stock.not_issued"))
            flag += f.toObject().value(QStringLiteral("number")).toString() + QLatin1Char(' ')
                    + f.toObject().value(QStringLiteral("reason")).toString();
    EXPECT_EQ(flag, QStringLiteral("9900000000009 库房补发，单据未到"));
    // the tablet's stock lost what was returned
    const QJsonArray after =
        request("GET", api(QStringLiteral("assignments?since=0")), m_zhang.token)
            .json()
            .value(QStringLiteral("stock"))
            .toArray();
    ASSERT_EQ(after.size(), 1);
    EXPECT_EQ(after.first()
                  .toObject()
                  .value(QStringLiteral("payload"))
                  .toObject()
                  .value(QStringLiteral("meters"))
                  .toArray()
                  .size(),
              3);
}

TEST_F(OfficeStockTest, CommandLineIssuesShowsAndRefusesAFieldToken)
{
    const QString file = m_dir.filePath(QStringLiteral("meters.txt"));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("# 本批\n3300000000001\n\n3300000000002-3300000000003\n");
    f.close();
    const QStringList common{QStringLiteral("--server"), m_server->url(),
                             QStringLiteral("--token")};
    const ProcessResult issued =
        runCtl(QStringList{QStringLiteral("stock"), QStringLiteral("issue")} + common
               + QStringList{m_warehouse, QStringLiteral("--crew"), QStringLiteral("一班"),
                             QStringLiteral("--meters"), file, QStringLiteral("--seals"),
                             QStringLiteral("SL000001-SL000003")});
    ASSERT_EQ(issued.exitCode, 0) << issued.err.constData();
    EXPECT_EQ(issued.json().value(QStringLiteral("lines")).toArray().size(), 6);
    const ProcessResult shown =
        runCtl(QStringList{QStringLiteral("stock"), QStringLiteral("show")} + common
               + QStringList{m_warehouse, QStringLiteral("--crew"), QStringLiteral("一班"),
                             QStringLiteral("--json")});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.constData();
    EXPECT_EQ(shown.json()
                  .value(QStringLiteral("on_hand"))
                  .toObject()
                  .value(QStringLiteral("meters"))
                  .toArray()
                  .size(),
              3);
    EXPECT_EQ(shown.json()
                  .value(QStringLiteral("on_hand"))
                  .toObject()
                  .value(QStringLiteral("seals"))
                  .toArray()
                  .size(),
              3);
    // a field token: exit 1, a message naming the role, the token never echoed
    const ProcessResult refused =
        runCtl(QStringList{QStringLiteral("stock"), QStringLiteral("return")} + common
               + QStringList{m_zhang.token, QStringLiteral("--meters"), file});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains("warehouse")) << refused.err.constData();
    EXPECT_FALSE(refused.err.contains(m_zhang.token.toUtf8()));
    // a file that cannot be read: exit 1 with what to do
    const ProcessResult missing =
        runCtl(QStringList{QStringLiteral("stock"), QStringLiteral("return")} + common
               + QStringList{m_warehouse, QStringLiteral("--meters"),
                             m_dir.filePath(QStringLiteral("nope.txt"))});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains("nope.txt")) << missing.err.constData();
}
