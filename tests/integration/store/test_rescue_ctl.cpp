// Issue 12's report, as a new user met it: `meterswapctl demo seed --jobs 3 --photos-per-job 2`,
// the database's first bytes overwritten, then any command that opens the store. Before the fix
// the start-up sweep deleted all six photos; now they stay, and `store rescue --adopt` brings the
// records back.
#include "common/resultvalue.h"
#include "store/store.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;

namespace {

struct CtlRun
{
    int exit = -1;
    QByteArray out, err;
};

CtlRun ctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(MS_BINARY_DIR "/app/ctl/meterswapctl"), args);
    CtlRun r;
    if (!p.waitForFinished(60000))
        return r;
    r.exit = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

int photosOnDisk(const QString &dir)
{
    int n = 0;
    QDirIterator it(dir + QStringLiteral("/evidence"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

TEST(RescueThroughTheCommandLine, NoPhotoIsLostAndTheRecordsComeBack)
{
    QTemporaryDir dir;
    const QString d = dir.path();
    CtlRun seeded = ctl({QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--data"), d,
                      QStringLiteral("--jobs"), QStringLiteral("3"), QStringLiteral("--photos-per-job"),
                      QStringLiteral("2"), QStringLiteral("--photo-kb"), QStringLiteral("8")});
    ASSERT_EQ(seeded.exit, 0) << seeded.err.toStdString();
    ASSERT_EQ(photosOnDisk(d), 6);
    {
        QFile f(d + QStringLiteral("/meterswap.db"));
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(64, '\xFF'));
    }
    // a command that opens the store: a sync to a server that is not there
    CtlRun sync = ctl({QStringLiteral("sync"), QStringLiteral("--data"), d, QStringLiteral("--server"),
                    QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--token"), QStringLiteral("x")});
    EXPECT_NE(sync.exit, 0);
    EXPECT_TRUE(sync.err.contains(".corrupt-")) << sync.err.toStdString();
    EXPECT_EQ(photosOnDisk(d), 6) << "the start-up sweep must not delete unsynced photos";

    CtlRun rescue = ctl({QStringLiteral("store"), QStringLiteral("rescue"), QStringLiteral("--data"), d,
                      QStringLiteral("--adopt")});
    ASSERT_EQ(rescue.exit, 0) << rescue.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(rescue.out).object();
    EXPECT_TRUE(report.value(QStringLiteral("recovered")).toBool());
    EXPECT_TRUE(report.value(QStringLiteral("adopted")).toBool());
    EXPECT_EQ(report.value(QStringLiteral("jobs")).toInt(), 3);
    EXPECT_EQ(report.value(QStringLiteral("evidence")).toInt(), 6);
    EXPECT_EQ(report.value(QStringLiteral("missing_files")).toInt(), 0);

    auto store = Store::open(d);
    ASSERT_TRUE(store.ok());
    EXPECT_FALSE(store.value()->openNotice().movedAside);
    EXPECT_EQ(test::valueOf(store.value()->jobs().list(JobQuery())).size(), 3);
    EXPECT_TRUE(store.value()->evidence().verifyFiles().ok());
}

// `meterswapctl demo seed` writes through the job service: the task import is one transaction
// and every photo one more (the command reports the transactions it committed).
TEST(DemoSeedThroughTheCommandLine, EveryPhotoIsOneTransactionOfTheJobService)
{
    QTemporaryDir dir;
    CtlRun seeded =
        ctl({QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--data"), dir.path(),
             QStringLiteral("--jobs"), QStringLiteral("3"), QStringLiteral("--photos-per-job"),
             QStringLiteral("2"), QStringLiteral("--photo-kb"), QStringLiteral("8")});
    ASSERT_EQ(seeded.exit, 0) << seeded.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(seeded.out).object();
    EXPECT_EQ(report.value(QStringLiteral("transactions")).toInt(), 1 + 3 * 2)
        << seeded.out.toStdString();
    EXPECT_EQ(report.value(QStringLiteral("photos")).toInt(), 6);
    EXPECT_EQ(report.value(QStringLiteral("pending_files")).toInt(), 6);
    EXPECT_EQ(photosOnDisk(dir.path()), 6);
}
