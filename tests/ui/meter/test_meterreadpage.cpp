// MeterReadPage on the offscreen platform against the simulator on a real pty.
#define ZX_USE_UTF8 1
#include "catalog/catalogloader.h"
#include "common/portreading.h"
#include "common/resultvalue.h"
#include "common/testenv.h"
#include "languageswitcher.h"
#include "meter/meterreadflow.h"
#include "meter/meterreadpage.h"
#include "meter/portpicker.h"
#include "meter/sim/simrunner.h"
#include "service/evidencerecords.h"
#include "service/jobsession.h"
#include "store/database.h"
#include "store/demodata.h"
#include "store/store.h"
#include "workflow/workflow.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

using namespace ms;

namespace {

struct PageRig
{
    QTemporaryDir dir;
    meter::SimulatorThread sim;
    meter::ProtocolMemory memory;
    std::unique_ptr<MeterReadPage> page;

    explicit PageRig(meter::SimulatorOptions o, MeterReadPageConfig config = {},
                     meter::RegisterSet regs = meter::RegisterSet::defaults())
        : sim(std::move(o), std::move(regs))
    {
        const auto started = sim.start(dir.filePath(QStringLiteral("probe")));
        EXPECT_TRUE(started.ok());
        config.replyTimeoutMs = 300;
        page = std::make_unique<MeterReadPage>(config, memory);
        page->resize(1280, 800);
        page->show();
        page->portPicker()->setPortName(sim.portPath());
        page->baudBox()->setCurrentIndex(page->baudBox()->findData(9600));
    }

    meter::SwapSetReading readByTap()
    {
        QSignalSpy done(page.get(), &MeterReadPage::readFinished);
        QTest::mouseClick(page->readButton(), Qt::LeftButton);
        EXPECT_TRUE(done.wait(20000));
        return done.isEmpty() ? meter::SwapSetReading{} : done.first().first().value<meter::SwapSetReading>();
    }
};

meter::SimulatorOptions fast(meter::Protocol p, const QString &address = QStringLiteral("201000000012"))
{
    meter::SimulatorOptions o;
    o.protocol = p;
    o.address = address;
    o.baud = 9600;
    o.replyDelayMs = 5;
    return o;
}

QImage barcodeImage(const std::string &text)
{
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(20).encode(text, 900, 200);
    QImage img(m.width(), m.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < m.height(); ++y)
        for (int x = 0; x < m.width(); ++x)
            img.setPixel(x, y, m.get(x, y) ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
    return img;
}

} // namespace

TEST(MeterReadPage, oneTapReadsTheMeterFillsTheTableAndWarnsAboutANewMeterNotAtZero)
{
    // GIVEN the page for a new meter's start reading, a 2007 meter showing 1234.56 kWh
    MeterReadPageConfig config;
    config.meter = QStringLiteral("new");
    config.expectedAddress = QStringLiteral("201000000012");
    PageRig rig(fast(meter::Protocol::Dlt645_2007), config);
    // WHEN the installer taps 读表
    const meter::SwapSetReading r = rig.readByTap();
    // THEN the table shows the values, the save button is on, and the start-reading warning shows
    ASSERT_EQ(r.failure, meter::LinkFailure::None) << r.message.toStdString();
    EXPECT_GE(rig.page->table()->rowCount(), 8);
    bool sawTotal = false;
    for (int row = 0; row < rig.page->table()->rowCount(); ++row)
        sawTotal = sawTotal || rig.page->table()->item(row, 1)->text() == QStringLiteral("1234.56");
    EXPECT_TRUE(sawTotal);
    EXPECT_TRUE(rig.page->saveButton()->isEnabled());
    const QStringList warnings = rig.page->warningTexts();
    ASSERT_EQ(warnings.size(), 1) << warnings.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(warnings.first().contains(QStringLiteral("新表起码")));
    EXPECT_TRUE(rig.page->statusText().contains(QStringLiteral("读表完成")));
    // AND saving emits the reading with its raw frames
    QSignalSpy save(rig.page.get(), &MeterReadPage::saveRequested);
    QTest::mouseClick(rig.page->saveButton(), Qt::LeftButton);
    ASSERT_EQ(save.count(), 1);
    const auto saved = save.first().first().value<meter::SwapSetReading>();
    EXPECT_FALSE(saved.frames.isEmpty());
}

TEST(MeterReadPage, wrongMeterAndBadTariffsAreFlagged)
{
    // GIVEN the old meter page for meter 201000000099, last billed 2000 kWh, and a 698 meter
    // whose tariffs do not add up
    MeterReadPageConfig config;
    config.meter = QStringLiteral("old");
    config.expectedAddress = QStringLiteral("201000000099");
    config.lastBilled = 2000.0;
    meter::RegisterSet regs = meter::RegisterSet::defaults();
    regs.set(QStringLiteral("forward_active"), {QStringLiteral("1234.56"), QStringLiteral("400.00"),
                                                QStringLiteral("500.00"), QStringLiteral("200.00"),
                                                QStringLiteral("100.00")});
    PageRig rig(fast(meter::Protocol::Dlt698_45), config, regs);
    const meter::SwapSetReading r = rig.readByTap();
    ASSERT_EQ(r.failure, meter::LinkFailure::None) << r.message.toStdString();
    const QStringList w = rig.page->warningTexts();
    const QString all = w.join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("201000000099"))) << all.toStdString();  // address ≠ job
    EXPECT_TRUE(all.contains(QStringLiteral("上次结算"))) << all.toStdString();      // 1234.56 < 2000
    EXPECT_TRUE(all.contains(QStringLiteral("费率之和"))) << all.toStdString();       // 1200 ≠ 1234.56
    EXPECT_EQ(w.size(), 3);
}

