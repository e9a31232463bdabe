// Issue 15, end to end with real processes only: the warehouse's `meterswapctl stock issue` to
// the demo crew on the real meterswap-office (loopback), the tablet's `meterswapctl sync`
// bringing the crew's stock down, swaps captured with `meterswapctl capture value` (a meter not
// issued refused until a reason is given, a seal used twice refused), the next sync, returns
// with `meterswapctl stock return`, and `stock show` naming exactly the planted differences;
// a field token cannot issue or return.
#include "officeprocess.h"
#include "synctestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

class StockEndToEndTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_office.isValid() && m_tablet.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_office.path());
        ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
        m_field = m_server->token(str("tablet-01"), str("张伟"));
        const ProcessResult r =
            runOffice({str("token"), str("create"), str("--data"), m_office.path(), str("--device"),
                       str("store-pc-01"), str("--user"), str("孙库管"), str("--roles"),
                       str("warehouse,office_clerk")});
        m_warehouse = QString::fromUtf8(r.out.trimmed());
        ASSERT_FALSE(m_field.isEmpty() || r.exitCode != 0);
    }
    ProcessResult tabletSync()
    {
        QProcessEnvironment env;
        env.insert(str("MS_TOKEN"), m_field);
        return runCtl(
            {str("sync"), str("--data"), m_tablet.path(), str("--server"), m_server->url()}, env);
    }
    ProcessResult tablet(const QStringList &args)
    {
        return runCtl(args + QStringList{str("--data"), m_tablet.path()});
    }
    ProcessResult office(const QStringList &args, const QString &token)
    {
        return runCtl(args + QStringList{str("--server"), m_server->url(), str("--token"), token});
    }
    ProcessResult capture(const QString &job, const char *card, const char *key,
                          const QString &value, const QString &reason = {})
    {
        QStringList args{str("capture"), str("value"), str("--job"),         job,
                         str("--card"),  str(card),    str("--requirement"), str(key),
                         str("--value"), value};
        if (!reason.isEmpty())
            args << str("--reason") << reason;
        return tablet(args);
    }
    QString numbersFile(const char *name, const QStringList &numbers)
    {
        const QString path = m_office.filePath(str(name));
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(numbers.join(QLatin1Char('\n')).toUtf8() + '\n');
        return path;
    }

    QTemporaryDir m_office, m_tablet;
    std::unique_ptr<OfficeServerProcess> m_server;
    QString m_field, m_warehouse;
};

} // namespace

