// RescueDialog: a tablet whose database header was overwritten starts, is told what happened and
// that every photo is still there, taps 恢复这些记录, and has its jobs and evidence back.
#include "common/resultvalue.h"
#include "pages/rescuedialog.h"
#include "startup.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace ms;

namespace {

// Seeds two jobs with one photo each, then overwrites the database's first 100 bytes.
void seedAndDamage(const QString &dir)
{
    {
        auto opened = Store::open(dir);
        ASSERT_TRUE(opened.ok());
        Store &store = *opened.value();
        Task t;
        t.name = QStringLiteral("损坏测试");
        QList<Customer> cs(2);
        cs[0].accountNo = QStringLiteral("A1");
        cs[1].accountNo = QStringLiteral("A2");
        auto task = store.tasks().importTask(t, cs);
        ASSERT_TRUE(task.ok());
        int n = 0;
        for (const auto &item : test::valueOf(store.jobs().list(JobQuery()))) {
            NewEvidence e;
            e.record.jobId = item.job.id;
            e.record.cardId = QStringLiteral("21.3");
            e.record.kind = EvidenceKind::Photo;
            e.record.mime = QStringLiteral("image/jpeg");
            e.data = "photo " + QByteArray::number(++n);
            ASSERT_TRUE(store.evidence().add(e).ok());
        }
    }
    QFile f(dir + QStringLiteral("/meterswap.db"));
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    f.write(QByteArray(100, '\x00'));
}

QString labelText(QWidget *w, const char *name)
{
    auto *l = w->findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QString();
}

} // namespace

TEST(RescueDialog, TellsWhatHappenedAndRestoresTheRecordsIntoTheApp)
{
    QTemporaryDir dir;
    seedAndDamage(dir.path());
    if (testing::Test::HasFatalFailure())
        return;
    StartupOptions options;
    options.dataDir = dir.path();
    options.language = QStringLiteral("zh_CN");
    auto services = startServices(options);
    ASSERT_TRUE(services.ok());
    ASSERT_TRUE(services->store->openNotice().movedAside);
    EXPECT_TRUE(test::valueOf(services->store->jobs().list(JobQuery())).isEmpty());

    bool checked = false;
    QTimer::singleShot(0, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        ASSERT_NE(dialog, nullptr);
        checked = true;
        EXPECT_TRUE(labelText(dialog, "movedTo").contains(QStringLiteral(".corrupt-")));
        EXPECT_TRUE(labelText(dialog, "evidenceFiles").contains(QStringLiteral("2 个")));
        EXPECT_TRUE(labelText(dialog, "rescue").contains(QStringLiteral("2 个工单")));
        auto *restore = dialog->findChild<QPushButton *>(QStringLiteral("restore"));
        ASSERT_NE(restore, nullptr);
        EXPECT_TRUE(restore->isVisible());
        dialog->resize(1280, 800);
        if (const QString out = qEnvironmentVariable("MS_SCREENSHOT_DIR"); !out.isEmpty())
            dialog->grab().save(out + QStringLiteral("/rescue-dialog.png"));
        restore->click();
    });
    auto offered = RescueDialog::offer(services.value(), options);
    ASSERT_TRUE(offered.ok());
    EXPECT_TRUE(checked);
    EXPECT_FALSE(services->store->openNotice().movedAside);
    EXPECT_EQ(test::valueOf(services->store->jobs().list(JobQuery())).size(), 2);
    EXPECT_TRUE(services->store->evidence().verifyFiles().ok());
}

TEST(RescueDialog, ContinuingWithTheEmptyDatabaseKeepsEveryFile)
{
    QTemporaryDir dir;
    seedAndDamage(dir.path());
    if (testing::Test::HasFatalFailure())
        return;
    StartupOptions options;
    options.dataDir = dir.path();
    auto services = startServices(options);
    ASSERT_TRUE(services.ok());
    QTimer::singleShot(0, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        ASSERT_NE(dialog, nullptr);
        dialog->findChild<QPushButton *>(QStringLiteral("continue"))->click();
    });
    ASSERT_TRUE(RescueDialog::offer(services.value(), options).ok());
    EXPECT_TRUE(services->store->openNotice().movedAside);
    EXPECT_EQ(DatabaseRescue::evidenceFilesOnDisk(dir.path()), 2);
    // the damaged file is still there for support
    EXPECT_TRUE(QFile::exists(services->store->openNotice().movedTo));
}
