// Issue 14 §8, end to end with real processes only: a tablet data folder filled by
// `meterswapctl demo seed --complete`, `meterswapctl sync` to the real meterswap-office on a
// loopback port (a field token), the clerk's `meterswapctl review` (the office workstation's
// client code, sync::OfficeClient), the send-back pulled by the tablet, the item re-done with
// `meterswapctl capture photo`, `meterswapctl job resubmit`, the resubmitted job approved, the
// approved job locked on the tablet, and the billing check exporting that job exactly once.
#include "officeprocess.h"
#include "synctestutil.h"

#include "sync/wire.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

class EndToEndTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_office.isValid() && m_tablet.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_office.path());
        ASSERT_TRUE(m_server->start()) << "meterswap-office did not start";
        m_field = m_server->token(str("tablet-01"), str("张伟"));
        m_clerk = officeToken(str("office-pc-01"), str("王芳"), str("office_clerk"));
        m_billing = officeToken(str("office-pc-02"), str("李敏"), str("billing"));
        ASSERT_FALSE(m_field.isEmpty() || m_clerk.isEmpty() || m_billing.isEmpty());
    }
    QString officeToken(const QString &device, const QString &user, const QString &roles)
    {
        const ProcessResult r =
            runOffice({str("token"), str("create"), str("--data"), m_office.path(), str("--device"),
                       device, str("--user"), user, str("--roles"), roles});
        return r.exitCode == 0 ? QString::fromUtf8(r.out.trimmed()) : QString();
    }
    // The tablet's `meterswapctl sync` with its field token in MS_TOKEN (as a script would).
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
    QJsonObject jobShow(const QString &job)
    {
        const ProcessResult r = tablet({str("job"), str("show"), str("--job"), job, str("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.constData();
        return r.json();
    }
    // uuid → state of the clerk's review queue
    QMap<QString, QString> reviewQueue()
    {
        const ProcessResult r = office({str("review"), str("queue"), str("--json")}, m_clerk);
        EXPECT_EQ(r.exitCode, 0) << r.err.constData();
        QMap<QString, QString> out;
        for (const QJsonValue &j : r.json().value(str("jobs")).toArray())
            out.insert(j[str("uuid")].toString(), j[str("state")].toString());
        return out;
    }
    QStringList csvRows(const QString &file)
    {
        QFile f(file);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << file.toStdString();
        const QByteArray bytes = f.readAll();
        EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF")) << "UTF-8 with BOM";
        QStringList rows =
            QString::fromUtf8(bytes.mid(3)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString &r : rows)
            r = r.trimmed();
        return rows;
    }

    QTemporaryDir m_office, m_tablet;
    std::unique_ptr<OfficeServerProcess> m_server;
    QString m_field, m_clerk, m_billing;
};

} // namespace

TEST_F(EndToEndTest, SeedSyncSendBackRedoResubmitApproveLockAndExportOnce)
{
    // GIVEN a crew's day: two jobs walked through every card and submitted on the tablet
    const ProcessResult seeded =
        tablet({str("demo"), str("seed"), str("--jobs"), str("2"), str("--photos-per-job"),
                str("0"), str("--photo-kb"), str("4"), str("--complete")});
    ASSERT_EQ(seeded.exitCode, 0) << seeded.err.constData();
    const ProcessResult listed = tablet({str("job"), str("list"), str("--json")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.constData();
    const QJsonArray jobs = QJsonDocument::fromJson(listed.out).array();
    ASSERT_EQ(jobs.size(), 2);
    const QString job = jobs.at(0)[str("uuid")].toString();
    const QString other = jobs.at(1)[str("uuid")].toString();
    const QString account = jobs.at(0)[str("account_no")].toString();
    ASSERT_FALSE(account.isEmpty());

    // WHEN the tablet syncs with its field token
    const ProcessResult first = tabletSync();
    ASSERT_EQ(first.exitCode, 0) << first.err.constData();
    // THEN the clerk's queue holds both jobs, submitted
    QMap<QString, QString> queue = reviewQueue();
    EXPECT_EQ(queue.value(job), str("submitted"));
    EXPECT_EQ(queue.value(other), str("submitted"));
    ASSERT_EQ(queue.size(), 2);
    // AND the field token may not review: 403 with the role named, the token never echoed
    const Http denied =
        request("GET", m_server->url() + sync::apiPath(str("office/review/queue")), m_field);
    EXPECT_EQ(denied.status, 403) << denied.body.constData();
    const ProcessResult deniedCtl = office({str("review"), str("queue"), str("--json")}, m_field);
    EXPECT_EQ(deniedCtl.exitCode, 1);
    EXPECT_TRUE(deniedCtl.err.contains("office_clerk")) << deniedCtl.err.constData();
    EXPECT_FALSE(deniedCtl.err.contains(m_field.toUtf8()));
    EXPECT_EQ(office({str("review"), str("approve"), str("--job"), job}, m_field).exitCode, 1);

    // WHEN the clerk sends back one item of the first job
    const ProcessResult sent =
        office({str("review"), str("send-back"), str("--job"), job, str("--item"),
                str("21.4:box_after"), str("--reason"), str("表箱照片模糊，请重拍")},
               m_clerk);
    ASSERT_EQ(sent.exitCode, 0) << sent.err.constData();
    EXPECT_EQ(sent.json().value(str("state")).toString(), str("sent_back"));
    EXPECT_FALSE(reviewQueue().contains(job));
    // AND the tablet syncs
    const ProcessResult pulled = tabletSync();
    ASSERT_EQ(pulled.exitCode, 0) << pulled.err.constData();
    // THEN the tablet shows the job sent back with exactly that item and reason
    QJsonObject shown = jobShow(job);
    EXPECT_EQ(shown.value(str("state")).toString(), str("sent_back"));
    QJsonArray items = shown.value(str("sent_back")).toArray();
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items.at(0)[str("card")].toString(), str("21.4"));
    EXPECT_EQ(items.at(0)[str("requirement")].toString(), str("box_after"));
    EXPECT_EQ(items.at(0)[str("reason")].toString(), str("表箱照片模糊，请重拍"));
    EXPECT_EQ(jobShow(other).value(str("state")).toString(), str("submitted"));
    // AND resubmitting before the item is re-done is refused, saying what is missing
    const ProcessResult early = tablet({str("job"), str("resubmit"), str("--job"), job});
    EXPECT_EQ(early.exitCode, 1);
    EXPECT_TRUE(early.err.contains("21.4")) << early.err.constData();

    // WHEN the installer re-does the item from a photo file and resubmits
    QImage image(1200, 900, QImage::Format_RGB32);
    image.fill(qRgb(90, 120, 150));
    const QString jpeg = m_tablet.filePath(str("box.jpg"));
    ASSERT_TRUE(image.save(jpeg, "JPEG"));
    const QStringList photo{str("capture"), str("photo"), str("--job"),         job,
                            str("--card"),  str("21.4"),  str("--requirement"), str("box_after"),
                            str("--file"),  jpeg};
    const ProcessResult redo = tablet(photo);
    ASSERT_EQ(redo.exitCode, 0) << redo.err.constData();
    const QString redoSha = redo.json().value(str("sha256")).toString();
    const ProcessResult resubmitted = tablet({str("job"), str("resubmit"), str("--job"), job});
    ASSERT_EQ(resubmitted.exitCode, 0) << resubmitted.err.constData();
    EXPECT_EQ(resubmitted.json().value(str("state")).toString(), str("resubmitted"));
    EXPECT_EQ(resubmitted.json().value(str("submission")).toInt(), 2);
    ASSERT_EQ(tabletSync().exitCode, 0);
    // THEN the clerk sees it back as resubmitted, the new photo current and the old one kept
    EXPECT_EQ(reviewQueue().value(job), str("resubmitted"));
    const ProcessResult page =
        office({str("review"), str("show"), str("--job"), job, str("--json")}, m_clerk);
    ASSERT_EQ(page.exitCode, 0) << page.err.constData();
    int current = 0, superseded = 0;
    for (const QJsonValue &e : page.json().value(str("evidence")).toArray()) {
        if (e[str("card")].toString() != str("21.4") ||
            e[str("requirement")].toString() != str("box_after"))
            continue;
        if (e[str("superseded")].toBool())
            ++superseded;
        else {
            ++current;
            EXPECT_EQ(e[str("sha256")].toString(), redoSha);
        }
    }
    EXPECT_EQ(current, 1);
    EXPECT_GE(superseded, 1);

    // WHEN the clerk approves and the tablet syncs
    const ProcessResult approved =
        office({str("review"), str("approve"), str("--job"), job}, m_clerk);
    ASSERT_EQ(approved.exitCode, 0) << approved.err.constData();
    ASSERT_EQ(tabletSync().exitCode, 0);
    // THEN the job is approved on the tablet and a new capture on it is refused
    EXPECT_EQ(jobShow(job).value(str("state")).toString(), str("approved"));
    const ProcessResult locked = tablet(photo);
    EXPECT_EQ(locked.exitCode, 1);
    EXPECT_TRUE(QString::fromUtf8(locked.err).contains(str("该工单已审核通过，不能再修改")))
        << locked.err.constData();
    EXPECT_TRUE(locked.out.isEmpty());

    // WHEN billing confirms it and exports
    const ProcessResult billingQueue =
        office({str("billing"), str("queue"), str("--json")}, m_billing);
    ASSERT_EQ(billingQueue.exitCode, 0) << billingQueue.err.constData();
    const QJsonArray waiting = billingQueue.json().value(str("jobs")).toArray();
    ASSERT_EQ(waiting.size(), 1);
    EXPECT_EQ(waiting.at(0)[str("uuid")].toString(), job);
    ASSERT_EQ(office({str("billing"), str("confirm"), str("--job"), job}, m_billing).exitCode, 0);
    const QString out1 = m_office.filePath(str("export1.csv"));
    const ProcessResult export1 =
        office({str("billing"), str("export"), str("--out"), out1}, m_billing);
    ASSERT_EQ(export1.exitCode, 0) << export1.err.constData();
    // THEN the CSV has exactly that job, once
    const QStringList rows = csvRows(out1);
    ASSERT_EQ(rows.size(), 2) << rows.join(str(" | ")).toStdString();
    const QStringList header = rows.at(0).split(QLatin1Char(','));
    const qsizetype accountColumn = header.indexOf(str("account_no"));
    ASSERT_GE(accountColumn, 0) << rows.at(0).toStdString();
    QString cell = rows.at(1).split(QLatin1Char(',')).value(accountColumn);
    EXPECT_EQ(cell.remove(QLatin1Char('"')), account);
    EXPECT_EQ(export1.json().value(str("count")).toInt(), 1);
    // AND a second export has none
    const QString out2 = m_office.filePath(str("export2.csv"));
    const ProcessResult export2 =
        office({str("billing"), str("export"), str("--out"), out2}, m_billing);
    ASSERT_EQ(export2.exitCode, 0) << export2.err.constData();
    EXPECT_EQ(csvRows(out2).size(), 1);
    EXPECT_EQ(export2.json().value(str("count")).toInt(), 0);
    // AND the other job is still waiting for the clerk, untouched
    EXPECT_EQ(reviewQueue(), (QMap<QString, QString>{{other, str("submitted")}}));
}