TEST_F(StockEndToEndTest, IssueSyncSwapSyncReturnAndReconcileNamesThePlantedDifferences)
{
    // GIVEN a tablet holding three jobs of the demo crew, synced once
    const ProcessResult seeded =
        tablet({str("demo"), str("seed"), str("--jobs"), str("3"), str("--photos-per-job"),
                str("0"), str("--photo-kb"), str("4")});
    ASSERT_EQ(seeded.exitCode, 0) << seeded.err.constData();
    const QJsonArray jobs =
        QJsonDocument::fromJson(tablet({str("job"), str("list"), str("--json")}).out).array();
    ASSERT_EQ(jobs.size(), 3);
    QStringList job, oldAsset, newAsset;
    for (const QJsonValue &j : jobs) {
        job << j[str("uuid")].toString();
        oldAsset << j[str("old_meter")][str("asset_no")].toString();
        newAsset << j[str("new_meter")][str("asset_no")].toString();
    }
    ASSERT_FALSE(oldAsset.contains(QString()) || newAsset.contains(QString()));
    ASSERT_EQ(tabletSync().exitCode, 0);
    // (the crew as the office names it: the task's crew, else the installer's name)
    const ProcessResult page =
        office({str("review"), str("show"), str("--job"), job[0], str("--json")}, m_warehouse);
    ASSERT_EQ(page.exitCode, 0) << page.err.constData();
    const QString kCrew = page.json().value(str("crew")).toString();
    ASSERT_FALSE(kCrew.isEmpty());
    // WHEN the warehouse issues the first two jobs' new meters, two spare ones and ten seals
    const QString spare1 = str("3300000099001"), spare2 = str("3300000099002");
    const ProcessResult issued =
        office({str("stock"), str("issue"), str("--crew"), kCrew, str("--meters"),
                numbersFile("issue.txt", {newAsset[0], newAsset[1], spare1, spare2}),
                str("--seals"), str("SL000001-SL000010")},
               m_warehouse);
    ASSERT_EQ(issued.exitCode, 0) << issued.err.constData();
    // a field token cannot issue or return: exit 1, the role named
    const ProcessResult fieldIssue = office({str("stock"), str("issue"), str("--crew"), kCrew,
                                             str("--meters"), numbersFile("x.txt", {spare1})},
                                            m_field);
    EXPECT_EQ(fieldIssue.exitCode, 1);
    EXPECT_TRUE(fieldIssue.err.contains("warehouse")) << fieldIssue.err.constData();
    const ProcessResult fieldReturn =
        office({str("stock"), str("return"), str("--seals"), str("SL000001")}, m_field);
    EXPECT_EQ(fieldReturn.exitCode, 1);
    // AND the tablet syncs: the crew's stock arrives
    const ProcessResult second = tabletSync();
    ASSERT_EQ(second.exitCode, 0) << second.err.constData();
    // THEN the swaps: issued meters and seals are taken
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(capture(job[i], "21.3", "old_meter_asset", oldAsset[i]).exitCode, 0) << i;
    ASSERT_EQ(capture(job[0], "21.4", "new_meter_asset", newAsset[0]).exitCode, 0);
    ASSERT_EQ(capture(job[1], "21.4", "new_meter_asset", newAsset[1]).exitCode, 0);
    for (const char *seal : {"SL000001", "SL000002", "SL000003"})
        ASSERT_EQ(capture(job[0], "29.1", "seal_numbers", str(seal)).exitCode, 0) << seal;
    ASSERT_EQ(capture(job[1], "29.1", "seal_numbers", str("SL000004")).exitCode, 0);
    // a seal used twice is refused; a meter not issued is flagged at once, and goes on with a
    // reason
    const ProcessResult twice = capture(job[1], "29.1", "seal_numbers", str("SL000001"));
    EXPECT_EQ(twice.exitCode, 1);
    EXPECT_TRUE(twice.err.contains("SL000001")) << twice.err.constData();
    const ProcessResult notIssued = capture(job[2], "21.4", "new_meter_asset", newAsset[2]);
    EXPECT_EQ(notIssued.exitCode, 1) << "the stock did not reach the tablet";
    EXPECT_TRUE(QString::fromUtf8(notIssued.err).contains(newAsset[2]))
        << notIssued.err.constData();
    ASSERT_EQ(
        capture(job[2], "21.4", "new_meter_asset", newAsset[2], str("库房补发，单据未到")).exitCode,
        0);
    ASSERT_EQ(capture(job[2], "29.1", "seal_numbers", str("SL000005")).exitCode, 0);
    ASSERT_EQ(tabletSync().exitCode, 0);
    // the clerk's review page flags the meter not issued, with the installer's reason
    const ProcessResult review =
        office({str("review"), str("show"), str("--job"), job[2], str("--json")}, m_warehouse);
    ASSERT_EQ(review.exitCode, 0) << review.err.constData();
    bool flagged = false;
    for (const QJsonValue &f : review.json().value(str("findings")).toArray())
        flagged |= f[str("code")].toString() == str("stock.not_issued")
                   && f[str("number")].toString() == newAsset[2]
                   && f[str("reason")].toString() == str("库房补发，单据未到");
    EXPECT_TRUE(flagged) << review.out.constData();
    // WHEN the crew returns two old meters, one spare meter and four unused seals
    const ProcessResult returned =
        office({str("stock"), str("return"), str("--meters"),
                numbersFile("return.txt", {oldAsset[0], oldAsset[1], spare2}), str("--seals"),
                str("SL000006-SL000009")},
               m_warehouse);
    ASSERT_EQ(returned.exitCode, 0) << returned.err.constData();
    // THEN the reconciliation names exactly the planted differences
    const ProcessResult shown =
        office({str("stock"), str("show"), str("--crew"), kCrew, str("--json")}, m_warehouse);
    ASSERT_EQ(shown.exitCode, 0) << shown.err.constData();
    QSet<QString> differences;
    for (const QJsonValue &d : shown.json().value(str("differences")).toArray())
        differences.insert(d[str("kind")].toString() + QLatin1Char(' ')
                           + d[str("asset_no")].toString() + d[str("seal_no")].toString());
    EXPECT_EQ(differences,
              (QSet<QString>{str("installed_not_issued ") + newAsset[2],
                             str("removed_not_returned ") + oldAsset[2],
                             str("issued_missing ") + spare1, str("issued_missing SL000010")}))
        << shown.out.constData();
    const QJsonObject r = shown.json();
    EXPECT_EQ(r[str("issued")][str("meters")].toInt(), 4);
    EXPECT_EQ(r[str("installed")][str("meters")].toInt(), 3);
    EXPECT_EQ(r[str("returned")][str("meters")].toInt(), 1);
    EXPECT_EQ(r[str("issued")][str("seals")].toInt(), 10);
    EXPECT_EQ(r[str("installed")][str("seals")].toInt(), 5);
    EXPECT_EQ(r[str("returned")][str("seals")].toInt(), 4);

    // AND the 领料单 (7) and 流转单 (6) print from the issue, the 退料单 (24) from the return
    const auto printed = [&](const QString &batch, const char *form) {
        const QString pdf = m_office.filePath(str("form-%1.pdf").arg(str(form)));
        const ProcessResult p = office({str("stock"), str("print"), str("--batch"), batch,
                                        str("--form"), str(form), str("--out"), pdf},
                                       m_warehouse);
        EXPECT_EQ(p.exitCode, 0) << p.err.constData();
        return QString::fromUtf8(run(str("pdftotext"), {str("-layout"), pdf, str("-")}).out);
    };
    const QString issueBatch = issued.json().value(str("uuid")).toString();
    const QString slip = printed(issueBatch, "7");
    EXPECT_TRUE(slip.contains(str("领料单"))) << slip.toStdString();
    EXPECT_TRUE(slip.contains(str("SL000001-SL000010"))) << slip.toStdString();
    EXPECT_TRUE(slip.contains(spare1) && slip.contains(kCrew)) << slip.toStdString();
    EXPECT_TRUE(printed(issueBatch, "6").contains(str("库房流转单")));
    const QString back = printed(returned.json().value(str("uuid")).toString(), "24");
    EXPECT_TRUE(back.contains(str("退料单")) && back.contains(oldAsset[0])
                && back.contains(str("SL000009")))
        << back.toStdString();
    // a return printed as a 领料单 is a usage error
    const ProcessResult wrong = office(
        {str("stock"), str("print"), str("--batch"), returned.json().value(str("uuid")).toString(),
         str("--form"), str("7"), str("--out"), m_office.filePath(str("x.pdf"))},
        m_warehouse);
    EXPECT_EQ(wrong.exitCode, 2);
}
