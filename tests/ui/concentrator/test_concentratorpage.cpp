// 集中器维护口 (36.1–36.5) through the real screens (offscreen, 1280×800) against the 1376.1
// simulator on a real pty: from the task's card list to card 36.1, the port panel reads the
// concentrator beside the parameter sheet, a wrong password is refused and changes nothing, the
// right one sets what differs and reads back, and saving files the read-back values with their
// frames on cards 36.1–36.5 of the task.
#include "common/shellfixture.h"

#include "common/resultvalue.h"
#include "concentrator/concentratorpage.h"
#include "meter/portpicker.h"
#include "meter/sim/concentratorsimulator.h"
#include "meter/sim/simrunner.h"
#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/taskcardspage.h"
#include "store/store.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

const QString kPassword = QStringLiteral("0102030405060708090A0B0C0D0E0F10");

class ConcentratorUi : public ShellTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(ShellTest::SetUp());
        ASSERT_NO_FATAL_FAILURE(signIn());
        meter::ConcentratorState state = meter::ConcentratorState::generated(3);
        state.password.emplace();
        const QByteArray pw = QByteArray::fromHex(kPassword.toLatin1());
        std::copy(pw.begin(), pw.end(), state.password->begin());
        sim = std::make_unique<meter::SimulatorThread>(
            std::make_unique<meter::ConcentratorSimulator>(std::move(state)), 9600, 5);
        ASSERT_TRUE(sim->start(app->dir.filePath(QStringLiteral("jzq"))).ok());
    }

    ConcentratorPage *openPanel()
    {
        EXPECT_TRUE(tap(findButton(page<JobListPage>(), QStringLiteral("台区/任务作业卡"))));
        auto *list = page<TaskCardsPage>();
        EXPECT_TRUE(list);
        if (!list)
            return nullptr;
        if (list->mineOnlyToggle()->isChecked())
            tap(list->mineOnlyToggle());
        QApplication::processEvents();
        EXPECT_TRUE(tap(list->cardButton(QStringLiteral("36.1"))));
        auto *walker = page<CardWalkerPage>();
        EXPECT_TRUE(walker);
        if (!walker)
            return nullptr;
        EXPECT_TRUE(tap(findButton(walker, QStringLiteral("用维护口读取/设置集中器参数"))));
        auto *panel = page<ConcentratorPage>();
        EXPECT_TRUE(panel) << win().message().toStdString();
        if (panel) {
            panel->setReplyTimeoutMs(400);
            panel->portPicker()->setPortName(sim->portPath());
            panel->baudBox()->setCurrentIndex(panel->baudBox()->findData(9600));
        }
        return panel;
    }

    bool run(ConcentratorPage *panel, QPushButton *button)
    {
        QSignalSpy done(panel, &ConcentratorPage::operationFinished);
        QTest::mouseClick(button, Qt::LeftButton);
        return done.wait(20000) && done.first().first().toBool();
    }

    std::unique_ptr<meter::SimulatorThread> sim;
};

QString cell(QTableWidget *t, int row, int col)
{
    return t->item(row, col) ? t->item(row, col)->text() : QString();
}

} // namespace

