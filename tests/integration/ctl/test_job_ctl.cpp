// `meterswapctl demo seed --complete`, `job list`, `job show`, `capture photo|value` (issue 14 §7)
// as a script runs them: the real program on a real store. Seeded jobs are submitted; a review
// the office sent back shows its items and a photo captured from a file re-does one (superseding
// the earlier photo); an approved job and a requirement the card does not have are refused
// (exit 1, with a message saying why).
#include "common/resultvalue.h"
#include "store/store.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <gtest/gtest.h>

using namespace ms;

namespace {

struct CtlRun
{
    int exit = -1;
    QByteArray out, err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

CtlRun ctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(MS_BINARY_DIR "/app/ctl/meterswapctl"), args);
    CtlRun r;
    if (!p.waitForFinished(120000))
        return r;
    r.exit = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void pullReview(const QString &dir, const QString &jobUuid, ReviewDecision decision,
                QList<ReviewItem> items = {})
{
    auto store = Store::open(dir);
    ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
    JobReview r;
    r.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.jobUuid = jobUuid;
    r.submission = 1;
    r.decision = decision;
    r.items = std::move(items);
    r.by = QStringLiteral("王芳");
    r.at = QDateTime::currentDateTimeUtc();
    ASSERT_EQ(test::valueOf(store.value()->reviews().applyPulled({r})), 1);
}

} // namespace

