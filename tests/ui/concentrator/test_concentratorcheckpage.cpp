// 档案与抄读核查 (37.2 / 38.1) through the real screens (offscreen, 1280×800) against the 1376.1
// simulator on a real pty: opened from card 37.2 of a household, the whole 台区's archive is read
// and compared with the meters the task installed (one planted missing, one unreachable), every
// household's reading is checked, the master station's list and 38.2's work list are shown, and
// saving files 37.1 / 37.2 / 38.1 through the job service.
#include "common/shellfixture.h"

#include "common/resultvalue.h"
#include "concentrator/concentratorcheckpage.h"
#include "meter/portpicker.h"
#include "meter/sim/concentratorsimulator.h"
#include "meter/sim/simrunner.h"
#include "pages/cardwalkerpage.h"
#include "service/concentratorcheck.h"
#include "store/store.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

QString valueOn(Store &store, const RecordOwner &owner, const QString &card, const QString &key)
{
    QString v;
    for (const Evidence &e : test::valueOf(store.evidence().list(owner, card)))
        if (e.requirement == key)
            v = e.value;
    return v;
}

} // namespace

TEST_F(ShellTest, ConcentratorCheckFromCard372FindsTheArchiveGapAndTheUnreadHousehold)
{
    ASSERT_NO_FATAL_FAILURE(signIn());
    const Task task = test::valueOf(store().tasks().list()).first();
    // GIVEN four households of the task started (installed), the concentrator's archive as the
    // master station loaded it but without the second meter, and the third meter unreachable
    const auto jobs = test::valueOf(store().jobs().list(JobQuery().inTask(task.id).page(4, 0)));
    ASSERT_EQ(jobs.size(), 4);
    for (const JobListItem &j : jobs) {
        if (j.job.status == JobStatus::NotStarted) {
            ASSERT_TRUE(store().jobs().setStatus(j.job.id, JobStatus::InProgress).ok());
        }
    }
    const QList<meter::InstalledMeter> installed = test::valueOf(installedMeters(store(), task.id));
    ASSERT_GE(installed.size(), 4);
    meter::ConcentratorState state;
    int n = 0;
    for (const meter::InstalledMeter &m : installed) {
        gdw1376::ArchiveEntry e;
        e.seq = e.point = ++n;
        e.protocol = 30;
        e.port = 31;
        e.commAddress = m.commAddress.toStdString();
        state.archive[e.seq] = e;
        state.readings[e.commAddress] = 1000000 + n * 10000; // 100 + n kWh
    }
    const QString missing = installed.at(1).commAddress;
    const QString unreachable = installed.at(2).commAddress;
    ASSERT_TRUE(state.omit(missing).ok());
    state.setUnreachable(unreachable);
    meter::SimulatorThread sim(std::make_unique<meter::ConcentratorSimulator>(std::move(state)),
                               9600, 5);
    ASSERT_TRUE(sim.start(app->dir.filePath(QStringLiteral("jzq"))).ok());

    // WHEN card 37.2 of the first household is open and its maintenance-port check tapped
    ASSERT_TRUE(win().openJob(jobs.first().job.id));
    win().openCard(QStringLiteral("37.2"));
    auto *walker = page<CardWalkerPage>();
    ASSERT_TRUE(walker);
    ASSERT_TRUE(tap(findButton(walker, QStringLiteral("用维护口核查本台区档案与抄读"))));
    auto *check = page<ConcentratorCheckPage>();
    ASSERT_TRUE(check) << win().message().toStdString();
    check->setReplyTimeoutMs(400);
    check->portPicker()->setPortName(sim.portPath());
    check->baudBox()->setCurrentIndex(check->baudBox()->findData(9600));
    check->addressEdit()->setText(QStringLiteral("1101-1234"));
    QSignalSpy done(check, &ConcentratorCheckPage::checkFinished);
    QTest::mouseClick(check->checkButton(), Qt::LeftButton);
    ASSERT_TRUE(done.wait(30000));
    ASSERT_TRUE(done.first().first().toBool()) << check->statusText().toStdString();

    // THEN the summary, the table and the master station's list say what is wrong, per household
    const int total = int(installed.size());
    EXPECT_TRUE(check->summaryText().contains(QStringLiteral("已装 %1 户").arg(total)))
        << check->summaryText().toStdString();
    EXPECT_TRUE(check->summaryText().contains(QStringLiteral("抄到 %1 户").arg(total - 2)))
        << check->summaryText().toStdString();
    EXPECT_TRUE(check->summaryText().contains(QStringLiteral("缺失 1")))
        << check->summaryText().toStdString();
    EXPECT_TRUE(check->masterListText().contains(missing)) << check->masterListText().toStdString();
    EXPECT_TRUE(check->masterListText().contains(QStringLiteral("档案缺失")));
    EXPECT_FALSE(check->writeMissingButton()->isVisible()); // the office did not allow it here
    ASSERT_EQ(check->table()->rowCount(), total);
    QMap<QString, QString> verdicts;
    for (int r = 0; r < total; ++r)
        verdicts.insert(check->table()->item(r, 1)->text(), check->table()->item(r, 5)->text());
    EXPECT_EQ(verdicts.value(missing), QStringLiteral("档案中没有"));
    EXPECT_EQ(verdicts.value(unreachable), QStringLiteral("未抄到"));
    EXPECT_EQ(verdicts.value(installed.at(0).commAddress), QStringLiteral("正常"));
    saveScreen(QStringLiteral("concentrator-check.png"));

    // AND saving files each household's 37.2 / 38.1 and the task's 37.1 archive count
    QTest::mouseClick(check->saveButton(), Qt::LeftButton);
    QApplication::processEvents();
    EXPECT_TRUE(check->statusText().isEmpty()
                || !check->statusText().contains(QStringLiteral("未能")))
        << check->statusText().toStdString();
    EXPECT_EQ(valueOn(store(), RecordOwner::task(task.id), QStringLiteral("37.1"),
                      QStringLiteral("meters_in_archive")),
              QString::number(total - 1));
    QHash<QString, RowId> jobOf;
    for (const JobListItem &j :
         test::valueOf(store().jobs().list(JobQuery().inTask(task.id).page(1000, 0))))
        jobOf.insert(j.customer.newMeter.commAddress, j.job.id);
    const RecordOwner first = RecordOwner::job(jobOf.value(installed.at(0).commAddress));
    EXPECT_EQ(valueOn(store(), first, QStringLiteral("38.1"), QStringLiteral("remote_read_ok")),
              QStringLiteral("yes"));
    EXPECT_EQ(valueOn(store(), first, QStringLiteral("38.1"), QStringLiteral("master_read_total")),
              QStringLiteral("101.00"));
    EXPECT_EQ(valueOn(store(), first, QStringLiteral("37.2"), QStringLiteral("measuring_point")),
              QStringLiteral("1"));
    const RecordOwner gap = RecordOwner::job(jobOf.value(missing));
    EXPECT_EQ(valueOn(store(), gap, QStringLiteral("37.2"), QStringLiteral("archive_matches_site")),
              QStringLiteral("no"));
    const RecordOwner unread = RecordOwner::job(jobOf.value(unreachable));
    EXPECT_EQ(valueOn(store(), unread, QStringLiteral("38.1"), QStringLiteral("remote_read_ok")),
              QStringLiteral("no"));
}