TEST(MeterReadPage, silentPortShowsWhatToTryAndKeepsSaveOff)
{
    meter::SimulatorOptions o = fast(meter::Protocol::Dlt645_2007);
    o.silent = true;
    PageRig rig(o);
    const meter::SwapSetReading r = rig.readByTap();
    EXPECT_EQ(r.failure, meter::LinkFailure::Silent);
    EXPECT_TRUE(rig.page->statusText().contains(QStringLiteral("探头")));
    EXPECT_FALSE(rig.page->saveButton()->isEnabled());
    EXPECT_TRUE(rig.page->readButton()->isEnabled()); // can try again
}

TEST(MeterReadPage, nameplateBarcodeIsCheckedAgainstTheAddress)
{
    PageRig rig(fast(meter::Protocol::Dlt645_2007));
    const meter::SwapSetReading r = rig.readByTap();
    ASSERT_EQ(r.failure, meter::LinkFailure::None);
    // a nameplate whose asset number ends in the address: no warning
    rig.page->scanImage(barcodeImage("1130010201000000012"));
    EXPECT_EQ(rig.page->scannedAssetNo(), QStringLiteral("1130010201000000012"));
    EXPECT_TRUE(rig.page->warningTexts().isEmpty());
    // the neighbour's nameplate: warning
    rig.page->scanImage(barcodeImage("1130010201000000077"));
    ASSERT_EQ(rig.page->warningTexts().size(), 1);
    EXPECT_TRUE(rig.page->warningTexts().first().contains(QStringLiteral("不对应")));
}

TEST(MeterReadPage, touchTargetsAreLargeEnough)
{
    PageRig rig(fast(meter::Protocol::Dlt645_2007));
    for (QPushButton *b : rig.page->findChildren<QPushButton *>()) {
        if (b->isVisible()) {
            EXPECT_GE(b->height(), 48) << b->text().toStdString();
        }
    }
    EXPECT_GE(rig.page->readButton()->height(), 90);
}

TEST(MeterEvidence, rowsCarryEveryRegisterAndTheFramesFile)
{
    const meter::SwapSetReading reading = test::portReading();
    EvidenceRequirement requirement;
    requirement.key = QStringLiteral("old_final");
    requirement.meter = QStringLiteral("old");
    requirement.registerName = QStringLiteral("forward_total");
    const QList<NewEvidence> rows = EvidenceRecords::meterRead(
        QStringLiteral("21.3"), requirement, reading, {}, QStringLiteral("1130010201000000012"));
    ASSERT_EQ(rows.size(), 6); // frames + total + T1..T4
    EXPECT_EQ(rows.first().record.kind, EvidenceKind::MeterFrames);
    EXPECT_TRUE(rows.first().data.contains("68AA16"));
    EXPECT_EQ(rows.at(1).record.requirement, QStringLiteral("old_final"));
    EXPECT_EQ(rows.at(1).record.value, QStringLiteral("1234.56"));
    EXPECT_EQ(rows.at(2).record.requirement, QStringLiteral("old_final.forward_t1"));
    EXPECT_EQ(rows.at(2).record.meta.value(QStringLiteral("frames")).toString(), rows.first().record.uuid);
}