TEST(JobCommands, SeedCompleteListShowSendBackRedoAndRefusals)
{
    QTemporaryDir dir;
    const QString d = dir.path();
    // GIVEN two jobs walked through every card by `demo seed --complete`
    const CtlRun seeded = ctl({QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--data"),
                               d, QStringLiteral("--jobs"), QStringLiteral("2"),
                               QStringLiteral("--photos-per-job"), QStringLiteral("0"),
                               QStringLiteral("--photo-kb"), QStringLiteral("4"),
                               QStringLiteral("--complete")});
    ASSERT_EQ(seeded.exit, 0) << seeded.err.toStdString();
    EXPECT_EQ(seeded.json().object().value(QStringLiteral("submitted")).toInt(), 2);
    EXPECT_GE(seeded.json().object().value(QStringLiteral("photos")).toInt(), 2 * 9);
    // THEN `job list` shows both submitted, with their meters
    const CtlRun list = ctl({QStringLiteral("job"), QStringLiteral("list"), QStringLiteral("--data"), d,
                             QStringLiteral("--json")});
    ASSERT_EQ(list.exit, 0) << list.err.toStdString();
    const QJsonArray jobs = list.json().array();
    ASSERT_EQ(jobs.size(), 2);
    for (const QJsonValue &j : jobs) {
        EXPECT_EQ(j[QStringLiteral("state")].toString(), QStringLiteral("submitted"));
        EXPECT_FALSE(j[QStringLiteral("account_no")].toString().isEmpty());
        EXPECT_FALSE(j[QStringLiteral("old_meter")][QStringLiteral("asset_no")].toString().isEmpty());
        EXPECT_FALSE(j[QStringLiteral("new_meter")][QStringLiteral("asset_no")].toString().isEmpty());
        EXPECT_TRUE(j.toObject().contains(QStringLiteral("crew")));
    }
    const QString sent = jobs.at(0)[QStringLiteral("uuid")].toString();
    const QString approved = jobs.at(1)[QStringLiteral("uuid")].toString();
    // Every card's requirement captured: readings, seals, signature
    const auto show = [&](const QString &uuid) {
        return ctl({QStringLiteral("job"), QStringLiteral("show"), QStringLiteral("--data"), d,
                    QStringLiteral("--job"), uuid, QStringLiteral("--json")});
    };
    CtlRun shown = show(sent);
    ASSERT_EQ(shown.exit, 0) << shown.err.toStdString();
    QStringList captured;
    for (const QJsonValue &e : shown.json()[QStringLiteral("evidence")].toArray())
        captured << e[QStringLiteral("kind")].toString() + QLatin1Char(':')
                        + e[QStringLiteral("requirement")].toString();
    for (const char *k : {"meter_reading:old_final_total", "meter_reading:new_start_total",
                          "seal_number:seal_numbers", "signature:customer_signature",
                          "photo:box_after", "check:paper_certificate_handed"})
        EXPECT_TRUE(captured.contains(QString::fromLatin1(k))) << k;
    EXPECT_EQ(shown.json()[QStringLiteral("submission")].toInt(), 1);

    // WHEN the office sends back one item of the first job and approves the second
    ASSERT_NO_FATAL_FAILURE(pullReview(d, sent, ReviewDecision::SentBack,
                                       {{QStringLiteral("21.4"), QStringLiteral("box_after"),
                                         QStringLiteral("表箱照片模糊")}}));
    ASSERT_NO_FATAL_FAILURE(pullReview(d, approved, ReviewDecision::Approved));
    // THEN `job show` says sent_back with the item and its reason
    shown = show(sent);
    ASSERT_EQ(shown.exit, 0) << shown.err.toStdString();
    EXPECT_EQ(shown.json()[QStringLiteral("state")].toString(), QStringLiteral("sent_back"));
    const QJsonArray items = shown.json()[QStringLiteral("sent_back")].toArray();
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items.at(0)[QStringLiteral("card")].toString(), QStringLiteral("21.4"));
    EXPECT_EQ(items.at(0)[QStringLiteral("requirement")].toString(), QStringLiteral("box_after"));
    EXPECT_EQ(items.at(0)[QStringLiteral("reason")].toString(), QStringLiteral("表箱照片模糊"));
    EXPECT_FALSE(items.at(0)[QStringLiteral("redone")].toBool());
    EXPECT_EQ(show(approved).json()[QStringLiteral("state")].toString(), QStringLiteral("approved"));

    // WHEN the item is re-done from a file: the app's pipeline, one action
    QImage image(1200, 900, QImage::Format_RGB32);
    image.fill(qRgb(90, 120, 150));
    const QString jpeg = d + QStringLiteral("/box.jpg");
    ASSERT_TRUE(image.save(jpeg, "JPEG"));
    const QStringList photoArgs{QStringLiteral("capture"), QStringLiteral("photo"), QStringLiteral("--data"),
                                d, QStringLiteral("--card"), QStringLiteral("21.4"),
                                QStringLiteral("--requirement"), QStringLiteral("box_after"),
                                QStringLiteral("--file"), jpeg, QStringLiteral("--job")};
    const CtlRun redo = ctl(photoArgs + QStringList{sent});
    ASSERT_EQ(redo.exit, 0) << redo.err.toStdString();
    const QString redoUuid = redo.json()[QStringLiteral("uuid")].toString();
    EXPECT_EQ(redo.json()[QStringLiteral("sha256")].toString().size(), 64);
    // THEN the item is re-done, the job may be resubmitted, and the earlier photo is superseded
    shown = show(sent);
    EXPECT_TRUE(shown.json()[QStringLiteral("sent_back")][0][QStringLiteral("redone")].toBool());
    EXPECT_TRUE(shown.json()[QStringLiteral("can_resubmit")].toBool());
    {
        auto store = Store::open(d);
        ASSERT_TRUE(store.ok());
        const Evidence row = test::valueOf(store.value()->evidence().byUuid(redoUuid));
        EXPECT_EQ(row.mime, QStringLiteral("image/jpeg"));
        EXPECT_FALSE(row.meta.value(QStringLiteral("watermark")).toArray().isEmpty())
            << "watermarked like the app's photos";
        const QList<Evidence> all = test::valueOf(
            store.value()->evidence().list(RecordOwner::job(row.jobId), QStringLiteral("21.4"), true));
        int superseded = 0;
        for (const Evidence &e : all)
            if (e.requirement == QLatin1String("box_after")
                && test::valueOf(store.value()->evidence().supersededBy(e.uuid)) == redoUuid)
                ++superseded;
        EXPECT_EQ(superseded, 1);
    }
    // AND a typed value goes in the same way
    const CtlRun value = ctl({QStringLiteral("capture"), QStringLiteral("value"), QStringLiteral("--data"), d,
                              QStringLiteral("--job"), sent, QStringLiteral("--card"), QStringLiteral("21.5"),
                              QStringLiteral("--requirement"), QStringLiteral("customer_phone"),
                              QStringLiteral("--value"), QStringLiteral("13912345678")});
    ASSERT_EQ(value.exit, 0) << value.err.toStdString();
    EXPECT_EQ(value.json()[QStringLiteral("value")].toString(), QStringLiteral("13912345678"));

    // WHEN a capture is made on the approved job THEN it is refused, exit 1, saying why
    const CtlRun locked = ctl(photoArgs + QStringList{approved});
    EXPECT_EQ(locked.exit, 1);
    EXPECT_TRUE(QString::fromUtf8(locked.err).contains(QStringLiteral("该工单已审核通过，不能再修改")))
        << locked.err.toStdString();
    EXPECT_TRUE(locked.out.isEmpty());
    // AND a requirement the card does not have is refused, naming the card's requirement keys
    const CtlRun unknown = ctl({QStringLiteral("capture"), QStringLiteral("value"), QStringLiteral("--data"), d,
                                QStringLiteral("--job"), sent, QStringLiteral("--card"), QStringLiteral("21.4"),
                                QStringLiteral("--requirement"), QStringLiteral("no_such_key"),
                                QStringLiteral("--value"), QStringLiteral("1")});
    EXPECT_EQ(unknown.exit, 1);
    const QString why = QString::fromUtf8(unknown.err);
    EXPECT_TRUE(why.contains(QStringLiteral("no_such_key")) && why.contains(QStringLiteral("box_after"))
                && why.contains(QStringLiteral("new_meter_installed")))
        << unknown.err.toStdString();
    // AND an unknown job and a bad command line say so (exit 1 and 2)
    EXPECT_EQ(show(QStringLiteral("no-such-job")).exit, 1);
    EXPECT_EQ(ctl({QStringLiteral("job"), QStringLiteral("show"), QStringLiteral("--data"), d}).exit, 2);
}