TEST_F(ConcentratorUi, ReadBesideTheSheetSetWhatDiffersReadBackAndSaveAsEvidence)
{
    ConcentratorPage *panel = openPanel();
    ASSERT_TRUE(panel);
    // GIVEN the concentrator's address found by 查找地址 (broadcast F89), and the parameter
    // sheet typed once (nothing recorded on 36.x yet)
    panel->addressEdit()->clear();
    ASSERT_TRUE(run(panel, panel->discoverButton())) << panel->statusText().toStdString();
    EXPECT_EQ(panel->addressEdit()->text(), QStringLiteral("1101-1234"));
    panel->masterEdit()->setText(QStringLiteral("10.8.0.1:9100"));
    panel->backupEdit()->setText(QStringLiteral("10.0.1.21:9001"));
    panel->apnEdit()->setText(QStringLiteral("XXDL.BJ"));
    panel->sheetAddressEdit()->setText(QStringLiteral("1101-1234"));
    // WHEN the concentrator is read: the table shows it beside the sheet
    ASSERT_TRUE(run(panel, panel->readButton())) << panel->statusText().toStdString();
    EXPECT_TRUE(panel->statusText().contains(QStringLiteral("110104D2")))
        << panel->statusText().toStdString();
    QTableWidget *t = panel->table();
    EXPECT_EQ(cell(t, 0, 1), QStringLiteral("10.0.1.20:9001"));
    EXPECT_EQ(cell(t, 0, 2), QStringLiteral("不一致"));
    EXPECT_EQ(cell(t, 1, 2), QStringLiteral("一致 ✓"));
    EXPECT_EQ(cell(t, 2, 2), QStringLiteral("不一致"));
    EXPECT_EQ(cell(t, 3, 2), QStringLiteral("一致 ✓"));
    saveScreen(QStringLiteral("concentrator-read.png"));

    // AND a wrong password: refused, said so, nothing changed
    panel->passwordEdit()->setText(QStringLiteral("00000000000000000000000000000000"));
    EXPECT_FALSE(run(panel, panel->setButton()));
    EXPECT_TRUE(panel->statusText().contains(QStringLiteral("密码")))
        << panel->statusText().toStdString();
    ASSERT_TRUE(run(panel, panel->readButton()));
    EXPECT_EQ(cell(t, 2, 1), QStringLiteral("DLCJ.BJ"));

    // WHEN the right password: set what differs, read back, all agree
    panel->passwordEdit()->setText(kPassword);
    ASSERT_TRUE(run(panel, panel->setButton())) << panel->statusText().toStdString();
    for (int row = 0; row < 4; ++row)
        EXPECT_EQ(cell(t, row, 2), QStringLiteral("一致 ✓")) << row;
    EXPECT_EQ(cell(t, 0, 1), QStringLiteral("10.8.0.1:9100"));
    QApplication::processEvents();
    saveScreen(QStringLiteral("concentrator-set.png"));

    // THEN saving files the read-back values and the frames on the task's cards 36.1–36.5
    ASSERT_TRUE(panel->saveButton()->isEnabled());
    QTest::mouseClick(panel->saveButton(), Qt::LeftButton);
    const Task task = test::valueOf(store().tasks().list()).first();
    QMap<QString, Evidence> byKey;
    for (const Evidence &e : test::valueOf(store().evidence().list(RecordOwner::task(task.id))))
        byKey.insert(e.requirement, e);
    ASSERT_TRUE(byKey.contains(QStringLiteral("master_ip")));
    EXPECT_EQ(byKey[QStringLiteral("master_ip")].value, QStringLiteral("10.8.0.1"));
    EXPECT_EQ(byKey[QStringLiteral("master_ip")].cardId, QStringLiteral("36.1"));
    EXPECT_EQ(byKey[QStringLiteral("master_port")].value, QStringLiteral("9100"));
    EXPECT_EQ(byKey[QStringLiteral("apn")].value, QStringLiteral("XXDL.BJ"));
    EXPECT_EQ(byKey[QStringLiteral("region_code")].value, QStringLiteral("1101"));
    EXPECT_EQ(byKey[QStringLiteral("terminal_address")].value, QStringLiteral("1234"));
    const QJsonObject meta = byKey[QStringLiteral("apn")].meta;
    EXPECT_EQ(meta.value(QStringLiteral("source")).toString(), QStringLiteral("concentrator_port"));
    EXPECT_TRUE(meta.value(QStringLiteral("written")).toBool());
    const QJsonArray frames = meta.value(QStringLiteral("frames")).toArray();
    ASSERT_GE(frames.size(), 8); // find, read, refused set, read, set, read-back: request + reply
    EXPECT_TRUE(frames.first()
                    .toObject()
                    .value(QStringLiteral("hex"))
                    .toString()
                    .startsWith(QStringLiteral("68 ")));
    // AND the panel closed back to the card
    EXPECT_TRUE(page<CardWalkerPage>());
}

TEST_F(ConcentratorUi, ASilentPortSaysWhatToCheckAndOffersTheKeypad)
{
    sim->stop(); // nothing answers on the link any more: a fresh pty with a silent concentrator
    meter::ConcentratorSimOptions silent;
    silent.silent = true;
    sim = std::make_unique<meter::SimulatorThread>(
        std::make_unique<meter::ConcentratorSimulator>(meter::ConcentratorState::generated(1),
                                                       silent),
        9600, 5);
    ASSERT_TRUE(sim->start(app->dir.filePath(QStringLiteral("jzq2"))).ok());
    ConcentratorPage *panel = openPanel();
    ASSERT_TRUE(panel);
    panel->addressEdit()->setText(QStringLiteral("1101-1234"));
    EXPECT_FALSE(run(panel, panel->readButton()));
    EXPECT_TRUE(panel->statusText().contains(QStringLiteral("集中器没有应答")))
        << panel->statusText().toStdString();
    EXPECT_FALSE(panel->saveButton()->isEnabled());
    EXPECT_TRUE(findButton(panel, QStringLiteral("读取集中器"))->isEnabled()); // retry offered
}