TEST(MeterEvidence, aReadSavedFromThePageIsOneActionOfTheJobServiceOnTheJob)
{
    // GIVEN a real store with one generated job open in the job service, and the meter page made
    // by the shell's factory for its old meter's final reading, reading the simulator on a pty
    QTemporaryDir dir;
    auto opened = Store::open(dir.filePath(QStringLiteral("data")));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    std::unique_ptr<Store> store = std::move(opened).value();
    ASSERT_TRUE(generateJobs(*store, 1).ok());
    const QList<JobListItem> jobs = test::valueOf(store->jobs().list(JobQuery().page(1)));
    ASSERT_EQ(jobs.size(), 1);
    const CatalogLoad catalog = CatalogLoader::load(test::formsDir());
    const Workflow workflow(catalog.catalog);
    LanguageSwitcher language;
    AppContext ctx(*store, catalog.catalog, workflow, language);
    ctx.user = User{};
    ctx.user->uuid = QStringLiteral("u-zhang");
    auto session =
        JobSession::open(*store, catalog.catalog, workflow, ctx.actor(), jobs.first().job.id);
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    meter::SimulatorThread sim(fast(meter::Protocol::Dlt645_2007), meter::RegisterSet::defaults());
    ASSERT_TRUE(sim.start(dir.filePath(QStringLiteral("probe"))).ok());
    meter::ProtocolMemory memory;
    bool done = false;
    const EvidenceRequirement *req = catalog.catalog.card(QStringLiteral("21.3"))
                                         ->requirement(QStringLiteral("old_final_total"));
    ASSERT_NE(req, nullptr);
    MeterReadRequest request{session.value().get(), QStringLiteral("21.3"), *req,
                             [&done] { done = true; }};
    std::unique_ptr<QWidget> widget(makeMeterReadFactory(ctx, memory)(request, nullptr));
    auto *page = qobject_cast<MeterReadPage *>(widget.get());
    ASSERT_TRUE(page);
    page->resize(1280, 800);
    page->show();
    page->portPicker()->setPortName(sim.portPath());
    page->baudBox()->setCurrentIndex(page->baudBox()->findData(9600));
    QSignalSpy read(page, &MeterReadPage::readFinished);
    QTest::mouseClick(page->readButton(), Qt::LeftButton);
    ASSERT_TRUE(read.wait(20000));
    ASSERT_TRUE(page->saveButton()->isEnabled()) << page->statusText().toStdString();
    // WHEN the installer taps save
    const qint64 before = store->database().commitCount();
    QSignalSpy changed(session.value().get(), &JobSession::changed);
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);
    // THEN it is one action of the service: one transaction, announced once, and the page is done
    EXPECT_EQ(store->database().commitCount() - before, 1);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_TRUE(done);
    // AND the frames file and every register are the job's, linked, made by the signed-in user,
    // and the open job shows the reading at once
    const QList<Evidence> rows =
        test::valueOf(store->evidence().list(RecordOwner::job(jobs.first().job.id)));
    int readings = 0;
    QString framesUuid;
    for (const Evidence &e : rows) {
        EXPECT_EQ(e.jobId, jobs.first().job.id);
        EXPECT_EQ(e.taskId, 0);
        EXPECT_EQ(e.userUuid, QStringLiteral("u-zhang"));
        if (e.kind == EvidenceKind::MeterFrames) {
            framesUuid = e.uuid;
            EXPECT_FALSE(e.sha256.isEmpty());
        } else if (e.kind == EvidenceKind::MeterReading) {
            ++readings;
        }
    }
    EXPECT_EQ(readings, 8); // total, T1..T4, reverse, remaining energy, remaining money
    for (const Evidence &e : rows) {
        if (e.kind == EvidenceKind::MeterReading) {
            EXPECT_EQ(e.meta.value(QStringLiteral("frames")).toString(), framesUuid);
        }
    }
    EXPECT_EQ(session.value()->latestReading(QStringLiteral("old")), QStringLiteral("1234.56"));
    EXPECT_EQ(
        session.value()->evidence(QStringLiteral("21.3"), QStringLiteral("old_final_total")).size(),
        1);
    EXPECT_TRUE(store->evidence().verifyFiles(jobs.first().job.id).ok());
    // AND the port that answered is remembered for next time (a setting, not part of the action)
    EXPECT_EQ(test::valueOf(store->settings().value(QString::fromLatin1(meterkeys::kPort))), sim.portPath());
}
