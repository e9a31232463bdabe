// After an unclean exit the app checks the store's chains on a thread of its own, beside the
// store it keeps using, and has a message to show when they do not hold.
#include "crashcheck.h"

#include "store/demodata.h"
#include "store/store.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace ms;

TEST(CrashCheck, ACleanExitLeavesNoMarkAndAnUncleanOneIsNoticed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    {
        CrashCheck first(dir.path());
        EXPECT_FALSE(first.previousRunCrashed());
        EXPECT_TRUE(QFile::exists(CrashCheck::markerPath(dir.path())));
        first.markCleanExit();
    }
    EXPECT_FALSE(QFile::exists(CrashCheck::markerPath(dir.path())));
    {
        CrashCheck second(dir.path()); // ends without markCleanExit(): killed, crashed
        EXPECT_FALSE(second.previousRunCrashed());
    }
    CrashCheck third(dir.path());
    EXPECT_TRUE(third.previousRunCrashed());
}

TEST(CrashCheck, RunsBesideTheOpenStoreAndReportsARowChangedBehindItsBack)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto opened = Store::open(dir.path());
    ASSERT_TRUE(opened);
    Store &store = **opened;
    auto task = generateJobs(store, 3);
    ASSERT_TRUE(task);
    const auto all = store.outbox().all();
    ASSERT_TRUE(all);
    const QList<OutboxEntry> &rows = *all;
    ASSERT_GE(rows.size(), 3);
    const OutboxEntry victim = rows.at(1);
    ASSERT_TRUE(store.database().exec(QStringLiteral("DROP TRIGGER outbox_content_fixed;"
                                                     "UPDATE outbox SET payload = '{}' WHERE seq = %1")
                                          .arg(victim.seq)).ok());

    CrashCheck check(dir.path());
    StoreVerifyReport report;
    bool done = false;
    QEventLoop loop;
    QObject::connect(&check, &CrashCheck::finished, &loop, [&](const StoreVerifyReport &r) {
        report = r;
        done = true;
        loop.quit();
    });
    check.start();
    EXPECT_TRUE(check.isRunning()); // start() returned at once
    // the app's own store keeps working while the check runs
    EXPECT_TRUE(store.settings().setValue(QStringLiteral("probe"), QStringLiteral("1")).ok());
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_TRUE(done);
    EXPECT_FALSE(check.isRunning());
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.problems.first().code, QStringLiteral("chain.altered"));
    const QString message = CrashCheck::messageFor(report);
    EXPECT_TRUE(message.contains(victim.uuid)) << message.toStdString();

    // and on an intact store there is nothing to show
    QTemporaryDir clean;
    {
        auto other = Store::open(clean.path());
        ASSERT_TRUE(other && generateJobs(**other, 2));
    }
    const StoreVerifyReport fine = CrashCheck::verify(clean.path());
    EXPECT_TRUE(fine.ok()) << (fine.ok() ? "" : fine.problems.first().message.toStdString());
    EXPECT_TRUE(CrashCheck::messageFor(fine).isEmpty());
}