TEST_F(ShellTest, ConcentratorCheckWritesTheMissingMeterWhereTheOfficeAllowsIt)
{
    ASSERT_NO_FATAL_FAILURE(signIn());
    Task task = test::valueOf(store().tasks().list()).first();
    const auto jobs = test::valueOf(store().jobs().list(JobQuery().inTask(task.id).page(2, 0)));
    ASSERT_EQ(jobs.size(), 2);
    for (const JobListItem &j : jobs) {
        if (j.job.status == JobStatus::NotStarted) {
            ASSERT_TRUE(store().jobs().setStatus(j.job.id, JobStatus::InProgress).ok());
        }
    }
    const QList<meter::InstalledMeter> installed = test::valueOf(installedMeters(store(), task.id));
    meter::ConcentratorState state;
    state.password.emplace();
    state.password->fill(0x11);
    int n = 0;
    for (const meter::InstalledMeter &m : installed) {
        gdw1376::ArchiveEntry e;
        e.seq = e.point = ++n;
        e.protocol = 30;
        e.commAddress = m.commAddress.toStdString();
        state.archive[e.seq] = e;
        state.readings[e.commAddress] = 1000000;
    }
    const QString missing = installed.first().commAddress;
    ASSERT_TRUE(state.omit(missing).ok());
    state.readings[missing.toStdString()] = 1000000; // readable once it is in the archive
    meter::SimulatorThread sim(std::make_unique<meter::ConcentratorSimulator>(std::move(state)),
                               9600, 5);
    ASSERT_TRUE(sim.start(app->dir.filePath(QStringLiteral("jzq"))).ok());
    const auto openCheck = [&]() -> ConcentratorCheckPage * {
        win().openJob(jobs.first().job.id);
        win().openCard(QStringLiteral("37.2"));
        auto *walker = page<CardWalkerPage>();
        if (!walker || !tap(findButton(walker, QStringLiteral("用维护口核查本台区档案与抄读"))))
            return nullptr;
        auto *check = page<ConcentratorCheckPage>();
        if (check) {
            check->setReplyTimeoutMs(400);
            check->portPicker()->setPortName(sim.portPath());
            check->baudBox()->setCurrentIndex(check->baudBox()->findData(9600));
            check->addressEdit()->setText(QStringLiteral("1101-1234"));
        }
        return check;
    };
    const auto runCheck = [](ConcentratorCheckPage *check, QPushButton *button) {
        QSignalSpy done(check, &ConcentratorCheckPage::checkFinished);
        QTest::mouseClick(button, Qt::LeftButton);
        return done.wait(30000) && done.first().first().toBool();
    };

    // GIVEN the office allows it for this task (the task record says so)
    task.concentratorArchiveWrite = true;
    ASSERT_TRUE(
        store().tasks().importTask(task, test::valueOf(store().tasks().customers(task.id))).ok());
    ConcentratorCheckPage *check = openCheck();
    ASSERT_TRUE(check);
    ASSERT_TRUE(runCheck(check, check->checkButton()));
    ASSERT_TRUE(check->writeMissingButton()->isVisible());
    ASSERT_TRUE(check->writeMissingButton()->isEnabled());
    check->passwordEdit()->setText(QStringLiteral("11111111111111111111111111111111"));
    // THEN the missing meter is written, the archive read again, and nothing is missing any more
    ASSERT_TRUE(runCheck(check, check->writeMissingButton())) << check->statusText().toStdString();
    EXPECT_TRUE(check->summaryText().contains(QStringLiteral("缺失 0")))
        << check->summaryText().toStdString();
    EXPECT_FALSE(check->masterListText().contains(missing));
}
